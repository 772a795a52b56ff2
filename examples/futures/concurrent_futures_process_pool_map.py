"""ProcessPoolExecutor.map() counts primes in worker processes; results come in input order."""

import os
from concurrent.futures import ProcessPoolExecutor


def count_primes(limit):
    """Count the primes below limit, the slow way (pure Python, CPU-bound)."""
    count = 0
    for n in range(2, limit):
        if all(n % d for d in range(2, int(n**0.5) + 1)):
            count += 1
    return count, os.getpid()


def main():
    print(f"Main process {os.getpid()}.")
    limits = [20_000, 5_000, 15_000, 10_000]
    with ProcessPoolExecutor(max_workers=2) as executor:
        results = executor.map(count_primes, limits)
        for limit, (count, pid) in zip(limits, results, strict=True):
            print(f"Primes below {limit}: {count} (counted in process {pid})")


if __name__ == "__main__":
    main()

# pids: workers vary

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 62a200f1):
#
# $ python examples/futures/concurrent_futures_process_pool_map.py
# Main process 21982.
# Primes below 20000: 2262 (counted in process 21989)
# Primes below 5000: 669 (counted in process 21986)
# Primes below 15000: 1754 (counted in process 21986)
# Primes below 10000: 1229 (counted in process 21989)
