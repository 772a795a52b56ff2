"""The seed note's two processes, corrected: each says hello on a line of its own, then draws
a progress bar on a row of its own."""

import os
from multiprocessing import Barrier, Process, RLock

from tqdm import tqdm

STEPS = 1_000_000


def run_proc(name, position, lock, ready):
    tqdm.set_lock(lock)
    print(f"Run child process {name} ({os.getpid()})...\n", end="")
    ready.wait()
    for _ in tqdm(range(STEPS), desc=name, position=position):
        pass


def main():
    print(f"Parent process {os.getpid()}.")
    lock, ready = RLock(), Barrier(2)
    p = Process(target=run_proc, args=("test1", 0, lock, ready))
    d = Process(target=run_proc, args=("test2", 1, lock, ready))
    print("Child process will start.")
    p.start()
    d.start()
    p.join()
    d.join()
    print("Child process end.")


if __name__ == "__main__":
    main()

# order: varies

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 3c19346e):
#
# $ python examples/processes/multiprocessing_process_start_join.py
# Parent process 22186.
# Child process will start.
# Run child process test1 (22188)...
# Run child process test2 (22189)...
# test1: 100%|██████████| 1000000/1000000 [00:00<00:00, 8763291.28it/s]
# test2: 100%|██████████| 1000000/1000000 [00:00<00:00, 8093159.13it/s]
# Child process end.
