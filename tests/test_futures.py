"""On Python 3.14 and later, the interpreter-pool example really uses InterpreterPoolExecutor.

``examples/futures/concurrent_futures_interpreter_pool.py`` picks InterpreterPoolExecutor where
``concurrent.futures`` has it (new in 3.14) and ThreadPoolExecutor otherwise, and prints only the
results, which are the same either way; so the generic example tests pass on every version but
cannot tell which executor ran. These tests can, and need 3.14.
"""

from __future__ import annotations

import concurrent.futures
import runpy
import subprocess
import sys

import pytest
from example_runs import ROOT, load

EXAMPLE = ROOT / "examples" / "futures" / "concurrent_futures_interpreter_pool.py"

pytestmark = pytest.mark.skipif(
    sys.version_info < (3, 14), reason="InterpreterPoolExecutor is new in Python 3.14"
)


def test_the_example_picks_the_interpreter_pool():
    namespace = runpy.run_path(str(EXAMPLE), run_name="interpreter_pool_example")
    assert namespace["pick_executor_class"]() is concurrent.futures.InterpreterPoolExecutor


def test_the_interpreter_pool_prints_the_promised_results():
    example = load(EXAMPLE.relative_to(ROOT))
    done = subprocess.run(
        [sys.executable, str(EXAMPLE)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.splitlines() == [line for _, line in example.recording.lines]
