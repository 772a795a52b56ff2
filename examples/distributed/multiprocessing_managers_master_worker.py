"""A manager serves a task queue and a result queue on 127.0.0.1; two worker processes connect with its address and authkey, square the numbers and send the results back."""

import multiprocessing
import os
import queue
from multiprocessing.managers import BaseManager

AUTHKEY = b"change-me"  # master and workers must use the same key
NUMBERS = [3, 14, 15, 92, 65, 35]

# The two queues live in the manager's server process; everyone uses them through proxies.
task_queue = queue.Queue()
result_queue = queue.Queue()


def get_task_queue():  # module-level functions, not lambdas: spawn must pickle them
    return task_queue


def get_result_queue():
    return result_queue


class MasterManager(BaseManager):
    pass


MasterManager.register("get_task_queue", callable=get_task_queue)
MasterManager.register("get_result_queue", callable=get_result_queue)


class WorkerManager(BaseManager):  # a worker, on any machine, only needs the names
    pass


WorkerManager.register("get_task_queue")
WorkerManager.register("get_result_queue")


def worker(address, authkey):
    manager = WorkerManager(address=address, authkey=authkey)
    manager.connect()
    tasks = manager.get_task_queue()
    results = manager.get_result_queue()
    print(f"worker pid={os.getpid()} connected")
    while True:
        try:
            n = tasks.get(timeout=10)
        except queue.Empty:  # queue.Empty, from the queue module
            print("worker: no task for 10 s, giving up")
            return
        if n is None:  # the master's stop signal
            return
        results.put((n, n * n, os.getpid()))


def main():
    with MasterManager(address=("127.0.0.1", 0), authkey=AUTHKEY) as manager:
        host, port = manager.address  # port 0 above: the OS picked a free port
        print(f"manager serving on {host}, port chosen by the OS: {port > 0}")
        workers = [
            multiprocessing.Process(target=worker, args=(manager.address, AUTHKEY))
            for _ in range(2)
        ]
        for w in workers:
            w.start()

        tasks = manager.get_task_queue()
        results = manager.get_result_queue()
        for n in NUMBERS:
            tasks.put(n)
        for _ in workers:
            tasks.put(None)  # one stop signal per worker
        collected = [results.get(timeout=10) for _ in NUMBERS]
        for w in workers:
            w.join()

        for n, square, _ in sorted(collected):
            print(f"{n} * {n} = {square}")
        done_by = {pid for _, _, pid in collected}
        print("none done by the main process:", os.getpid() not in done_by)
        try:
            results.get(timeout=0.1)
        except queue.Empty:
            print("result queue now empty: queue.Empty came back through the proxy")
    print("manager shut down; child processes left:", multiprocessing.active_children())


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program babe3aaf):
#
# $ python examples/distributed/multiprocessing_managers_master_worker.py
# manager serving on 127.0.0.1, port chosen by the OS: True
# worker pid=9797 connected
# worker pid=9795 connected
# 3 * 3 = 9
# 14 * 14 = 196
# 15 * 15 = 225
# 35 * 35 = 1225
# 65 * 65 = 4225
# 92 * 92 = 8464
# none done by the main process: True
# result queue now empty: queue.Empty came back through the proxy
# manager shut down; child processes left: []
