"""What the locks chapter says that depends on the Python version or build, checked on the
Python that runs the tests: CI's matrix (3.11 to 3.15, and 3.15t) checks each version's side.

The race without a lock runs in a fresh interpreter with none of the test run's settings (no
PYTHON* variable), as a reader would run it, and reports whether its GIL was on.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import warnings

import pytest

#: The tutorials' race: threads add 1 to a global counter with a bare ``+=`` and no lock.
BARE_INCREMENTS = textwrap.dedent(
    """
    import sys
    import threading

    THREADS, TIMES = 4, 200_000
    counter = 0


    def add(start):
        global counter
        start.wait()
        for _ in range(TIMES):
            counter += 1


    start = threading.Barrier(THREADS)
    threads = [threading.Thread(target=add, args=(start,)) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()
    print(gil, counter, THREADS * TIMES)
    """
)


def bare_increments() -> tuple[bool, int, int]:
    """(whether the GIL was on, the final counter, the expected total) of one run."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    done = subprocess.run(
        [sys.executable, "-c", BARE_INCREMENTS],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 0, done.stderr
    gil, counter, expected = done.stdout.split()
    return gil == "True", int(counter), int(expected)


def cpus() -> int:
    return getattr(os, "process_cpu_count", os.cpu_count)() or 1


@pytest.mark.backs("locks/index.md", "lost-updates")
def test_bare_increments_lose_nothing_with_the_gil_from_3_10():
    """With the GIL on, from 3.10 the interpreter switches threads only at calls and backward
    jumps, never between the read and the write of ``counter += 1``: the bare tutorial race
    prints the right total (three runs out of three)."""
    results = [bare_increments() for _ in range(3)]
    if not results[0][0]:
        pytest.skip("the GIL is off in this Python (a free-threaded build)")
    assert all(counter == expected for _, counter, expected in results), results


@pytest.mark.backs("locks/index.md", "lost-updates")
def test_bare_increments_lose_updates_without_the_gil():
    """With the GIL off and two or more CPUs, the threads really run at once and the bare
    ``counter += 1`` loses updates (in one of three runs at least)."""
    if cpus() < 2:
        pytest.skip(f"this process may use {cpus()} CPU only: threads cannot run at once")
    results = []
    for _ in range(3):
        gil, counter, expected = bare_increments()
        if gil:
            pytest.skip(
                "no free-threaded build with the GIL off here (the GIL is on in this Python); "
                "the 3.15t legs of .github/workflows/ci.yml run this test"
            )
        results.append((counter, expected))
        if counter < expected:
            return
    pytest.fail(f"with the GIL off, the bare += lost no update in three runs: {results}")


@pytest.mark.backs("locks/index.md", "rlock")
@pytest.mark.parametrize(("args", "kwargs"), [((1,), {}), ((), {"blocking": True})])
def test_rlock_arguments(args, kwargs):
    """threading.RLock() takes no arguments. Up to 3.12 it ignores any it is given; 3.13 and 3.14
    ignore them with a DeprecationWarning; from 3.15 they are a TypeError."""
    if sys.version_info >= (3, 15):
        with pytest.raises(TypeError):
            threading.RLock(*args, **kwargs)
    elif sys.version_info >= (3, 13):
        with pytest.warns(DeprecationWarning, match="Passing arguments to RLock is deprecated"):
            lock = threading.RLock(*args, **kwargs)
        assert lock.acquire(blocking=False)
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            lock = threading.RLock(*args, **kwargs)
        assert lock.acquire(blocking=False)
