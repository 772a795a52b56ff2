"""Two threads that wait take about as long as one wait: a waiting thread lets go of the GIL."""

import threading
import time

SECONDS = 0.2


def wait_for_io(seconds):
    time.sleep(seconds)  # stands for waiting on the network or the disk


def main():
    start = time.perf_counter()
    wait_for_io(SECONDS)
    wait_for_io(SECONDS)
    print(f"One after another: {time.perf_counter() - start:.2f} s")

    threads = [threading.Thread(target=wait_for_io, args=(SECONDS,)) for _ in range(2)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"Two threads:       {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 3eaf579e):
#
# $ python examples/gil/gil_io_bound_threads.py
# One after another: 0.40 s
# Two threads:       0.20 s
