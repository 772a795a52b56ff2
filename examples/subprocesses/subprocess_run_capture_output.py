"""run() starts another program (here a second Python) and returns its stdout, stderr and return code."""

import os
import subprocess
import sys

# The child program: writes one line to stdout and one to stderr.
CHILD = """
import os, sys
print(f"hello from the child, pid={os.getpid()}")
print("a note on stderr", file=sys.stderr)
"""


def main():
    print(f"parent pid={os.getpid()}")
    #> parent pid=4726
    result = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True
    )
    print("return code:", result.returncode)
    #> return code: 0
    print("stdout:", result.stdout.strip())
    #> stdout: hello from the child, pid=4732
    print("stderr:", result.stderr.strip())
    #> stderr: a note on stderr

    raw = subprocess.run([sys.executable, "-c", CHILD], capture_output=True)
    print("without text=True, stdout is", type(raw.stdout).__name__)
    #> without text=True, stdout is bytes


if __name__ == "__main__":
    main()
