"""mp_context makes a ProcessPoolExecutor start its workers by spawn, whatever the default start method."""

import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def describe_worker(task):
    process = multiprocessing.current_process()
    return task, type(process).__name__, __name__


def main():
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=ctx) as executor:
        results = list(executor.map(describe_worker, range(4)))

    print("tasks done:", [task for task, _, _ in results])
    print("worker process classes:", sorted({kind for _, kind, _ in results}))
    print(
        "the workers imported this file as:", sorted({name for _, _, name in results})
    )


if __name__ == "__main__":
    main()

# start-method: spawn

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 0e407819):
#
# $ python examples/futures/concurrent_futures_mp_context.py
# tasks done: [0, 1, 2, 3]
# worker process classes: ['SpawnProcess']
# the workers imported this file as: ['__mp_main__']
