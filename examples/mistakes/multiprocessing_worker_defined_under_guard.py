"""A worker the child cannot import, like a function defined in a Jupyter cell, makes the spawn child fail with AttributeError."""

# start-method: spawn
# fails-with: module '__mp_main__'
# (common to the wordings of the child's AttributeError in different Python versions)

import multiprocessing


def main(worker):
    spawn = multiprocessing.get_context("spawn")
    child = spawn.Process(target=worker, args=(7,))
    child.start()
    child.join()
    print("child exit code:", child.exitcode)
    #> child exit code: 1


if __name__ == "__main__":
    # Defined only when this file is the main program, as a notebook cell defines a
    # function only in the kernel: the spawn child imports this file and never gets here.
    def square(n):
        print(n * n)

    main(square)
