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
    print(f"Parent process pid={os.getpid()}.")
    with Pool(processes=2) as pool:
        in_processes = pool.map(square_in_worker, [1, 2, 3])
    for result in in_processes:
        print(f"square of {result.number} in a child process: {result.square}")
    others = all(result.pid != os.getpid() for result in in_processes)
    print("every square came from another process:", others)

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="notebook") as executor:
        in_thread = executor.submit(square_in_worker, 4).result()
    print(f"square of 4 in thread {in_thread.thread}: {in_thread.square}")
    print("the thread ran in this process:", in_thread.pid == os.getpid())


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 73ef087c):
#
# $ python examples/notebooks/notebook_worker.py
# Parent process pid=10005.
# square of 1 in a child process: 1
# square of 2 in a child process: 4
# square of 3 in a child process: 9
# every square came from another process: True
# square of 4 in thread notebook_0: 16
# the thread ran in this process: True
