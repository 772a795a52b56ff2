"""Three worker processes send results on one queue and end with None; the parent stops reading after the third None."""

from multiprocessing import Process, Queue

SENTINEL = None


def square_all(name, numbers, results):
    for n in numbers:
        results.put((n, n * n, name))
    results.put(SENTINEL)  # this worker has nothing more to send


def main():
    jobs = {"A": [1, 4, 7], "B": [2, 5], "C": [3, 6, 8, 9]}
    results = Queue()
    workers = [
        Process(target=square_all, args=(name, numbers, results))
        for name, numbers in jobs.items()
    ]
    for worker in workers:
        worker.start()

    received = []
    finished = 0
    while finished < len(workers):
        item = results.get()
        if item is SENTINEL:
            finished += 1
        else:
            received.append(item)

    for worker in workers:
        worker.join()

    for n, square, name in sorted(received):
        print(f"{n} squared is {square} (worker {name})")
    print("sentinels received:", finished)
    print("exit codes:", [worker.exitcode for worker in workers])


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program f37deca3):
#
# $ python examples/queue/multiprocessing_queue_results_sentinel.py
# 1 squared is 1 (worker A)
# 2 squared is 4 (worker B)
# 3 squared is 9 (worker C)
# 4 squared is 16 (worker A)
# 5 squared is 25 (worker B)
# 6 squared is 36 (worker C)
# 7 squared is 49 (worker A)
# 8 squared is 64 (worker C)
# 9 squared is 81 (worker C)
# sentinels received: 3
# exit codes: [0, 0, 0]
