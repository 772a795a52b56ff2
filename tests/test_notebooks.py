"""The logic behind the notebook pages, under every start method, with small sizes.

The generic example tests run each module's ``main()``; these check what the notebooks rely on
and ``main()`` does not show: the timeline's facts under fork, spawn and forkserver, that a
worker defined in ``__main__`` (as a notebook cell defines it) fails under spawn and forkserver
but not under fork, and that the benchmark's sentences only claim what the numbers show.
"""

from __future__ import annotations

import os
import pickle
import re
import sys

import pytest
from example_runs import METHODS, ROOT

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the notebooks import examples.notebooks.*, so do we

from examples.notebooks import (
    concurrent_futures_cell_defined_worker as cell_worker,
)
from examples.notebooks import multiprocessing_pool_speedup_benchmark as bench
from examples.notebooks import multiprocessing_pool_task_timeline as timeline
from examples.notebooks import notebook_svg_charts as charts

LANGS = ("zh", "en")
TIMELINE = "notebooks/pool-timeline.ipynb"
FIRST = "notebooks/first-notebook.ipynb"
SPEEDUPS = "notebooks/threads-or-processes.ipynb"


# --- the Pool timeline -------------------------------------------------------------------------


@pytest.mark.backs(TIMELINE, "task-4")
@pytest.mark.parametrize("method", METHODS)
def test_timeline_task_4_starts_after_the_first_end(method):
    result = timeline.record_timeline(timeline.seed_durations(longest=0.2), method=method)
    records = result.records
    assert [r.task for r in records] == list(range(13))
    pids = result.worker_pids()
    assert 1 <= len(pids) <= 4
    assert os.getpid() not in pids
    first = result.first_to_end(range(4))
    assert records[4].start >= first.end, "task 4 started before any of tasks 0-3 ended"
    assert result.waited_after_first_end(4) >= 0
    for r in records:
        assert 0 <= r.start <= r.end

    for lang in LANGS:
        report = timeline.timeline_report(result, lang)
        assert str(first.task) in report
        svg = charts.timeline_chart(result, lang)  # drawn by the code the chapters' figures use
        assert re.search(r"<title id=[^>]+>[^<]+</title>", svg), "the chart has no title"
        assert svg.count('class="tl-task"') == 13, "one bar per task"
        assert charts.RUN_LABELS[lang]["axis"] in svg
        table = timeline.timeline_table(result, lang)
        assert table.count("<tr>") == 1 + 13


# --- a worker defined in a notebook cell --------------------------------------------------------


@pytest.fixture
def cell_function():
    """A function living in __main__ and defined only at run time, as a notebook cell's is.
    A child started by fork inherits it; spawn and forkserver children start from scratch."""
    main = sys.modules["__main__"]

    def cube_in_cell(number):
        return number**3

    cube_in_cell.__module__ = "__main__"
    cube_in_cell.__qualname__ = "cube_in_cell"
    main.cube_in_cell = cube_in_cell
    yield cube_in_cell
    del main.cube_in_cell


@pytest.mark.backs(FIRST, "spawn-fails")
@pytest.mark.backs(FIRST, "forkserver-fails")
@pytest.mark.parametrize("method", [m for m in METHODS if m != "fork"])
def test_cell_defined_worker_fails_in_a_fresh_child(method, cell_function):
    run = cell_worker.run_in_child(cell_function, 3, method)
    assert run.result is None
    assert run.error.startswith("BrokenProcessPool: ")
    assert run.child_error.startswith("AttributeError: "), run.child_error
    assert "'cube_in_cell'" in run.child_error


@pytest.mark.backs(FIRST, "spawn-pool")
@pytest.mark.parametrize("method", METHODS)
def test_imported_worker_works_under_every_method(method):
    run = cell_worker.run_in_child(cell_worker.cube, 3, method)
    assert run == cell_worker.ChildRun(method, 27, None, None)


@pytest.mark.backs(FIRST, "forkserver-fails")
@pytest.mark.skipif("fork" not in METHODS, reason="no fork on this platform")
@pytest.mark.filterwarnings("ignore:.*fork\\(\\) may lead to deadlocks:DeprecationWarning")
def test_cell_defined_worker_works_under_fork(cell_function):
    assert cell_worker.run_in_child(cell_function, 3, "fork").result == 27


def make_adder(offset):
    def add(number):
        return number + offset

    return add


AT_MODULE_LEVEL = lambda number: number  # noqa: E731  (a lambda written straight into a cell)


