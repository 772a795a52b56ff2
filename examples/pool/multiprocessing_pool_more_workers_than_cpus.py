"""Twice as many workers as CPUs: the sleeping tasks all run at once, none waits for a CPU."""

import os
import time
from multiprocessing import Barrier, Pool

SLEEP = 0.3


def wait_for_the_others(barrier):
    barrier.wait()


def nap(i):
    start = time.time()
    time.sleep(SLEEP)
    return start, time.time()


def main():
    n = 2 * (os.cpu_count() or 1)
    all_up = Barrier(n + 1)
    with Pool(n, initializer=wait_for_the_others, initargs=(all_up,)) as pool:
        all_up.wait()  # every worker has started
        spans = pool.map(nap, range(n))
    first_start = min(start for start, _ in spans)
    last_end = max(end for _, end in spans)
    print(f"2 workers per CPU, as many tasks; every task sleeps {SLEEP} s")
    print(f"first task's start to last task's end: {last_end - first_start:.2f} s")


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 2c4331bd):
#
# $ python examples/pool/multiprocessing_pool_more_workers_than_cpus.py
# 2 workers per CPU, as many tasks; every task sleeps 0.3 s
# first task's start to last task's end: 0.30 s
