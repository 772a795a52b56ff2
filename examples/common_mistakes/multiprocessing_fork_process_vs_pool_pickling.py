"""Under fork a Process runs a local function without pickling it; a Pool pickles every task, fork or not."""

import multiprocessing
import pickle


def main():
    offset = 100

    def add_offset(x):  # a local function: it has no importable name
        print(f"add_offset({x}) = {x + offset}")

    fork = multiprocessing.get_context("fork")
    child = fork.Process(target=add_offset, args=(1,))
    child.start()  # the child is a copy of this process: nothing is pickled
    child.join()
    print("Process: exit code", child.exitcode)

    with fork.Pool(processes=1) as pool:
        try:
            pool.apply(add_offset, (2,))  # the task travels to the worker pickled
        except (AttributeError, pickle.PicklingError):  # which one: see the page
            print("Pool: add_offset cannot be pickled")


if __name__ == "__main__":
    main()

# start-method: fork

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program ef290bed):
#
# $ python examples/common_mistakes/multiprocessing_fork_process_vs_pool_pickling.py
# add_offset(1) = 101
# Process: exit code 0
# Pool: add_offset cannot be pickled
