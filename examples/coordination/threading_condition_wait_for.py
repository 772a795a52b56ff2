"""A consumer thread waits on a Condition until three items are in the list; the producer appends under the same lock and calls notify(), and the items come out in batches of three."""

import threading
import time


def produce(items, changed, count):
    for n in range(1, count + 1):
        time.sleep(0.01)  # an item takes a moment to make
        with changed:
            items.append(n)
            changed.notify()  # wake a waiting thread


def consume(items, changed, batches, wanted):
    for _ in range(wanted):
        with changed:
            changed.wait_for(lambda: len(items) >= 3)  # lock released while waiting
            batch = items[:3]
            del items[:3]
        batches.append(batch)


def main():
    items = []
    changed = threading.Condition()  # a lock plus wait/notify
    batches = []
    consumer = threading.Thread(
        target=consume, args=(items, changed, batches, 3), name="consumer"
    )
    producer = threading.Thread(
        target=produce, args=(items, changed, 9), name="producer"
    )
    consumer.start()
    producer.start()
    producer.join()
    consumer.join()
    print("batches:", batches)
    print("left over:", items)


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program d04db66a):
#
# $ python examples/coordination/threading_condition_wait_for.py
# batches: [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
# left over: []
