"""What the pool chapter says and its examples' output cannot show, checked on real runs.

- ``multiprocessing_pool_seed_fast.py`` (the note's example): task 4 starts when the first of
  tasks 0-3 ends, in the worker that just became free, while the others still run; never more than
  4 tasks run at once, in at most 4 worker processes; ``join()`` returns after every task ended.
- ``multiprocessing_pool_size.py``: ``Pool(3)`` starts its 3 workers at once, whatever the CPU
  count (even one that ``PYTHON_CPU_COUNT`` overrides). ``Pool()`` without a number follows its
  version's rule, checked with every CPython found here (CI's matrix legs bring 3.14 and 3.15):
  ``os.cpu_count()`` up to 3.12, ``os.process_cpu_count()`` from 3.13, which counts the CPUs of
  the process's affinity on Linux and obeys ``PYTHON_CPU_COUNT`` and ``-X cpu_count``; 3.11 and
  3.12 ignore all three.
- ``multiprocessing_pool_more_workers_than_cpus.py``: tasks in a pool twice the CPU count do not
  queue for a CPU.
- ``multiprocessing_pool_ctrl_c.py`` runs long tasks (``POOL_TASK_SECONDS``) in a ``with Pool(2)``
  block. Once it says it is waiting, it gets SIGINT: sent to the main process alone
  (``kill -INT <pid>``), or to its whole process group, as a terminal's Ctrl-C does. It must then
  end at once, with the main process's ``KeyboardInterrupt`` on stderr and death by SIGINT as its
  exit status, and leave no process of its session behind (workers, forkserver, resource
  tracker). Run under every start method, with the same environment and tracer as the example
  tests. POSIX only: Windows cannot send SIGINT to another process.

One fast start method is enough for a claim about how a pool hands out tasks: fork where there is
one (its workers are up at once), spawn elsewhere.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from example_runs import ROOT, alive, example_env, load, python_params, run_example

METHODS = multiprocessing.get_all_start_methods()


# --- the note's example: who waits for whom ----------------------------------------------------

SEED = "examples/pool/multiprocessing_pool_seed_fast.py"
SIZE = "examples/pool/multiprocessing_pool_size.py"
MORE_WORKERS = "examples/pool/multiprocessing_pool_more_workers_than_cpus.py"
FAST = "fork" if "fork" in METHODS else "spawn"


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    run = run_example(load(SEED), FAST, trace_dir=tmp_path_factory.mktemp("seed"))
    assert run.returncode == 0, run.raw
    return run


def task_spans(run) -> dict[int, tuple[float, float, int]]:
    """Task number -> (start, end, PID of the worker that ran it), from the task's own prints."""
    spans = {}
    for n in range(13):
        (started,) = run.printed(rf"^Run task {n} \(")
        (ended,) = run.printed(rf"^Task {n} runs ")
        assert started["pid"] == ended["pid"], run.raw
        spans[n] = (run.seconds_at(started), run.seconds_at(ended), started["pid"])
    return spans


@pytest.mark.backs("pool/index.md", "who-waits-for-whom")
def test_task_4_starts_when_the_first_of_tasks_0_to_3_ends(seed_run):
    spans = task_spans(seed_run)
    ends = [spans[n][1] for n in range(4)]
    assert min(ends) <= spans[4][0] < max(ends), seed_run.raw


@pytest.mark.backs("pool/index.md", "who-waits-for-whom")
def test_task_4_runs_in_the_worker_whose_task_ended_first(seed_run):
    spans = task_spans(seed_run)
    first = min(range(4), key=lambda n: spans[n][1])
    assert spans[4][2] == spans[first][2], seed_run.raw


@pytest.mark.backs("pool/index.md", "who-waits-for-whom")
def test_pool_4_runs_4_tasks_at_once_never_more_in_4_workers(seed_run):
    spans = task_spans(seed_run)
    events = sorted([(start, 1) for start, _, _ in spans.values()])
    events += [(end, -1) for _, end, _ in spans.values()]
    running = most = 0
    for _, step in sorted(events, key=lambda e: (e[0], e[1])):  # an end before a start at a tie
        running += step
        most = max(most, running)
    assert most == 4, seed_run.raw
    pids = {pid for _, _, pid in spans.values()}
    assert len(pids) == 4 and seed_run.main_pid not in pids, seed_run.raw


