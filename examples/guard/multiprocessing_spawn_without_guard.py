"""Without the guard, a spawn child runs the top-level code again, as __mp_main__, and fails."""

# start-method: spawn
# fails-with: RuntimeError: An attempt has been made to start a new process before the current process has finished its bootstrapping phase.
import multiprocessing


def greet():
    print("greet() runs in the child")


# Top-level code: runs in every process that loads this file.
print(f"top-level code runs: __name__ = {__name__!r}")
#> top-level code runs: __name__ = '__main__'
#> top-level code runs: __name__ = '__mp_main__'
ctx = multiprocessing.get_context("spawn")
child = ctx.Process(target=greet)
child.start()
child.join()
print(f"child exit code: {child.exitcode}")
#> child exit code: 1
