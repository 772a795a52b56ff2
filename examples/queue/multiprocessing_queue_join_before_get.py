"""A child that put a big item on a queue cannot exit until it is read: join() before get() hangs, get() first ends cleanly."""

from multiprocessing import Process, Queue

SIZE = 4 * 1024 * 1024  # 4 MB of text, far more than a pipe holds


def produce(queue):
    queue.put("x" * SIZE)
    print("child: put() has returned")
    #> child: put() has returned


def main():
    queue = Queue()
    child = Process(target=produce, args=(queue,))
    child.start()

    child.join(timeout=0.5)  # join() without a timeout would wait forever here
    print("after join(timeout=0.5) the child is still alive:", child.is_alive())
    #> after join(timeout=0.5) the child is still alive: True

    data = queue.get()  # drain the queue first ...
    print("parent got", len(data), "characters")
    #> parent got 4194304 characters
    child.join()  # ... then join
    print("after get() and join() the child is still alive:", child.is_alive())
    #> after get() and join() the child is still alive: False
    print("child exit code:", child.exitcode)
    #> child exit code: 0


if __name__ == "__main__":
    main()
