"""With the guard, a spawn child runs the top-level code again, as __mp_main__, but not main()."""

import multiprocessing

# Top-level code: runs in every process that loads this file.
print(f"top-level code runs: __name__ = {__name__!r}")


def greet():
    print(f"greet() runs in the child: __name__ = {__name__!r}")


def main():
    print(f"main() runs: __name__ = {__name__!r}")
    ctx = multiprocessing.get_context("spawn")
    child = ctx.Process(target=greet)
    child.start()
    child.join()
    print(f"child exit code: {child.exitcode}")


if __name__ == "__main__":
    main()

# start-method: spawn

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 0d2395bd):
#
# $ python examples/main_guard/multiprocessing_spawn_with_guard.py
# top-level code runs: __name__ = '__main__'
# main() runs: __name__ = '__main__'
# top-level code runs: __name__ = '__mp_main__'
# greet() runs in the child: __name__ = '__mp_main__'
# child exit code: 0
