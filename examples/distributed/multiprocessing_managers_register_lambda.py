"""Liao Xuefeng's master registers a lambda: under spawn, starting the manager cannot pickle it."""

import multiprocessing
import pickle
import queue
import sys
from multiprocessing.managers import BaseManager

task_queue = queue.Queue()


class QueueManager(BaseManager):
    pass


QueueManager.register("get_task_queue", callable=lambda: task_queue)


def main():
    spawn = multiprocessing.get_context("spawn")
    manager = QueueManager(address=("127.0.0.1", 0), authkey=b"abc", ctx=spawn)
    print("Starting the manager's server process...")
    try:
        manager.start()  # pickles the registry, lambda included, for the new process
    except pickle.PicklingError as error:
        sys.exit(f"start() failed: {type(error).__name__}")


if __name__ == "__main__":
    main()

# start-method: spawn

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 1, program 97897211):
#
# $ python examples/distributed/multiprocessing_managers_register_lambda.py
# Starting the manager's server process...
# start() failed: PicklingError
