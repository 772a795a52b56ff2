"""process_map: the same on a process pool; with mp_context, tqdm's lock must come from that context."""

import multiprocessing

from tqdm import tqdm
from tqdm.contrib.concurrent import process_map


def square(n):
    return n * n


def main():
    ctx = multiprocessing.get_context("spawn")
    tqdm.set_lock(ctx.RLock())  # the bar's lock, from the workers' context
    squares = process_map(
        square, range(200), max_workers=2, mp_context=ctx, desc="squares"
    )
    print(len(squares), "results, in input order:", squares[:5], "...", squares[-1])


if __name__ == "__main__":
    main()

# start-method: spawn

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 2c7456ef):
#
# $ python examples/tqdm/tqdm_process_map.py
# squares: 100%|██████████| 200/200 [00:00<00:00, 1581.80it/s]
# 200 results, in input order: [0, 1, 4, 9, 16] ... 39601
