"""Starting a program that does not exist raises FileNotFoundError in the parent; there is no return code."""

import errno
import subprocess


def main():
    try:
        subprocess.run(["no-such-program-here", "--version"])
    except FileNotFoundError as error:
        print("FileNotFoundError; errno is ENOENT:", error.errno == errno.ENOENT)
        #> FileNotFoundError; errno is ENOENT: True


if __name__ == "__main__":
    main()
