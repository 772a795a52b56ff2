"""What the GIL chapter says about its timings, on real runs of its examples.

The examples print durations, which differ from run to run and are not compared with their
transcripts. These tests read the runs' traces (when each thread and process started and ended)
and the printed figures, and check the claims the page makes about them. Other programs on a
busy machine can slow down either part of a run at random, so where a claim compares two timings
of one run, it must hold in one of a few runs (three; ten where the claim needs two free CPUs,
which a busy machine has only now and then).
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from example_runs import METHODS, load, run_example

CPU_THREADS = Path("examples/gil/gil_cpu_bound_threads.py")
IO_THREADS = Path("examples/gil/gil_io_bound_threads.py")
CPU_PROCESSES = Path("examples/gil/gil_cpu_bound_processes.py")


def gil_enabled() -> bool:
    """Whether this Python runs a program with the GIL on, as the examples are run (no PYTHON*
    variable set). ``sys._is_gil_enabled()`` is new in 3.13; before it, the GIL is always on.
    A free-threaded build runs with it off unless something turns it back on."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    code = "import sys; print(getattr(sys, '_is_gil_enabled', lambda: True)())"
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip() == "True"


GIL_ON = gil_enabled()


def usable_cpus() -> int:
    """How many CPUs this process may run on: ``os.process_cpu_count()`` from 3.13 (it counts
    only the CPUs the process is allowed to use), ``os.cpu_count()`` before."""
    return getattr(os, "process_cpu_count", os.cpu_count)() or 1


def two_threads_faster(run, target: str) -> tuple[float, str]:
    """How many times faster the two threads running ``target`` were than the same work done
    twice in the main thread (the example's "One after another" figure), and a note of both."""
    spans = thread_spans(run, target)
    assert overlap(spans) > 0, f"the two threads did not run at the same time: {spans}"
    together = max(end for _, end in spans) - min(start for start, _ in spans)
    alone = printed_seconds(run, "One after another")
    return alone / together, f"{alone / together:.2f}x ({alone:.3f} s against {together:.3f} s)"


def needs_two_cpus() -> None:
    cpus = usable_cpus()
    if cpus < 2:
        pytest.skip(f"this process may use {cpus} CPU only: two threads cannot run at once")


def printed_seconds(run, label: str) -> float:
    """The duration the example printed after ``label:``."""
    (record,) = run.printed(rf"^{re.escape(label)}:")
    return float(re.search(r"(\d+(?:\.\d+)?) s$", record["text"].strip())[1])


def thread_spans(run, target: str) -> list[tuple[float, float]]:
    """(start, end) of the threads that ran ``target``, in seconds from the start of the run."""
    spans = [span for name, span in run.spans("thread").items() if f"({target})" in name]
    assert len(spans) == 2 and all(end is not None for _, end in spans), run.records
    return spans


def overlap(spans: list[tuple[float, float]]) -> float:
    """How long all the spans ran at the same time (0 if they never did)."""
    return max(0.0, min(end for _, end in spans) - max(start for start, _ in spans))


@pytest.mark.backs("gil/index.md", "cpu-bound-threads")
@pytest.mark.skipif(
    not GIL_ON,
    reason="the GIL is off in this Python (a free-threaded build): two threads can compute at once",
)
def test_counting_threads_take_as_long_as_one_after_another(tmp_path):
    """With the GIL on, the two counting threads run at the same time, yet together they take
    about as long as counting twice in one thread (at least 0.8 times as long): they take turns."""
    example = load(CPU_THREADS)
    seen = []
    for attempt in range(3):
        (tmp_path / str(attempt)).mkdir()
        run = run_example(example, None, trace_dir=tmp_path / str(attempt))
        assert run.returncode == 0, run.raw
        spans = thread_spans(run, "count_down")
        assert overlap(spans) > 0, f"the two threads did not run at the same time: {spans}"
        together = max(end for _, end in spans) - min(start for start, _ in spans)
        alone = printed_seconds(run, "One after another")
        seen.append(f"{together:.3f} s against {alone:.3f} s")
        if together >= 0.8 * alone:
            return
    pytest.fail(f"in three runs, two threads were faster than one after another: {seen}")


