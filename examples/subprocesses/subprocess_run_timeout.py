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
        #> run() raised TimeoutExpired after 0.21 s
        print("it did not wait for the 5 s sleep:", elapsed < 5)
        #> it did not wait for the 5 s sleep: True

    with subprocess.Popen(SLOW_CHILD) as child:
        try:
            child.communicate(timeout=0.2)
        except subprocess.TimeoutExpired:
            print("communicate() timed out; child still running:", child.poll() is None)
            #> communicate() timed out; child still running: True
            child.kill()
            child.communicate()  # wait for it to end
        print("after kill() and communicate(), child ended:", child.poll() is not None)
        #> after kill() and communicate(), child ended: True


if __name__ == "__main__":
    main()
