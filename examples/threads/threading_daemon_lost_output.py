"""A daemon thread is stopped abruptly when the program ends: its finally block never runs, so its last line never appears."""

import threading
import time


def autosave(started):
    try:
        print("autosave: started")
        started.set()
        while True:
            time.sleep(1)  # save every second
    finally:
        print("autosave: final save")  # never printed


def main():
    started = threading.Event()
    saver = threading.Thread(
        target=autosave, args=(started,), name="autosave", daemon=True
    )
    saver.start()
    started.wait()
    print("main thread: done, exiting without joining the daemon thread")


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 82cb502a):
#
# $ python examples/threads/threading_daemon_lost_output.py
# autosave: started
# main thread: done, exiting without joining the daemon thread
