"""What the processes chapter claims and its output cannot show plainly, checked on real runs.

tqdm's bars are replayed from what the program wrote to the terminal (``run.raw``, stdout and
stderr together) with ``bars_per_row``: which bar was drawn on which row until the first bar
reached 100 %. The rows count from the program's first line, so lines printed before the bars
move them down; the tests compare rows with each other, never with a fixed number. Frames drawn
after the first bar finished do not count: tqdm draws a finished bar where the cursor stands and
moves down a line, so the rows may shift at the end (the page says so).
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from example_runs import METHODS, bars_per_row, load, run_example

PAGE = "processes/index.md"
OWN_ROWS = "examples/processes/multiprocessing_process_start_join.py"
ONE_ROW = "examples/processes/multiprocessing_process_tqdm_one_line.py"
TIMING = "examples/processes/multiprocessing_process_timing.py"


def rows_of_bars(raw: str) -> dict[str, set[int]]:
    """Each bar's description -> the rows it was drawn on while every bar was still running."""
    rows = defaultdict(set)
    for row, bars in bars_per_row(raw).items():
        for bar in bars:
            rows[bar].add(row)
    return dict(rows)


def test_bars_per_row_reads_cursor_moves():
    """The replay itself: LF moves down a row, ESC[A up, and the first 100 % ends the count."""
    stream = "a:   0%|  | 0/2\r\na:  50%|  | 1/2\r\x1b[A" + "b:   0%|  | 0/2\rb: 100%|  | 2/2\n"
    assert bars_per_row(stream) == {0: {"a", "b"}, 1: {"a"}}
    assert bars_per_row("\n\rc: 100%|  | 2/2\x1b[A\rd:   0%|  | 0/2") == {}
    assert rows_of_bars("x\ny\n" + stream) == {"a": {2, 3}, "b": {2}}


@pytest.mark.backs(PAGE, "start-and-join")
def test_child_process_end_is_printed_after_both_children_ended(tmp_path):
    """join() returns only once its child has ended: the parent's last line comes after both."""
    run = run_example(load(OWN_ROWS), "spawn", trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    children = run.workers("spawn")
    assert len(children) == 2, run.records
    spans = run.spans("process")
    ends = [spans[child["pid"]][1] for child in children]
    assert None not in ends, spans
    assert run.time_of(r"^Child process end\.") > max(ends), (spans, run.prints())


@pytest.mark.backs(PAGE, "start-and-join")
def test_both_children_print_before_either_bar_is_drawn(tmp_path):
    """The Barrier: no bar is on the screen yet when a child prints its line. (Under spawn the
    children start some milliseconds apart: without the Barrier, the second one's line usually
    lands on the first one's bar.)"""
    run = run_example(load(OWN_ROWS), "spawn", mode="ide", trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    first_bar = re.search(r"test\d: +\d+%\|", run.raw)
    assert first_bar is not None, run.raw
    for name in ("test1", "test2"):
        line = run.raw.find(f"Run child process {name} (")
        assert 0 <= line < first_bar.start(), run.raw


@pytest.mark.backs(PAGE, "one-line-per-bar")
@pytest.mark.parametrize("method", METHODS)
def test_each_bar_keeps_its_own_row(method, tmp_path):
    """With position= and one shared lock, each running bar stays on its row, test2 under test1,
    under every start method (the lock must reach the children explicitly under spawn and
    forkserver)."""
    run = run_example(load(OWN_ROWS), method, trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    rows = rows_of_bars(run.raw)
    assert set(rows) == {"test1", "test2"}, run.raw
    assert len(rows["test1"]) == 1 and len(rows["test2"]) == 1, (rows, run.raw)
    (row_1,), (row_2,) = rows["test1"], rows["test2"]
    assert row_2 == row_1 + 1, (rows, run.raw)


@pytest.mark.backs("silent-mistakes/index.md", "garbled-tqdm-bars")
@pytest.mark.backs(PAGE, "one-line-per-bar")
@pytest.mark.parametrize("method", METHODS)
def test_bars_without_position_share_a_row(method, tmp_path):
    """Without position=, both processes draw their bars on the same row."""
    run = run_example(load(ONE_ROW), method, trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    rows = rows_of_bars(run.raw)
    assert rows.get("test1", set()) & rows.get("test2", set()), (
        f"no row held both bars:\n{run.raw!r}"
    )


@pytest.mark.backs(PAGE, "sequential-or-parallel")
def test_the_two_processes_ran_at_the_same_time(tmp_path):
    """Each child started before the other one ended."""
    run = run_example(load(TIMING), "spawn", trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    children = run.workers("spawn")
    assert len(children) == 2, run.records
    spans = run.spans("process")
    (start_1, end_1), (start_2, end_2) = (spans[child["pid"]] for child in children)
    assert end_1 is not None and end_2 is not None, spans
    assert start_1 < end_2 and start_2 < end_1, spans
