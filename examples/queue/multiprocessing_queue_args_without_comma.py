"""Without the trailing comma, args=(queue) is the queue, not a tuple, and Process() rejects it."""

# fails-with: TypeError: 'Queue' object is not iterable

import multiprocessing


def foo(queue):
    print(queue.get())


def main():
    queue = multiprocessing.Queue()
    child = multiprocessing.Process(target=foo, args=(queue))  # no comma: not a tuple
    child.start()
    queue.put("有内鬼，终止交易！")
    child.join()


if __name__ == "__main__":
    main()
