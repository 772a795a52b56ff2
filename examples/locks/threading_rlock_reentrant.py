"""A Lock cannot be taken again by the thread that holds it; an RLock can, so a method holding it may call another that takes it too."""

import threading


class Cart:
    def __init__(self, lock):
        self.lock = lock
        self.items = []

    def add(self, item):
        with self.lock:
            self.items.append(item)

    def add_many(self, items):
        with self.lock:
            for item in items:
                self.add(item)  # takes self.lock a second time


def main():
    lock = threading.Lock()
    with lock:
        again = lock.acquire(timeout=0.2)  # without a timeout: waits forever
    print("Lock, taken again by its holder:", again)

    cart = Cart(threading.RLock())
    cart.add_many(["apple", "bread"])
    print("cart with an RLock:", cart.items)


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 22876d2f):
#
# $ python examples/locks/threading_rlock_reentrant.py
# Lock, taken again by its holder: False
# cart with an RLock: ['apple', 'bread']
