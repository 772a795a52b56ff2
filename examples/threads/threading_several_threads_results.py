"""Three threads each store a result in one shared dict; they wait at the same time, so the run takes about one wait, not three."""

import threading
import time


def work(job, numbers, results):
    time.sleep(0.2)  # waiting, like a slow download: the other threads run meanwhile
    results[job] = sum(n * n for n in numbers)


def main():
    jobs = {"alpha": [1, 2, 3], "beta": [4, 5], "gamma": [6]}
    results = {}  # the main thread's dict, shared with the threads
    threads = [
        threading.Thread(target=work, args=(job, numbers, results), name=job)
        for job, numbers in jobs.items()
    ]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for job in sorted(results):
        print(f"{job}: sum of squares {results[job]}")
    print(f"3 threads waiting 0.2 s each: {time.perf_counter() - start:.2f} s in all")


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program e76e47c8):
#
# $ python examples/threads/threading_several_threads_results.py
# alpha: sum of squares 14
# beta: sum of squares 41
# gamma: sum of squares 36
# 3 threads waiting 0.2 s each: 0.20 s in all
