"""result() raises the task's own exception object in a thread pool, a copy of it in a process pool."""

from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

raised = []  # every exception that fail() raised in this process


def fail():
    error = ValueError("no good")
    raised.append(error)
    raise error


def main():
    for executor_class in (ProcessPoolExecutor, ThreadPoolExecutor):
        with executor_class(max_workers=1) as executor:
            future = executor.submit(fail)
        try:
            future.result()
        except ValueError as error:
            same = any(error is e for e in raised)
            cause = type(error.__cause__).__name__ if error.__cause__ else "none"
            print(f"{executor_class.__name__}: {error!r}")
            print(f"  the very object fail() raised: {same}")
            print(f"  its __cause__: {cause}")


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program a791efd6):
#
# $ python examples/futures/concurrent_futures_exception_same_or_copy.py
# ProcessPoolExecutor: ValueError('no good')
#   the very object fail() raised: False
#   its __cause__: _RemoteTraceback
# ThreadPoolExecutor: ValueError('no good')
#   the very object fail() raised: True
#   its __cause__: none
