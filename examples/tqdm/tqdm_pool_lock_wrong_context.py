"""A lock made by the fork context cannot go to spawn worker processes: the pool fails to start."""

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

# start-method: spawn
# needs: fork

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 1, program 61d10db8):
#
# $ python examples/tqdm/tqdm_pool_lock_wrong_context.py
# Traceback (most recent call last):
#   File "examples/tqdm/tqdm_pool_lock_wrong_context.py", line 22, in <module>
#     main()
#   File "examples/tqdm/tqdm_pool_lock_wrong_context.py", line 17, in main
#     with spawn.Pool(2, initializer=tqdm.set_lock, initargs=(lock,)) as pool:
#          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
#   File ".../lib/python3.11/multiprocessing/context.py", line 119, in Pool
#     return Pool(processes, initializer, initargs, maxtasksperchild,
#            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
#   File ".../lib/python3.11/multiprocessing/pool.py", line 215, in __init__
#     self._repopulate_pool()
#   File ".../lib/python3.11/multiprocessing/pool.py", line 306, in _repopulate_pool
#     return self._repopulate_pool_static(self._ctx, self.Process,
#            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
#   File ".../lib/python3.11/multiprocessing/pool.py", line 329, in _repopulate_pool_static
#     w.start()
#   File ".../lib/python3.11/multiprocessing/process.py", line 121, in start
#     self._popen = self._Popen(self)
#                   ^^^^^^^^^^^^^^^^^
#   File ".../lib/python3.11/multiprocessing/context.py", line 288, in _Popen
#     return Popen(process_obj)
#            ^^^^^^^^^^^^^^^^^^
#   File ".../lib/python3.11/multiprocessing/popen_spawn_posix.py", line 32, in __init__
#     super().__init__(process_obj)
#   File ".../lib/python3.11/multiprocessing/popen_fork.py", line 19, in __init__
#     self._launch(process_obj)
#   File ".../lib/python3.11/multiprocessing/popen_spawn_posix.py", line 47, in _launch
#     reduction.dump(process_obj, fp)
#   File ".../lib/python3.11/multiprocessing/reduction.py", line 60, in dump
#     ForkingPickler(file, protocol).dump(obj)
#   File ".../lib/python3.11/multiprocessing/synchronize.py", line 107, in __getstate__
#     raise RuntimeError('A SemLock created in a fork context is being '
# RuntimeError: A SemLock created in a fork context is being shared with a process in a spawn context. This is not supported. Please use the same context to create multiprocessing objects and Process.
