"""What the overview claims and its output cannot show plainly, checked on real runs."""

from __future__ import annotations

import re

import pytest
from example_runs import METHODS, load, run_example

EXAMPLE = "examples/overview/process_and_thread_ids.py"


@pytest.mark.backs("overview/index.md", "see-it-in-code")
@pytest.mark.skipif("forkserver" not in METHODS, reason="this platform has no forkserver")
def test_under_forkserver_the_os_parent_is_the_fork_server_not_the_main_process(tmp_path):
    """Under forkserver the operating system's parent of the child is the fork server, while
    multiprocessing.parent_process(), which the example prints, is the main process."""
    run = run_example(load(EXAMPLE), "forkserver", trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    (child,) = run.workers("forkserver")
    assert child["ppid"] != run.main_pid, run.records
    (line,) = run.printed(r"^Child process ")
    assert line["pid"] == child["pid"], run.prints()
    printed_parent = int(re.search(r"parent (\d+)", line["text"])[1])
    assert printed_parent == run.main_pid, (line, run.main_pid)
