"""Same results from an InterpreterPoolExecutor (Python 3.14+) as from a ThreadPoolExecutor (older)."""

import concurrent.futures


def pick_executor_class():
    # InterpreterPoolExecutor is new in Python 3.14.
    if hasattr(concurrent.futures, "InterpreterPoolExecutor"):
        return concurrent.futures.InterpreterPoolExecutor
    return concurrent.futures.ThreadPoolExecutor


def main():
    executor_class = pick_executor_class()
    ranges = [range(100_000), range(200_000), range(300_000)]
    # sum is a builtin: every interpreter can import it (functions from __main__ can't be sent).
    with executor_class(max_workers=3) as executor:
        totals = list(executor.map(sum, ranges))
    print(totals)


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program b813fbd0):
#
# $ python examples/futures/concurrent_futures_interpreter_pool.py
# [4999950000, 19999900000, 44999850000]
