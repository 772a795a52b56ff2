"""What the tqdm chapter says beyond what the examples print, checked.

* ``tqdm_pool_position_lock.py``: with a ``position`` per bar and the lock handed to every worker
  process, each bar keeps to its own terminal row, under every start method (the terminal is
  replayed with ``bars_per_row`` from ``test_processes``).
* ``tqdm_process_map.py``: its bar counts every item; without its ``tqdm.set_lock(ctx.RLock())``
  line it fails where the default start method is fork (its lock then comes from the fork
  context), with the "SemLock created in a fork context" RuntimeError the page quotes; and with
  ``chunksize=10`` the bar of tqdm 4.70 counts chunks, not items (tqdm issue 1791).
* The monitor thread and fork: with a fork context, ``process_map`` on Python 3.12+ triggers the
  fork-with-threads DeprecationWarning, because tqdm's bar (and its monitor thread) exists before
  the pool forks its workers; with ``tqdm.monitor_interval = 0`` it does not. These use this
  interpreter when it is 3.12 or newer, and the pyenv builds of 3.12 and 3.13 when they are
  installed (given this environment's tqdm on their path). POSIX only.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import tqdm
from example_runs import ROOT, bars_per_row, find_pythons, load, run_example
from site_model import ExampleFile, read_example

METHODS = multiprocessing.get_all_start_methods()
POOL_BARS = Path("examples/tqdm/tqdm_pool_position_lock.py")
PROCESS_MAP = Path("examples/tqdm/tqdm_process_map.py")
SET_LOCK = "    tqdm.set_lock(ctx.RLock())\n"
TQDM_DIR = Path(tqdm.__file__).resolve().parent.parent


def variant(tmp_path: Path, old: str, new: str, name: str = "variant.py") -> ExampleFile:
    """The process_map example's program with one piece of its text replaced, as a file of its
    own (without a transcript)."""
    source = load(PROCESS_MAP).program
    assert old in source, f"{PROCESS_MAP} no longer contains {old!r}"
    path = tmp_path / name
    path.write_text(source.replace(old, new), encoding="utf-8")
    return read_example(path)  # an absolute path: ROOT / path is the path itself


def final_counts(stderr: str) -> list[str]:
    """The "n/total" of every frame of the bar, in order."""
    return re.findall(r"\| *(\d+/\d+) \[", stderr)


@pytest.mark.parametrize("method", METHODS)
def test_each_worker_bar_keeps_its_own_row(method, tmp_path):
    run = run_example(load(POOL_BARS), method, trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    rows = bars_per_row(run.raw)
    assert rows, f"no bar was drawn:\n{run.raw!r}"
    for row, bars in rows.items():
        assert bars == {f"task{row}"}, f"row {row} was drawn by {sorted(bars)}:\n{run.raw!r}"


@pytest.mark.parametrize("method", METHODS)
def test_process_map_bar_counts_every_item(method, tmp_path):
    run = run_example(load(PROCESS_MAP), method, trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    assert final_counts(run.raw)[-1] == "200/200", run.raw


@pytest.mark.parametrize("method", METHODS)
def test_process_map_needs_a_lock_from_its_own_context(method, tmp_path):
    """mp_context is spawn; tqdm's own lock comes from the default context. Only a lock made
    by the fork context cannot be handed to a spawn (or forkserver) process."""
    example = variant(tmp_path, SET_LOCK, "")
    run = run_example(example, method, trace_dir=tmp_path)
    if method != "fork":
        assert run.returncode == 0, run.raw
        return
    error = (
        "RuntimeError: A SemLock created in a fork context is being shared with a process in "
        "a spawn context. This is not supported. Please use the same context to create "
        "multiprocessing objects and Process."
    )
    assert run.returncode != 0
    assert error in " ".join(run.raw.split()), run.raw


def test_chunksize_bar_counts_chunks_in_tqdm_4_70(tmp_path):
    if not tqdm.__version__.startswith("4.70."):
        pytest.skip(f"the page describes tqdm 4.70; this is tqdm {tqdm.__version__}")
    example = variant(tmp_path, "max_workers=2,", "max_workers=2, chunksize=10,")
    run = run_example(example, "spawn", trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    assert final_counts(run.raw)[-1] == "20/200", run.raw


# --- the monitor thread and the fork warning (Python 3.12+) ------------------------------------

FORK_WARNING = "is multi-threaded, use of fork() may lead to deadlocks in the child"


def pythons() -> list[str]:
    return list(find_pythons((3, 12)).values())


PYTHONS = pythons() if sys.platform != "win32" else []
needs_312 = pytest.mark.skipif(
    not PYTHONS,
    reason="needs Python 3.12 or newer and fork (the warning is new in 3.12): this interpreter "
    f"is {sys.version_info.major}.{sys.version_info.minor} and no newer CPython was found",
)


def run_with_warnings(python: str, path: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONPATH"] = str(TQDM_DIR)
    return subprocess.run(
        [python, "-W", "always::DeprecationWarning", str(path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@needs_312
@pytest.mark.parametrize("python", PYTHONS)
def test_process_map_with_fork_warns_because_of_the_monitor(python, tmp_path):
    forking = variant(tmp_path, 'get_context("spawn")', 'get_context("fork")', "forking.py")
    done = run_with_warnings(python, forking.path)
    assert done.returncode == 0, done.stderr
    assert FORK_WARNING in done.stderr, done.stderr


@needs_312
@pytest.mark.parametrize("python", PYTHONS)
def test_monitor_interval_0_avoids_the_warning(python, tmp_path):
    source = load(PROCESS_MAP).program
    quiet = source.replace('get_context("spawn")', 'get_context("fork")').replace(
        SET_LOCK, SET_LOCK + "    tqdm.monitor_interval = 0\n"
    )
    assert quiet.count('get_context("fork")') == 1 and "monitor_interval = 0" in quiet
    path = tmp_path / "quiet.py"
    path.write_text(quiet, encoding="utf-8")
    done = run_with_warnings(python, path)
    assert done.returncode == 0, done.stderr
    assert FORK_WARNING not in done.stderr, done.stderr
    assert "DeprecationWarning" not in done.stderr, done.stderr
