"""What the page of mistakes without an error claims about its own example, beyond what the
output shows, checked on the trace of a real run, and what it says of the other start methods'
zombies, checked on real children. (Its other examples belong to other chapters, whose tests
back them.)"""

from __future__ import annotations

import multiprocessing
import re
import sys
import time

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
    # (The trace lists fork children in the order they first ran, not the order they were
    # made: which of them is the first child, the one the program joins, the trace cannot say;
    # the printed line after join() can.)
    joins = run.joined("process")
    (joined_line,) = run.printed(r"^After join\(\): child \d+ is ")
    first = int(re.search(r"child (\d+)", joined_line["text"])[1])
    assert [joined["child"] for joined in joins] == [first], run.records
    assert first in children, run.records
    spans = run.spans("process")
    ends = [spans[pid][1] for pid in children]
    assert all(end is not None for end in ends), spans
    assert max(ends) < run.seconds_at(joins[0]), (spans, joins)


def process_state(pid: int) -> str:
    """The state Linux reports for a process ("Z": zombie), or "gone" once it has been reaped."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return "gone"


@pytest.mark.skipif(sys.platform != "linux", reason="reads process states from Linux's /proc")
@pytest.mark.backs("silent-mistakes/index.md", "zombie-processes")
@pytest.mark.parametrize(("method", "zombie"), [("spawn", True), ("forkserver", False)])
def test_who_leaves_zombies_depends_on_who_the_parent_is(method, zombie):
    """A spawn child is this process's own child: once ended, it stays a zombie until joined. A
    forkserver child is the server's child, and the server reaps it as soon as it ends."""
    context = multiprocessing.get_context(method)
    go = context.Event()
    child = context.Process(target=go.wait)
    child.start()
    go.set()
    deadline = time.monotonic() + 10
    while process_state(child.pid) not in ("Z", "gone") and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.2)  # the forkserver's reaping, if it does, has had its chance
    try:
        assert process_state(child.pid) == ("Z" if zombie else "gone")
    finally:
        child.join()
    assert child.exitcode == 0
