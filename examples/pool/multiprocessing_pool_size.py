"""Pool(3) starts its 3 worker processes at once, before it has a task, whatever the CPU count."""

import multiprocessing


def square(x):
    return x * x


def main():
    with multiprocessing.Pool(3) as pool:
        workers = (
            multiprocessing.active_children()
        )  # the pool's workers, already running
        print(f"Pool(3) has started {len(workers)} worker processes")
        print(pool.map(square, range(10)))


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 66ec7343):
#
# $ python examples/pool/multiprocessing_pool_size.py
# Pool(3) has started 3 worker processes
# [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
