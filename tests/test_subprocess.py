"""What the subprocess chapter says about its examples' runs that their output cannot show."""

from __future__ import annotations

import pytest
from example_runs import load, run_example

CAPTURE = "examples/subprocess/subprocess_run_capture_output.py"
TIMEOUT = "examples/subprocess/subprocess_run_timeout.py"
MISSING = "examples/subprocess/subprocess_run_missing_program.py"


def child_programs(run) -> list[dict]:
    """The start records of the Python programs the example ran with ``[sys.executable, "-c",
    ...]``, in the order they started."""
    children = [r for r in run.children() if r["how"] == "exec" and "-c" in r["argv"]]
    return sorted(children, key=lambda r: r["t"])


@pytest.mark.backs("subprocess/index.md", "run-capture-output")
def test_run_returns_only_after_the_child_has_ended(tmp_path):
    """The first child has ended (its end is in the trace) before the parent prints its return
    code."""
    run = run_example(load(CAPTURE), None, trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    children = child_programs(run)
    assert len(children) == 2, run.records
    start, end = run.spans("process")[children[0]["pid"]]
    assert end is not None, f"the trace shows no end of the first child:\n{run.raw}"
    assert start < end <= run.time_of(r"^return code:"), run.raw


@pytest.mark.backs("subprocess/index.md", "timeout")
def test_timeouts_kill_the_sleeping_children_instead_of_waiting(tmp_path):
    """Both children sleep 5 s. Neither ends normally (a killed process records no end), and the
    whole program is over long before the first sleep would be."""
    run = run_example(load(TIMEOUT), None, trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    children = child_programs(run)
    assert len(children) == 2, run.records
    spans = run.spans("process")
    for child in children:
        assert spans[child["pid"]][1] is None, f"child {child['pid']} finished its sleep"
    assert run.time_of(r"^run\(\) raised TimeoutExpired") < 2, run.raw
    assert run.seconds < 4, f"the program took {run.seconds:.2f} s"


@pytest.mark.backs("subprocess/index.md", "missing-program")
def test_a_missing_program_starts_no_process(tmp_path):
    run = run_example(load(MISSING), None, trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    assert run.printed(r"^run\(\) raised FileNotFoundError$"), run.raw
    assert run.children() == [], run.children()
