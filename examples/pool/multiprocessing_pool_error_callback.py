"""error_callback: the pool calls it in the main process with the exception of a failed task."""

from multiprocessing import Pool


def divide(a, b):
    return a / b


def report(error):
    print(f"error_callback got {type(error).__name__}: {error}")


def main():
    pool = Pool(2)
    pool.apply_async(divide, args=(1, 0), error_callback=report)
    pool.close()
    pool.join()


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 7bddab83):
#
# $ python examples/pool/multiprocessing_pool_error_callback.py
# error_callback got ZeroDivisionError: division by zero
