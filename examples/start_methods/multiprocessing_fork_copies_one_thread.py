"""fork copies only the calling thread: a lock that another thread holds stays locked in the
child (POSIX only)."""

import os
import threading
import warnings
from multiprocessing import get_context


def hold(lock, holding, done):
    with lock:
        holding.set()
        done.wait()


def try_the_lock(lock):
    names = [thread.name for thread in threading.enumerate()]
    got_it = lock.acquire(timeout=0.2)
    print(
        f"Child {os.getpid()}: threads {names}; lock.acquire(timeout=0.2) -> {got_it}"
    )


def main():
    lock, holding, done = threading.Lock(), threading.Event(), threading.Event()
    helper = threading.Thread(target=hold, args=(lock, holding, done), name="Helper")
    helper.start()
    holding.wait()
    print(f"Parent {os.getpid()}: the Helper thread holds the lock")
    child = get_context("fork").Process(target=try_the_lock, args=(lock,))
    child.start()
    child.join()
    done.set()
    helper.join()
    got_it = lock.acquire(timeout=0.2)
    print(
        f"Parent {os.getpid()}: Helper is done; lock.acquire(timeout=0.2) -> {got_it}"
    )


if __name__ == "__main__":
    # Python 3.12+ warns that this fork may deadlock the child: the output shows why.
    warnings.filterwarnings(
        "ignore", "This process .* is multi-threaded", DeprecationWarning
    )
    main()

# start-method: fork

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program b0502a31):
#
# $ python examples/start_methods/multiprocessing_fork_copies_one_thread.py
# Parent 22235: the Helper thread holds the lock
# Child 22237: threads ['MainThread']; lock.acquire(timeout=0.2) -> False
# Parent 22235: Helper is done; lock.acquire(timeout=0.2) -> True
