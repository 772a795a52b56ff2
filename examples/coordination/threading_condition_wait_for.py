"""The main thread waits on a Condition until three items are in the list; the producer thread appends under the same lock and calls notify(), and the items come out in batches of three."""

import threading
import time


def produce(items, changed):
    for n in range(1, 10):
        time.sleep(0.01)  # an item takes a moment to make
        with changed:
            items.append(n)
            changed.notify()  # wake the waiting thread


def main():
    items = []
    changed = threading.Condition()  # a lock, plus wait() and notify()
    producer = threading.Thread(target=produce, args=(items, changed))
    producer.start()
    for _ in range(3):
        with changed:
            changed.wait_for(lambda: len(items) >= 3)  # the lock is free while it waits
            batch = items[:3]
            del items[:3]
        print("batch:", batch)
    producer.join()


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 43aa45ab):
#
# $ python examples/coordination/threading_condition_wait_for.py
# batch: [1, 2, 3]
# batch: [4, 5, 6]
# batch: [7, 8, 9]
