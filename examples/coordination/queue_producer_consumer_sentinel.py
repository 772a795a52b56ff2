"""The main thread puts numbers on a queue.Queue for three consumer threads; join() returns once every item is task_done(), then one None per consumer stops them."""

import queue
import threading


def consume(jobs, results):
    while True:
        item = jobs.get()
        if item is None:  # the sentinel: no more items
            return
        results.append(item * item)
        jobs.task_done()  # one task_done() for every item


def main():
    jobs = queue.Queue(maxsize=4)
    results = []
    consumers = [
        threading.Thread(target=consume, args=(jobs, results)) for _ in range(3)
    ]
    for t in consumers:
        t.start()
    for n in range(1, 11):
        jobs.put(n)  # waits while the queue is full
    jobs.join()  # waits until every item put is task_done()
    print("squares:", sorted(results))
    for _ in consumers:
        jobs.put(None)
    for t in consumers:
        t.join()
    print("all consumers have stopped")


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 8ca81e9c):
#
# $ python examples/coordination/queue_producer_consumer_sentinel.py
# squares: [1, 4, 9, 16, 25, 36, 49, 64, 81, 100]
# all consumers have stopped
