"""What the start-methods chapter says about starting costs and about fork with threads.

* Starting a child: spawn is slower than fork, and forkserver's first child pays for starting the
  server (``multiprocessing_start_method_cost.py``).
* The fork-with-threads DeprecationWarning of Python 3.12+ (cpython issue 100228), with the fork
  that ``multiprocessing_fork_copies_one_thread.py`` makes while its Helper thread holds a lock:
  its ``main()`` run without the warning filter the example sets before calling it, with Python
  3.12 or newer (this interpreter, and the other CPython versions found here): with
  ``-W always::DeprecationWarning`` the exact text, naming the parent's PID; with no ``-W``
  option nothing, because DeprecationWarning is ignored by default outside ``__main__`` and this
  one is raised inside ``multiprocessing``; with ``-W error::DeprecationWarning`` nothing on 3.12
  to 3.14 (the warning is dropped, cpython issue 135427) and a report of it from 3.15. The whole
  example prints its transcript's lines on each of them with every DeprecationWarning shown,
  because its filter turns off the one it triggers.

* What fork spares: ``Process(target=...)`` pickles neither the function nor its arguments, a
  ``Pool`` or ``ProcessPoolExecutor`` pickles every task even under fork
  (``multiprocessing_fork_pool_pickles_tasks.py`` shows it with a thread lock; the tests here check
  a local function, whose error differs by version, on every CPython found here: 3.11 and 3.12
  before 3.12.5 ``AttributeError: Can't pickle local object``, 3.12.5+ and 3.13 ``Can't get local
  object`` (gh-122311), 3.14+ ``pickle.PicklingError`` (gh-139806)).
* forkserver: each child is a fork of the server; the server imports the main module once itself
  from 3.13.8 and 3.14.1 (gh-126631), before that each child imports it after the fork.

POSIX only: Windows has no fork.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from example_runs import ROOT, compare, load, python_params, run_example

PAGE = "start-methods/index.md"
COST = Path("examples/start_methods/multiprocessing_start_method_cost.py")
EXAMPLE = Path("examples/start_methods/multiprocessing_fork_copies_one_thread.py")
WARNING = re.compile(
    r"DeprecationWarning: This process \(pid=(?P<pid>\d+)\) is multi-threaded, "
    r"use of fork\(\) may lead to deadlocks in the child\."
)
#: The example's main(), without the warning filter it sets before calling main().
BARE_FORK = f"import runpy; runpy.run_path({str(ROOT / EXAMPLE)!r}, run_name='bare_fork')['main']()"
#: What the example prints: the parent's line, the child's, the parent's.
BARE_FORK_LINES = [
    r"Parent (?P<parent>\d+): the Helper thread holds the lock",
    r"Child \d+: threads \['MainThread'\]; lock\.acquire\(timeout=0\.2\) -> False",
    r"Parent \d+: Helper is done; lock\.acquire\(timeout=0\.2\) -> True",
]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Windows has no fork")


#: Each CPython 3.12+ found here: this one in the main stage, the others in theirs.
PYTHONS = python_params((3, 12)) if sys.platform != "win32" else []
needs_3_12 = pytest.mark.skipif(
    not PYTHONS,
    reason="needs Python 3.12 or newer (the warning is new in 3.12): this interpreter is "
    f"{sys.version_info.major}.{sys.version_info.minor} and no newer CPython was found",
)


each_python = pytest.mark.parametrize("python", PYTHONS or [None])


def run(python: str, *args: str) -> subprocess.CompletedProcess:
    """Run python with args from the repository root, without any PYTHON* variable."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [python, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def parent_pid(done: subprocess.CompletedProcess) -> str:
    """The example's main() printed its three lines; returns the parent's PID from the first."""
    lines = done.stdout.splitlines()
    assert len(lines) == 3, done.stdout
    matches = [re.fullmatch(p, line) for p, line in zip(BARE_FORK_LINES, lines, strict=True)]
    assert all(matches), done.stdout
    return matches[0]["parent"]


