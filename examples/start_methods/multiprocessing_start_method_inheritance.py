"""fork children see the parent as it is; spawn and forkserver children import this file afresh (POSIX only)."""

import multiprocessing
import os

SETTING = "set in the file"


def describe_child():
    return SETTING, __name__, os.getppid()


def main():
    global SETTING
    SETTING = "changed in main()"  # after the file was loaded, before any child starts

    print(f"Main process {os.getpid()}.")
    for method in ("fork", "spawn", "forkserver"):
        ctx = multiprocessing.get_context(method)
        with ctx.Pool(1) as pool:
            setting, module_name, parent = pool.apply(describe_child)
        print(
            f"{method:<10}  SETTING={setting!r:<20}  module={module_name!r:<13}"
            f"  parent {parent}"
        )


if __name__ == "__main__":
    main()

# needs: fork

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program d47dc0b0):
#
# $ python examples/start_methods/multiprocessing_start_method_inheritance.py
# Main process 22251.
# fork        SETTING='changed in main()'   module='__main__'     parent 22251
# spawn       SETTING='set in the file'     module='__mp_main__'  parent 22251
# forkserver  SETTING='set in the file'     module='__mp_main__'  parent 22263
