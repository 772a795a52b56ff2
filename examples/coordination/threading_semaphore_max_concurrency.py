"""Six threads "download" through a Semaphore(3): the first three start at once, and each of the others starts only when one of those is done."""

import threading
import time


def download(name, slots):
    with slots:  # waits while 3 threads are inside
        print(f"{name} starts\n", end="")
        time.sleep(0.1)
        print(f"{name} done\n", end="")


def main():
    slots = threading.Semaphore(3)
    threads = [
        threading.Thread(target=download, args=(f"download {n}", slots))
        for n in range(6)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


if __name__ == "__main__":
    main()

# order: varies

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 7c3bdf98):
#
# $ python examples/coordination/threading_semaphore_max_concurrency.py
# download 0 starts
# download 1 starts
# download 2 starts
# download 0 done
# download 2 done
# download 1 done
# download 3 starts
# download 4 starts
# download 5 starts
# download 3 done
# download 4 done
# download 5 done
