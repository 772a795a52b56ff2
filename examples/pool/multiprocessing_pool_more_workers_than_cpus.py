"""A pool with more workers than CPUs runs them all at once: the sleeping tasks all overlap."""

import os
import time
from multiprocessing import Barrier, Pool

SLEEP = 0.3


def wait_for_the_others(barrier):
    barrier.wait()


def sleepy_task(i):
    start = time.time()
    time.sleep(SLEEP)
    return start, time.time()


def main():
    cpus = os.cpu_count() or 1
    n = max(8, 2 * cpus)  # twice the CPUs, at least 8
    print("more workers than CPUs:", n > cpus)

    started = Barrier(n + 1)
    with Pool(n, initializer=wait_for_the_others, initargs=(started,)) as pool:
        started.wait()  # all n workers are up
        spans = pool.map(sleepy_task, range(n))

    last_start = max(start for start, _ in spans)
    first_end = min(end for _, end in spans)
    print("all tasks were asleep at the same moment:", last_start < first_end)
    elapsed = max(end for _, end in spans) - min(start for start, _ in spans)
    print(f"first start to last end: {elapsed:.2f} s (each task sleeps {SLEEP:.2f} s)")
    print("that is less than two sleeps one after another:", elapsed < 2 * SLEEP)


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 08b4f495):
#
# $ python examples/pool/multiprocessing_pool_more_workers_than_cpus.py
# more workers than CPUs: True
# all tasks were asleep at the same moment: True
# first start to last end: 0.30 s (each task sleeps 0.30 s)
# that is less than two sleeps one after another: True