@pytest.mark.backs("pool/index.md", "seed-example")
def test_join_returns_after_every_task_ended(seed_run):
    last_end = max(end for _, end, _ in task_spans(seed_run).values())
    assert seed_run.time_of(r"^All subprocesses done\.") > last_end, seed_run.raw


# --- how big a pool ------------------------------------------------------------------------------


@pytest.mark.backs("pool/index.md", "pool-size")
def test_pool_3_starts_3_workers_at_once_whatever_the_cpu_count(tmp_path):
    """The three workers are up before the first task: the example counts them right after
    Pool(3); and a CPU count that PYTHON_CPU_COUNT sets (3.13+) does not change Pool(3)."""
    for count in ("1", str((os.cpu_count() or 1) + 5)):
        run = run_example(
            load(SIZE), FAST, trace_dir=tmp_path / count, extra_env={"PYTHON_CPU_COUNT": count}
        )
        assert run.returncode == 0, run.raw
        assert len(run.workers(FAST)) == 3, run.raw
        assert "Pool(3) has started 3 worker processes" in run.screen, run.raw


#: Starts Pool() and prints how many worker processes it started.
POOL_SIZE_PROBE = """\
import multiprocessing

if __name__ == "__main__":
    with multiprocessing.Pool() as pool:
        print(len(multiprocessing.active_children()))
"""
#: A count no machine here has, so that an override shows.
OVERRIDE = (os.cpu_count() or 1) + 3
SETTINGS = ["default", "PYTHON_CPU_COUNT", "-X cpu_count", "affinity"]


def cpus_of_this_process() -> int:
    """The logical CPUs this process may use (Linux: its affinity), as the tests compute it."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def expected_pool_size(version: tuple[int, int], setting: str) -> int:
    """Pool() with no number: os.cpu_count() up to 3.12; from 3.13 os.process_cpu_count(), which
    an override replaces and which counts the affinity's CPUs (where Python can read it)."""
    if version < (3, 13):
        return os.cpu_count() or 1
    if setting in ("PYTHON_CPU_COUNT", "-X cpu_count"):
        return OVERRIDE
    if setting == "affinity":
        return 1
    return cpus_of_this_process()


