"""The fix: a non-daemon thread that an Event tells to stop finishes its loop and runs its final save."""

import threading


def autosave(stop):
    try:
        print("autosave: started")
        while not stop.wait(1):  # wakes at once when stop is set
            pass  # save every second
    finally:
        print("autosave: final save")


def main():
    stop = threading.Event()
    saver = threading.Thread(target=autosave, args=(stop,), name="autosave")
    saver.start()
    print("main thread: asking the autosave thread to stop")
    stop.set()
    saver.join()
    print("main thread: autosave thread finished:", not saver.is_alive())


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 3c596478):
#
# $ python examples/threads/threading_event_stop.py
# autosave: started
# main thread: asking the autosave thread to stop
# autosave: final save
# main thread: autosave thread finished: True
