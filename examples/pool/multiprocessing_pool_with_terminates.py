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
    #> after the with block, the task has finished: False
    try:
        result.get(timeout=0.5)
    except TimeoutError:
        print("result.get(timeout=0.5) raised TimeoutError: the result will never come")
        #> result.get(timeout=0.5) raised TimeoutError: the result will never come

    with Pool(2) as pool:
        result = pool.apply_async(slow_square, args=(3,))
        print("get() inside the with block:", result.get())
        #> get() inside the with block: 9


if __name__ == "__main__":
    main()
