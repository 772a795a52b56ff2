"""A daemon thread is stopped abruptly when the program ends: its finally block never runs, so its final save is never printed."""

import threading
import time


def autosave(started):
    try:
        print("autosave: started")
        started.set()
        while True:
            time.sleep(1)  # save every second
    finally:
        print("autosave: final save")


def main():
    started = threading.Event()
    saver = threading.Thread(target=autosave, args=(started,), daemon=True)
    saver.start()
    started.wait()  # until the thread has printed its first line
    print("main thread: done, exiting without waiting for the daemon thread")


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 4f986906):
#
# $ python examples/threads/threading_daemon_lost_output.py
# autosave: started
# main thread: done, exiting without waiting for the daemon thread
