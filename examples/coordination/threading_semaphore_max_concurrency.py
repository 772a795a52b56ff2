"""Eight threads "download" through a Semaphore(3): counted under a lock, at most 3 were ever inside at once; without it, all 8 were."""

import contextlib
import threading
import time


class Gauge:
    """Counts how many threads are inside, and the most there ever were."""

    def __init__(self):
        self.lock = threading.Lock()
        self.inside = 0
        self.most = 0

    def enter(self):
        with self.lock:
            self.inside += 1
            self.most = max(self.most, self.inside)

    def leave(self):
        with self.lock:
            self.inside -= 1


def download(slots, gauge):
    with slots:  # waits while 3 threads are inside
        gauge.enter()
        time.sleep(0.1)
        gauge.leave()


def most_at_once(slots):
    gauge = Gauge()
    threads = [threading.Thread(target=download, args=(slots, gauge)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return gauge.most


def main():
    print(
        "with Semaphore(3), most inside at once:", most_at_once(threading.Semaphore(3))
    )
    print("without it, most inside at once:", most_at_once(contextlib.nullcontext()))


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 4c6f1541):
#
# $ python examples/coordination/threading_semaphore_max_concurrency.py
# with Semaphore(3), most inside at once: 3
# without it, most inside at once: 8
