"""What the common-mistakes page claims about its own examples and about the errors it quotes,
beyond what the output shows, checked on real runs and, where the wording depends on the Python
version, on the version that runs the test (so each CI leg checks its own)."""

from __future__ import annotations

import pickle
import re
import subprocess
import sys
from multiprocessing.reduction import ForkingPickler

import pytest
from example_runs import METHODS, load, run_example

UNDER_GUARD = "examples/common_mistakes/multiprocessing_worker_defined_under_guard.py"
FORK_PROCESS_VS_POOL = "examples/common_mistakes/multiprocessing_fork_process_vs_pool_pickling.py"


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


@pytest.mark.skipif("fork" not in METHODS, reason="the example uses fork, which Windows lacks")
@pytest.mark.backs("common-mistakes/index.md", "cant-pickle-local-object")
def test_under_fork_the_process_runs_the_local_function_and_the_pool_never_does(tmp_path):
    """The Process child (a fork of the main process) ran add_offset(1) itself; the pool's
    worker was started too, but add_offset(2) ran nowhere: the task failed before it left."""
    run = run_example(load(FORK_PROCESS_VS_POOL), "fork", trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    child, *pool_workers = [record["pid"] for record in run.workers("fork")]
    assert len(pool_workers) == 1, run.records
    [ran] = run.printed(r"^add_offset\(1\) = 101$")
    assert ran["pid"] == child, run.records
    assert run.printed(r"^add_offset\(2\)") == [], run.raw


def expected_local_object_error() -> tuple[type[Exception], str]:
    """The exception type and message pickle gives a local function on this Python, as the page
    quotes them: AttributeError up to 3.13 (reworded in 3.12.5, cpython issue 122311), a
    PicklingError naming the function's repr from 3.14 (cpython issue 139806)."""
    if sys.version_info >= (3, 14):
        function = r"<function \S+\.<locals>\.add_offset at 0x[0-9a-fA-F]+>"
        return pickle.PicklingError, rf"Can't pickle local object {function}"
    if sys.version_info >= (3, 12, 5):
        return AttributeError, r"Can't get local object '\S+\.<locals>\.add_offset'"
    return AttributeError, r"Can't pickle local object '\S+\.<locals>\.add_offset'"


@pytest.mark.backs("common-mistakes/index.md", "cant-pickle-local-object")
def test_a_local_function_fails_to_pickle_as_the_page_quotes_for_this_version():
    """multiprocessing pickles a task with ForkingPickler, the same under every start method:
    the exception's type and message are the ones the page quotes for this Python version."""
    offset = 100

    def add_offset(x):
        return x + offset

    kind, message = expected_local_object_error()
    with pytest.raises(Exception) as caught:
        ForkingPickler.dumps(add_offset)
    assert type(caught.value) is kind or (
        kind is pickle.PicklingError and isinstance(caught.value, pickle.PicklingError)
    ), repr(caught.value)
    assert re.fullmatch(message, str(caught.value)), str(caught.value)


CELL_LIKE_PARENT = """
import multiprocessing

def f(x):
    return x * x

child = multiprocessing.get_context("spawn").Process(target=f, args=(3,))
child.start()
child.join()
print("exit code", child.exitcode)
"""


def expected_cell_function_error() -> str:
    """The worker's last line when it looks for 'f' in a __main__ that never defined it (a
    parent run with -c, like a notebook kernel, sends no file for the child to import)."""
    if sys.version_info >= (3, 14):
        return "AttributeError: module '__main__' has no attribute 'f'"
    if sys.version_info >= (3, 12):
        return (
            "AttributeError: Can't get attribute 'f' on "
            "<module '__main__' (<class '_frozen_importlib.BuiltinImporter'>)>"
        )
    return "AttributeError: Can't get attribute 'f' on <module '__main__' (built-in)>"


@pytest.mark.backs("common-mistakes/index.md", "cant-get-attribute")
def test_a_child_without_the_parents_main_fails_as_the_page_quotes_for_this_version():
    """A parent whose __main__ has no file (python -c, or a Jupyter kernel): the spawn child
    cannot find the function and fails with the line the page quotes for this version."""
    run = subprocess.run(
        [sys.executable, "-c", CELL_LIKE_PARENT],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.stdout.strip() == "exit code 1", run.stdout + run.stderr
    assert run.stderr.strip().splitlines()[-1] == expected_cell_function_error(), run.stderr


FORK_WITH_A_THREAD = """
import multiprocessing, os, threading, time

def wait():
    time.sleep(0.5)

helper = threading.Thread(target=wait)
helper.start()
if {direct}:
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
else:
    child = multiprocessing.get_context("fork").Process(target=wait)
    child.start()
    child.join()
helper.join()
"""


@pytest.mark.skipif(sys.platform != "linux", reason="counts threads through Linux's /proc")
@pytest.mark.skipif(sys.version_info < (3, 12), reason="the warning is new in Python 3.12")
@pytest.mark.backs("common-mistakes/index.md", "fork-warning")
def test_the_fork_warning_shows_for_os_fork_in_main_but_not_for_multiprocessing():
    """With the default warning filters, a DeprecationWarning raised in the main script shows,
    and the one raised inside multiprocessing does not, until -W default asks for it."""

    def stderr(direct: bool, *options: str) -> str:
        code = FORK_WITH_A_THREAD.format(direct=direct)
        env_free = subprocess.run(
            [sys.executable, *options, "-c", code],
            capture_output=True,
            text=True,
            timeout=60,
            env={"PATH": "", "PYTHONWARNINGS": ""},
        )
        return env_free.stderr

    warning = (
        r"DeprecationWarning: This process \(pid=\d+\) is multi-threaded, "
        r"use of fork\(\) may lead to deadlocks in the child\."
    )
    assert re.search(warning, stderr(True)), "os.fork() in __main__ did not warn"
    assert not re.search(warning, stderr(False)), "multiprocessing's fork warned by default"
    assert re.search(warning, stderr(False, "-W", "default")), "-W default did not show it"
