"""The same counter with `with lock:` around the read and the write: no update is lost, on every run."""

import threading
import time

THREADS = 8
TIMES = 200


class Counter:
    def __init__(self):
        self.value = 0


def add(counter, lock, times):
    for _ in range(times):
        with lock:  # one thread at a time from here ...
            value = counter.value
            time.sleep(0)  # other threads run, but wait at `with lock:`
            counter.value = value + 1
        # ... to here


def main():
    counter = Counter()
    lock = threading.Lock()
    threads = [
        threading.Thread(target=add, args=(counter, lock, TIMES))
        for _ in range(THREADS)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    expected = THREADS * TIMES
    print("expected:", expected)
    print("final:", counter.value)
    print("final == expected:", counter.value == expected)
    print("lock is free again:", not lock.locked())


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 10ec1a77):
#
# $ python examples/locks/threading_lock_fixes_race.py
# expected: 1600
# final: 1600
# final == expected: True
# lock is free again: True
