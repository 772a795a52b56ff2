"""One bar per worker process, each on its own row below the main process's bar; all share one lock."""

import multiprocessing
import os
import time

from tqdm import tqdm


def work(n):
    for _ in tqdm(range(20), desc=f"task{n}", position=n + 1, leave=False):
        time.sleep(0.01)
    return n, os.getpid()


def main():
    print(f"Parent process {os.getpid()}.")
    lock = multiprocessing.RLock()  # from the same (default) context as the pool
    tqdm.set_lock(lock)
    with multiprocessing.Pool(3, initializer=tqdm.set_lock, initargs=(lock,)) as pool:
        results = list(tqdm(pool.imap(work, range(3)), total=3, desc="all"))
    for n, pid in results:
        print(f"Task {n} ran in process {pid}.")


if __name__ == "__main__":
    main()

# pids: workers vary

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program b405c1c2):
#
# $ python examples/tqdm/tqdm_pool_position_lock.py
# Parent process 22309.
# all: 100%|██████████| 3/3 [00:00<00:00,  6.48it/s]
# Task 0 ran in process 22312.
# Task 1 ran in process 22315.
# Task 2 ran in process 22313.
