"""apply_async + close + join hide a task's exception; get() and error_callback show it."""

from multiprocessing import Pool
from multiprocessing.pool import RemoteTraceback


def divide(a, b):
    return a / b


def report(error):
    print(f"error_callback got {type(error).__name__}: {error}")


def main():
    pool = Pool(2)
    good = pool.apply_async(divide, args=(1, 2))
    bad = pool.apply_async(divide, args=(1, 0))
    pool.close()
    pool.join()
    print("join() returned; the failed task printed nothing")
    print("good.successful():", good.successful())
    print("bad.successful(): ", bad.successful())

    print("good.get():", good.get())
    try:
        bad.get()
    except ZeroDivisionError as error:
        print(f"bad.get() raised {type(error).__name__}: {error}")
        remote = isinstance(error.__cause__, RemoteTraceback)
        print("with the worker's traceback attached:", remote)

    pool = Pool(2)
    pool.apply_async(divide, args=(1, 0), error_callback=report)
    pool.close()
    pool.join()


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program d63100d9):
#
# $ python examples/pool/multiprocessing_pool_apply_async_errors.py
# join() returned; the failed task printed nothing
# good.successful(): True
# bad.successful():  False
# good.get(): 0.5
# bad.get() raised ZeroDivisionError: division by zero
# with the worker's traceback attached: True
# error_callback got ZeroDivisionError: division by zero
