"""run() starts another program, waits for it to end, and hands back its exit code and output."""

import os
import subprocess
import sys

# The child program: one line on stdout, one on stderr.
CHILD = """
import os, sys
print(f"Hello from the child ({os.getpid()}).")
print("A note on stderr.", file=sys.stderr)
"""


def main():
    print(f"Parent process {os.getpid()}.")
    result = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True
    )
    print("return code:", result.returncode)
    print("stdout:", repr(result.stdout))
    print("stderr:", repr(result.stderr))

    raw = subprocess.run([sys.executable, "-c", CHILD], capture_output=True)
    print("without text=True, stdout is", type(raw.stdout).__name__)


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program d4ab4df5):
#
# $ python examples/subprocess/subprocess_run_capture_output.py
# Parent process 22277.
# return code: 0
# stdout: 'Hello from the child (22279).\n'
# stderr: 'A note on stderr.\n'
# without text=True, stdout is bytes
