"""A child that put a big item on a queue cannot exit until it is read: get() before join()."""

import time
from multiprocessing import Process, Queue

SIZE = 4 * 1024 * 1024  # 4 MB of text, far more than a pipe holds


def produce(queue):
    queue.put("x" * SIZE)
    print("child: put() has returned")


def main():
    queue = Queue()
    child = Process(target=produce, args=(queue,))
    child.start()

    start = time.time()
    child.join(timeout=0.5)  # without a timeout, this join() would wait forever
    print(
        f"join(timeout=0.5) waited {time.time() - start:.1f} s; exit code {child.exitcode}"
    )

    data = queue.get()
    print(f"get() returned {len(data)} characters")
    start = time.time()
    child.join()
    print(f"join() waited {time.time() - start:.1f} s; exit code {child.exitcode}")


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 28c0af0d):
#
# $ python examples/queue/multiprocessing_queue_join_before_get.py
# child: put() has returned
# join(timeout=0.5) waited 0.5 s; exit code None
# get() returned 4194304 characters
# join() waited 0.0 s; exit code 0
