"""The first tqdm bar starts a daemon thread named tqdm_monitor; monitor_interval = 0 prevents it."""

import threading

from tqdm import tqdm


def thread_names():
    return {thread.name for thread in threading.enumerate()}


def find_monitor():
    """tqdm's monitor thread, if one is running (tqdm names it tqdm_monitor)."""
    for thread in threading.enumerate():
        if thread.name == "tqdm_monitor" and thread.is_alive():
            return thread
    return None


def main():
    default_interval = tqdm.monitor_interval

    tqdm.monitor_interval = 0  # bars made from now on start no monitor thread
    before = thread_names()
    for _ in tqdm(range(3), desc="quiet"):
        started = thread_names() - before
    print("monitor_interval = 0: threads the bar started:", sorted(started))

    tqdm.monitor_interval = default_interval
    for _ in tqdm(range(3), desc="watched"):
        monitor = find_monitor()
    print("default monitor_interval:", default_interval)
    print("while a bar was open, tqdm_monitor ran:", monitor is not None)
    print("it is a daemon thread:", monitor.daemon)
    print("after the bar closed, it still runs:", find_monitor() is monitor)


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program d78b279e):
#
# $ python examples/tqdm/tqdm_monitor_thread.py
# quiet: 100%|██████████| 3/3 [00:00<00:00, 53317.42it/s]
# monitor_interval = 0: threads the bar started: []
# watched: 100%|██████████| 3/3 [00:00<00:00, 63550.06it/s]
# default monitor_interval: 10
# while a bar was open, tqdm_monitor ran: True
# it is a daemon thread: True
# after the bar closed, it still runs: True
