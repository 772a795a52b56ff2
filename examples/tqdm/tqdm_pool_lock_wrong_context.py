"""A lock made by the fork context cannot go to spawn worker processes: the pool fails to start."""

import multiprocessing
import sys

from tqdm import tqdm


def work(n):
    for _ in tqdm(range(10), desc=f"task{n}", position=n):
        pass
    return n


def main():
    lock = multiprocessing.get_context("fork").RLock()  # wrong: not the pool's context
    spawn = multiprocessing.get_context("spawn")
    try:
        with spawn.Pool(2, initializer=tqdm.set_lock, initargs=(lock,)) as pool:
            print(pool.map(work, range(2)))
    except RuntimeError as error:
        sys.exit(f"The pool did not start. RuntimeError: {error}")


if __name__ == "__main__":
    main()

# start-method: spawn
# needs: fork

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 1, program 3a4b592a):
#
# $ python examples/tqdm/tqdm_pool_lock_wrong_context.py
# The pool did not start. RuntimeError: A SemLock created in a fork context is being shared with a process in a spawn context. This is not supported. Please use the same context to create multiprocessing objects and Process.
