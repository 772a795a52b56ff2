"""The same counter with `with lock:` around the read and the write: no update is lost, on every run."""

import threading
import time

THREADS, TIMES = 8, 200
counter = 0
lock = threading.Lock()


def add(times):
    global counter
    for _ in range(times):
        with lock:  # one thread at a time from here ...
            value = counter
            time.sleep(0)  # other threads run, but wait at `with lock:`
            counter = value + 1
        # ... to here


def main():
    threads = [threading.Thread(target=add, args=(TIMES,)) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("expected:", THREADS * TIMES)
    print("final:", counter)


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 889c6143):
#
# $ python examples/locks/threading_lock_fixes_race.py
# expected: 1600
# final: 1600
