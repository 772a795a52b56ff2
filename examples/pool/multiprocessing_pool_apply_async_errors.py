"""apply_async + close + join hide a task's exception; get() and error_callback show it."""

from multiprocessing import Pool
from multiprocessing.pool import RemoteTraceback


def divide(a, b):
    return a / b


def report(error):
    print(f"error_callback got {type(error).__name__}: {error}")
    #> error_callback got ZeroDivisionError: division by zero


def main():
    pool = Pool(2)
    good = pool.apply_async(divide, args=(1, 2))
    bad = pool.apply_async(divide, args=(1, 0))
    pool.close()
    pool.join()
    print("join() returned; the failed task printed nothing")
    #> join() returned; the failed task printed nothing
    print("good.successful():", good.successful())
    #> good.successful(): True
    print("bad.successful(): ", bad.successful())
    #> bad.successful():  False

    print("good.get():", good.get())
    #> good.get(): 0.5
    try:
        bad.get()
    except ZeroDivisionError as error:
        print(f"bad.get() raised {type(error).__name__}: {error}")
        #> bad.get() raised ZeroDivisionError: division by zero
        remote = isinstance(error.__cause__, RemoteTraceback)
        print("with the worker's traceback attached:", remote)
        #> with the worker's traceback attached: True

    pool = Pool(2)
    pool.apply_async(divide, args=(1, 0), error_callback=report)
    pool.close()
    pool.join()


if __name__ == "__main__":
    main()
