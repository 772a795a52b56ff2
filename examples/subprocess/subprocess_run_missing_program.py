"""Starting a program that does not exist raises FileNotFoundError in the parent; there is no return code."""

import errno
import subprocess


def main():
    try:
        subprocess.run(["no-such-program-here", "--version"])
    except FileNotFoundError as error:
        print("FileNotFoundError; errno is ENOENT:", error.errno == errno.ENOENT)


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program f9922c6d):
#
# $ python examples/subprocess/subprocess_run_missing_program.py
# FileNotFoundError; errno is ENOENT: True
