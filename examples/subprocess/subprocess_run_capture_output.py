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
    result = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True
    )
    print("return code:", result.returncode)
    print("stdout:", result.stdout.strip())
    print("stderr:", result.stderr.strip())

    raw = subprocess.run([sys.executable, "-c", CHILD], capture_output=True)
    print("without text=True, stdout is", type(raw.stdout).__name__)


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 96f6fe3d):
#
# $ python examples/subprocess/subprocess_run_capture_output.py
# parent pid=10177
# return code: 0
# stdout: hello from the child, pid=10179
# stderr: a note on stderr
# without text=True, stdout is bytes
