"""The seed note's loops without a position per bar: two processes draw on one line."""

import os
from multiprocessing import Process

from tqdm import tqdm

STEPS = 2_000_000


def run_proc(name):
    print(f"Run child process {name} (pid={os.getpid()})...")
    #> Run child process test1 (pid=27311)...
    #> Run child process test2 (pid=27312)...
    for _ in tqdm(range(STEPS), desc=name):
        pass


def main():
    print(f"Parent process pid={os.getpid()}.")
    #> Parent process pid=27309.
    p = Process(target=run_proc, args=("test1",))
    d = Process(target=run_proc, args=("test2",))
    print("Child process will start.")
    #> Child process will start.
    p.start()
    d.start()
    p.join()
    d.join()
    print("Child process end.")
    #> Child process end.


if __name__ == "__main__":
    main()