@pytest.mark.backs("gil/index.md", "io-bound-threads")
def test_waiting_threads_overlap(tmp_path):
    """The two sleeping threads wait at the same time, so together they take clearly less time
    than the two waits one after another (less than 0.75 times as long)."""
    run = run_example(load(IO_THREADS), None, trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    spans = thread_spans(run, "wait_for_io")
    shortest = min(end - start for start, end in spans)
    assert overlap(spans) > 0.5 * shortest, f"the waits hardly overlapped: {spans}"
    together = max(end for _, end in spans) - min(start for start, _ in spans)
    alone = printed_seconds(run, "One after another")
    assert together < 0.75 * alone, f"two threads: {together:.3f} s, one after another: {alone} s"


@pytest.mark.backs("gil/index.md", "cpu-bound-processes")
def test_two_processes_count_at_the_same_time(tmp_path):
    """The two child processes count at the same time: each runs for most of its life while the
    other runs too."""
    method = "fork" if "fork" in METHODS else "spawn"
    run = run_example(load(CPU_PROCESSES), method, trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    workers = run.workers(method)
    assert len(workers) == 2, run.records
    all_spans = run.spans("process")
    spans = [all_spans[w["pid"]] for w in workers]
    assert all(end is not None for _, end in spans), spans
    shortest = min(end - start for start, end in spans)
    assert overlap(spans) > 0.5 * shortest, f"the processes hardly overlapped: {spans}"


@pytest.mark.backs("gil/index.md", "when-the-gil-is-released")
def test_other_threads_run_while_hashlib_hashes():
    """hashlib lets go of the GIL while it hashes a large input: while one thread is inside a
    single sha256() call, the main thread goes on running Python code. (With the GIL held for
    the whole call, the main thread could not run one bytecode in the middle of it.)
    This holds on a busy machine too; how much faster two hashing threads are depends on free
    CPUs, which a busy machine does not have."""
    data = bytes(64 * 1024 * 1024)
    call = []  # (start, end) of the sha256() call, as the hashing thread saw them
    done = threading.Event()

    def hash_once():
        start = time.perf_counter()
        hashlib.sha256(data)
        call.append((start, time.perf_counter()))
        done.set()

    ran_at = [0.0]  # when the main thread ran, about once a millisecond
    hasher = threading.Thread(target=hash_once)
    hasher.start()
    while not done.is_set():
        if (now := time.perf_counter()) - ran_at[-1] > 0.001:
            ran_at.append(now)
    hasher.join()
    ((start, end),) = call
    # The middle half of the call: with the GIL held, the main thread could still run for a
    # switch interval (5 ms) at its very start, before the call took the GIL into C code.
    quarter = (end - start) / 4
    middle = [t for t in ran_at if start + quarter < t < end - quarter]
    assert middle, f"the main thread did not run in the middle of the {end - start:.3f} s call"


@pytest.mark.backs("gil/index.md", "free-threading")
@pytest.mark.skipif(
    GIL_ON,
    reason=(
        "no free-threaded build with the GIL off here: this Python runs with the GIL on "
        "(sys._is_gil_enabled() is True, or absent before 3.13); the 3.15t legs of "
        ".github/workflows/ci.yml run this test"
    ),
)
def test_counting_threads_run_in_parallel_without_the_gil(tmp_path):
    """The page's prediction for a Python whose GIL is off: with two CPUs, the two counting
    threads of the first program compute at the same time and finish at least 1.5 times as fast
    as counting twice in one thread. Other tests may keep the CPUs busy, so one of ten runs
    must show it."""
    needs_two_cpus()
    example = load(CPU_THREADS)
    seen = []
    for attempt in range(10):
        (tmp_path / str(attempt)).mkdir()
        run = run_example(example, None, trace_dir=tmp_path / str(attempt))
        assert run.returncode == 0, run.raw
        speedup, note = two_threads_faster(run, "count_down")
        seen.append(note)
        if speedup >= 1.5:
            return
    pytest.fail(f"with the GIL off, two threads were never 1.5 times as fast in ten runs: {seen}")
