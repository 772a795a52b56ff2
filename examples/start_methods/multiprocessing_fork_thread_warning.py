"""Forking while a thread runs warns on Python 3.12+; spawn and forkserver never warn (POSIX only)."""

import multiprocessing
import sys
import threading
import warnings

FORK_WARNING = "is multi-threaded, use of fork() may lead to deadlocks in the child"


def work():
    pass


def start_child_while_a_thread_runs(method):
    """Start one child by this start method while a second thread is alive."""
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait, name="Helper")
    helper.start()
    try:
        child = multiprocessing.get_context(method).Process(target=work)
        child.start()
        child.join()
    finally:
        stop.set()
        helper.join()
    return child.exitcode


def main():
    for method in ("fork", "spawn", "forkserver"):
        # Record the warnings instead of showing them, to check them here.
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", DeprecationWarning)
            exitcode = start_child_while_a_thread_runs(method)
        warned = any(FORK_WARNING in str(w.message) for w in caught)
        if method == "fork":
            print(
                f"fork: exit code {exitcode}; warned exactly when Python >= 3.12:",
                warned == (sys.version_info >= (3, 12)),
            )
        else:
            print(f"{method}: exit code {exitcode}; warned: {warned}")


if __name__ == "__main__":
    main()

# start-method: fork

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 8f15e273):
#
# $ python examples/start_methods/multiprocessing_fork_thread_warning.py
# fork: exit code 0; warned exactly when Python >= 3.12: True
# spawn: exit code 0; warned: False
# forkserver: exit code 0; warned: False
