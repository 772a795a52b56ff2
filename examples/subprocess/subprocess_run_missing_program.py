"""A program that does not exist never starts: run() raises FileNotFoundError, and there is no return code."""

import errno
import subprocess


def main():
    try:
        subprocess.run(["no-such-program-here", "--version"])
    except FileNotFoundError as error:
        print("run() raised", type(error).__name__)
        print("errno:", errno.errorcode[error.errno])


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program bcc8cd81):
#
# $ python examples/subprocess/subprocess_run_missing_program.py
# run() raised FileNotFoundError
# errno: ENOENT
