"""A worker's exception comes back to the main process: result() raises it, map() raises it in its place."""

import math
from concurrent.futures import ProcessPoolExecutor


def square_root(x):
    if x < 0:
        raise ValueError(f"no real square root of {x}")
    return math.sqrt(x)


def main():
    numbers = [16, 9, -4, 25]
    with ProcessPoolExecutor(max_workers=2) as executor:
        # submit(): the error waits inside the future until result() is called.
        futures = {x: executor.submit(square_root, x) for x in numbers}
        for x, future in futures.items():
            try:
                print(f"square_root({x}) = {future.result()}")
            except ValueError as error:
                print(f"square_root({x}) raised ValueError: {error}")
        print("futures[-4].exception():", repr(futures[-4].exception()))

        # map(): results arrive in order; the error is raised when its turn comes.
        received = []
        try:
            for root in executor.map(square_root, numbers):
                received.append(root)
        except ValueError as error:
            print(f"map() raised ValueError after {received}: {error}")


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 1c597366):
#
# $ python examples/futures/concurrent_futures_worker_exception.py
# square_root(16) = 4.0
# square_root(9) = 3.0
# square_root(-4) raised ValueError: no real square root of -4
# square_root(25) = 5.0
# futures[-4].exception(): ValueError('no real square root of -4')
# map() raised ValueError after [4.0, 3.0]: no real square root of -4
