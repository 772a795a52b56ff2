"""Three sums from an InterpreterPoolExecutor on Python 3.14+, from a ThreadPoolExecutor before."""

import concurrent.futures


def pick_executor_class():
    # InterpreterPoolExecutor is new in Python 3.14.
    if hasattr(concurrent.futures, "InterpreterPoolExecutor"):
        return concurrent.futures.InterpreterPoolExecutor
    return concurrent.futures.ThreadPoolExecutor


def main():
    executor_class = pick_executor_class()
    ranges = [range(100_000), range(200_000), range(300_000)]
    with executor_class(max_workers=3) as executor:
        totals = list(executor.map(sum, ranges))  # sum: a builtin function
    print(totals)


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 8adb979a):
#
# $ python examples/futures/concurrent_futures_interpreter_pool.py
# [4999950000, 19999900000, 44999850000]
