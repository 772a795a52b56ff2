"""Three worker threads block on an Event until the main thread has loaded the settings; wait() with a timeout returns False while the Event is not set."""

import threading


def worker(ready, settings):
    ready.wait()  # blocks until ready.set()
    name = threading.current_thread().name
    print(f"{name} runs in {settings['mode']} mode\n", end="")


def main():
    ready = threading.Event()
    settings = {}
    workers = [
        threading.Thread(target=worker, args=(ready, settings), name=f"worker-{n}")
        for n in range(3)
    ]
    for t in workers:
        t.start()
    print("wait(timeout=0.1) returned:", ready.wait(timeout=0.1))
    settings["mode"] = "fast"  # the setup the workers wait for
    print("main thread: settings loaded, calling set()")
    ready.set()
    for t in workers:
        t.join()


if __name__ == "__main__":
    main()

# order: varies

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 73427b86):
#
# $ python examples/coordination/threading_event_ready.py
# wait(timeout=0.1) returned: False
# main thread: settings loaded, calling set()
# worker-0 runs in fast mode
# worker-1 runs in fast mode
# worker-2 runs in fast mode
