"""The seed note's two processes, corrected: each runs its loop with a progress bar of its own."""

import os
from multiprocessing import Process, RLock

from tqdm import tqdm

STEPS = 1_000_000


def run_proc(name, position, lock):
    tqdm.set_lock(lock)
    print(f"Run child process {name} (pid={os.getpid()})...")
    for _ in tqdm(range(STEPS), desc=name, position=position):
        pass


def main():
    print(f"Parent process pid={os.getpid()}.")
    lock = RLock()
    p = Process(target=run_proc, args=("test1", 0, lock))
    d = Process(target=run_proc, args=("test2", 1, lock))
    print("Child process will start.")
    p.start()
    d.start()
    p.join()
    d.join()
    print("Child process end.")


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program d93285f6):
#
# $ python examples/processes/multiprocessing_process_start_join.py
# Parent process pid=10092.
# Child process will start.
# Run child process test1 (pid=10094)...
# test1:   0%|          | 0/1000000 [00:00<?, ?it/s]Run child process test2 (pid=10095)...
# test1: 100%|██████████| 1000000/1000000 [00:00<00:00, 6735922.48it/s]
# test2: 100%|██████████| 1000000/1000000 [00:00<00:00, 6105272.66it/s]
# Child process end.
