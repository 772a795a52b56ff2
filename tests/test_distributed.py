"""What the distributed chapter says about its examples' runs that their output cannot show."""

from __future__ import annotations

import subprocess
import sys

import pytest
from example_runs import load, run_example

MASTER_WORKER = "examples/distributed/multiprocessing_managers_master_worker.py"
LAMBDA = "examples/distributed/multiprocessing_managers_register_lambda.py"


@pytest.mark.backs("distributed/index.md", "master-worker")
def test_the_worker_is_a_process_of_its_own_and_ends_before_the_master_reads(tmp_path):
    """The master starts two processes, the manager's server and the worker; every task is run
    in the worker, and the master asks for the results once join() has seen the worker end."""
    run = run_example(load(MASTER_WORKER), "spawn", trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    children = {r["pid"] for r in run.workers("spawn")}
    assert len(children) == 2, run.records
    runs = run.printed(r"^run task ")
    assert len(runs) == 4, run.raw
    (worker,) = {r["pid"] for r in runs}
    assert worker in children, run.records
    joins = [r for r in run.joined("process") if r["child"] == worker]
    assert joins, f"join() never returned with the worker ended: {run.records}"
    assert run.spans("process")[worker][1] <= run.seconds_at(joins[0])
    assert run.seconds_at(joins[0]) <= run.time_of(r"^Try get results"), run.raw


@pytest.mark.backs("distributed/index.md", "register-lambda")
def test_a_registered_lambda_stops_the_manager_before_its_process_starts(tmp_path):
    run = run_example(load(LAMBDA), "spawn", trace_dir=tmp_path)
    assert run.returncode == 1, run.raw
    assert "start() failed: PicklingError" in run.screen, run.screen
    assert run.workers("spawn") == [], run.records


# A program started with subprocess (not with multiprocessing) that connects to the address in
# its arguments without authkey.
CONNECT = """
import sys
from multiprocessing.managers import BaseManager
try:
    BaseManager(address=(sys.argv[1], int(sys.argv[2]))).connect()
    print("got in")
except Exception as error:
    print(type(error).__name__)
"""

# A manager made without authkey, and that program connecting to it.
SEPARATE_PROGRAM = f"""
import subprocess, sys
from multiprocessing.managers import BaseManager

if __name__ == "__main__":
    with BaseManager(address=("127.0.0.1", 0)) as server:
        host, port = server.address
        subprocess.run([sys.executable, "-c", {CONNECT!r}, host, str(port)], check=True)
"""


@pytest.mark.backs("distributed/index.md", "inherited-authkey")
def test_a_program_not_started_by_multiprocessing_does_not_inherit_the_key(tmp_path):
    """Only children started with multiprocessing inherit current_process().authkey: another
    program is turned away even by a manager made without authkey."""
    program = tmp_path / "separate_program.py"
    program.write_text(SEPARATE_PROGRAM, encoding="utf-8")
    run = subprocess.run([sys.executable, str(program)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "AuthenticationError", run.stdout + run.stderr
