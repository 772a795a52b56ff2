"""Two processes add 1 to a shared Value 20 times each: with the read and the write apart, updates get lost; inside `with counter.get_lock():` none are."""

import multiprocessing
import time

TIMES = 20


def worker(unsafe, safe, start_together):
    start_together.wait()  # both processes begin at the same moment
    for _ in range(TIMES):
        value = unsafe.value
        time.sleep(0.001)  # the other process can write here
        unsafe.value = value + 1
    for _ in range(TIMES):
        with safe.get_lock():  # the read and the write, together
            value = safe.value
            time.sleep(0.001)
            safe.value = value + 1


def main():
    unsafe = multiprocessing.Value("i", 0)  # "i": a C int, starting at 0
    safe = multiprocessing.Value("i", 0)
    start_together = multiprocessing.Barrier(2)
    args = (unsafe, safe, start_together)
    processes = [multiprocessing.Process(target=worker, args=args) for _ in range(2)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    print("expected:", 2 * TIMES)
    print("without a lock, updates lost:", unsafe.value < 2 * TIMES)
    print("with get_lock(), final:", safe.value)


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 19802b37):
#
# $ python examples/locks/multiprocessing_value_get_lock.py
# expected: 40
# without a lock, updates lost: True
# with get_lock(), final: 40
