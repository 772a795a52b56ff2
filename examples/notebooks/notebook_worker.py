"""The worker behind the notebook pages: a square, and which process and thread made it.

A function defined in a notebook cell lives in the kernel's ``__main__``, which a child
started by spawn or forkserver cannot import. The notebooks import this module instead,
so every start method finds the worker. Run as a script, it does what the notebook does.
"""

import os
import threading
from concurrent.futures import ThreadPoolExecutor
from multiprocessing import Pool
from typing import NamedTuple


class Square(NamedTuple):
    number: int
    square: int
    pid: int
    thread: str


def square_in_worker(number):
    """Square a number, and record the process and thread that did the work."""
    return Square(number, number * number, os.getpid(), threading.current_thread().name)


def main():
    print(f"Parent process {os.getpid()}.")
    with Pool(processes=2) as pool:
        for result in pool.map(square_in_worker, [1, 2, 3]):
            print(
                f"{result.number} squared is {result.square}, in process {result.pid}"
            )

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="notebook") as executor:
        result = executor.submit(square_in_worker, 4).result()
    print(
        f"4 squared is {result.square}, in thread {result.thread} of process {result.pid}"
    )


if __name__ == "__main__":
    main()

# pids: workers vary

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program df4d43f6):
#
# $ python examples/notebooks/notebook_worker.py
# Parent process 22109.
# 1 squared is 1, in process 22112
# 2 squared is 4, in process 22112
# 3 squared is 9, in process 22112
# 4 squared is 16, in thread notebook_0 of process 22109
