"""The note's LoopThread: the main thread starts it, join() waits for it, and only then does the main thread print its last line."""

import threading
import time


def loop():
    print(f"thread {threading.current_thread().name} is running...")
    n = 0
    while n < 5:
        n = n + 1
        print(f"thread {threading.current_thread().name} >>> {n}")
        time.sleep(0.02)
    print(f"thread {threading.current_thread().name} ended.")


def main():
    print(f"thread {threading.current_thread().name} is running...")
    t = threading.Thread(target=loop, name="LoopThread")
    t.start()
    t.join()
    print(f"thread {threading.current_thread().name} ended.")


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 87cb6a4e):
#
# $ python examples/threads/threading_loopthread.py
# thread MainThread is running...
# thread LoopThread is running...
# thread LoopThread >>> 1
# thread LoopThread >>> 2
# thread LoopThread >>> 3
# thread LoopThread >>> 4
# thread LoopThread >>> 5
# thread LoopThread ended.
# thread MainThread ended.
