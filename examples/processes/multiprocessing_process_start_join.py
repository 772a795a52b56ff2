"""The seed note's two processes, corrected: each runs its loop with a progress bar of its own."""

import os
from multiprocessing import Process, RLock

from tqdm import tqdm

STEPS = 1_000_000


def run_proc(name, position, lock):
    tqdm.set_lock(lock)
    print(f"Run child process {name} (pid={os.getpid()})...")
    #> Run child process test1 (pid=3247)...
    #> Run child process test2 (pid=3248)...
    for _ in tqdm(range(STEPS), desc=name, position=position):
        pass


def main():
    print(f"Parent process pid={os.getpid()}.")
    #> Parent process pid=3245.
    lock = RLock()
    p = Process(target=run_proc, args=("test1", 0, lock))
    d = Process(target=run_proc, args=("test2", 1, lock))
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
