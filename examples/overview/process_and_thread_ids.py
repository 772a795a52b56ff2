"""A child process gets a PID of its own; a thread runs inside its process's PID."""

import multiprocessing
import os
import threading


def who_am_i(role):
    pid = os.getpid()
    thread = threading.current_thread().name
    return f"{role:<13} pid={pid} thread={thread}"


def child_process():
    parent = multiprocessing.parent_process()
    print(who_am_i("child process"), f"parent_pid={parent.pid}")
    #> child process pid=3239 thread=MainThread parent_pid=3237


def thread_body():
    print(who_am_i("thread"))
    #> thread        pid=3237 thread=worker-thread


def main():
    print(who_am_i("main process"), f"parent_pid={os.getppid()}")
    #> main process  pid=3237 thread=MainThread parent_pid=3235

    process = multiprocessing.Process(target=child_process)
    process.start()
    process.join()

    thread = threading.Thread(target=thread_body, name="worker-thread")
    thread.start()
    thread.join()


if __name__ == "__main__":
    main()
