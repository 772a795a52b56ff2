"""A worker the child process cannot import (like a notebook cell's) breaks a spawn pool."""

import multiprocessing
import os
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import NamedTuple


class ChildRun(NamedTuple):
    method: str
    result: object  # what the worker returned, or None
    error: str | None  # the exception the main process got
    child_error: str | None  # the last line of the worker process's traceback


def cube(number):
    """A worker in a module: every start method's child can import it."""
    return number**3


def stderr_to_file(path):
    """Pool initializer: the worker's error output goes to a file, not the terminal."""
    file = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    os.dup2(file, sys.stderr.fileno())
    os.close(file)


def run_in_child(function, argument, method="spawn"):
    """function(argument) in a one-process pool started by `method`, and what happened."""
    context = multiprocessing.get_context(method)
    with tempfile.TemporaryDirectory() as folder:
        log = os.path.join(folder, "worker-stderr.txt")
        try:
            with ProcessPoolExecutor(
                1, mp_context=context, initializer=stderr_to_file, initargs=(log,)
            ) as executor:
                result = executor.submit(function, argument).result(timeout=60)
        except BrokenProcessPool as error:
            with open(log, encoding="utf-8") as file:
                lines = [line for line in file.read().splitlines() if line.strip()]
            said = f"{type(error).__name__}: {error}"
            return ChildRun(method, None, said, lines[-1] if lines else None)
    return ChildRun(method, result, None, None)


def main(cell_worker):
    failed = run_in_child(cell_worker, 3, "spawn")
    print("cube_in_cell: the main process got", failed.error.split(":")[0])
    print(
        "cube_in_cell: the worker process failed with", failed.child_error.split(":")[0]
    )
    print("cube: the worker process returned", run_in_child(cube, 3, "spawn").result)


if __name__ == "__main__":
    # Defined only when this file is the main program, as a cell defines a function only
    # in the kernel: a spawn child imports this file under another name and never runs this.
    def cube_in_cell(number):
        return number**3

    main(cube_in_cell)

# start-method: spawn

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program fe3fa8c7):
#
# $ python examples/notebooks/concurrent_futures_cell_defined_worker.py
# cube_in_cell: the main process got BrokenProcessPool
# cube_in_cell: the worker process failed with AttributeError
# cube: the worker process returned 27
