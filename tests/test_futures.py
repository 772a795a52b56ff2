"""What the concurrent.futures chapter says about its examples' runs, beyond what their output
shows: when the thread pool's results arrive, how many worker processes a pool starts, that
mp_context overrides the default start method, and, on Python 3.14 and later, that the
interpreter-pool example really uses InterpreterPoolExecutor (its output is the same either way).
"""

from __future__ import annotations

import concurrent.futures
import runpy
import subprocess
import sys
from pathlib import Path

import pytest
from example_runs import METHODS, ROOT, compare, load, run_example

SUBMIT = Path("examples/futures/concurrent_futures_thread_pool_submit.py")
MAP = Path("examples/futures/concurrent_futures_process_pool_map.py")
MP_CONTEXT = Path("examples/futures/concurrent_futures_mp_context.py")
INTERPRETERS = Path("examples/futures/concurrent_futures_interpreter_pool.py")

needs_3_14 = pytest.mark.skipif(
    sys.version_info < (3, 14), reason="InterpreterPoolExecutor is new in Python 3.14"
)


def names_of(path: Path) -> dict:
    """The example's top-level names, without running its main()."""
    return runpy.run_path(str(ROOT / path), run_name="futures_example")


@pytest.mark.backs("futures/index.md", "submit-as-completed")
def test_downloads_wait_together_and_arrive_as_they_finish(tmp_path):
    """The five waits overlap: all five take about as long as the longest, not their sum; and
    as_completed() hands out each result when its wait ends, not when all have ended."""
    pages = names_of(SUBMIT)["PAGES"]
    run = run_example(load(SUBMIT), None, trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    total = sum(pages.values())
    start = min(t for t, _ in run.spans("thread").values())
    printed = {page: run.time_of(rf"^{page}:") - start for page in pages}
    first, last = min(pages, key=pages.get), max(pages, key=pages.get)
    assert printed[last] < 0.7 * total, f"the waits did not overlap: {printed}"
    gap = pages[last] - pages[first]
    assert printed[last] - printed[first] > 0.5 * gap, (
        f"{first} was not printed while {last} still waited: {printed}"
    )


@pytest.mark.backs("futures/index.md", "process-pool-map")
@pytest.mark.parametrize("method", METHODS)
def test_map_uses_at_most_max_workers_child_processes(method, tmp_path):
    """ProcessPoolExecutor(max_workers=2) starts one or two worker processes, never more."""
    run = run_example(load(MAP), method, trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    workers = {w["pid"] for w in run.workers(method)}
    assert 1 <= len(workers) <= 2, run.records


@pytest.mark.backs("futures/index.md", "mp-context")
@pytest.mark.parametrize("default", METHODS)
def test_mp_context_spawns_whatever_the_default(default, tmp_path):
    """With the default start method set to each one in turn, the pool's workers are spawned,
    and the output is the transcript's."""
    example = load(MP_CONTEXT)
    run = run_example(example, default, trace_dir=tmp_path)
    assert compare(example, run) is None, compare(example, run)
    assert run.workers("spawn"), f"no spawned worker with {default} as the default"
    if default != "spawn":
        assert not run.workers(default), f"a worker was started by {default}"


@pytest.mark.backs("futures/index.md", "interpreter-pool")
@needs_3_14
def test_the_example_picks_the_interpreter_pool():
    picked = names_of(INTERPRETERS)["pick_executor_class"]()
    assert picked is concurrent.futures.InterpreterPoolExecutor


@pytest.mark.backs("futures/index.md", "interpreter-pool")
@needs_3_14
def test_the_interpreter_pool_prints_the_transcript():
    example = load(INTERPRETERS)
    done = subprocess.run(
        [sys.executable, str(INTERPRETERS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.splitlines() == example.recording.lines
