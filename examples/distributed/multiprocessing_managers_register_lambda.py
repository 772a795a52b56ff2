"""Liao Xuefeng's master registers lambdas: under spawn, starting the manager cannot pickle them."""

import multiprocessing
import queue
from multiprocessing.managers import BaseManager

task_queue = queue.Queue()


class QueueManager(BaseManager):
    pass


QueueManager.register("get_task_queue", callable=lambda: task_queue)


def main():
    spawn = multiprocessing.get_context("spawn")
    manager = QueueManager(address=("127.0.0.1", 0), authkey=b"abc", ctx=spawn)
    print("starting the manager's server process")
    manager.start()  # pickles the registry, lambda included, for the new process
    print("never printed")


if __name__ == "__main__":
    main()

# start-method: spawn

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 1, program d6f02f7f):
#
# $ python examples/distributed/multiprocessing_managers_register_lambda.py
# starting the manager's server process
# Traceback (most recent call last):
#   File "examples/distributed/multiprocessing_managers_register_lambda.py", line 26, in <module>
#     main()
#   File "examples/distributed/multiprocessing_managers_register_lambda.py", line 21, in main
#     manager.start()  # pickles the registry, lambda included, for the new process
#     ^^^^^^^^^^^^^^^
#   File ".../lib/python3.11/multiprocessing/managers.py", line 563, in start
#     self._process.start()
#   File ".../lib/python3.11/multiprocessing/process.py", line 121, in start
#     self._popen = self._Popen(self)
#                   ^^^^^^^^^^^^^^^^^
#   File ".../lib/python3.11/multiprocessing/context.py", line 288, in _Popen
#     return Popen(process_obj)
#            ^^^^^^^^^^^^^^^^^^
#   File ".../lib/python3.11/multiprocessing/popen_spawn_posix.py", line 32, in __init__
#     super().__init__(process_obj)
#   File ".../lib/python3.11/multiprocessing/popen_fork.py", line 19, in __init__
#     self._launch(process_obj)
#   File ".../lib/python3.11/multiprocessing/popen_spawn_posix.py", line 47, in _launch
#     reduction.dump(process_obj, fp)
#   File ".../lib/python3.11/multiprocessing/reduction.py", line 60, in dump
#     ForkingPickler(file, protocol).dump(obj)
# _pickle.PicklingError: Can't pickle <function <lambda> at 0x7efef3ab2c00>: attribute lookup <lambda> on __main__ failed
