"""Three threads each store a result under their own key; joined, the results print in sorted order, and their waits overlapped."""

import threading
import time

DELAY = 0.2  # each thread waits this long, like a slow download


def work(job, numbers, results):
    time.sleep(DELAY)  # a sleeping thread lets the other threads run
    results[job] = (sum(n * n for n in numbers), threading.current_thread().name)


def main():
    jobs = {"alpha": [1, 2, 3], "beta": [4, 5], "gamma": [6]}
    results = {}
    threads = [
        threading.Thread(
            target=work, args=(job, numbers, results), name=f"worker-{job}"
        )
        for job, numbers in jobs.items()
    ]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start

    for job in sorted(results):
        total, thread_name = results[job]
        print(f"{job}: sum of squares {total}, computed in {thread_name}")
    print(f"{len(threads)} threads waiting {DELAY} s each took {elapsed:.2f} s in all")
    print("the waits overlapped:", elapsed < len(threads) * DELAY)


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 683400a8):
#
# $ python examples/threads/threading_several_threads_results.py
# alpha: sum of squares 14, computed in worker-alpha
# beta: sum of squares 41, computed in worker-beta
# gamma: sum of squares 36, computed in worker-gamma
# 3 threads waiting 0.2 s each took 0.20 s in all
# the waits overlapped: True
