"""Eight threads each add 1 to a shared counter 200 times, pausing between the read and the write: updates get lost."""

import threading
import time

THREADS = 8
TIMES = 200


class Counter:
    def __init__(self):
        self.value = 0


def add(counter, times):
    for _ in range(times):
        value = counter.value  # read
        time.sleep(0)  # another thread can run here
        counter.value = value + 1  # write


def main():
    counter = Counter()
    threads = [
        threading.Thread(target=add, args=(counter, TIMES)) for _ in range(THREADS)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    expected = THREADS * TIMES
    print("expected:", expected)
    print("lost updates:", counter.value != expected)
    print("final is below expected:", counter.value < expected)


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 42f4beba):
#
# $ python examples/locks/threading_race_lost_updates.py
# expected: 1600
# lost updates: True
# final is below expected: True
