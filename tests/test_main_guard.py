"""What the main-guard chapter claims and its output cannot show plainly: which process printed
which line. Both examples pick spawn themselves, so one run each is enough."""

from __future__ import annotations

import pytest
from example_runs import load, run_example

PAGE = "main-guard/index.md"
WITHOUT = "examples/main_guard/multiprocessing_spawn_without_guard.py"
WITH = "examples/main_guard/multiprocessing_spawn_with_guard.py"


def pids_that_printed(run, pattern: str) -> list[int]:
    return [r["pid"] for r in run.printed(pattern)]


@pytest.mark.backs(PAGE, "without-guard")
def test_without_the_guard_the_child_reruns_the_top_level_code_and_dies_there(tmp_path):
    """The '__mp_main__' line comes from the spawn child, which then fails (exit code 1) before
    greet() runs, while the main process ends normally."""
    run = run_example(load(WITHOUT), "spawn", trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    (child,) = run.workers("spawn")
    assert pids_that_printed(run, r"__name__ = '__main__'") == [run.main_pid], run.prints()
    assert pids_that_printed(run, r"__name__ = '__mp_main__'") == [child["pid"]], run.prints()
    assert not run.printed(r"^greet\(\) runs"), run.prints()
    (joined,) = run.joined("process")
    assert joined["child"] == child["pid"] and joined["exitcode"] == 1, joined


@pytest.mark.backs(PAGE, "with-guard")
def test_with_the_guard_main_runs_only_in_the_main_process(tmp_path):
    """main() runs once, in the main process; the child runs the top-level code, then greet()."""
    run = run_example(load(WITH), "spawn", trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    (child,) = run.workers("spawn")
    assert pids_that_printed(run, r"^main\(\) runs") == [run.main_pid], run.prints()
    in_child = [r["text"] for r in run.prints() if r["pid"] == child["pid"]]
    assert [text.split(":")[0] for text in in_child] == [
        "top-level code runs",
        "greet() runs in the child",
    ], in_child
