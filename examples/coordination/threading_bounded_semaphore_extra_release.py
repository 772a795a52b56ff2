"""An extra release() quietly adds a slot to a Semaphore; a BoundedSemaphore raises ValueError instead."""

import threading


def main():
    plain = threading.Semaphore(2)
    plain.release()  # a bug: nobody acquired it
    taken = [plain.acquire(blocking=False) for _ in range(3)]
    print("Semaphore(2) after an extra release, three acquires:", taken)

    bounded = threading.BoundedSemaphore(2)
    bounded.release()  # the same bug, caught at once


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 1, program b8c83b42):
#
# $ python examples/coordination/threading_bounded_semaphore_extra_release.py
# Semaphore(2) after an extra release, three acquires: [True, True, True]
# Traceback (most recent call last):
#   File "examples/coordination/threading_bounded_semaphore_extra_release.py", line 17, in <module>
#     main()
#   File "examples/coordination/threading_bounded_semaphore_extra_release.py", line 13, in main
#     bounded.release()  # the same bug, caught at once
#     ^^^^^^^^^^^^^^^^^
#   File ".../lib/python3.11/threading.py", line 545, in release
#     raise ValueError("Semaphore released too many times")
# ValueError: Semaphore released too many times
