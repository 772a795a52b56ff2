"""Ctrl-C stops a program that is waiting on a process pool.

``examples/pool/multiprocessing_pool_ctrl_c.py`` runs long tasks (``POOL_TASK_SECONDS``) in a
``with Pool(2)`` block. Once it says it is waiting, it gets SIGINT: sent to the main process alone
(``kill -INT <pid>``), or to its whole process group, as a terminal's Ctrl-C does. It must then end
at once, with the main process's ``KeyboardInterrupt`` on stderr and death by SIGINT as its exit
status, and leave no process of its session behind (workers, forkserver, resource tracker). Run
under every start method, with the same environment and tracer as the example tests. POSIX only:
Windows cannot send SIGINT to another process.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from example_runs import ROOT, alive, example_env

EXAMPLE = Path("examples/pool/multiprocessing_pool_ctrl_c.py")
METHODS = multiprocessing.get_all_start_methods()
#: What the example prints once its tasks are running.
WAITING = "waiting for 4 tasks"
#: Each task sleeps this long: far longer than the test may take.
TASK_SECONDS = "30"
#: The program must be gone this soon after SIGINT.
PROMPT = 5.0

pytestmark = pytest.mark.skipif(
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
