"""What the page of mistakes without an error claims about its own example, beyond what the
output shows, checked on the trace of a real run. (Its other examples belong to other chapters,
whose tests back them.)"""

from __future__ import annotations

import pytest
from example_runs import METHODS, load, run_example

ZOMBIES = "examples/silent_mistakes/multiprocessing_zombie_until_joined.py"


@pytest.mark.skipif("fork" not in METHODS, reason="the example uses fork, which Windows lacks")
@pytest.mark.backs("silent-mistakes/index.md", "zombie-processes")
def test_the_zombies_had_ended_unjoined_and_only_the_first_is_joined(tmp_path):
    """All three children had ended before the program joined any of them, and join() was
    called for the first child alone: active_children() collected the other two."""
    run = run_example(load(ZOMBIES), "fork", trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    children = [record["pid"] for record in run.workers("fork")]
    assert len(children) == 3, run.records
    joins = run.joined("process")
    assert [joined["child"] for joined in joins] == children[:1], run.records
    spans = run.spans("process")
    ends = [spans[pid][1] for pid in children]
    assert all(end is not None for end in ends), spans
    assert max(ends) < run.seconds_at(joins[0]), (spans, joins)
