"""Two processes count at the same time, each with its own interpreter and its own GIL."""

import time
from multiprocessing import Process

STEPS = 6_000_000


def count_down(n):
    while n > 0:
        n -= 1


def main():
    start = time.perf_counter()
    count_down(STEPS)
    count_down(STEPS)
    print(f"One after another: {time.perf_counter() - start:.2f} s")

    processes = [Process(target=count_down, args=(STEPS,)) for _ in range(2)]
    start = time.perf_counter()
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    print(f"Two processes:     {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 5f29a774):
#
# $ python examples/gil/gil_cpu_bound_processes.py
# One after another: 0.30 s
# Two processes:     0.31 s
