"""The first tqdm bar starts a daemon thread named tqdm_monitor, which outlives the bar; monitor_interval = 0 prevents it."""

import threading

from tqdm import tqdm


def main():
    before = set(threading.enumerate())
    tqdm.monitor_interval = 0  # bars made from now on start no monitor thread
    for _ in tqdm(range(3), desc="quiet"):
        pass
    started = [t.name for t in set(threading.enumerate()) - before]
    print("threads the quiet bar started:", started)

    tqdm.monitor_interval = 10  # tqdm's default
    for _ in tqdm(range(3), desc="watched"):
        pass
    monitor = tqdm.monitor
    print(
        f"after the bar: {monitor.name}, daemon={monitor.daemon}, alive={monitor.is_alive()}"
    )


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program df2f891f):
#
# $ python examples/tqdm/tqdm_monitor_thread.py
# quiet: 100%|██████████| 3/3 [00:00<00:00, 74017.13it/s]
# threads the quiet bar started: []
# watched: 100%|██████████| 3/3 [00:00<00:00, 103991.01it/s]
# after the bar: tqdm_monitor, daemon=True, alive=True
