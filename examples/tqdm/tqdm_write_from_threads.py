"""tqdm.write() from several threads: each message gets a row of its own, above the bars."""

import threading
import time

from tqdm import tqdm


def work(n):
    with tqdm(total=10, desc=f"worker{n}", position=n + 1, leave=False) as bar:
        for step in range(1, 11):
            time.sleep(0.01)
            bar.update()
            if step == 5:
                tqdm.write(f"worker{n}: halfway")


def main():
    threads = [threading.Thread(target=work, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in tqdm(threads, desc="all"):  # one step per thread that has ended
        thread.join()
    print("All workers done.")


if __name__ == "__main__":
    main()

# order: varies

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 6cdf7ee3):
#
# $ python examples/tqdm/tqdm_write_from_threads.py
# worker0: halfway
# worker1: halfway
# worker2: halfway
# all: 100%|██████████| 3/3 [00:00<00:00, 29.27it/s]
# All workers done.
