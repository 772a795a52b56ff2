"""What the queue chapter says and its examples' output cannot show, checked on real runs.

``multiprocessing_queue_join_before_get.py``: a child that put a big item on a queue returns from
``put()`` at once, but its process lives on until the parent has read the item, so a ``join()``
before ``get()`` waits in vain; after ``get()`` the child ends. A queue's feeder thread works the
same under every start method, so one fast method is enough (fork where there is one).
"""

import multiprocessing

import pytest
from example_runs import load, run_example

METHODS = multiprocessing.get_all_start_methods()
FAST = "fork" if "fork" in METHODS else "spawn"
JOIN_BEFORE_GET = "examples/queue/multiprocessing_queue_join_before_get.py"
#: Once its item is read, the child is gone within this many seconds.
PROMPTLY = 0.5


@pytest.mark.backs("silent-mistakes/index.md", "join-before-drain")
@pytest.mark.backs("queue/index.md", "join-before-get")
def test_child_outlives_its_put_until_the_parent_gets_the_item(tmp_path):
    run = run_example(load(JOIN_BEFORE_GET), FAST, trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    (put,) = run.printed(r"^child: put\(\) has returned")
    child = put["pid"]
    assert child != run.main_pid, run.raw
    end = run.spans("process")[child][1]
    assert end is not None, f"the trace shows no end of the child {child}:\n{run.raw}"

    # put() returned and the child's function ended, yet its process did not: it was still there
    # when the parent's join(timeout=...) gave up.
    gave_up = run.time_of(r"^join\(timeout=")
    assert run.seconds_at(put) < gave_up < end, run.raw
    # Once the parent has the item, the child ends at once, and the last join() sees it ended.
    got = run.time_of(r"^get\(\) returned ")
    (joined,) = [r for r in run.joined("process") if r["child"] == child]
    assert end <= run.seconds_at(joined) < got + PROMPTLY, run.raw
