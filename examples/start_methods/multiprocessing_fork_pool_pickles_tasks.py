"""Under fork, Process(target=..., args=...) pickles nothing, but a Pool pickles every task (POSIX only)."""

import threading
from multiprocessing import get_context


def use(lock):
    with lock:
        return "the worker used the lock"


def main():
    ctx = get_context("fork")
    lock = threading.Lock()  # pickle cannot copy a thread lock

    child = ctx.Process(target=use, args=(lock,))
    child.start()
    child.join()
    print(f"Process(target=use, args=(lock,)): exit code {child.exitcode}")

    with ctx.Pool(1) as pool:
        print(pool.apply(use, (lock,)))


if __name__ == "__main__":
    main()

# start-method: fork

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 1, program 760c0e1a):
#
# $ python examples/start_methods/multiprocessing_fork_pool_pickles_tasks.py
# Process(target=use, args=(lock,)): exit code 0
# Traceback (most recent call last):
#   File "examples/start_methods/multiprocessing_fork_pool_pickles_tasks.py", line 26, in <module>
#     main()
#   File "examples/start_methods/multiprocessing_fork_pool_pickles_tasks.py", line 22, in main
#     print(pool.apply(use, (lock,)))
#           ^^^^^^^^^^^^^^^^^^^^^^^^
#   File ".../lib/python3.11/multiprocessing/pool.py", line 360, in apply
#     return self.apply_async(func, args, kwds).get()
#            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
#   File ".../lib/python3.11/multiprocessing/pool.py", line 774, in get
#     raise self._value
#   File ".../lib/python3.11/multiprocessing/pool.py", line 540, in _handle_tasks
#     put(task)
#   File ".../lib/python3.11/multiprocessing/connection.py", line 206, in send
#     self._send_bytes(_ForkingPickler.dumps(obj))
#                      ^^^^^^^^^^^^^^^^^^^^^^^^^^
#   File ".../lib/python3.11/multiprocessing/reduction.py", line 51, in dumps
#     cls(buf, protocol).dump(obj)
# TypeError: cannot pickle '_thread.lock' object