def start_times(run_) -> dict[str, tuple[float, float]]:
    """(first child, fastest of 3) in ms for each start method, as the cost example printed."""
    found = {}
    for record in run_.printed(r"first child"):
        m = re.match(r"(\w+) +first child ([\d.]+) ms, +fastest of 3 ([\d.]+) ms", record["text"])
        assert m, record["text"]
        found[m[1]] = (float(m[2]), float(m[3]))
    assert set(found) == {"fork", "spawn", "forkserver"}, found
    return found


@pytest.mark.backs("start-methods/index.md", "start-cost")
def test_spawn_starts_slowest_and_forkserver_pays_once(tmp_path):
    """spawn's fastest start is slower than fork's and than forkserver's; forkserver's first
    child, which starts the server, is clearly slower than its later ones."""
    done = run_example(load(COST), None, trace_dir=tmp_path)
    assert done.returncode == 0, done.raw
    times = start_times(done)
    assert times["spawn"][1] > times["fork"][1], times
    assert times["spawn"][1] > times["forkserver"][1], times
    assert times["forkserver"][0] > 1.5 * times["forkserver"][1], times


@pytest.mark.backs("start-methods/index.md", "fork-with-threads")
@needs_3_12
@each_python
def test_shown_warning_has_the_exact_text(python):
    python, _ = python
    done = run(python, "-W", "always::DeprecationWarning", "-c", BARE_FORK)
    assert done.returncode == 0, done.stderr
    pid = parent_pid(done)
    found = WARNING.findall(done.stderr)
    assert found == [pid], f"expected the warning once, naming pid {pid}:\n{done.stderr}"


@pytest.mark.backs("start-methods/index.md", "fork-with-threads")
@needs_3_12
@each_python
def test_hidden_by_default(python):
    python, _ = python
    done = run(python, "-c", BARE_FORK)
    assert done.returncode == 0, done.stderr
    parent_pid(done)
    assert done.stderr == ""


@pytest.mark.backs("start-methods/index.md", "fork-with-threads")
@needs_3_12
@each_python
def test_error_filter_drops_the_warning_until_3_15(python):
    """-W error: no exception on any version, the child starts; 3.12 to 3.14 drop the warning
    silently, 3.15 reports it as an unraisable exception."""
    python, version = python
    done = run(python, "-W", "error::DeprecationWarning", "-c", BARE_FORK)
    assert done.returncode == 0, done.stderr
    parent_pid(done)
    if version < (3, 15):
        assert done.stderr == "", f"-W error should drop the warning on {version}:\n{done.stderr}"
    else:
        assert WARNING.search(done.stderr), f"{version} should report the warning:\n{done.stderr}"


@pytest.mark.backs("start-methods/index.md", "fork-with-threads")
@needs_3_12
@each_python
def test_example_output_is_the_same_with_warnings_shown(python, tmp_path):
    """With every DeprecationWarning shown, the example still prints its transcript's lines."""
    python, version = python
    example = load(EXAMPLE)
    done = run_example(
        example,
        "fork",
        python=python,
        trace_dir=tmp_path,
        extra_env={"PYTHONWARNINGS": "always::DeprecationWarning"},
    )
    mismatch = compare(example, done)
    assert mismatch is None, f"with Python {version}: {mismatch}"


# --- what fork spares, and what it does not ------------------------------------------------------

#: Every CPython found here from 3.11 on (this one included), for the checks whose result
#: depends on the version.
ALL_PYTHONS = python_params((3, 11)) if sys.platform != "win32" else []
each_python_from_3_11 = pytest.mark.parametrize("python", ALL_PYTHONS or [None])

#: A local function (pickle cannot name it) run under fork: by a Process, a Pool and a
#: ProcessPoolExecutor. Prints the full version, then one line per way.
LOCAL_FUNCTION = """
import sys
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

def main():
    def square(n):
        return n * n

    ctx = get_context("fork")
    print("version", *sys.version_info[:3])
    child = ctx.Process(target=square, args=(3,))
    child.start()
    child.join()
    print("Process exit code", child.exitcode)
    with ctx.Pool(1) as pool:
        show("Pool", lambda: pool.apply(square, (3,)))
    with ProcessPoolExecutor(1, mp_context=ctx) as executor:
        show("ProcessPoolExecutor", lambda: executor.submit(square, 3).result())

def show(name, call):
    try:
        result = call()
    except Exception as error:
        print(name, type(error).__name__, error, sep=" | ")
    else:
        print(name, "returned", result, sep=" | ")

if __name__ == "__main__":
    main()
"""