@pytest.mark.backs("pool/index.md", "pool-size")
@pytest.mark.parametrize("setting", SETTINGS)
@pytest.mark.parametrize(
    ("version", "python"),
    [
        pytest.param(v, p, id=param.id, marks=param.marks)
        for param in python_params()
        for p, v in param.values
    ],
)
def test_pool_without_a_number_follows_its_versions_cpu_count(version, python, setting, tmp_path):
    probe = tmp_path / "pool_size_probe.py"
    probe.write_text(POOL_SIZE_PROBE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    command = [python, str(probe)]
    if setting == "PYTHON_CPU_COUNT":
        env["PYTHON_CPU_COUNT"] = str(OVERRIDE)
    elif setting == "-X cpu_count":
        command = [python, "-X", f"cpu_count={OVERRIDE}", str(probe)]
    elif setting == "affinity":
        if not hasattr(os, "sched_setaffinity") or cpus_of_this_process() < 2:
            pytest.skip("needs os.sched_setaffinity (Linux) and two CPUs to leave one out")
        one_cpu = min(os.sched_getaffinity(0))
        # Pin the process to one CPU, then become the probe: exec keeps the affinity.
        pin = f"import os; os.sched_setaffinity(0, {{{one_cpu}}}); os.execv({python!r}, {command})"
        command = [sys.executable, "-c", pin]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == expected_pool_size(version, setting), (setting, done.stdout)


@pytest.mark.backs("pool/index.md", "more-workers-than-cpus")
def test_more_workers_than_cpus_do_not_queue_for_a_cpu(tmp_path):
    """Twice as many sleeping tasks as CPUs, one per worker, take about one sleep, not two."""
    run = run_example(load(MORE_WORKERS), FAST, trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    sleep = float(re.search(r"every task sleeps ([\d.]+) s", run.raw)[1])
    took = float(re.search(r"start to last task's end: ([\d.]+) s", run.raw)[1])
    assert sleep <= took < 2 * sleep, run.raw


# --- Ctrl-C --------------------------------------------------------------------------------------

EXAMPLE = Path("examples/pool/multiprocessing_pool_ctrl_c.py")
#: What the example prints once its tasks are running.
WAITING = "waiting for 4 tasks"
#: Each task sleeps this long: far longer than the test may take.
TASK_SECONDS = "30"
#: The program must be gone this soon after SIGINT.
PROMPT = 5.0

POSIX_ONLY = pytest.mark.skipif(
    sys.platform == "win32", reason="sends SIGINT to another process and its group (POSIX only)"
)


def environment(trace: Path, method: str) -> dict[str, str]:
    """The environment run_example() gives an example, plus the task length."""
    return {**example_env(EXAMPLE, method, trace), "POOL_TASK_SECONDS": TASK_SECONDS}


def still_running(sid: int, traced: set[int]) -> set[int]:
    """Live processes of the run. On Linux: every process of its session that is not a zombie,
    from /proc. Elsewhere: the traced processes, and the session leader's process group."""
    proc = Path("/proc")
    if not proc.is_dir():
        running = {pid for pid in traced if alive(pid)}
        with contextlib.suppress(ProcessLookupError):
            os.killpg(sid, 0)
            running.add(sid)
        return running
    running = set()
    for entry in proc.iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                fields = entry.joinpath("stat").read_text().rsplit(")", 1)[1].split()
                if fields[0] != "Z" and int(fields[3]) == sid:
                    running.add(int(entry.name))
    return running


def leftovers(sid: int, traced: set[int], grace: float = 3.0) -> set[int]:
    """Processes of the run still alive after ``grace`` seconds."""
    deadline = time.monotonic() + grace
    while (left := still_running(sid, traced)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


@pytest.mark.backs("silent-mistakes/index.md", "pool-ctrl-c")
@POSIX_ONLY
@pytest.mark.backs("pool/index.md", "ctrl-c")
@pytest.mark.parametrize("target", ["main process", "process group"])
@pytest.mark.parametrize("method", METHODS)
def test_ctrl_c_stops_the_pool(method, target, tmp_path):
    trace = tmp_path / "trace.jsonl"
    proc = subprocess.Popen(
        [sys.executable, str(EXAMPLE)],
        cwd=ROOT,
        env=environment(trace, method),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        start_new_session=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    errors: list[str] = []
    readers = [
        threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout], daemon=True),
        threading.Thread(target=lambda: errors.extend(proc.stderr), daemon=True),
    ]
    for reader in readers:
        reader.start()
    try:
        try:
            first = lines.get(timeout=30)
        except queue.Empty:
            pytest.fail(f"{EXAMPLE} under {method} never said it was waiting")
        assert first.startswith(WAITING), first
        time.sleep(0.3)  # let pool.map() start waiting

        sent = time.monotonic()
        if target == "main process":
            os.kill(proc.pid, signal.SIGINT)
        else:
            os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=PROMPT)
        except subprocess.TimeoutExpired:
            pytest.fail(f"{EXAMPLE} under {method} still ran {PROMPT} s after SIGINT")
        took = time.monotonic() - sent
        for reader in readers:  # a process left behind would keep the pipes open
            reader.join(timeout=PROMPT)
        stderr = "".join(errors)

        assert proc.returncode == -signal.SIGINT, (proc.returncode, stderr)
        # The main process's traceback ends with this line. With SIGINT sent to the whole group
        # the workers print theirs too, and which process writes last varies with the load.
        assert "KeyboardInterrupt" in [line.strip() for line in stderr.splitlines()], stderr
        assert lines.empty(), f"printed after SIGINT: {lines.get()!r}"

        records = [json.loads(line) for line in trace.read_text(encoding="utf-8").splitlines()]
        traced = {r["pid"] for r in records if r["kind"] == "start"} - {proc.pid}
        assert len(traced) >= 2, f"the pool's workers never started: {records}"
        left = leftovers(proc.pid, traced)
        assert not left, f"left running after SIGINT under {method}: {sorted(left)}"
        print(f"{method}, SIGINT to the {target}: exited after {took:.2f} s")
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
