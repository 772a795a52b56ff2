"""Liao Xuefeng's worker catches Queue.Empty without importing it: the mistake shows only when the queue runs dry."""

import queue


def main():
    tasks = queue.Queue()
    for n in (7, 8):
        tasks.put(n)
    for _ in range(3):  # one more get() than there are tasks
        try:
            n = tasks.get(timeout=0.1)
            print(f"{n} * {n} = {n * n}")
        except Queue.Empty:  # noqa: F821 -- should be queue.Empty
            print("task queue is empty.")


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 1, program 42fb5b18):
#
# $ python examples/distributed/queue_empty_undefined_name.py
# 7 * 7 = 49
# 8 * 8 = 64
# Traceback (most recent call last):
#   File "examples/distributed/queue_empty_undefined_name.py", line 12, in main
#     n = tasks.get(timeout=0.1)
#         ^^^^^^^^^^^^^^^^^^^^^^
#   File ".../lib/python3.11/queue.py", line 179, in get
#     raise Empty
# _queue.Empty
#
# During handling of the above exception, another exception occurred:
#
# Traceback (most recent call last):
#   File "examples/distributed/queue_empty_undefined_name.py", line 19, in <module>
#     main()
#   File "examples/distributed/queue_empty_undefined_name.py", line 14, in main
#     except Queue.Empty:  # noqa: F821 -- should be queue.Empty
#            ^^^^^
# NameError: name 'Queue' is not defined. Did you mean: 'queue'?
