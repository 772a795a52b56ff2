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

    try:
        subprocess.run(
            [sys.executable, "-c", CHILD], capture_output=True, text=True, check=True
        )
    except subprocess.CalledProcessError as error:
        print(f"with check=True: CalledProcessError, exit status {error.returncode}")
        print("the error carries the child's stderr:", error.stderr.strip())


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program d4983a6a):
#
# $ python examples/subprocess/subprocess_run_check_returncode.py
# without check: return code 3
# with check=True: CalledProcessError, exit status 3
# the error carries the child's stderr: disk full
