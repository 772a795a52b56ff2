"""The seed note's loops without a position per bar: two processes draw on one line."""

import os
from multiprocessing import Process

from tqdm import tqdm

STEPS = 2_000_000


def run_proc(name):
    print(f"Run child process {name} (pid={os.getpid()})...")
    for _ in tqdm(range(STEPS), desc=name):
        pass


def main():
    print(f"Parent process pid={os.getpid()}.")
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

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 4803ef8e):
#
# $ python examples/processes/multiprocessing_process_tqdm_one_line.py
# Parent process pid=10104.
# Child process will start.
# Run child process test2 (pid=10107)...
# test2:   0%|          | 0/2000000 [00:00<?, ?it/s]Run child process test1 (pid=10106)...
# test2: 100%|██████████| 2000000/2000000 [00:00<00:00, 3347473.54it/s]
# test1: 100%|██████████| 2000000/2000000 [00:00<00:00, 3528588.20it/s]
# Child process end.
