"""tqdm bars drawn by several processes, replayed as a terminal would draw them.

The seed note's loops give every bar the same line, so two processes overwrite each other's bar;
with a ``position`` per bar and one shared lock, each bar keeps to its own line while they run.
Only the frames drawn before the first bar reaches 100% count: tqdm cannot coordinate bars across
processes when one finishes (it draws the finished bar where the cursor stands and moves down a
line), so the lines may shift at the end, which the page says. Both are checked under every start
method.
"""

import multiprocessing
from pathlib import Path

import pytest
from example_runs import bars_per_row, load, run_example

METHODS = multiprocessing.get_all_start_methods()
OWN_LINES = Path("examples/processes/multiprocessing_process_start_join.py")
ONE_LINE = Path("examples/processes/multiprocessing_process_tqdm_one_line.py")


def test_bars_per_row_reads_cursor_moves():
    stream = "a:   0%|  | 0/2\r\na:  50%|  | 1/2\r\x1b[A" + "b:   0%|  | 0/2\rb: 100%|  | 2/2\n"
    assert bars_per_row(stream) == {0: {"a", "b"}, 1: {"a"}}
    assert bars_per_row("\n\rc: 100%|  | 2/2\x1b[A\rd:   0%|  | 0/2") == {}


@pytest.mark.parametrize("method", METHODS)
def test_each_bar_keeps_its_own_line(method, tmp_path):
    run = run_example(load(OWN_LINES), method, trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    assert bars_per_row(run.raw) == {0: {"test1"}, 1: {"test2"}}, run.raw


@pytest.mark.parametrize("method", METHODS)
def test_bars_without_position_share_a_line(method, tmp_path):
    run = run_example(load(ONE_LINE), method, trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    shared = [row for row, bars in bars_per_row(run.raw).items() if bars == {"test1", "test2"}]
    assert shared, f"no line was drawn by both bars:\n{run.raw!r}"
