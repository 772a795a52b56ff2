"""What the common-mistakes page claims about its own examples, beyond what the output shows,
checked on the trace of a real run."""

from __future__ import annotations

import pytest
from example_runs import load, run_example

UNDER_GUARD = "examples/common_mistakes/multiprocessing_worker_defined_under_guard.py"


@pytest.mark.backs("common-mistakes/index.md", "cant-get-attribute")
def test_the_spawn_child_fails_before_it_can_run_the_worker(tmp_path):
    """The child is a real spawn child, it never runs square(7), and the parent's join() sees it
    exit with 1."""
    run = run_example(load(UNDER_GUARD), "spawn", trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    [child] = run.workers("spawn")
    assert run.printed(r"^49$") == [], run.raw
    [joined] = run.joined("process")
    assert (joined["child"], joined["exitcode"]) == (child["pid"], 1), run.records
