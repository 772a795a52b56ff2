"""Test-session setup shared by all tests.

``pytest --update-examples`` first rewrites every example: formatted with ruff and black (as
pytest-examples does), then its ``#>`` lines replaced by what a real run printed, under spawn,
the start method every platform has. The whole suite then checks the result.
"""

from __future__ import annotations

import fnmatch
import json
import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import pytest_examples.run_code
from example_runs import (
    ROOT,
    Example,
    example_files,
    match_output,
    other_pythons,
    prepare_python,
    rewrite_promises,
    run_example,
)
from pytest_examples import CodeExample
from pytest_examples.config import ExamplesConfig
from pytest_examples.lint import black_format, ruff_format

# pytest-examples 0.0.18 builds a fake traceback for an exception raised inside an example; on
# CPython 3.11 that raises StopIteration and ends the whole session with INTERNALERROR. Without
# it, the example's exception keeps its real traceback.
pytest_examples.run_code.create_example_traceback = lambda *args: None

#: The lint and format settings for every example (used by the lint test and by updates).
LINT = dict(
    line_length=88,
    quotes="double",
    target_version="py311",
    isort=True,
    upgrade=True,
    ruff_select=["B", "E", "F", "W", "SIM", "RUF"],
    ruff_ignore=["RUF001", "RUF002", "RUF003"],  # full-width punctuation in Chinese text
)


class FileExample(CodeExample):
    """A whole example file. (pytest-examples collapses double blank lines in examples whose path
    ends in .py, which black puts between top-level definitions; a file is formatted as a file.)"""

    def in_py_file(self) -> bool:
        return False


def code_example(example: Example) -> FileExample:
    return FileExample.create(example.source, path=ROOT / example.path, prefix="py")


def pytest_addoption(parser):
    parser.addoption(
        "--browser",
        action="store_true",
        help="instead of the main suite, run the browser tests (tests marked browser)",
    )
    parser.addoption(
        "--other-pythons",
        action="store_true",
        help="instead of the main suite, run every example with each other CPython version "
        "found on this machine (tests marked other_pythons)",
    )
    parser.addoption(
        "--update-only",
        metavar="GLOB",
        help="with --update-examples: rewrite only the examples whose path matches GLOB",
    )


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "other_pythons: runs an example with another CPython (pytest --other-pythons)"
    )
    config.addinivalue_line(
        "markers", "browser: drives the built site in Chromium (pytest --browser)"
    )


def pytest_sessionstart(session: pytest.Session) -> None:
    config = session.config
    if hasattr(config, "workerinput"):
        return  # the controller prepares, once, before the workers start
    if config.getoption("other_pythons"):
        for version, python in other_pythons().items():
            prepare_python(version, python)
    if config.getoption("update_examples"):
        update_examples(config)


def update_examples(config: pytest.Config) -> None:
    lint = ExamplesConfig(**LINT)
    only = config.getoption("update_only")
    for path in example_files():
        if only and not fnmatch.fnmatch(str(path), only):
            continue
        example = Example.load(path)
        original = source = example.source
        if example.syntax_error is None:
            source = ruff_format(code_example(example), lint, ignore_errors=True)
            source = black_format(source, lint)
            (ROOT / path).write_text(source, encoding="utf-8")
            example = Example.load(path)
        if example.syntax_error is not None:
            continue
        run = run_example(example, "spawn")
        promised = example.promised_lines()
        if match_output(promised, run.printed_lines()) is None and source == original:
            continue  # the #> lines still hold: keep them, and keep the diff quiet
        new = rewrite_promises(example, run)
        if new != original:
            (ROOT / path).write_text(new, encoding="utf-8")
            print(f"updated {path}", file=sys.stderr)


# --- the built site, shared by every worker ---------------------------------------------------

#: A build that executes notebooks starts Jupyter kernels: give it room on a busy machine.
BUILD_TIMEOUT = 110


def mkdocs_build(config: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` from the repository root, as ``make build`` runs it."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)]
    command += ["--site-dir", str(site_dir)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        command,
        check=False,
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=BUILD_TIMEOUT,
    )


def build_both_languages(site: Path) -> tuple[int, str]:
    """Both languages, as ``make build``: Chinese first (its build cleans the folder), English
    into ``en/``. Returns the exit status of the first failing build (0 if none) and the log."""
    log = []
    for config, target in (("mkdocs.yml", site), ("mkdocs.en.yml", site / "en")):
        try:
            result = mkdocs_build(ROOT / config, target)
        except subprocess.TimeoutExpired as exc:
            return 1, f"{config}: no result after {exc.timeout} s"
        log.append(f"$ mkdocs build --strict -f {config}\n{result.stdout}{result.stderr}")
        if result.returncode != 0:
            return result.returncode, f"{config} does not build:\n" + "\n".join(log)
    return 0, "\n".join(log)


@pytest.fixture(scope="session")
def built_site(request, tmp_path_factory) -> Path:
    """The real site, both languages, built once per pytest run, however many xdist workers.

    Under xdist every worker's temporary folder sits in one folder of this run. The first
    worker to create the lock file there (an exclusive create, which every platform has) builds
    the site next to it and then writes the outcome; the others wait for that outcome. A failed
    build fails every test that uses the site, with the build's output."""
    if hasattr(request.config, "workerinput"):
        shared = tmp_path_factory.getbasetemp().parent
    else:
        shared = tmp_path_factory.getbasetemp()
    site = shared / "built-site"
    outcome = shared / "built-site.json"
    try:
        fd = os.open(shared / "built-site.lock", os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        deadline = time.monotonic() + 2 * BUILD_TIMEOUT + 30
        while not outcome.exists():
            if time.monotonic() > deadline:
                pytest.fail(f"another worker's site build left no outcome in {outcome}")
            time.sleep(0.2)
    else:
        os.close(fd)
        returncode, log = build_both_languages(site)
        partial = outcome.with_suffix(".part")
        partial.write_text(json.dumps({"returncode": returncode, "log": log}), encoding="utf-8")
        os.replace(partial, outcome)  # atomic: a waiting worker never reads half a file
    result = json.loads(outcome.read_text(encoding="utf-8"))
    if result["returncode"] != 0:
        pytest.fail(f"the site does not build:\n{result['log']}", pytrace=False)
    return site


@pytest.fixture(autouse=True)
def _fresh_start_method():
    """A start method set by one in-process example must not leak into the next test."""
    yield
    multiprocessing.set_start_method(None, force=True)


STAGES = ("browser", "other_pythons")


def stage_of(item: pytest.Item) -> str | None:
    return next((name for name in STAGES if item.get_closest_marker(name)), None)


def pytest_collection_modifyitems(config, items):
    # Three stages, each its own pytest run (make test runs them in turn): the main suite;
    # --browser, the browser tests, which would double the main suite's time and, run beside
    # the examples, starve their timed runs of CPU; --other-pythons, the examples again with the
    # other CPython versions. A test marked with a stage's marker runs only in that stage.
    stage = next((name for name in STAGES if config.getoption(name)), None)
    keep = [item for item in items if stage_of(item) == stage]
    if len(keep) != len(items):
        kept = set(map(id, keep))
        config.hook.pytest_deselected(items=[item for item in items if id(item) not in kept])
        items[:] = keep

    # Longest first, so that the workers finish together: the site build (one test, tens of
    # seconds), then the real runs of the examples, then the rest.
    def cost(item):
        if item.name == "test_built_site":
            return 0
        return 1 if "real_run" in item.name else 2

    items.sort(key=cost)
