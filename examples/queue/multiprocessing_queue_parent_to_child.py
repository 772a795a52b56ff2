"""The note's Queue example: the main process puts a message on a queue, the child gets it."""

import multiprocessing


def foo(aa):  # aa is the queue itself: the one element of args
    message = aa.get()  # waits until the main process has put something
    print("子进程已收到数据...")
    print(message)


def main():
    xt = multiprocessing.Queue()
    jc = multiprocessing.Process(target=foo, args=(xt,))
    jc.start()
    print("主进程准备发送数据...")
    xt.put("有内鬼，终止交易！")
    jc.join()


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 465b5c1a):
#
# $ python examples/queue/multiprocessing_queue_parent_to_child.py
# 主进程准备发送数据...
# 子进程已收到数据...
# 有内鬼，终止交易！
