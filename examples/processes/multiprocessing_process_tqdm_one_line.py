"""The seed note's loops without a position per bar: the two processes draw on one row."""

import os
from multiprocessing import Process

from tqdm import tqdm

STEPS = 2_000_000


def run_proc(name):
    print(f"Run child process {name} ({os.getpid()})...\n", end="")
    for _ in tqdm(range(STEPS), desc=name):
        pass


def main():
    print(f"Parent process {os.getpid()}.")
    p = Process(target=run_proc, args=("test1",))
    d = Process(target=run_proc, args=("test2",))
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
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 3f2a2fb9):
#
# $ python examples/processes/multiprocessing_process_tqdm_one_line.py
# Parent process 22198.
# Child process will start.
# Run child process test1 (22203)...
# Run child process test2 (22204)...
# test1: 100%|██████████| 2000000/2000000 [00:00<00:00, 5350273.36it/s]
# test2: 100%|██████████| 2000000/2000000 [00:00<00:00, 5230917.55it/s]
# Child process end.
