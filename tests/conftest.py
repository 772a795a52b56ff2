"""Test-session setup shared by all tests.

``pytest --update-examples`` first rewrites every example: formatted with ruff and black (as
pytest-examples does), then its ``#>`` lines replaced by what a real run printed, under spawn,
the start method every platform has. The whole suite then checks the result.
"""

from __future__ import annotations

import fnmatch
import multiprocessing
import sys

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


@pytest.fixture(autouse=True)
def _fresh_start_method():
    """A start method set by one in-process example must not leak into the next test."""
    yield
    multiprocessing.set_start_method(None, force=True)


def pytest_collection_modifyitems(config, items):
    # The main suite, or with --other-pythons only the runs with the other CPython versions.
    wanted = config.getoption("other_pythons")
    keep = [
        item for item in items if (item.get_closest_marker("other_pythons") is not None) == wanted
    ]
    if len(keep) != len(items):
        config.hook.pytest_deselected(items=[item for item in items if item not in keep])
        items[:] = keep

    # Longest first, so that the workers finish together: the site build (one test, tens of
    # seconds), then the real runs of the examples, then the rest.
    def cost(item):
        if item.name == "test_built_site":
            return 0
        return 1 if "real_run" in item.name else 2

    items.sort(key=cost)
