"""run(timeout=...) kills a child that takes too long; with Popen you kill it yourself, then wait for it."""

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
        elapsed = time.perf_counter() - start
        print(f"run() raised TimeoutExpired after {elapsed:.2f} s")
        print("it did not wait for the 5 s sleep:", elapsed < 5)

    with subprocess.Popen(SLOW_CHILD) as child:
        try:
            child.communicate(timeout=0.2)
        except subprocess.TimeoutExpired:
            print("communicate() timed out; child still running:", child.poll() is None)
            child.kill()
            child.communicate()  # wait for it to end
        print("after kill() and communicate(), child ended:", child.poll() is not None)


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 426dc5b0):
#
# $ python examples/subprocess/subprocess_run_timeout.py
# run() raised TimeoutExpired after 0.20 s
# it did not wait for the 5 s sleep: True
# communicate() timed out; child still running: True
# after kill() and communicate(), child ended: True
