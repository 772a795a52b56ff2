"""Three threads meet at a Barrier between two phases: no thread starts phase 2 before all three have finished phase 1."""

import threading


def worker(barrier):
    name = threading.current_thread().name
    print(f"{name} finished phase 1\n", end="")
    barrier.wait()  # waits here until all 3 have arrived
    print(f"{name} started phase 2\n", end="")


def main():
    barrier = threading.Barrier(3, action=lambda: print("barrier: all 3 arrived"))
    threads = [
        threading.Thread(target=worker, args=(barrier,), name=name)
        for name in ("a", "b", "c")
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


if __name__ == "__main__":
    main()

# order: varies

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program b0a2292d):
#
# $ python examples/coordination/threading_barrier_phases.py
# a finished phase 1
# b finished phase 1
# c finished phase 1
# barrier: all 3 arrived
# a started phase 2
# b started phase 2
# c started phase 2
