"""What the threads chapter claims and its examples' output cannot show: when things happened."""

import pytest
from example_runs import load, run_example

SEVERAL = "examples/threads/threading_several_threads_results.py"
EVENT_STOP = "examples/threads/threading_event_stop.py"


@pytest.mark.backs("threads/index.md", "several-threads")
def test_the_three_threads_wait_at_the_same_time(tmp_path):
    """Each thread sleeps 0.2 s; every one of them starts before the first one ends."""
    run = run_example(load(SEVERAL), None, trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    spans = run.spans("thread")
    threads = [spans[name] for name in ("alpha", "beta", "gamma")]
    assert all(end is not None for _, end in threads), spans
    assert max(start for start, _ in threads) < min(end for _, end in threads), spans


@pytest.mark.backs("threads/index.md", "stop-with-event")
def test_the_thread_stops_at_once_not_after_its_second(tmp_path):
    """stop.wait(1) returns as soon as stop.set() is called: the final save follows the main
    thread's request in far less than the one-second wait."""
    run = run_example(load(EVENT_STOP), None, trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    asked = run.time_of(r"^main thread: asking")
    saved = run.time_of(r"^autosave: final save")
    assert asked < saved < asked + 0.5, run.raw
