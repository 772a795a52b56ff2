"""A function defined inside main() runs in a thread pool but cannot be pickled for a process pool."""

from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def main():
    offset = 100

    def add_offset(x):  # a local function: it has no importable name
        return x + offset

    with ThreadPoolExecutor(max_workers=2) as executor:
        print("thread pool:", list(executor.map(add_offset, [1, 2, 3])))

    with ProcessPoolExecutor(max_workers=2) as executor:
        future = executor.submit(add_offset, 1)
        try:
            future.result()
        except Exception as error:  # the exact type and wording vary by Python version
            print(
                "process pool: could not pickle the local function:",
                "local object" in str(error),
            )


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 0721717f):
#
# $ python examples/futures/concurrent_futures_pickling_threads_vs_processes.py
# thread pool: [101, 102, 103]
# process pool: could not pickle the local function: True
