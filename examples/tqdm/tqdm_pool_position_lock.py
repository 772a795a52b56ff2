"""One bar per worker process: each bar has its own position, and all share one lock."""

import multiprocessing
import os
import time

from tqdm import tqdm

TASKS = 3
STEPS = 20


def work(n):
    for _ in tqdm(range(STEPS), desc=f"task{n}", position=n, mininterval=0.05):
        time.sleep(0.01)
    return n, os.getpid()


def main():
    lock = multiprocessing.RLock()  # from the same (default) context as the pool
    with multiprocessing.Pool(
        TASKS, initializer=tqdm.set_lock, initargs=(lock,)
    ) as pool:
        results = pool.map(work, range(TASKS))
    for n, pid in results:
        print(f"task {n} ran in a worker process:", pid != os.getpid())


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program d16d6231):
#
# $ python examples/tqdm/tqdm_pool_position_lock.py
# task1: 100%|██████████| 20/20 [00:00<00:00, 98.10it/s]
# task0: 100%|██████████| 20/20 [00:00<00:00, 95.89it/s]
# task2: 100%|██████████| 20/20 [00:00<00:00, 98.06it/s]
# task 0 ran in a worker process: True
# task 1 ran in a worker process: True<00:00, 98.09it/s]
# task 2 ran in a worker process: True
