"""A producer thread and three consumers share a queue.Queue: join() returns once every item is task_done(), then one None per consumer stops them cleanly."""

import queue
import threading

STOP = None  # the sentinel: "no more items"


def produce(jobs, count):
    for n in range(1, count + 1):
        jobs.put(n)  # blocks while the queue is full


def consume(jobs, results):
    while True:
        item = jobs.get()
        try:
            if item is STOP:
                return
            results.append((item, item * item))
        finally:
            jobs.task_done()  # one task_done() for every get()


def main():
    jobs = queue.Queue(maxsize=4)
    results = []
    consumers = [
        threading.Thread(target=consume, args=(jobs, results)) for _ in range(3)
    ]
    for t in consumers:
        t.start()
    producer = threading.Thread(target=produce, args=(jobs, 10), name="producer")
    producer.start()
    producer.join()

    jobs.join()  # until every item put so far is task_done()
    print("results when join() returned:", len(results))

    for _ in consumers:
        jobs.put(STOP)
    for t in consumers:
        t.join()
    print("consumers still running:", sum(t.is_alive() for t in consumers))
    print("results:", sorted(results))


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program d90d0134):
#
# $ python examples/coordination/queue_producer_consumer_sentinel.py
# results when join() returned: 10
# consumers still running: 0
# results: [(1, 1), (2, 4), (3, 9), (4, 16), (5, 25), (6, 36), (7, 49), (8, 64), (9, 81), (10, 100)]
