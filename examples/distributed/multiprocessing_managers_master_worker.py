"""Liao Xuefeng's master and worker in one file: the worker connects to the master's queues by address and authkey."""

import multiprocessing
import queue
from multiprocessing.managers import BaseManager

task_queue = queue.Queue()
result_queue = queue.Queue()


def get_task_queue():  # a module-level function, not a lambda: spawn must pickle it
    return task_queue


def get_result_queue():
    return result_queue


class QueueManager(BaseManager):
    pass


QueueManager.register("get_task_queue", callable=get_task_queue)
QueueManager.register("get_result_queue", callable=get_result_queue)


def worker(address, authkey):
    print(f"Connect to server {address[0]}...")
    m = QueueManager(address=address, authkey=authkey)
    m.connect()
    task, result = m.get_task_queue(), m.get_result_queue()
    while True:
        try:
            n = task.get(timeout=0.1)
        except queue.Empty:  # queue.Empty, from the queue module
            print("task queue is empty.")
            break
        print(f"run task {n} * {n}...")
        result.put(f"{n} * {n} = {n * n}")
    print("worker done.")


def main():
    with QueueManager(address=("127.0.0.1", 0), authkey=b"abc") as manager:
        task, result = manager.get_task_queue(), manager.get_result_queue()
        for n in (3, 14, 15, 92):
            print(f"Put task {n}...")
            task.put(n)
        w = multiprocessing.Process(target=worker, args=(manager.address, b"abc"))
        w.start()
        w.join()
        print("Try get results...")
        for _ in range(4):
            print(f"Result: {result.get(timeout=10)}")
    print("master exit.")


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 67ae0be7):
#
# $ python examples/distributed/multiprocessing_managers_master_worker.py
# Put task 3...
# Put task 14...
# Put task 15...
# Put task 92...
# Connect to server 127.0.0.1...
# run task 3 * 3...
# run task 14 * 14...
# run task 15 * 15...
# run task 92 * 92...
# task queue is empty.
# worker done.
# Try get results...
# Result: 3 * 3 = 9
# Result: 14 * 14 = 196
# Result: 15 * 15 = 225
# Result: 92 * 92 = 8464
# master exit.
