"""A failed task says nothing through apply_async, close and join; get() raises its exception."""

from multiprocessing import Pool


def divide(a, b):
    return a / b


def main():
    pool = Pool(2)
    good = pool.apply_async(divide, args=(1, 2))
    bad = pool.apply_async(divide, args=(1, 0))
    pool.close()
    pool.join()
    print("join() returned, and nothing was printed")
    print("good:", good.successful(), good.get())
    print("bad:", bad.successful())
    bad.get()  # raises the task's exception, here in the main process


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 1, program 00caba28):
#
# $ python examples/pool/multiprocessing_pool_apply_async_errors.py
# join() returned, and nothing was printed
# good: True 0.5
# bad: False
# multiprocessing.pool.RemoteTraceback:
# """
# Traceback (most recent call last):
#   File ".../lib/python3.11/multiprocessing/pool.py", line 125, in worker
#     result = (True, func(*args, **kwds))
#                     ^^^^^^^^^^^^^^^^^^^
#   File "tests/tracer/sitecustomize.py", line 149, in task
#     return func(*call_args, **call_kwargs)
#            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
#   File "examples/pool/multiprocessing_pool_apply_async_errors.py", line 7, in divide
#     return a / b
#            ~~^~~
# ZeroDivisionError: division by zero
# """
#
# The above exception was the direct cause of the following exception:
#
# Traceback (most recent call last):
#   File "examples/pool/multiprocessing_pool_apply_async_errors.py", line 23, in <module>
#     main()
#   File "examples/pool/multiprocessing_pool_apply_async_errors.py", line 19, in main
#     bad.get()  # raises the task's exception, here in the main process
#     ^^^^^^^^^
#   File ".../lib/python3.11/multiprocessing/pool.py", line 774, in get
#     raise self._value
# ZeroDivisionError: division by zero
