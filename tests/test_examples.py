"""Every example in examples/ is linted, run in-process by pytest-examples, and run as a real
program, under every start method this platform offers. A failure names the file."""

from __future__ import annotations

import contextlib
import multiprocessing
import re
import sys
import types
from unittest.mock import patch

import pytest
from conftest import LINT, code_example
from example_runs import (
    OTHER_PYTHONS,
    Example,
    example_files,
    leftover_children,
    match_output,
    other_pythons,
    run_example,
    unexpected_stderr,
    venv_python,
)

METHODS = multiprocessing.get_all_start_methods()
FILES = example_files()


def ids(path):
    return str(path)


@pytest.mark.parametrize("path", FILES, ids=ids)
def test_lint(path, eval_example):
    """ruff and black accept the file as it is (pytest --update-examples formats it)."""
    example = Example.load(path)
    if example.syntax_error is not None:
        # A file that demonstrates a syntax error cannot be linted; it must fail as it says.
        error = example.syntax_error
        assert example.fails_with == f"{type(error).__name__}: {error.msg}", (
            f"{path} does not compile ({type(error).__name__}: {error.msg}, line {error.lineno}) "
            f"and does not declare that error with '# fails-with:'"
        )
        return
    eval_example.set_config(**LINT)
    eval_example.lint(code_example(example))


class MainAlias(types.ModuleType):
    """multiprocessing aliases ``__mp_main__`` to the ``__main__`` it saw when first imported:
    pytest's, not the example's. A spawn child pickles its results' classes as
    ``__mp_main__.Name``; this alias lets the parent find them in the example, as it would in a
    real run."""

    def __getattr__(self, name):
        return getattr(sys.modules["__main__"], name)


@contextlib.contextmanager
def main_modules_restored():
    """pytest-examples puts the example in sys.modules["__main__"] and leaves it there; put
    back pytest's, and alias __mp_main__ to the example while it runs. (Restoring all of
    sys.modules instead would orphan modules such as multiprocessing.connection.)"""
    saved = {name: sys.modules.get(name) for name in ("__main__", "__mp_main__")}
    sys.modules["__mp_main__"] = MainAlias("__mp_main__")
    try:
        yield
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module


def skip_if_unrunnable(example: Example) -> None:
    missing = example.needs - set(METHODS)
    if missing:
        pytest.skip(
            f"{example.path} uses the {', '.join(sorted(missing))} start method, "
            "which this platform does not have"
        )


def _check_failure(example: Example, error: BaseException) -> None:
    declared = example.fails_with
    actual = " ".join(f"{type(error).__name__}: {error}".split())
    # as in the real run: the declared text must stand in the error (a fragment is enough)
    assert declared in actual, f"{example.path} failed with {actual!r}, not {declared!r}"


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("path", FILES, ids=ids)
def test_in_process(path, method, eval_example):
    """pytest-examples runs the file as __main__ in this process; the main process's prints must
    stand in the file's #> lines (child processes' prints are checked by the real run)."""
    example = Example.load(path)
    skip_if_unrunnable(example)
    multiprocessing.set_start_method(method, force=True)
    code = code_example(example)
    copy = str(eval_example.tmp_path / f"{code.module_name}.py")  # where pytest-examples runs it
    printed = []

    def record(*args, sep=" ", end="\n", file=None, flush=False):
        if file is not None:
            return
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename != copy:
            frame = frame.f_back
        line = frame.f_lineno if frame is not None else None
        site = example.site_of(line)
        if site is None:
            site = f"outside any print() line {line}"
        text = (" " if sep is None else sep).join(map(str, args))
        printed.extend((site, part) for part in text.split("\n"))

    # Without __spec__, multiprocessing hands spawn and forkserver children the file's path, so
    # they can import the example's functions; assertion rewriting would hide them otherwise.
    run = dict(module_globals={"__spec__": None}, rewrite_assertions=False)
    with patch("builtins.print", record), main_modules_restored():
        if example.fails_under_method(method):
            # The error may come from a child process (then this process sees no exception,
            # and the real run finds the error on stderr); if it comes from here, it must be
            # the declared one.
            try:
                eval_example.run(code, **run)
            except BaseException as error:
                _check_failure(example, error)
        else:
            eval_example.run(code, **run)

    promised = example.promised_lines()
    problem = match_output(promised, printed, subset=True)
    assert problem is None, f"{path} under {method}: {problem}"


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("path", FILES, ids=ids)
def test_real_run(path, method, tmp_path):
    """``python <path>`` from the repository root: it exits as promised, prints exactly its #>
    lines (child processes included), writes nothing unexpected to stderr, really starts the
    processes and threads it says it starts, and leaves no process behind."""
    check_real_run(path, method, tmp_path, sys.executable)


