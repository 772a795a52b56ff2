"""Pipe() returns two connected ends; by default each end can both send and receive."""

from multiprocessing import Pipe, Process


def answer(conn):
    question = conn.recv()
    print("child received:", question)
    conn.send(question.upper())  # reply through the same end
    conn.close()


def main():
    parent_end, child_end = Pipe()  # duplex=True by default
    child = Process(target=answer, args=(child_end,))
    child.start()
    parent_end.send("hello from the parent")
    print("parent received:", parent_end.recv())
    child.join()


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program d55e1b3b):
#
# $ python examples/queue/multiprocessing_pipe_two_ends.py
# child received: hello from the parent
# parent received: HELLO FROM THE PARENT
