"""The fork-with-threads DeprecationWarning of Python 3.12+, reproduced and checked.

``examples/start_methods/multiprocessing_fork_thread_warning.py`` starts a child by fork while a
second thread runs. From Python 3.12, ``os.fork()`` then warns (cpython issue 100228). The example
records the warning itself, so that its output is the same on every version; these tests run it,
and the bare fork it makes, with Python 3.12 or newer and check what a reader sees:

* with ``-W always::DeprecationWarning``: the exact warning text, naming the parent's PID;
* with no ``-W`` option: nothing, because DeprecationWarning is ignored by default outside
  ``__main__`` and this one is raised inside ``multiprocessing``;
* with ``-W error::DeprecationWarning`` on 3.12 and 3.13: still nothing, and no error either: the
  warning is dropped (cpython issue 135427, changed in 3.15); while the example, which records
  warnings itself, still sees it and prints its usual lines.

They use this interpreter when it is 3.12 or newer, and the pyenv builds of 3.12 and 3.13 when they
are installed (they need only the standard library). POSIX only: Windows has no fork.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from example_runs import ROOT, find_pythons, load

EXAMPLE = Path("examples/start_methods/multiprocessing_fork_thread_warning.py")
WARNING = re.compile(
    r"DeprecationWarning: This process \(pid=(?P<pid>\d+)\) is multi-threaded, "
    r"use of fork\(\) may lead to deadlocks in the child\."
)
#: Only the fork, without the example's own recording of warnings.
BARE_FORK = (
    "import runpy; "
    f"names = runpy.run_path({str(ROOT / EXAMPLE)!r}, run_name='bare_fork'); "
    "print('child exit code', names['start_child_while_a_thread_runs']('fork'))"
)


def pythons() -> list[tuple[str, tuple[int, int]]]:
    return [(python, version) for version, python in find_pythons((3, 12)).items()]


PYTHONS = pythons() if sys.platform != "win32" else []

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="Windows has no fork start method"),
    pytest.mark.skipif(
        sys.platform != "win32" and not PYTHONS,
        reason="needs Python 3.12 or newer (the warning is new in 3.12): this interpreter is "
        f"{sys.version_info.major}.{sys.version_info.minor} and no newer CPython was found",
    ),
]


def ids(item):
    return f"python{item[1][0]}.{item[1][1]}"


def run(python: str, *args: str) -> tuple[subprocess.CompletedProcess, int]:
    """Run python with args from the repository root, without any PYTHON* variable."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONIOENCODING"] = "utf-8"
    with subprocess.Popen(
        [python, *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    ) as proc:
        stdout, stderr = proc.communicate(timeout=60)
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr), proc.pid


@pytest.mark.parametrize("python", PYTHONS or [None], ids=ids if PYTHONS else None)
def test_shown_warning_has_the_exact_text(python):
    python, _ = python
    done, pid = run(python, "-W", "always::DeprecationWarning", "-c", BARE_FORK)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "child exit code 0\n"
    found = WARNING.findall(done.stderr)
    assert found == [str(pid)], f"expected the warning once, naming pid {pid}:\n{done.stderr}"


@pytest.mark.parametrize("python", PYTHONS or [None], ids=ids if PYTHONS else None)
def test_hidden_by_default(python):
    python, _ = python
    done, _ = run(python, "-c", BARE_FORK)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


@pytest.mark.parametrize("python", PYTHONS or [None], ids=ids if PYTHONS else None)
def test_error_filter_drops_the_warning(python):
    python, version = python
    done, _ = run(python, "-W", "error::DeprecationWarning", "-c", BARE_FORK)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "child exit code 0\n"
    if version not in ((3, 12), (3, 13)):
        pytest.skip("checked on 3.12 and 3.13; CPython 3.15 reports it instead (issue 135427)")
    assert done.stderr == "", f"-W error should drop the warning on {version}:\n{done.stderr}"


@pytest.mark.parametrize("python", PYTHONS or [None], ids=ids if PYTHONS else None)
def test_example_records_it_even_under_error_filter(python):
    python, _ = python
    example = load(EXAMPLE)
    done, _ = run(python, "-W", "error::DeprecationWarning", str(EXAMPLE))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert sorted(done.stdout.splitlines()) == sorted(example.recording.lines)
