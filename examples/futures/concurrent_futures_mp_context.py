"""mp_context makes a ProcessPoolExecutor start its workers by spawn, whatever the default start method."""

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor


def describe_worker(task):
    process = type(multiprocessing.current_process()).__name__
    return f"Task {task} ran in a {process} ({os.getpid()}), module {__name__}"


def main():
    print(f"Main process {os.getpid()}.")
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=ctx) as executor:
        for line in executor.map(describe_worker, range(4)):
            print(line)


if __name__ == "__main__":
    main()

# start-method: spawn
# pids: workers vary

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 4f0ed2a0):
#
# $ python examples/futures/concurrent_futures_mp_context.py
# Main process 21971.
# Task 0 ran in a SpawnProcess (21976), module __mp_main__
# Task 1 ran in a SpawnProcess (21976), module __mp_main__
# Task 2 ran in a SpawnProcess (21976), module __mp_main__
# Task 3 ran in a SpawnProcess (21976), module __mp_main__
