"""A client with the wrong authkey is turned away with AuthenticationError before it can make a single request; the right key gets in."""

import multiprocessing
import queue
from multiprocessing.managers import BaseManager

task_queue = queue.Queue()


def get_task_queue():
    return task_queue


class QueueManager(BaseManager):
    pass


QueueManager.register("get_task_queue", callable=get_task_queue)


def main():
    with QueueManager(address=("127.0.0.1", 0), authkey=b"right key") as server:
        intruder = QueueManager(address=server.address, authkey=b"wrong key")
        try:
            intruder.connect()
        except multiprocessing.AuthenticationError as error:
            print(f"wrong key: {type(error).__name__}: {error}")

        client = QueueManager(address=server.address, authkey=b"right key")
        client.connect()
        tasks = client.get_task_queue()
        tasks.put("hello")
        print("right key: the queue answered", tasks.get())


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program e7ccfcc6):
#
# $ python examples/distributed/multiprocessing_managers_wrong_authkey.py
# wrong key: AuthenticationError: digest sent was rejected
# right key: the queue answered hello
