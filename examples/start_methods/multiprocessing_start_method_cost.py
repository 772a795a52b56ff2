"""How long starting an empty child takes by fork, spawn and forkserver; spawn is slowest (POSIX only)."""

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
    fastest = {}
    for method in ("fork", "spawn", "forkserver"):
        ctx = multiprocessing.get_context(method)
        times = [start_and_join(ctx) for _ in range(3)]
        fastest[method] = min(times)
        print(
            f"{method:<10}  first child {times[0] * 1000:.1f} ms,"
            f"  fastest of 3 {fastest[method] * 1000:.1f} ms"
        )
    print("spawn is slower to start than fork:", fastest["spawn"] > fastest["fork"])


if __name__ == "__main__":
    main()

# needs: fork

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 06dff32d):
#
# $ python examples/start_methods/multiprocessing_start_method_cost.py
# fork        first child 8.5 ms,  fastest of 3 3.2 ms
# spawn       first child 99.9 ms,  fastest of 3 55.6 ms
# forkserver  first child 54.8 ms,  fastest of 3 13.0 ms
# spawn is slower to start than fork: True
