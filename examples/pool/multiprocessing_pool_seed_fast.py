"""The note's Pool example, made fast: 4 worker processes share 13 tasks; join() waits for all."""

import os
import random
import time
from multiprocessing import Pool


def worker_started():
    print(f"Worker process pid={os.getpid()} started.")
    #> Worker process pid=22083 started.
    #> Worker process pid=22084 started.
    #> Worker process pid=22085 started.
    #> Worker process pid=22086 started.


def long_time_task(name):
    print(f"Run task {name}...")
    #> Run task 0...
    #> Run task 1...
    #> Run task 2...
    #> Run task 3...
    #> Run task 4...
    #> Run task 5...
    #> Run task 6...
    #> Run task 7...
    #> Run task 8...
    #> Run task 9...
    #> Run task 10...
    #> Run task 11...
    #> Run task 12...
    start = time.time()
    # The same "random" length for a task in every run: 0.05 to 0.3 s.
    time.sleep(random.Random(name).uniform(0.05, 0.3))
    end = time.time()
    print(f"Task {name} runs {end - start:0.2f} seconds.")
    #> Task 0 runs 0.26 seconds.
    #> Task 1 runs 0.09 seconds.
    #> Task 2 runs 0.29 seconds.
    #> Task 3 runs 0.13 seconds.
    #> Task 4 runs 0.11 seconds.
    #> Task 5 runs 0.21 seconds.
    #> Task 6 runs 0.25 seconds.
    #> Task 7 runs 0.13 seconds.
    #> Task 8 runs 0.11 seconds.
    #> Task 9 runs 0.17 seconds.
    #> Task 10 runs 0.19 seconds.
    #> Task 11 runs 0.16 seconds.
    #> Task 12 runs 0.17 seconds.


def main():
    print(f"Parent process pid={os.getpid()}.")
    #> Parent process pid=22070.
    p = Pool(4, initializer=worker_started)
    for i in range(13):
        p.apply_async(long_time_task, args=(i,))
    print("Waiting for all subprocesses done...")
    #> Waiting for all subprocesses done...
    p.close()
    p.join()
    print("All subprocesses done.")
    #> All subprocesses done.


if __name__ == "__main__":
    main()
