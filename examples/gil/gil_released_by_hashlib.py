"""hashlib lets go of the GIL while it hashes, so two hashing threads can run at the same time."""

import hashlib
import threading
import time

DATA = bytes(1024 * 1024)  # 1 MiB of zero bytes
ROUNDS = 100


def hash_data():
    digest = hashlib.sha256()
    for _ in range(ROUNDS):
        digest.update(DATA)  # C code, which runs without the GIL for large inputs


def main():
    start = time.perf_counter()
    hash_data()
    hash_data()
    print(f"One after another: {time.perf_counter() - start:.2f} s")

    threads = [threading.Thread(target=hash_data) for _ in range(2)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"Two threads:       {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 08904a83):
#
# $ python examples/gil/gil_released_by_hashlib.py
# One after another: 0.12 s
# Two threads:       0.13 s
