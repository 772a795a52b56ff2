"""Pool(4) runs 13 tasks: task 4 starts when the first of tasks 0-3 ends, not when all have."""

import os
import time
from multiprocessing import Barrier, Pool

# Seconds each task sleeps: a fixed list, so every run does the same work.
DURATIONS = [0.3, 0.05, 0.2, 0.15, 0.1, 0.05, 0.15, 0.1, 0.05, 0.2, 0.1, 0.05, 0.15]


def wait_for_the_others(barrier):
    barrier.wait()


def long_time_task(name):
    start = time.time()
    time.sleep(DURATIONS[name])
    return name, os.getpid(), start, time.time()


def main():
    # Start handing out tasks only once all 4 workers are up.
    all_started = Barrier(5)
    pool = Pool(4, initializer=wait_for_the_others, initargs=(all_started,))
    all_started.wait()
    results = [pool.apply_async(long_time_task, args=(i,)) for i in range(13)]
    submitted = time.time()
    print("Waiting for all subprocesses done...")
    pool.close()
    pool.join()
    joined = time.time()
    print("All subprocesses done.")

    tasks = {}  # name -> (pid, start, end)
    for result in results:
        name, pid, start, end = result.get()
        tasks[name] = (pid, start, end)
    t0 = min(start for _, start, _ in tasks.values())
    for name, (_, start, end) in sorted(tasks.items()):
        print(f"task {name:2}: {start - t0:.2f} s -> {end - t0:.2f} s")

    first_end = min(tasks[i][2] for i in range(4))
    last_end = max(tasks[i][2] for i in range(4))
    start_4 = tasks[4][1]
    print("apply_async() returned before any task ended:", submitted < first_end)
    print("task 4 started after the first of tasks 0-3 ended:", start_4 >= first_end)
    print("task 4 started before the last of tasks 0-3 ended:", start_4 < last_end)
    print("task 4 started within 50 ms of that first end:", start_4 - first_end < 0.05)
    pids = {pid for pid, _, _ in tasks.values()}
    print("worker processes that ran tasks: at most 4:", len(pids) <= 4)
    print("none of them is the main process:", os.getpid() not in pids)
    last_end_of_all = max(end for _, _, end in tasks.values())
    print("every task had ended before join() returned:", last_end_of_all <= joined)


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 74528201):
#
# $ python examples/pool/multiprocessing_pool_apply_async_timeline.py
# Waiting for all subprocesses done...
# All subprocesses done.
# task  0: 0.00 s -> 0.30 s
# task  1: 0.00 s -> 0.05 s
# task  2: 0.00 s -> 0.20 s
# task  3: 0.00 s -> 0.15 s
# task  4: 0.06 s -> 0.16 s
# task  5: 0.15 s -> 0.20 s
# task  6: 0.16 s -> 0.31 s
# task  7: 0.20 s -> 0.30 s
# task  8: 0.20 s -> 0.25 s
# task  9: 0.25 s -> 0.45 s
# task 10: 0.30 s -> 0.40 s
# task 11: 0.30 s -> 0.35 s
# task 12: 0.31 s -> 0.46 s
# apply_async() returned before any task ended: True
# task 4 started after the first of tasks 0-3 ended: True
# task 4 started before the last of tasks 0-3 ended: True
# task 4 started within 50 ms of that first end: True
# worker processes that ran tasks: at most 4: True
# none of them is the main process: True
# every task had ended before join() returned: True
