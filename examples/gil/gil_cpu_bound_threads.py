"""With the GIL on, two threads that count in pure Python are no faster than one thread
counting twice."""

import threading
import time

STEPS = 4_000_000


def count_down(n):
    while n > 0:
        n -= 1


def main():
    start = time.perf_counter()
    count_down(STEPS)
    count_down(STEPS)
    print(f"One after another: {time.perf_counter() - start:.2f} s")

    threads = [threading.Thread(target=count_down, args=(STEPS,)) for _ in range(2)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"Two threads:       {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 662f4cc4):
#
# $ python examples/gil/gil_cpu_bound_threads.py
# One after another: 0.20 s
# Two threads:       0.22 s
