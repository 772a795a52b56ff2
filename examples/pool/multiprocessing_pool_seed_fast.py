"""The note's Pool example, made fast: 4 worker processes share 13 tasks; join() waits for all."""

import os
import random
import time
from multiprocessing import Pool


def worker_started():
    print(f"Worker process pid={os.getpid()} started.")


def long_time_task(name):
    print(f"Run task {name}...")
    start = time.time()
    # The same "random" length for a task in every run: 0.05 to 0.3 s.
    time.sleep(random.Random(name).uniform(0.05, 0.3))
    end = time.time()
    print(f"Task {name} runs {end - start:0.2f} seconds.")


def main():
    print(f"Parent process pid={os.getpid()}.")
    p = Pool(4, initializer=worker_started)
    for i in range(13):
        p.apply_async(long_time_task, args=(i,))
    print("Waiting for all subprocesses done...")
    p.close()
    p.join()
    print("All subprocesses done.")


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 7bc5d6bb):
#
# $ python examples/pool/multiprocessing_pool_seed_fast.py
# Parent process pid=10067.
# Waiting for all subprocesses done...
# Worker process pid=10070 started.
# Run task 0...
# Worker process pid=10069 started.
# Run task 1...
# Worker process pid=10071 started.
# Worker process pid=10072 started.
# Run task 2...
# Run task 3...
# Task 1 runs 0.08 seconds.
# Run task 4...
# Task 3 runs 0.11 seconds.
# Run task 5...
# Task 4 runs 0.11 seconds.
# Run task 6...
# Task 0 runs 0.26 seconds.
# Run task 7...
# Task 2 runs 0.29 seconds.
# Run task 8...
# Task 5 runs 0.21 seconds.
# Run task 9...
# Task 7 runs 0.13 seconds.
# Run task 10...
# Task 8 runs 0.11 seconds.
# Run task 11...
# Task 6 runs 0.25 seconds.
# Run task 12...
# Task 9 runs 0.17 seconds.
# Task 10 runs 0.19 seconds.
# Task 11 runs 0.16 seconds.
# Task 12 runs 0.17 seconds.
# All subprocesses done.
