"""Only 2 of the 3 parties come to the Barrier: when the timeout runs out, it breaks, and both waiting threads get BrokenBarrierError."""

import threading


def worker(barrier, results):
    name = threading.current_thread().name
    try:
        barrier.wait()
    except threading.BrokenBarrierError:
        results.append(f"{name}: BrokenBarrierError")


def main():
    barrier = threading.Barrier(3, timeout=0.2)  # the third party never comes
    results = []
    threads = [
        threading.Thread(target=worker, args=(barrier, results), name=name)
        for name in ("a", "b")
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for line in sorted(results):
        print(line)
    print("barrier broken:", barrier.broken)


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 73ebee3b):
#
# $ python examples/coordination/threading_barrier_timeout_broken.py
# a: BrokenBarrierError
# b: BrokenBarrierError
# barrier broken: True
