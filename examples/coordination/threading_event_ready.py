"""Three worker threads block on an Event until the main thread has loaded the settings; wait() with a timeout returns False while the Event is not set."""

import threading


def worker(name, ready, settings, done):
    ready.wait()  # blocks until ready.set()
    done.append(f"{name} runs in {settings['mode']} mode")


def main():
    ready = threading.Event()
    settings = {}
    done = []
    workers = [
        threading.Thread(target=worker, args=(name, ready, settings, done))
        for name in ("worker-a", "worker-b", "worker-c")
    ]
    for t in workers:
        t.start()

    print("set yet:", ready.is_set())
    print("wait(timeout=0.1) returned:", ready.wait(timeout=0.1))
    print("workers finished before set():", len(done))

    settings["mode"] = "fast"  # the setup the workers wait for
    ready.set()
    for t in workers:
        t.join()
    print("set now:", ready.is_set())
    for line in sorted(done):
        print(line)


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 60863b3a):
#
# $ python examples/coordination/threading_event_ready.py
# set yet: False
# wait(timeout=0.1) returned: False
# workers finished before set(): 0
# set now: True
# worker-a runs in fast mode
# worker-b runs in fast mode
# worker-c runs in fast mode
