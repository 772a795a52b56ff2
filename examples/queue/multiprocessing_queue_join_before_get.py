"""A child that put a big item on a queue cannot exit until it is read: join() before get() hangs, get() first ends cleanly."""

from multiprocessing import Process, Queue

SIZE = 4 * 1024 * 1024  # 4 MB of text, far more than a pipe holds


def produce(queue):
    queue.put("x" * SIZE)
    print("child: put() has returned")


def main():
    queue = Queue()
    child = Process(target=produce, args=(queue,))
    child.start()

    child.join(timeout=0.5)  # join() without a timeout would wait forever here
    print("after join(timeout=0.5) the child is still alive:", child.is_alive())

    data = queue.get()  # drain the queue first ...
    print("parent got", len(data), "characters")
    child.join()  # ... then join
    print("after get() and join() the child is still alive:", child.is_alive())
    print("child exit code:", child.exitcode)


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program d525d035):
#
# $ python examples/queue/multiprocessing_queue_join_before_get.py
# child: put() has returned
# after join(timeout=0.5) the child is still alive: True
# parent got 4194304 characters
# after get() and join() the child is still alive: False
# child exit code: 0
