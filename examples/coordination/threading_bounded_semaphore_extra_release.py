"""An extra release() quietly adds a slot to a Semaphore; a BoundedSemaphore raises ValueError instead."""

import threading

# fails-with: ValueError: Semaphore released too many times


def main():
    plain = threading.Semaphore(2)
    plain.release()  # a bug: nobody acquired it
    taken = [plain.acquire(blocking=False) for _ in range(3)]
    print("Semaphore(2) after an extra release, three acquires:", taken)
    #> Semaphore(2) after an extra release, three acquires: [True, True, True]

    bounded = threading.BoundedSemaphore(2)
    bounded.release()  # the same bug, caught at once


if __name__ == "__main__":
    main()
