"""Two processes add 1 to a shared Value 20 times each: with the read and the write apart, updates get lost; inside `with counter.get_lock():` none are."""

import multiprocessing
import time

PROCESSES = 2
TIMES = 20


def add_unlocked(counter, times):
    for _ in range(times):
        value = counter.value
        time.sleep(0.001)  # another process can write here
        counter.value = value + 1


def add_locked(counter, times):
    for _ in range(times):
        with counter.get_lock():
            value = counter.value
            time.sleep(0.001)
            counter.value = value + 1


def worker(unsafe, safe, start_together, times):
    start_together.wait()  # all processes begin at the same moment
    add_unlocked(unsafe, times)
    add_locked(safe, times)


def main():
    unsafe = multiprocessing.Value("i", 0)  # "i": a C int, starting at 0
    safe = multiprocessing.Value("i", 0)
    start_together = multiprocessing.Barrier(PROCESSES)
    processes = [
        multiprocessing.Process(
            target=worker, args=(unsafe, safe, start_together, TIMES)
        )
        for _ in range(PROCESSES)
    ]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    expected = PROCESSES * TIMES
    print("expected:", expected)
    print("without the lock, lost updates:", unsafe.value != expected)
    print("with get_lock(), final:", safe.value)


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 55807ca3):
#
# $ python examples/locks/multiprocessing_value_get_lock.py
# expected: 40
# without the lock, lost updates: True
# with get_lock(), final: 40
