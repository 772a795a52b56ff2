"""Ctrl-C while waiting on a pool: KeyboardInterrupt, and the `with` block ends the workers."""

import os
import time
from multiprocessing import Pool

# How long each task sleeps. Set POOL_TASK_SECONDS=30 to have time to press Ctrl-C.
TASK_SECONDS = float(os.environ.get("POOL_TASK_SECONDS", "0.1"))


def nap(seconds):
    time.sleep(seconds)
    return seconds


def main():
    with Pool(2) as pool:
        print("waiting for 4 tasks (Ctrl-C to interrupt)...", flush=True)
        results = pool.map(nap, [TASK_SECONDS] * 4)
    print(f"all {len(results)} tasks done")


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 5539151c):
#
# $ python examples/pool/multiprocessing_pool_ctrl_c.py
# waiting for 4 tasks (Ctrl-C to interrupt)...
# all 4 tasks done
