"""Three threads meet at a Barrier between two phases: no thread starts phase 2 before all have finished phase 1; a party that never comes breaks the barrier."""

import threading


def announce():
    print("barrier: all 3 arrived")  # run by one thread, once


def worker(name, barrier, log, indexes):
    log.append(f"{name} finished phase 1")
    indexes.append(barrier.wait())  # 0, 1 or 2: a different one in each thread
    log.append(f"{name} started phase 2")


def wait_for_missing_party(barrier, errors):
    try:
        barrier.wait()
    except threading.BrokenBarrierError:
        errors.append(threading.current_thread().name)


def main():
    barrier = threading.Barrier(3, action=announce)
    log, indexes = [], []  # list.append is safe from several threads
    threads = [
        threading.Thread(target=worker, args=(name, barrier, log, indexes))
        for name in ("a", "b", "c")
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    phases = [line.split()[-1] for line in log]  # in the order they happened
    print("order of phases:", phases)
    print("indexes returned by wait():", sorted(indexes))

    # Only two of three parties come: after the timeout the barrier breaks.
    short = threading.Barrier(3, timeout=0.2)
    errors = []
    pair = [
        threading.Thread(target=wait_for_missing_party, args=(short, errors))
        for _ in range(2)
    ]
    for t in pair:
        t.start()
    for t in pair:
        t.join()
    print("threads that got BrokenBarrierError:", len(errors))
    print("barrier broken:", short.broken)


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 7fb67ebe):
#
# $ python examples/coordination/threading_barrier_phases.py
# barrier: all 3 arrived
# order of phases: ['1', '1', '1', '2', '2', '2']
# indexes returned by wait(): [0, 1, 2]
# threads that got BrokenBarrierError: 2
# barrier broken: True