#: The other CPython versions installed here (``pytest --other-pythons`` runs these tests).
OTHERS = other_pythons()


if OTHERS:

    @pytest.mark.other_pythons
    @pytest.mark.parametrize("method", METHODS)
    @pytest.mark.parametrize("path", FILES, ids=ids)
    @pytest.mark.parametrize("version", list(OTHERS), ids=lambda v: "python{}.{}".format(*v))
    def test_real_run_other_python(version, path, method, tmp_path):
        """The same real run as test_real_run, with each other CPython version found here, in
        a virtual environment with the examples' dependencies from the lock (conftest.py makes
        it before the tests start)."""
        python = venv_python(OTHER_PYTHONS / "{}.{}".format(*version))
        assert python.is_file(), f"{python} is missing: run pytest with --other-pythons"
        label = " with Python {}.{}".format(*version)
        check_real_run(path, method, tmp_path, str(python), label=label)

else:

    @pytest.mark.other_pythons
    @pytest.mark.skip(
        reason="no CPython other than this one found here (looked for python3.N on PATH and "
        "in pyenv's versions folder)"
    )
    def test_real_run_other_python():
        """Stands for the runs with other CPython versions where there is none."""


def check_real_run(path, method, tmp_path, python: str, label: str = "") -> None:
    example = Example.load(path)
    skip_if_unrunnable(example)
    run = run_example(example, method, python=python, trace_dir=tmp_path)
    where = f"{path} under {method}{label}"
    leftovers = leftover_children(run)

    if example.fails_under_method(method):
        # The traceback's last line(s), in the main process or in a child; Python may wrap a long
        # message over several lines, so whitespace is compared loosely.
        assert example.fails_with in " ".join(run.stderr.split()), (
            f"{where} should fail with {example.fails_with!r}; stderr was:\n{run.stderr}"
        )
    else:
        assert run.returncode == 0, f"{where} exited {run.returncode}; stderr:\n{run.stderr}"
        assert unexpected_stderr(run) == "", f"{where} wrote to stderr:\n{run.stderr}"

    # Everything on stdout came from print() (so every line was traced to its call) ...
    traced = "".join(r["text"] for r in run.prints())
    assert sorted(run.stdout.splitlines()) == sorted(traced.splitlines()), (
        f"{where} wrote to stdout other than through print():\n{run.stdout}"
    )
    # ... and the printed lines are the promised ones, under the print() calls that made them.
    promised = example.promised_lines()
    problem = match_output(promised, run.printed_lines())
    assert problem is None, f"{where}: {problem}"

    assert not leftovers, f"{where} left processes running: {leftovers}"

    if example.fails_under_method(method):
        return
    if example.calls("Process", "Pool", "ProcessPoolExecutor"):
        chosen = example.start_method or method
        workers = _workers(run, chosen)
        assert workers, f"{where} should start child processes by {chosen}; trace: {run.records}"
        assert all(w["pid"] != run.main_pid for w in workers)
    names = {r["name"] for r in run.records if r["kind"] == "thread"}
    missing = example.thread_names() - names
    assert not missing, f"{where}: threads named {sorted(missing)} never ran (saw {sorted(names)})"


def _workers(run, method):
    """The processes the example started by this start method (not helpers)."""
    starts = [r for r in run.records if r["kind"] == "start"]
    if method == "fork":
        return [r for r in starts if r["how"] == "fork" and r["ppid"] == run.main_pid]
    if method == "spawn":
        return [r for r in starts if r["how"] == "exec" and "spawn_main" in " ".join(r["argv"])]
    servers = {
        r["pid"]
        for r in starts
        if r["how"] == "exec" and re.search(r"forkserver import main", " ".join(r["argv"]))
    }
    return [r for r in starts if r["how"] == "fork" and r["ppid"] in servers]
