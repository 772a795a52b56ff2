"""A child process has a PID of its own; a thread runs inside its process, under its PID."""

import multiprocessing
import os
import threading


def child_process():
    parent = multiprocessing.parent_process().pid
    thread = threading.current_thread().name
    print(f"Child process {os.getpid()}, parent {parent}, thread {thread}.")


def thread_body():
    thread = threading.current_thread().name
    print(f"Thread {thread} runs in process {os.getpid()}.")


def main():
    thread = threading.current_thread().name
    print(f"Main process {os.getpid()}, parent {os.getppid()}, thread {thread}.")

    process = multiprocessing.Process(target=child_process)
    process.start()
    process.join()

    worker = threading.Thread(target=thread_body, name="worker-thread")
    worker.start()
    worker.join()


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program c5046974):
#
# $ python examples/overview/process_and_thread_ids.py
# Main process 22116, parent 21784, thread MainThread.
# Child process 22118, parent 22116, thread MainThread.
# Thread worker-thread runs in process 22116.
