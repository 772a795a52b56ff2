"""The note's queue example, corrected: the child receives the queue itself, gets the parent's message and prints it."""

import multiprocessing


def foo(queue):  # receives the one element of args: the queue itself
    print("child got an argument of type", type(queue).__name__)
    message = queue.get()  # blocks until the parent has put something
    print("child process received the data...")
    print(message)


def main():
    queue = multiprocessing.Queue()
    # args must be a tuple: (queue,) with the comma, not (queue)
    child = multiprocessing.Process(target=foo, args=(queue,))
    child.start()
    print("main process is about to send the data...")
    queue.put("有内鬼，终止交易！")
    child.join()


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 48c17324):
#
# $ python examples/queue/multiprocessing_queue_parent_to_child.py
# main process is about to send the data...
# child got an argument of type Queue
# child process received the data...
# 有内鬼，终止交易！
