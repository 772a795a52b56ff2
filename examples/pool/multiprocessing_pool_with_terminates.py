"""Leaving a `with Pool(...)` block calls terminate(): a task still running there is lost."""

import time
from multiprocessing import Pool, TimeoutError


def slow_square(x):
    time.sleep(0.2)
    return x * x


def main():
    with Pool(2) as pool:
        result = pool.apply_async(slow_square, args=(3,))
    print("after the with block, the task has finished:", result.ready())
    try:
        result.get(timeout=0.5)
    except TimeoutError:
        print("result.get(timeout=0.5) raised TimeoutError: the result will never come")

    with Pool(2) as pool:
        result = pool.apply_async(slow_square, args=(3,))
        print("get() inside the with block:", result.get())


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program b6cce97a):
#
# $ python examples/pool/multiprocessing_pool_with_terminates.py
# after the with block, the task has finished: False
# result.get(timeout=0.5) raised TimeoutError: the result will never come
# get() inside the with block: 9
