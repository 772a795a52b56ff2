"""Pool() with no number starts one worker per CPU, counted as this Python version counts."""

import os
from multiprocessing import Pool, active_children


def main():
    cpu_count = os.cpu_count()  # logical CPUs of the whole machine
    process_cpu_count = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if process_cpu_count is not None:
        usable = process_cpu_count()
    elif hasattr(os, "sched_getaffinity"):  # Linux; not Windows or macOS
        usable = len(os.sched_getaffinity(0))
    else:
        usable = cpu_count
    print("CPUs this process may use <= os.cpu_count():", usable <= cpu_count)

    # Pool() counts with os.process_cpu_count() from 3.13, os.cpu_count() before.
    counted = (process_cpu_count or os.cpu_count)() or 1
    before = set(active_children())
    pool = Pool()
    workers = set(active_children()) - before
    print("Pool() started one worker per CPU it counts:", len(workers) == counted)
    pool.close()
    pool.join()


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 5e3274b0):
#
# $ python examples/pool/multiprocessing_pool_size.py
# CPUs this process may use <= os.cpu_count(): True
# Pool() started one worker per CPU it counts: True
