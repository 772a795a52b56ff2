"""Every example in examples/: linted, its transcript current, run once in this process by
pytest-examples, and run for real under each start method that matters for it, as from a terminal
and as an IDE runs it. A failure names the file and the first line that differs."""

from __future__ import annotations

import contextlib
import sys
import types
from unittest.mock import patch

import pytest
from example_runs import (
    LINT,
    all_examples,
    code_example,
    compare,
    in_process_problem,
    leftover_children,
    load,
    missing_methods,
    other_pythons,
    recording_method,
    run_example,
    run_id,
    runs_for,
    same_error,
    starts_processes,
    syntax_error,
    timeline_problem,
    transcript_first_line,
)
from site_model import ROOT, ExampleFormatError, read_example, timeline_files

FILES = all_examples()


def example_or_fail(path):
    try:
        return read_example(path)
    except ExampleFormatError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.mark.parametrize("path", FILES, ids=str)
def test_lint(path, eval_example):
    """ruff and black accept the program as it is (``make update-examples`` formats it)."""
    example = example_or_fail(path)
    error = syntax_error(example)
    if error is not None:
        # A program that demonstrates a syntax error cannot be linted: its transcript must show
        # that very error, as Python reports it.
        reported = f"{type(error).__name__}: {error.msg}"
        assert example.recording is not None and reported in example.recording.lines, (
            f"{path}:{error.lineno} does not compile ({reported}), and its transcript does not "
            "show that error"
        )
        return
    eval_example.set_config(**LINT)
    eval_example.lint(code_example(example))


@pytest.mark.parametrize("path", FILES, ids=str)
def test_transcript_is_current(path):
    """Under every program stands the transcript of a real run of this very program."""
    example = example_or_fail(path)
    assert example.recording is not None, (
        f"{path}:{example.program_lines + 1}: no recorded output under the program: "
        "run make update-examples"
    )
    assert not example.stale, (
        f"{path}:{transcript_first_line(example) - 3}: the transcript was recorded from another "
        f"version of the program ({example.recording.program}; the program is now "
        f"{example.fingerprint}): run make update-examples"
    )
    method = recording_method(example)
    if method is not None:
        assert example.recording.method == method, (
            f"{path}: recorded under {example.recording.method}, but the example runs under "
            f"{method} when it is recorded: run make update-examples"
        )
    assert example.recording.lines, f"{path}: the transcript is empty: print what proves the point"


#: An example makes one point in a short program (lines of code: not blank lines, comments or the
#: docstring). The modules that notebooks import hold the notebooks' helpers and may be longer.
MOST_LINES = 50
LONGER_ALLOWED = ("examples/notebooks/",)


def code_lines(program: str) -> int:
    import ast
    import io
    import tokenize

    try:
        tree = ast.parse(program)
    except SyntaxError:
        return len([line for line in program.splitlines() if line.strip()])
    skip = set()
    doc = tree.body[0] if tree.body else None
    if isinstance(doc, ast.Expr) and isinstance(getattr(doc, "value", None), ast.Constant):
        skip.update(range(doc.lineno, doc.end_lineno + 1))
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef) and body:
            first = body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skip.update(range(first.lineno, first.end_lineno + 1))
    code = set()
    for token in tokenize.generate_tokens(io.StringIO(program).readline):
        if token.type not in (
            tokenize.COMMENT,
            tokenize.NL,
            tokenize.NEWLINE,
            tokenize.INDENT,
            tokenize.DEDENT,
            tokenize.ENDMARKER,
        ):
            code.update(range(token.start[0], token.end[0] + 1))
    return len(code - skip)


@pytest.mark.parametrize("path", FILES, ids=str)
def test_example_is_short(path):
    example = example_or_fail(path)
    if str(path).startswith(LONGER_ALLOWED):
        pytest.skip("a module of notebook helpers")
    lines = code_lines(example.program)
    assert lines <= MOST_LINES, (
        f"{path} has {lines} lines of code; an example makes one point in at most {MOST_LINES}"
    )


@pytest.mark.parametrize("path", FILES, ids=str)
def test_timeline_is_of_the_recorded_run(path):
    """A recorded timeline was recorded with the transcript under the program, from the same run
    of this very program."""
    example = example_or_fail(path)
    timeline = example.timeline
    if timeline is None:
        return  # test_real_run checks that a run of one process and one thread needs none
    where = f"{example.timeline_file.relative_to(ROOT)}"
    assert timeline.get("program") == example.fingerprint, (
        f"{where} was recorded from another version of {path}: run make update-examples"
    )
    assert timeline.get("transcript") == example.transcript_fingerprint, (
        f"{where} is not of the run {path}'s transcript shows: run make update-examples"
    )
    assert len(timeline["lanes"]) >= 2, f"{where}: a timeline of fewer than two lanes"


def test_every_timeline_belongs_to_an_example():
    examples = {str(p) for p in FILES}
    orphans = [
        str(t) for t in timeline_files() if str(t).replace(".timeline.json", ".py") not in examples
    ]
    assert not orphans, f"timelines of no example: {orphans}"


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


def skip_if_unrunnable(example) -> None:
    missing = missing_methods(example)
    if missing:
        pytest.skip(
            f"{example.path} uses the {', '.join(sorted(missing))} start method, "
            "which this platform does not have"
        )


