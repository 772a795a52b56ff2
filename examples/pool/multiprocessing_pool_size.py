"""Pool() with no number picks its own size, one worker per CPU; the tasks run as usual."""

from multiprocessing import Pool


def square(x):
    return x * x


def main():
    with Pool() as pool:  # as many workers as the CPUs Python counts
        print(pool.map(square, range(10)))


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 7aa3245f):
#
# $ python examples/pool/multiprocessing_pool_size.py
# [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
