"""A non-zero exit code is not an exception by itself; check=True turns it into CalledProcessError."""

import subprocess
import sys

# The child program: reports a problem on stderr and exits with code 3.
CHILD = "import sys; sys.stderr.write('disk full\\n'); sys.exit(3)"


def main():
    result = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True
    )
    print("without check: return code", result.returncode)
    #> without check: return code 3

    try:
        subprocess.run(
            [sys.executable, "-c", CHILD], capture_output=True, text=True, check=True
        )
    except subprocess.CalledProcessError as error:
        print(f"with check=True: CalledProcessError, exit status {error.returncode}")
        #> with check=True: CalledProcessError, exit status 3
        print("the error carries the child's stderr:", error.stderr.strip())
        #> the error carries the child's stderr: disk full


if __name__ == "__main__":
    main()
