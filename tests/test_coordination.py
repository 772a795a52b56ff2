"""What the coordination chapter claims and its examples' output, compared in any order, cannot
show: which print came before which; and what depends on the Python version (Queue.shutdown)."""

import queue
import re
import sys

import pytest
from example_runs import load, run_example

EVENT = "examples/coordination/threading_event_ready.py"
SEMAPHORE = "examples/coordination/threading_semaphore_max_concurrency.py"
BARRIER = "examples/coordination/threading_barrier_phases.py"


def traced_run(path, tmp_path):
    run = run_example(load(path), None, trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    return run


@pytest.mark.backs("coordination/index.md", "event")
def test_no_worker_runs_before_set(tmp_path):
    """Every worker's line comes after the main thread's line printed just before set()."""
    run = traced_run(EVENT, tmp_path)
    before_set = run.time_of(r"calling set\(\)")
    workers = run.printed(r"^worker-\d runs")
    assert len(workers) == 3, run.raw
    assert all(run.seconds_at(w) > before_set for w in workers), run.raw


@pytest.mark.backs("coordination/index.md", "semaphore")
def test_at_most_three_downloads_at_once(tmp_path):
    """Counting "starts" and "done" in the order they were printed: never more than 3 downloads
    inside at once, and 3 at once at the start."""
    run = traced_run(SEMAPHORE, tmp_path)
    inside, counts = 0, []
    for record in sorted(run.printed(r"^download \d (starts|done)"), key=lambda r: r["t"]):
        inside += 1 if record["text"].endswith("starts\n") else -1
        counts.append(inside)
    assert len(counts) == 12, run.raw
    assert max(counts) == 3, (counts, run.raw)
    assert counts[:3] == [1, 2, 3], (counts, run.raw)


@pytest.mark.backs("coordination/index.md", "barrier")
def test_no_thread_starts_phase_2_before_all_finish_phase_1(tmp_path):
    """All three "finished phase 1" lines, then the barrier's action, then all three "started
    phase 2" lines."""
    run = traced_run(BARRIER, tmp_path)
    prints = sorted(run.prints(), key=lambda r: r["t"])
    order = [re.sub(r"^[abc] ", "", r["text"].strip()) for r in prints]
    phase_1, phase_2 = ["finished phase 1"] * 3, ["started phase 2"] * 3
    assert order == [*phase_1, "barrier: all 3 arrived", *phase_2], run.raw


@pytest.mark.backs("coordination/index.md", "producer-consumer")
def test_queue_shutdown_from_3_13():
    """From 3.13, after shutdown() put() raises queue.ShutDown, and get() does too once the items
    already in the queue have been taken; 3.11 and 3.12 have no shutdown()."""
    jobs = queue.Queue()
    if sys.version_info < (3, 13):
        assert not hasattr(jobs, "shutdown")
        assert not hasattr(queue, "ShutDown")
        return
    jobs.put(1)
    jobs.shutdown()
    with pytest.raises(queue.ShutDown):
        jobs.put(2)
    assert jobs.get() == 1
    with pytest.raises(queue.ShutDown):
        jobs.get()
