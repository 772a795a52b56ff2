"""What the concurrent.futures chapter says about its examples' runs, beyond what their output
shows: when the thread pool's results arrive, how many worker processes a pool starts, that
mp_context overrides the default start method, and the rules that differ by Python version or
platform: ``map(buffersize=...)`` from 3.14; the 61-worker limit of ``ProcessPoolExecutor`` on
Windows; and, on Python 3.14 and later, that the interpreter-pool example really uses
InterpreterPoolExecutor with a function defined in the script (its output is the same either
way), which the worker interpreter finds by running the script again under another name.
"""

from __future__ import annotations

import ast
import concurrent.futures
import itertools
import os
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
def test_a_function_defined_in_the_script_works_in_the_interpreter_pool():
    """count_primes lives in __main__ and calls another global of it: run as a script, the
    example prints its transcript, with nothing on stderr."""
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


#: A script whose task function reads a global set from __name__ when the script runs.
RERUN_PROBE = """\
import concurrent.futures

RUN_AS = __name__


def run_as(_):
    return RUN_AS


if __name__ == "__main__":
    with concurrent.futures.InterpreterPoolExecutor(max_workers=1) as pool:
        print(sorted(set(pool.map(run_as, range(3)))))
"""


@pytest.mark.backs("futures/index.md", "interpreter-pool")
@needs_3_14
def test_the_worker_interpreter_runs_the_script_again_not_as_main(tmp_path):
    """The worker interpreter did not find run_as in its own __main__, so it ran the script
    under another name: RUN_AS is not "__main__" there, and the guarded block did not run again
    (it would have printed a second line)."""
    probe = tmp_path / "rerun_probe.py"
    probe.write_text(RERUN_PROBE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(probe)], capture_output=True, text=True, timeout=30, check=False
    )
    assert done.returncode == 0, done.stderr
    (line,) = done.stdout.splitlines()
    names = ast.literal_eval(line)  # the sorted names the task saw
    assert names != ["__main__"] and len(names) == 1, done.stdout


# --- map(buffersize=...) and the Windows limit -------------------------------------------------


@pytest.mark.backs("futures/index.md", "process-pool-map")
def test_map_takes_buffersize_from_3_14():
    """From 3.14, map(buffersize=n) takes the inputs as it goes, so an endless iterable works;
    before, there is no such parameter."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as executor:
        if sys.version_info < (3, 14):
            with pytest.raises(TypeError):
                executor.map(abs, range(3), buffersize=2)
            return
        results = executor.map(abs, itertools.count(-3), buffersize=2)
        assert list(itertools.islice(results, 4)) == [3, 2, 1, 0]


WINDOWS_ONLY = pytest.mark.skipif(sys.platform != "win32", reason="the limit is Windows's")


@pytest.mark.backs("futures/index.md", "process-pool-map")
@pytest.mark.backs("pool/index.md", "pool-size")
@WINDOWS_ONLY
def test_process_pool_executor_takes_at_most_61_workers_on_windows():
    with pytest.raises(ValueError, match="max_workers must be <= 61"):
        concurrent.futures.ProcessPoolExecutor(max_workers=62)


#: Prints how many workers ProcessPoolExecutor() would use, without starting any.
DEFAULT_WORKERS_PROBE = (
    "import concurrent.futures as f; print(f.ProcessPoolExecutor()._max_workers)"
)


@pytest.mark.backs("futures/index.md", "process-pool-map")
@WINDOWS_ONLY
@pytest.mark.skipif(sys.version_info < (3, 13), reason="PYTHON_CPU_COUNT is new in 3.13")
def test_the_default_is_capped_at_61_on_windows():
    """With 64 CPUs counted (PYTHON_CPU_COUNT=64), the default is still 61."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHON_CPU_COUNT"] = "64"
    done = subprocess.run(
        [sys.executable, "-c", DEFAULT_WORKERS_PROBE],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["61"], done.stdout