@pytest.mark.parametrize("path", FILES, ids=str)
def test_in_process(path, eval_example):
    """pytest-examples runs the program once as __main__ in this process, under the platform's
    default start method. Every line the main process prints stands in the transcript (the real
    runs compare the values, and the child processes' lines); an example whose transcript ends in
    an error raises that error here, unless a child process raised it."""
    example = load(path)
    skip_if_unrunnable(example)
    if syntax_error(example) is not None:
        pytest.skip(f"{path} demonstrates a syntax error (test_lint checks it)")
    assert example.recording is not None, f"{path}: no transcript: run make update-examples"
    code = code_example(example, whole_file=True)
    printed: list[str] = []

    def record(*args, sep=" ", end="\n", file=None, flush=False):
        if file is None or file is sys.stdout:
            text = (" " if sep is None else sep).join(map(str, args)) + (
                "\n" if end is None else end
            )
            printed.extend(text.removesuffix("\n").split("\n"))

    # Without __spec__, multiprocessing hands spawn and forkserver children the file's path, so
    # they can import the example's functions; assertion rewriting would hide them otherwise.
    run = dict(module_globals={"__spec__": None}, rewrite_assertions=False)
    raised = None
    with patch("builtins.print", record), main_modules_restored():
        try:
            eval_example.run(code, **run)
        except SystemExit as exit_:
            if exit_.code not in (0, None):
                raised = exit_
        except BaseException as error:  # the example's own error: compared below
            if isinstance(error, KeyboardInterrupt):
                raise
            raised = error

    lines = example.recording.lines
    if raised is not None and not isinstance(raised, SystemExit):
        message = str(raised).split("\n")[0]
        reported = f"{type(raised).__name__}: {message}".rstrip()
        assert example.recording.exit_status != 0, (
            f"{path} raised {reported!r} in this process, but its recorded run exited with 0"
        )
        assert any(same_error(reported, line) for line in lines), (
            f"{path} raised {reported!r}, which its transcript does not show"
        )
    problem = in_process_problem(example, printed)
    assert problem is None, problem


def real_runs():
    for path in FILES:
        try:
            example = read_example(path)
        except ExampleFormatError:
            yield pytest.param(path, None, "terminal", id=f"{path}-unreadable")
            continue
        for method, mode in runs_for(example):
            yield pytest.param(path, method, mode, id=f"{path}-{run_id(method, mode)}")


@pytest.mark.parametrize(("path", "method", "mode"), list(real_runs()))
def test_real_run(path, method, mode, tmp_path):
    """``python <path>`` from the repository root shows what its transcript shows (up to the
    declared run-to-run values), exits as the recorded run did, really starts the processes and
    threads it is about, and leaves no process behind."""
    check_real_run(path, method, mode, tmp_path, sys.executable)


#: The other CPython versions installed here (``pytest -m other_pythons`` runs these tests).
OTHERS = other_pythons()


if OTHERS:

    def other_runs():
        """Each example once with each other version. Its runs (start method and mode) are
        handed out in turn, so that the versions between them cover different ones: what
        changes between versions rarely needs every start method to show."""
        by_path: dict = {}
        for param in real_runs():
            by_path.setdefault(param.values[0], []).append(param)
        for index, version in enumerate(OTHERS):
            label = "python{}.{}".format(*version)
            for params in by_path.values():
                param = params[index % len(params)]
                path, method, mode = param.values
                yield pytest.param(version, path, method, mode, id=f"{label}-{param.id}")

    @pytest.mark.other_pythons
    @pytest.mark.parametrize(("version", "path", "method", "mode"), list(other_runs()))
    def test_real_run_other_python(version, path, method, mode, tmp_path):
        """A real run as test_real_run's, with another CPython version found here, in a virtual
        environment with the examples' dependencies from the lock."""
        from example_runs import prepare_python

        python = prepare_python(version, OTHERS[version])
        label = " with Python {}.{}".format(*version)
        check_real_run(path, method, mode, tmp_path, str(python), label=label)

else:

    @pytest.mark.other_pythons
    @pytest.mark.skip(
        reason="no CPython other than this one found here (looked for python3.N on PATH and "
        "in pyenv's versions folder)"
    )
    def test_real_run_other_python():
        """Stands for the runs with other CPython versions where there is none."""


def check_real_run(path, method, mode, tmp_path, python: str, label: str = "") -> None:
    example = example_or_fail(path)
    skip_if_unrunnable(example)
    assert example.recording is not None, f"{path}: no transcript: run make update-examples"
    run = run_example(example, method, mode, python=python, trace_dir=tmp_path)
    where = run.where + label
    leftovers = leftover_children(run)

    mismatch = compare(example, run)
    assert mismatch is None, f"{mismatch}".replace(run.where, where, 1)
    problem = timeline_problem(example, run)
    assert problem is None, problem.replace(run.where, where, 1)
    assert not leftovers, f"{where} left processes running: {leftovers}"

    if example.recording.exit_status == 0 and starts_processes(example):
        chosen = example.start_method or method
        workers = run.workers(chosen)
        assert workers, f"{where} should start child processes by {chosen}; trace: {run.records}"
        assert all(w["pid"] != run.main_pid for w in workers)
    names = {r["name"] for r in run.of_kind("thread")}
    missing = thread_names(example) - names
    assert not missing, f"{where}: threads named {sorted(missing)} never ran (saw {sorted(names)})"


def thread_names(example) -> set[str]:
    """Literal ``name="..."`` arguments the program gives to Thread(...) calls."""
    import ast

    names = set()
    try:
        tree = ast.parse(example.program)
    except SyntaxError:
        return names
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if called.endswith("Thread"):
                for kw in node.keywords:
                    if kw.arg == "name" and isinstance(kw.value, ast.Constant):
                        names.add(kw.value.value)
    return names
