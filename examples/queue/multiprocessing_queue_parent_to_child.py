"""The note's queue example, corrected: the child receives the queue itself, gets the parent's message and prints it."""

import multiprocessing


def foo(queue):  # receives the one element of args: the queue itself
    print("child got an argument of type", type(queue).__name__)
    #> child got an argument of type Queue
    message = queue.get()  # blocks until the parent has put something
    print("child process received the data...")
    #> child process received the data...
    print(message)
    #> 有内鬼，终止交易！


def main():
    queue = multiprocessing.Queue()
    # args must be a tuple: (queue,) with the comma, not (queue)
    child = multiprocessing.Process(target=foo, args=(queue,))
    child.start()
    print("main process is about to send the data...")
    #> main process is about to send the data...
    queue.put("有内鬼，终止交易！")
    child.join()


if __name__ == "__main__":
    main()
