"""What the tqdm chapter claims and its output cannot show plainly, checked on real runs.

Bars are replayed from what the program wrote to the terminal (``run.raw``, stdout and stderr
together) with ``bars_per_row``: which bar was drawn on which row until the first bar reached
100 %. Some claims are about variants of the ``process_map`` example (one line removed or
changed), the variations the page talks about; the fork warning needs Python 3.12 or newer.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import pytest
import tqdm
from example_runs import METHODS, bars_per_row, load, other_pythons, run_example
from site_model import ExampleFile, read_example

PAGE = "tqdm/index.md"
POOL_BARS = "examples/tqdm/tqdm_pool_position_lock.py"
PROCESS_MAP = "examples/tqdm/tqdm_process_map.py"
WRITE = "examples/tqdm/tqdm_write_from_threads.py"
SEMLOCK_ERROR = (
    "RuntimeError: A SemLock created in a fork context is being shared with a process in a "
    "spawn context. This is not supported. Please use the same context to create "
    "multiprocessing objects and Process."
)
FORK_WARNING = "is multi-threaded, use of fork() may lead to deadlocks in the child"


def variant(tmp_path: Path, old: str, new: str, name: str = "variant.py") -> ExampleFile:
    """The process_map example's program with one piece of its text replaced (a regular
    expression, so that a whole line can go), as a file of its own without a transcript."""
    source, count = re.subn(old, new, load(PROCESS_MAP).program, flags=re.MULTILINE)
    assert count == 1, f"{PROCESS_MAP} no longer contains {old!r} (once)"
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    return read_example(path)  # an absolute path: ROOT / path is the path itself


def final_counts(raw: str) -> list[str]:
    """The "n/total" of every frame of every bar, in order."""
    return re.findall(r"\| *(\d+/\d+) \[", raw)


@pytest.mark.backs(PAGE, "one-bar-per-worker")
@pytest.mark.parametrize("method", METHODS)
def test_each_worker_bar_keeps_the_row_of_its_position(method, tmp_path):
    """The main process's bar on its row, task n's bar n + 1 rows below it, under every start
    method: with the lock handed to the workers, no bar is ever drawn on another's row."""
    run = run_example(load(POOL_BARS), method, trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    rows = bars_per_row(run.raw)
    rows_of = defaultdict(set)
    for row, bars in rows.items():
        assert len(bars) == 1, f"row {row} was drawn by {sorted(bars)}:\n{run.raw!r}"
        rows_of[bars.pop()].add(row)
    assert "all" in rows_of and len(rows_of) >= 2, f"bars seen: {rows}\n{run.raw!r}"
    (main_row,) = rows_of.pop("all")
    for bar, seen in rows_of.items():
        n = int(bar.removeprefix("task"))
        assert seen == {main_row + n + 1}, f"{bar} drawn on rows {seen}:\n{run.raw!r}"


@pytest.mark.backs(PAGE, "tqdm-write")
def test_every_message_is_left_on_a_row_of_its_own(tmp_path):
    """What tqdm.write() wrote stands alone on its row at the end: no bar was drawn over it and
    it was not written into a bar's row (the bars are cleared when they close)."""
    run = run_example(load(WRITE), None, trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    messages = sorted(line for line in run.screen if "halfway" in line)
    assert messages == [f"worker{n}: halfway" for n in range(3)], run.screen
    assert run.screen[-1] == "All workers done.", run.screen


@pytest.mark.backs(PAGE, "process-map-lock")
@pytest.mark.parametrize("method", METHODS)
def test_process_map_needs_a_lock_from_its_own_context(method, tmp_path):
    """mp_context is spawn; without tqdm.set_lock(ctx.RLock()), tqdm's lock comes from the
    default context. Only a lock made by the fork context cannot go to a spawn process."""
    example = variant(tmp_path, r"^ *tqdm\.set_lock\(ctx\.RLock\(\)\).*\n", "")
    run = run_example(example, method, trace_dir=tmp_path)
    if method != "fork":
        assert run.returncode == 0, run.raw
        assert final_counts(run.raw)[-1] == "200/200", run.raw
        return
    assert run.returncode != 0, run.raw
    assert SEMLOCK_ERROR in " ".join(run.raw.split()), run.raw


@pytest.mark.backs(PAGE, "chunksize")
def test_with_chunksize_the_bar_of_tqdm_4_70_counts_chunks(tmp_path):
    if not tqdm.__version__.startswith("4.70."):
        pytest.skip(f"the page describes tqdm 4.70; this is tqdm {tqdm.__version__}")
    example = variant(tmp_path, r"max_workers=2,", "max_workers=2, chunksize=10,")
    run = run_example(example, "spawn", trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    assert "200 results" in run.raw, run.raw
    assert final_counts(run.raw)[-1] == "20/200", run.raw


# --- the monitor thread and the fork warning (Python 3.12+, POSIX) ----------------------------


def fork_pythons():
    """This interpreter if it is 3.12 or newer, and each other CPython 3.12+ found here (in the
    other-Pythons stage)."""
    params = []
    if sys.version_info >= (3, 12):
        params.append(pytest.param(None, id="this-python"))
    for version, python in other_pythons().items():
        if version >= (3, 12):
            label = "python{}.{}".format(*version)
            params.append(
                pytest.param((version, python), id=label, marks=pytest.mark.other_pythons)
            )
    if not params or sys.platform == "win32":
        reason = "needs fork and Python 3.12 or newer (the warning is new in 3.12)"
        return [pytest.param(None, id="none", marks=pytest.mark.skip(reason=reason))]
    return params


def python_for(which) -> str:
    if which is None:
        return sys.executable
    from example_runs import prepare_python

    return str(prepare_python(*which))


FORKING = (r'get_context\("spawn"\)', 'get_context("fork")')


@pytest.mark.backs(PAGE, "monitor-and-fork")
@pytest.mark.parametrize("which", fork_pythons())
def test_process_map_with_fork_warns_because_of_the_monitor(which, tmp_path):
    """The bar (and its monitor thread) exists before the pool forks its workers."""
    example = variant(tmp_path, *FORKING, name="forking.py")
    run = run_example(example, None, python=python_for(which), trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    assert FORK_WARNING in run.raw, run.raw


@pytest.mark.backs(PAGE, "monitor-and-fork")
@pytest.mark.parametrize("which", fork_pythons())
def test_monitor_interval_0_avoids_the_fork_warning(which, tmp_path):
    source = variant(tmp_path, *FORKING, name="forking.py").program
    quiet = source.replace("def main():\n", "def main():\n    tqdm.monitor_interval = 0\n", 1)
    assert "monitor_interval = 0" in quiet
    path = tmp_path / "quiet.py"
    path.write_text(quiet, encoding="utf-8")
    run = run_example(read_example(path), None, python=python_for(which), trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    assert "DeprecationWarning" not in run.raw, run.raw
