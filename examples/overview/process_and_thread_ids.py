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


def thread_body():
    print(who_am_i("thread"))


def main():
    print(who_am_i("main process"), f"parent_pid={os.getppid()}")

    process = multiprocessing.Process(target=child_process)
    process.start()
    process.join()

    thread = threading.Thread(target=thread_body, name="worker-thread")
    thread.start()
    thread.join()


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 3ba89707):
#
# $ python examples/overview/process_and_thread_ids.py
# main process  pid=10006 thread=MainThread parent_pid=9687
# child process pid=10014 thread=MainThread parent_pid=10006
# thread        pid=10006 thread=worker-thread
