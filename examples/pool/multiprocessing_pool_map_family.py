"""map, imap, imap_unordered, starmap: same results; imap_unordered's order varies."""

from multiprocessing import Pool


def square(x):
    return x * x


def power(base, exponent):
    return base**exponent


def main():
    with Pool(4) as pool:
        print("map:    ", pool.map(square, range(8)))
        print("imap:   ", list(pool.imap(square, range(8))))
        unordered = list(pool.imap_unordered(square, range(8)))
        print("imap_unordered, sorted:", sorted(unordered))
        print("starmap:", pool.starmap(power, [(2, 3), (3, 2), (10, 2)]))


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 7b3802ce):
#
# $ python examples/pool/multiprocessing_pool_map_family.py
# map:     [0, 1, 4, 9, 16, 25, 36, 49]
# imap:    [0, 1, 4, 9, 16, 25, 36, 49]
# imap_unordered, sorted: [0, 1, 4, 9, 16, 25, 36, 49]
# starmap: [8, 9, 100]
