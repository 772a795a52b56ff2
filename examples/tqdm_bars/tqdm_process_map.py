"""process_map: the same on a process pool; with mp_context, tqdm's lock must come from that context."""

# start-method: spawn
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
    #> 200 results, in input order: True
    print("at most 2 worker processes did the work:", len(worker_pids) <= 2)
    #> at most 2 worker processes did the work: True
    print("none of them is the main process:", os.getpid() not in worker_pids)
    #> none of them is the main process: True


if __name__ == "__main__":
    main()
