"""map, imap, imap_unordered, starmap: same results; imap_unordered's order varies."""

from multiprocessing import Pool


def square(x):
    return x * x


def power(base, exponent):
    return base**exponent


def main():
    with Pool(4) as pool:
        print("map:    ", pool.map(square, range(8)))
        #> map:     [0, 1, 4, 9, 16, 25, 36, 49]
        print("imap:   ", list(pool.imap(square, range(8))))
        #> imap:    [0, 1, 4, 9, 16, 25, 36, 49]
        unordered = list(pool.imap_unordered(square, range(8)))
        print("imap_unordered, sorted:", sorted(unordered))
        #> imap_unordered, sorted: [0, 1, 4, 9, 16, 25, 36, 49]
        print("starmap:", pool.starmap(power, [(2, 3), (3, 2), (10, 2)]))
        #> starmap: [8, 9, 100]


if __name__ == "__main__":
    main()
