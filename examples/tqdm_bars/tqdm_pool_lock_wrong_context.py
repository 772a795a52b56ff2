"""A lock made by the fork context cannot go to spawn worker processes: the pool fails to start."""

# fails-with: RuntimeError: A SemLock created in a fork context is being shared with a process in a spawn context. This is not supported. Please use the same context to create multiprocessing objects and Process.
# start-method: spawn
# needs: fork
import multiprocessing

from tqdm import tqdm


def work(n):
    for _ in tqdm(range(10), desc=f"task{n}", position=n):
        pass
    return n


def main():
    lock = multiprocessing.get_context("fork").RLock()  # wrong: not the pool's context
    spawn = multiprocessing.get_context("spawn")
    with spawn.Pool(2, initializer=tqdm.set_lock, initargs=(lock,)) as pool:
        print(pool.map(work, range(2)))


if __name__ == "__main__":
    main()
