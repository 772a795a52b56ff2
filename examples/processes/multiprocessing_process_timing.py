"""The same two loops, first one after the other, then in two processes at the same time."""

import time
from multiprocessing import Process, Queue

STEPS = 6_000_000


def count(steps):
    n = 0
    for _ in range(steps):
        n += 1
    return n


def timed_count(steps, results):
    start = time.time()
    count(steps)
    results.put((start, time.time()))


def main():
    start = time.perf_counter()
    count(STEPS)
    count(STEPS)
    one_after_another = time.perf_counter() - start
    print(f"one after another: {one_after_another:.2f} s")

    results = Queue()
    workers = [Process(target=timed_count, args=(STEPS, results)) for _ in range(2)]
    start = time.perf_counter()
    for worker in workers:
        worker.start()
    spans = [results.get() for _ in workers]
    for worker in workers:
        worker.join()
    two_processes = time.perf_counter() - start
    print(f"two processes:     {two_processes:.2f} s")
    print(f"speed-up: {one_after_another / two_processes:.1f}x")

    (start_1, end_1), (start_2, end_2) = spans
    print("the two loops overlapped in time:", start_1 < end_2 and start_2 < end_1)


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program edad9794):
#
# $ python examples/processes/multiprocessing_process_timing.py
# one after another: 0.46 s
# two processes:     0.62 s
# speed-up: 0.7x
# the two loops overlapped in time: True
