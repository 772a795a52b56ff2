"""Eight threads each add 1 to a shared counter 200 times, with a pause between the read and the write: updates get lost."""

import threading
import time

THREADS, TIMES = 8, 200
counter = 0


def add(times):
    global counter
    for _ in range(times):
        value = counter  # read
        time.sleep(0)  # another thread can run here
        counter = value + 1  # write


def main():
    threads = [threading.Thread(target=add, args=(TIMES,)) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("expected:", THREADS * TIMES)
    print("updates lost:", counter < THREADS * TIMES)


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 725b7872):
#
# $ python examples/locks/threading_race_lost_updates.py
# expected: 1600
# updates lost: True
