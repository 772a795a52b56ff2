"""A thread holding a Lock cannot take it again (acquire with a timeout gives up); an RLock lets the thread that holds it take it again."""

import threading


def take_twice(lock):
    """Hold the lock, then try to take it again from the same thread."""
    with lock:
        again = lock.acquire(timeout=0.2)  # without a timeout: waits forever
        if again:
            lock.release()
        return again


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
    print("Lock, taken again by its holder:", take_twice(threading.Lock()))
    print("RLock, taken again by its holder:", take_twice(threading.RLock()))

    cart = Cart(threading.RLock())
    shoppers = [
        threading.Thread(target=cart.add_many, args=(["apple", "bread"],)),
        threading.Thread(target=cart.add_many, args=(["milk", "tea"],)),
    ]
    for t in shoppers:
        t.start()
    for t in shoppers:
        t.join()
    print("cart:", sorted(cart.items))


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 0f99370b):
#
# $ python examples/locks/threading_rlock_reentrant.py
# Lock, taken again by its holder: False
# RLock, taken again by its holder: True
# cart: ['apple', 'bread', 'milk', 'tea']
