"""The same two loops, first one after the other, then in two processes at the same time."""

import time
from multiprocessing import Process

STEPS = 5_000_000


def count(steps):
    n = 0
    for _ in range(steps):
        n += 1
    return n


def main():
    start = time.perf_counter()
    count(STEPS)
    count(STEPS)
    one_after_another = time.perf_counter() - start
    print(f"one after another: {one_after_another:.2f} s")

    start = time.perf_counter()
    p = Process(target=count, args=(STEPS,))
    d = Process(target=count, args=(STEPS,))
    p.start()
    d.start()
    p.join()
    d.join()
    two_processes = time.perf_counter() - start
    print(f"two processes:     {two_processes:.2f} s")
    print(f"speed-up: {one_after_another / two_processes:.1f}x")


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 928922c1):
#
# $ python examples/processes/multiprocessing_process_timing.py
# one after another: 0.25 s
# two processes:     0.37 s
# speed-up: 0.7x
