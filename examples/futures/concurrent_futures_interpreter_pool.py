"""Three prime counts by a function of this script, in an InterpreterPoolExecutor on 3.14+."""

import concurrent.futures


def is_prime(n):
    return n > 1 and all(n % d for d in range(2, int(n**0.5) + 1))


def count_primes(limit):  # defined in __main__, and it uses another global: is_prime
    return sum(1 for n in range(limit) if is_prime(n))


def pick_executor_class():
    # InterpreterPoolExecutor is new in Python 3.14.
    if hasattr(concurrent.futures, "InterpreterPoolExecutor"):
        return concurrent.futures.InterpreterPoolExecutor
    return concurrent.futures.ThreadPoolExecutor


def main():
    executor_class = pick_executor_class()
    with executor_class(max_workers=3) as executor:
        counts = list(executor.map(count_primes, [10_000, 20_000, 30_000]))
    print(counts)


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program cd94cc81):
#
# $ python examples/futures/concurrent_futures_interpreter_pool.py
# [1229, 2262, 3245]
