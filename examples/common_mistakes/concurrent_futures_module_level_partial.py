"""The local function moved to module level, with functools.partial for the extra value: now a process pool can pickle it."""

import functools
from concurrent.futures import ProcessPoolExecutor


def add_offset(offset, x):  # module level: a worker process imports it by name
    return x + offset


def main():
    offset = 100
    add_100 = functools.partial(add_offset, offset)  # pickled as add_offset and (100,)
    with ProcessPoolExecutor(max_workers=2) as executor:
        print("process pool:", list(executor.map(add_100, [1, 2, 3])))


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 87c78b4d):
#
# $ python examples/common_mistakes/concurrent_futures_module_level_partial.py
# process pool: [101, 102, 103]
