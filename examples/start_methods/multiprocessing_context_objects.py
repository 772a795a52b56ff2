"""A fork-context lock cannot go to a spawn child; make locks from the process's own context (POSIX only)."""

import multiprocessing


def use_lock(lock):
    with lock:
        pass


def main():
    fork_ctx = multiprocessing.get_context("fork")
    spawn_ctx = multiprocessing.get_context("spawn")

    fork_lock = fork_ctx.Lock()
    child = spawn_ctx.Process(target=use_lock, args=(fork_lock,))
    try:
        child.start()
    except RuntimeError as error:
        print("RuntimeError:", error)

    spawn_lock = spawn_ctx.Lock()
    child = spawn_ctx.Process(target=use_lock, args=(spawn_lock,))
    child.start()
    child.join()
    print("lock from the spawn context, child exit code:", child.exitcode)


if __name__ == "__main__":
    main()

# start-method: spawn
# needs: fork

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 1ad367ed):
#
# $ python examples/start_methods/multiprocessing_context_objects.py
# RuntimeError: A SemLock created in a fork context is being shared with a process in a spawn context. This is not supported. Please use the same context to create multiprocessing objects and Process.
# lock from the spawn context, child exit code: 0
