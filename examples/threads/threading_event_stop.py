"""The fix: a non-daemon thread that an Event tells to stop finishes its loop and runs its final save."""

import threading


def autosave(stop):
    try:
        print("autosave: started")
        #> autosave: started
        while not stop.wait(1):  # wakes at once when stop is set
            pass  # save every second
    finally:
        print("autosave: final save")
        #> autosave: final save


def main():
    stop = threading.Event()
    saver = threading.Thread(target=autosave, args=(stop,), name="autosave")
    saver.start()
    print("main thread: asking the autosave thread to stop")
    #> main thread: asking the autosave thread to stop
    stop.set()
    saver.join()
    print("main thread: autosave thread finished:", not saver.is_alive())
    #> main thread: autosave thread finished: True


if __name__ == "__main__":
    main()
