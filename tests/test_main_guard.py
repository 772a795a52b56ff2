"""What the main-guard chapter claims and its output cannot show plainly: which process printed
which line (both examples pick spawn themselves, so one run each is enough), and when
freeze_support() acts, on every CPython found here."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys

import pytest
from example_runs import ROOT, load, python_params, run_example

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


#: Every CPython found here from 3.11 on: this one in the main stage, the others in theirs.
PYTHONS = python_params((3, 11))

#: freeze_support() in a program that says it is frozen and was started as a spawned child
#: (the command line a frozen program's children get), under the start method given as argv[1].
#: Acting means running the child's bootstrap, which fails here (no pipe from a parent) with an
#: exception; having no effect means returning.
FREEZE_SUPPORT = """
import multiprocessing, sys
multiprocessing.set_start_method(sys.argv[1])
sys.frozen = True
sys.argv = [sys.argv[0], "--multiprocessing-fork"]
print("version", *sys.version_info[:3])
try:
    multiprocessing.freeze_support()
except BaseException as error:
    print("acted", type(error).__name__)
else:
    print("no effect")
"""


def freeze_support_acts(version: tuple[int, int, int], method: str) -> bool:
    """Up to 3.13.3 freeze_support() acts on Windows only; from 3.13.4 (and in 3.14) wherever the
    start method is spawn (gh-80334)."""
    if method != "spawn":
        return False
    return sys.platform == "win32" or version >= (3, 13, 4)


@pytest.mark.backs(PAGE, "freeze-support")
@pytest.mark.parametrize(
    "method",
    [m for m in ("spawn", "fork") if m in multiprocessing.get_all_start_methods()],
)
@pytest.mark.parametrize("python", PYTHONS)
def test_freeze_support_acts_where_the_start_method_is_spawn(python, method, tmp_path):
    """In a frozen program's child, freeze_support() runs the child: up to 3.13.3 on Windows only,
    from 3.13.4 wherever the start method is spawn; under fork it never does."""
    python, _ = python
    script = tmp_path / "frozen.py"
    script.write_text(FREEZE_SUPPORT, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    done = subprocess.run(
        [python, str(script), method],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    version_line, outcome = done.stdout.splitlines()[:2]
    version = tuple(int(n) for n in version_line.split()[1:])
    expected = freeze_support_acts(version, method)
    assert outcome.startswith("acted") == expected, (
        f"{version}, {method}: {done.stdout}{done.stderr}"
    )
