"""ProcessPoolExecutor.map() runs a CPU-bound function in worker processes; results come in input order."""

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
    limits = [20_000, 5_000, 15_000, 10_000]
    with ProcessPoolExecutor(max_workers=2) as executor:
        results = list(executor.map(count_primes, limits))

    for limit, (count, _) in zip(limits, results, strict=True):
        print(f"primes below {limit}: {count}")
    worker_pids = {pid for _, pid in results}
    print("every result came from a child process:", os.getpid() not in worker_pids)
    print("worker processes used, at most 2:", len(worker_pids) <= 2)


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 953147e0):
#
# $ python examples/futures/concurrent_futures_process_pool_map.py
# primes below 20000: 2262
# primes below 5000: 669
# primes below 15000: 1754
# primes below 10000: 1229
# every result came from a child process: True
# worker processes used, at most 2: True
