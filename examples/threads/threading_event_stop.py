"""The fix: the thread is not a daemon; an Event tells it to stop, it leaves its loop at once and runs its final save, and join() waits for that."""

import threading


def autosave(started, stop):
    try:
        print("autosave: started")
        started.set()
        while not stop.wait(1):  # save every second; wakes at once on stop.set()
            pass
    finally:
        print("autosave: final save")


def main():
    started, stop = threading.Event(), threading.Event()
    saver = threading.Thread(target=autosave, args=(started, stop))
    saver.start()
    started.wait()  # until the thread has printed its first line
    print("main thread: asking the autosave thread to stop")
    stop.set()
    saver.join()
    print("main thread: the autosave thread has ended")


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program a3b9ef3f):
#
# $ python examples/threads/threading_event_stop.py
# autosave: started
# main thread: asking the autosave thread to stop
# autosave: final save
# main thread: the autosave thread has ended
