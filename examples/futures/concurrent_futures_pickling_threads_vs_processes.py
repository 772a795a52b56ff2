"""A function defined inside main() runs in a thread pool but cannot be pickled for a process pool."""

import pickle
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def main():
    offset = 100

    def add_offset(x):  # a local function: it has no importable name
        return x + offset

    # The process pool first: forking while the thread pool's threads are still ending would
    # draw the 3.12+ fork-with-threads warning.
    with ProcessPoolExecutor(max_workers=2) as executor:
        future = executor.submit(add_offset, 1)
        try:
            print("Process pool:", future.result())
        except (AttributeError, pickle.PicklingError):  # which one: see the page
            print("Process pool: add_offset cannot be pickled")

    with ThreadPoolExecutor(max_workers=2) as executor:
        print("Thread pool:", list(executor.map(add_offset, [1, 2, 3])))


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program cea752a8):
#
# $ python examples/futures/concurrent_futures_pickling_threads_vs_processes.py
# Process pool: add_offset cannot be pickled
# Thread pool: [101, 102, 103]
