"""Without the trailing comma, args=(queue) is the queue, not a tuple, and Process() rejects it."""

import multiprocessing


def foo(queue):
    print(queue.get())


def main():
    queue = multiprocessing.Queue()
    child = multiprocessing.Process(target=foo, args=(queue))  # no comma: not a tuple
    child.start()
    queue.put("有内鬼，终止交易！")
    child.join()


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 1, program ec0503a2):
#
# $ python examples/queue/multiprocessing_queue_args_without_comma.py
# Traceback (most recent call last):
#   File "examples/queue/multiprocessing_queue_args_without_comma.py", line 19, in <module>
#     main()
#   File "examples/queue/multiprocessing_queue_args_without_comma.py", line 12, in main
#     child = multiprocessing.Process(target=foo, args=(queue))  # no comma: not a tuple
#             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
#   File ".../lib/python3.11/multiprocessing/process.py", line 91, in __init__
#     self._args = tuple(args)
#                  ^^^^^^^^^^^
# TypeError: 'Queue' object is not iterable