def local_object_error(version: tuple[int, int, int]) -> tuple[str, str]:
    """(exception type, message pattern) that pickling ``main.<locals>.square`` raises."""
    if version >= (3, 14):
        function = r"<function main\.<locals>\.square at 0x[0-9a-fA-F]+>"
        return "PicklingError", rf"Can't pickle local object {function}"
    wording = "get" if version >= (3, 12, 5) else "pickle"
    return "AttributeError", rf"Can't {wording} local object 'main\.<locals>\.square'"


@pytest.mark.backs(PAGE, "what-gets-pickled")
@each_python_from_3_11
def test_under_fork_a_pool_pickles_the_task_function_and_process_does_not(python, tmp_path):
    """Under fork, Process(target=<local function>) runs it (exit code 0), while Pool and
    ProcessPoolExecutor fail to pickle it: AttributeError up to 3.13 ("pickle" before 3.12.5,
    "get" from 3.12.5), pickle.PicklingError from 3.14."""
    python, _ = python
    script = tmp_path / "local_function.py"
    script.write_text(LOCAL_FUNCTION, encoding="utf-8")
    done = run(python, str(script))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    version = tuple(int(n) for n in lines[0].split()[1:])
    assert lines[1] == "Process exit code 0", done.stdout
    kind, message = local_object_error(version)
    for name, line in zip(("Pool", "ProcessPoolExecutor"), lines[2:], strict=True):
        shown_name, shown_kind, shown_message = line.split(" | ")
        assert (shown_name, shown_kind) == (name, kind), f"{version}: {line}"
        assert re.fullmatch(message, shown_message), f"{version}: {line}"


# --- forkserver: who imports the main module -----------------------------------------------------

#: Prints who runs the top-level code (PID and __name__) and, from the child, its PID and its
#: parent's.
FORKSERVER_MAIN = """
import os
from multiprocessing import get_context

print("top-level", os.getpid(), __name__, flush=True)

def child():
    print("child", os.getpid(), os.getppid(), flush=True)

if __name__ == "__main__":
    import sys
    print("version", *sys.version_info[:3], flush=True)
    process = get_context("forkserver").Process(target=child)
    process.start()
    process.join()
"""


def server_preloads_main(version: tuple[int, int, int]) -> bool:
    """Whether the fork server imports the main module itself (gh-126631, gh-135295)."""
    return (3, 13, 8) <= version < (3, 14) or version >= (3, 14, 1)


@pytest.mark.backs(PAGE, "what-children-inherit")
@pytest.mark.backs("main-guard/index.md", "start-methods")
@pytest.mark.skipif(
    "forkserver" not in multiprocessing.get_all_start_methods(), reason="no forkserver here"
)
@each_python_from_3_11
def test_forkserver_child_is_a_fork_of_the_server_which_imports_main_from_3_13_8(python, tmp_path):
    """The forkserver child's parent is the server, not the main process. The file's top-level
    code runs again as __mp_main__ exactly once: in the server from 3.13.8 and 3.14.1, in the
    child itself (after the fork) in earlier versions."""
    python, _ = python
    script = tmp_path / "forkserver_main.py"
    script.write_text(FORKSERVER_MAIN, encoding="utf-8")
    done = run(python, str(script))
    assert done.returncode == 0, done.stderr
    lines = [line.split() for line in done.stdout.splitlines()]
    (version,) = [tuple(map(int, line[1:])) for line in lines if line[0] == "version"]
    top_level = [(line[2], int(line[1])) for line in lines if line[0] == "top-level"]
    (main_pid,) = [pid for name, pid in top_level if name == "__main__"]
    (again,) = [pid for name, pid in top_level if name == "__mp_main__"]
    ((child, parent),) = [(int(line[1]), int(line[2])) for line in lines if line[0] == "child"]
    assert parent != main_pid, done.stdout
    if server_preloads_main(version):
        assert again == parent != child, f"{version}: the server imports the file\n{done.stdout}"
    else:
        assert again == child, f"{version}: the child imports the file itself\n{done.stdout}"