@pytest.mark.backs(FIRST, "local-functions")
def test_local_functions_and_lambdas_cannot_be_pickled_by_name():
    """A function defined inside another one fails with AttributeError up to 3.13 and with
    PicklingError from 3.14; a lambda at module level fails with PicklingError on every
    version: neither can be found by name."""
    local = pickle.PicklingError if sys.version_info >= (3, 14) else AttributeError
    with pytest.raises(local) as caught:
        pickle.dumps(make_adder(100))
    assert "local object" in str(caught.value), str(caught.value)
    with pytest.raises(pickle.PicklingError):
        pickle.dumps(AT_MODULE_LEVEL)


# --- the benchmark -----------------------------------------------------------------------------


@pytest.mark.backs(SPEEDUPS, "two-tasks")
@pytest.mark.parametrize("method", METHODS)
def test_benchmark_runs_every_way(method):
    result = bench.run_benchmark(cpu_seconds=0.02, io_seconds=0.1, max_workers=2, method=method)
    assert result.method == method
    assert result.worker_counts == [1, 2]
    for task in bench.TASKS:
        assert result.speedups(task, "sequential") == [(1, 1.0)]
        for mode in ("threads", "processes"):
            assert [w for w, _ in result.speedups(task, mode)] == [1, 2]
            assert all(s > 0 for _, s in result.speedups(task, mode))
    assert result.speedup("io", "threads", 2) > 1.3, "two threads did not overlap their sleeps"
    for lang in LANGS:
        assert bench.conclusions(result, lang)
        assert bench.results_table(result, lang).count("<table>") == 2
        assert charts.speedup_chart(result, lang).count("<circle") == 2 * 2 * 2


def fake_benchmark(cores, cpu_processes, cpu_threads, io=None):
    """A Benchmark with chosen speed-ups (lists indexed by workers - 1)."""
    counts = list(range(1, len(cpu_processes) + 1))
    io = io or [float(w) for w in counts]
    rows = [bench.Measurement(t, "sequential", 1, 1.0, 1.0) for t in bench.TASKS]
    for w in counts:
        rows += [
            bench.Measurement("cpu", "processes", w, 1.0, cpu_processes[w - 1]),
            bench.Measurement("cpu", "threads", w, 1.0, cpu_threads[w - 1]),
            bench.Measurement("io", "processes", w, 1.0, io[w - 1]),
            bench.Measurement("io", "threads", w, 1.0, io[w - 1]),
        ]
    return bench.Benchmark(cores, "spawn", counts, rows)


@pytest.mark.backs(SPEEDUPS, "what-it-shows")
@pytest.mark.skipif(not bench.gil_enabled(), reason="the sentences about threads assume a GIL")
def test_conclusions_claim_only_what_the_numbers_show():
    good = fake_benchmark(2, [1.0, 1.9, 1.9, 1.85], [1.0, 1.0, 0.98, 0.97])
    text = bench.conclusions(good, "en")
    assert "1.90x with 2 workers, 95% of the 2-core limit" in text
    assert "at least 90%" in text
    assert "threads stayed at 1.00x at best" in text
    assert "More workers than cores did not help" in text
    assert "I/O task: 4 threads were 4.00x faster" in text
    assert "the waits overlapped" in text
    assert "达到了 2 个核所能给的 90% 以上" in bench.conclusions(good, "zh")

    busy = fake_benchmark(2, [1.0, 1.5, 1.6, 1.6], [1.0, 1.0, 1.0, 1.0])
    text = bench.conclusions(busy, "en")
    assert "at least 90%" not in text
    assert "below 90% of the limit" in text
    assert "不到上限的 90%" in bench.conclusions(busy, "zh")

    slowed_baseline = fake_benchmark(2, [1.0, 2.4, 2.4, 2.4], [1.0, 1.4, 1.4, 1.4])
    text = bench.conclusions(slowed_baseline, "en")
    assert "More than the limit" in text
    assert "threads reached 1.40x" in text
    assert "stayed" not in text


@pytest.mark.backs(SPEEDUPS, "machine")
def test_machine_report_names_the_facts():
    for lang in LANGS:
        report = bench.machine_report(lang, method="spawn")
        assert sys.version.split()[0] in report
        assert "spawn" in report
        assert len(report.splitlines()) == 8


# --- the page's language ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_page_language_comes_from_the_notebook_folder(lang):
    assert charts.page_language(ROOT / "docs" / lang / "notebooks") == lang
