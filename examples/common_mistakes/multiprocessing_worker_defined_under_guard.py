"""A worker the spawn child cannot import, like a function defined in a notebook cell: the child fails."""

import multiprocessing


def main(worker):
    spawn = multiprocessing.get_context("spawn")
    child = spawn.Process(target=worker, args=(7,))
    child.start()
    child.join()
    print("child exit code:", child.exitcode)


if __name__ == "__main__":
    # Defined only when this file runs as the main program, as a notebook cell defines a
    # function only in the kernel: the spawn child imports this file and never gets here.
    def square(n):
        print(n * n)

    main(square)

# start-method: spawn
# since 3.14: AttributeError: module '__mp_main__' has no attribute 'square'

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 0efe89db):
#
# $ python examples/common_mistakes/multiprocessing_worker_defined_under_guard.py
# Traceback (most recent call last):
#   File "<string>", line 1, in <module>
#   File ".../lib/python3.11/multiprocessing/spawn.py", line 122, in spawn_main
#     exitcode = _main(fd, parent_sentinel)
#                ^^^^^^^^^^^^^^^^^^^^^^^^^^
#   File ".../lib/python3.11/multiprocessing/spawn.py", line 132, in _main
#     self = reduction.pickle.load(from_parent)
#            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
# AttributeError: Can't get attribute 'square' on <module '__mp_main__' from 'examples/common_mistakes/multiprocessing_worker_defined_under_guard.py'>
# child exit code: 1
