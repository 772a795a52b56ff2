"""Liao Xuefeng's master registers lambdas: under spawn, starting the manager cannot pickle them."""

# start-method: spawn
# fails-with: PicklingError: Can't pickle <function <lambda> at

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
    #> starting the manager's server process
    manager.start()  # pickles the registry, lambda included, for the new process
    print("never printed")


if __name__ == "__main__":
    main()
