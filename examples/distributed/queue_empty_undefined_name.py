"""Liao Xuefeng's worker catches Queue.Empty without importing it: the mistake shows only when the queue runs dry."""

# fails-with: NameError: name 'Queue' is not defined

import queue


def main():
    tasks = queue.Queue()
    for n in (7, 8):
        tasks.put(n)
    for _ in range(3):  # one more get() than there are tasks
        try:
            n = tasks.get(timeout=0.1)
            print(f"{n} * {n} = {n * n}")
            #> 7 * 7 = 49
            #> 8 * 8 = 64
        except Queue.Empty:  # noqa: F821 -- should be queue.Empty
            print("task queue is empty.")


if __name__ == "__main__":
    main()
