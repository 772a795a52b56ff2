"""process_map: the same on a process pool; with mp_context, tqdm's lock must come from that context."""

import multiprocessing
import os

from tqdm import tqdm
from tqdm.contrib.concurrent import process_map


def square(n):
    return n * n, os.getpid()


def main():
    ctx = multiprocessing.get_context("spawn")
    # The bar's lock, made by the same context as the worker processes:
    tqdm.set_lock(ctx.RLock())
    numbers = range(200)
    results = process_map(
        square, numbers, max_workers=2, mp_context=ctx, desc="squares"
    )

    squares = [value for value, _ in results]
    worker_pids = {pid for _, pid in results}
    print(
        f"{len(squares)} results, in input order:", squares == [n * n for n in numbers]
    )
    print("at most 2 worker processes did the work:", len(worker_pids) <= 2)
    print("none of them is the main process:", os.getpid() not in worker_pids)


if __name__ == "__main__":
    main()

# start-method: spawn

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 71880018):
#
# $ python examples/tqdm/tqdm_process_map.py
# squares: 100%|██████████| 200/200 [00:00<00:00, 859.69it/s]
# 200 results, in input order: True
# at most 2 worker processes did the work: True
# none of them is the main process: True
