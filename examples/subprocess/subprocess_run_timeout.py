"""run(timeout=...) kills a child that takes too long; Popen.communicate(timeout=...) leaves it running."""

import subprocess
import sys
import time

# The child program: sleeps far longer than we are willing to wait.
SLOW_CHILD = [sys.executable, "-c", "import time; time.sleep(5)"]


def main():
    start = time.perf_counter()
    try:
        subprocess.run(SLOW_CHILD, timeout=0.2)
    except subprocess.TimeoutExpired:
        print(f"run() raised TimeoutExpired after {time.perf_counter() - start:.2f} s")

    with subprocess.Popen(SLOW_CHILD) as child:
        try:
            child.communicate(timeout=0.2)
        except subprocess.TimeoutExpired:
            print("communicate() timed out; still running:", child.poll() is None)
            child.kill()
            child.communicate()  # wait for it to end
        print("after kill() and communicate(), still running:", child.poll() is None)


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 3fff4b80):
#
# $ python examples/subprocess/subprocess_run_timeout.py
# run() raised TimeoutExpired after 0.20 s
# communicate() timed out; still running: True
# after kill() and communicate(), still running: False
