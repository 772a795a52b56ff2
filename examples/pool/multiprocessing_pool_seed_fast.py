"""The note's Pool example, made fast: 4 worker processes share 13 tasks; join() waits for all."""

import os
import random
import time
from multiprocessing import Pool


def long_time_task(name):
    print(f"Run task {name} ({os.getpid()})...\n", end="")
    start = time.time()
    time.sleep(random.Random(name).random() * 0.3)
    end = time.time()
    print(f"Task {name} runs {end - start:0.2f} seconds.\n", end="")


def main():
    print(f"Parent process {os.getpid()}.")
    p = Pool(4)
    for i in range(13):
        p.apply_async(long_time_task, args=(i,))
    print("Waiting for all subprocesses done...\n", end="")
    p.close()
    p.join()
    print("All subprocesses done.")


if __name__ == "__main__":
    main()

# order: varies
# pids: workers vary

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 520a95a9):
#
# $ python examples/pool/multiprocessing_pool_seed_fast.py
# Parent process 22160.
# Waiting for all subprocesses done...
# Run task 0 (22162)...
# Run task 1 (22163)...
# Run task 2 (22164)...
# Run task 3 (22165)...
# Task 1 runs 0.04 seconds.
# Run task 4 (22163)...
# Task 3 runs 0.07 seconds.
# Run task 5 (22165)...
# Task 4 runs 0.07 seconds.
# Run task 6 (22163)...
# Task 0 runs 0.25 seconds.
# Run task 7 (22162)...
# Task 5 runs 0.19 seconds.
# Run task 8 (22165)...
# Task 2 runs 0.29 seconds.
# Run task 9 (22164)...
# Task 8 runs 0.07 seconds.
# Run task 10 (22165)...
# Task 7 runs 0.10 seconds.
# Run task 11 (22162)...
# Task 6 runs 0.24 seconds.
# Run task 12 (22163)...
# Task 9 runs 0.14 seconds.
# Task 11 runs 0.14 seconds.
# Task 12 runs 0.14 seconds.
# Task 10 runs 0.17 seconds.
# All subprocesses done.
