"""Waiting gets faster in threads and in processes; with the GIL on, computing threads share one CPU."""

import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from functools import partial

WORKERS = 2
REPEATS = 3
STEPS = 600_000  # one CPU-bound task: pure-Python arithmetic, about 0.03 s
NAP = 0.04  # one I/O-bound task: seconds spent waiting


def cpu_task(steps):
    total = 0
    for i in range(steps):
        total += i % 7
    return total


def io_task(seconds):
    time.sleep(seconds)  # waits as a download or a disk read would
    return seconds


def one_after_another(task, arg):
    for _ in range(WORKERS):
        task(arg)


def in_pool(pool, task, arg):
    list(pool.map(task, [arg] * WORKERS))


def measure(runs):
    """Run each way a few times, taking turns. Return each way's fastest wall time (other
    programs can make a run slower, never faster) and this process's CPU time per wall time.
    """
    fastest = [float("inf")] * len(runs)
    wall = [0.0] * len(runs)
    cpu = [0.0] * len(runs)
    for _ in range(REPEATS):
        for i, run in enumerate(runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            run()
            seconds = time.perf_counter() - start
            fastest[i] = min(fastest[i], seconds)
            wall[i] += seconds
            cpu[i] += time.process_time() - start_cpu
    return fastest, [c / w for c, w in zip(cpu, wall, strict=True)]


def gil_enabled():
    """sys._is_gil_enabled() is new in Python 3.13; before it, the GIL is always on."""
    is_enabled = getattr(sys, "_is_gil_enabled", None)
    return True if is_enabled is None else is_enabled()


def main():
    speedups, cpu_per_wall = {}, {}
    with (
        ProcessPoolExecutor(WORKERS) as processes,
        ThreadPoolExecutor(WORKERS) as threads,
    ):
        in_pool(processes, time.sleep, 0.05)  # start the worker processes before timing
        print(f"{'':9}  one after another  {WORKERS} threads      {WORKERS} processes")
        for name, task, arg in (
            ("CPU-bound", cpu_task, STEPS),
            ("I/O-bound", io_task, NAP),
        ):
            (alone, in_threads, in_processes), busy = measure(
                [
                    partial(one_after_another, task, arg),
                    partial(in_pool, threads, task, arg),
                    partial(in_pool, processes, task, arg),
                ]
            )
            speedups[name] = (alone / in_threads, alone / in_processes)
            cpu_per_wall[name] = busy[1]  # while the threads ran
            print(
                f"{name}  {alone:.2f} s             "
                f"{in_threads:.2f} s ({alone / in_threads:.1f}x)  "
                f"{in_processes:.2f} s ({alone / in_processes:.1f}x)"
            )

    threads_cpu = cpu_per_wall["CPU-bound"]
    print(
        f"CPU-bound in {WORKERS} threads: CPU time was {threads_cpu:.1f}x the wall time"
    )
    io_threads, io_processes = speedups["I/O-bound"]
    print("I/O-bound: threads made it faster (> 1.5x):", io_threads > 1.5)
    print("I/O-bound: processes made it faster (> 1.5x):", io_processes > 1.5)
    one_cpu_at_a_time = threads_cpu < 1.3
    print(
        "CPU-bound: if the GIL is on, the threads used one CPU at a time:",
        one_cpu_at_a_time or not gil_enabled(),
    )


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 290547d9):
#
# $ python examples/gil/gil_cpu_bound_vs_io_bound.py
#            one after another  2 threads      2 processes
# CPU-bound  0.05 s             0.05 s (1.0x)  0.04 s (1.1x)
# I/O-bound  0.08 s             0.04 s (2.0x)  0.04 s (1.9x)
# CPU-bound in 2 threads: CPU time was 0.8x the wall time
# I/O-bound: threads made it faster (> 1.5x): True
# I/O-bound: processes made it faster (> 1.5x): True
# CPU-bound: if the GIL is on, the threads used one CPU at a time: True
