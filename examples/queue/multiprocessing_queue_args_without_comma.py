"""Without the comma, args=(xt) is the queue itself, not a tuple, and Process() rejects it."""

import multiprocessing


def foo(aa):
    print(aa.get())


def main():
    xt = multiprocessing.Queue()
    jc = multiprocessing.Process(target=foo, args=(xt))  # no comma: not a tuple
    jc.start()
    xt.put("有内鬼，终止交易！")
    jc.join()


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 1, program 545a3a45):
#
# $ python examples/queue/multiprocessing_queue_args_without_comma.py
# Traceback (most recent call last):
#   File "examples/queue/multiprocessing_queue_args_without_comma.py", line 19, in <module>
#     main()
#   File "examples/queue/multiprocessing_queue_args_without_comma.py", line 12, in main
#     jc = multiprocessing.Process(target=foo, args=(xt))  # no comma: not a tuple
#          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
#   File ".../lib/python3.11/multiprocessing/process.py", line 91, in __init__
#     self._args = tuple(args)
#                  ^^^^^^^^^^^
# TypeError: 'Queue' object is not iterable
