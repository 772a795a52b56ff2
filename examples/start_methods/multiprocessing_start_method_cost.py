"""How long starting an empty child takes by fork, spawn and forkserver (POSIX only)."""

import multiprocessing
import time


def do_nothing():
    pass


def start_and_join(ctx):
    start = time.perf_counter()
    child = ctx.Process(target=do_nothing)
    child.start()
    child.join()
    return time.perf_counter() - start


def main():
    for method in ("fork", "spawn", "forkserver"):
        ctx = multiprocessing.get_context(method)
        times = [start_and_join(ctx) for _ in range(3)]
        print(
            f"{method:<10}  first child {times[0] * 1000:.1f} ms,"
            f"  fastest of 3 {min(times) * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()

# needs: fork

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program aba596b1):
#
# $ python examples/start_methods/multiprocessing_start_method_cost.py
# fork        first child 4.2 ms,  fastest of 3 1.8 ms
# spawn       first child 36.0 ms,  fastest of 3 36.0 ms
# forkserver  first child 50.9 ms,  fastest of 3 8.8 ms
