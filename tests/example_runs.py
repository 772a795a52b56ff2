"""What the example tests share: reading an example's promised output, running it for real, and
comparing what it printed with what it promised.

An example promises its output in ``#>`` lines right under each ``print()`` call. Values that
change from run to run are declared here, in ``RUN_TO_RUN``, and nowhere else:

* process ids, written ``pid=1234`` (any word ending in ``pid``: ``parent_pid=1234``). They are
  compared up to a one-to-one renaming, so equal PIDs must stay equal and different PIDs
  different: a child's PID can never pass for its parent's.
* durations and ratios of durations, written ``0.52 s``, ``12.5 ms``, ``0.52 seconds`` or
  ``1.9x``: any number matches. An example that makes a point about time prints the point as a
  fact it computed (which task started after which), not only the figures.
"""

from __future__ import annotations

import ast
import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TRACER = Path(__file__).resolve().parent / "tracer"

#: Wall-clock limit for one real run of one example.
RUN_TIMEOUT = 30

RUN_TO_RUN = {
    # name: (pattern with the value in group "value", compared one-to-one or as a wildcard)
    "pid": (re.compile(r"(?<![\w.])\w*pid=(?P<value>\d+)"), "one-to-one"),
    "duration": (
        re.compile(r"(?<![\w.])(?P<value>\d+(?:\.\d+)?)(?: ?(?:ms|s|seconds)\b|x\b)"),
        "wildcard",
    ),
}

OUTPUT_PREFIX = re.compile(r"^(?P<indent>[ \t]*)#>(?: (?P<text>.*))?$")
FAILS_WITH = re.compile(r"^# fails-with: (?P<error>.+)$", re.MULTILINE)
FAILS_UNDER = re.compile(r"^# fails-under: (?P<methods>.+)$", re.MULTILINE)
#: An example that always starts its children with one method (``get_context("spawn")``)
START_METHOD = re.compile(r"^# start-method: (?P<method>\w+)$", re.MULTILINE)
#: An example that needs fork (and so cannot run on Windows) says ``# needs: fork``
NEEDS = re.compile(r"^# needs: (?P<methods>.+)$", re.MULTILINE)


def example_files() -> list[Path]:
    """Every example program, as paths relative to the repository root."""
    return sorted(p.relative_to(ROOT) for p in EXAMPLES.rglob("*.py") if p.name != "__init__.py")


@dataclass
class Example:
    """An example file and what it promises."""

    path: Path  # relative to ROOT
    source: str
    tree: ast.Module | None
    syntax_error: SyntaxError | None
    #: print() calls as (first line, last line), in file order
    sites: list[tuple[int, int]] = field(default_factory=list)
    #: the #> lines under each site, keyed by the site's first line
    promised: dict[int, list[str]] = field(default_factory=dict)
    #: "Type: message" the program must fail with, and under which start methods
    fails_with: str | None = None
    fails_under: set[str] | None = None
    #: the start method the example picks itself, whatever the default
    start_method: str | None = None
    #: start methods the example uses itself, whatever the default (it cannot run without them)
    needs: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, path: Path) -> Example:
        source = (ROOT / path).read_text(encoding="utf-8")
        try:
            tree = ast.parse(source, filename=str(path))
            error = None
        except SyntaxError as exc:
            tree, error = None, exc
        example = cls(path=Path(path), source=source, tree=tree, syntax_error=error)
        if m := FAILS_WITH.search(source):
            example.fails_with = m["error"].strip()
        if m := FAILS_UNDER.search(source):
            example.fails_under = set(m["methods"].replace(",", " ").split())
        if m := START_METHOD.search(source):
            example.start_method = m["method"]
            example.needs.add(m["method"])
        if m := NEEDS.search(source):
            example.needs.update(m["methods"].replace(",", " ").split())
        if tree is not None:
            example._read_promises()
        return example

    def _read_promises(self) -> None:
        lines = self.source.splitlines()
        prints = sorted(
            (node.lineno, node.end_lineno)
            for node in ast.walk(self.tree)
            if isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Name)
            and node.value.func.id == "print"
        )
        claimed = set()
        for first, last in prints:
            self.sites.append((first, last))
            output = []
            for index in range(last, len(lines)):  # lines[last] is the line after the call
                m = OUTPUT_PREFIX.match(lines[index])
                if not m:
                    break
                output.append(m["text"] or "")
                claimed.add(index)
            self.promised[first] = output
        for index, line in enumerate(lines):
            if OUTPUT_PREFIX.match(line) and index not in claimed:
                raise ValueError(f"{self.path}:{index + 1}: a #> line that is not under a print()")

    def promised_lines(self) -> list[tuple[int, str]]:
        """(site, line) for every #> line."""
        return [(site, line) for site, lines in self.promised.items() for line in lines]

    def site_of(self, line: int | None) -> int | None:
        """The print() call (by first line) that a traced line number belongs to."""
        for first, last in self.sites:
            if line is not None and first <= line <= last:
                return first
        return None

    def fails_under_method(self, method: str) -> bool:
        return self.fails_with is not None and (
            self.fails_under is None or method in self.fails_under
        )

    def calls(self, *names: str) -> bool:
        """Whether the code calls any of these names (as ``Name(...)`` or ``x.Name(...)``)."""
        for node in ast.walk(self.tree) if self.tree else ():
            if isinstance(node, ast.Call):
                func = node.func
                called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
                if called in names:
                    return True
        return False

    def thread_names(self) -> set[str]:
        """Literal ``name="..."`` arguments the code gives to Thread(...) calls."""
        names = set()
        for node in ast.walk(self.tree) if self.tree else ():
            if isinstance(node, ast.Call):
                func = node.func
                called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                if called.endswith("Thread"):
                    for kw in node.keywords:
                        if kw.arg == "name" and isinstance(kw.value, ast.Constant):
                            names.add(kw.value.value)
        return names


# --- comparing output up to the declared run-to-run values -------------------------------------


def _split(line: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A line as (template, one-to-one values): run-to-run values become placeholders."""
    values = []
    for name, (pattern, how) in RUN_TO_RUN.items():

        def cut(m: re.Match, name=name, how=how) -> str:
            if how == "one-to-one":
                values.append((m.start("value"), name, m["value"]))
            start, end = m.span("value")
            return (
                m.group(0)[: start - m.start()] + f"\x00{name}\x00" + m.group(0)[end - m.start() :]
            )

        line = pattern.sub(cut, line)
    # values in the order they stand in the line
    return line, tuple((name, value) for _, name, value in sorted(values))


def match_output(
    promised: list[tuple[object, str]], printed: list[tuple[object, str]], *, subset: bool = False
) -> str | None:
    """Compare (site, line) pairs as multisets, up to the declared run-to-run values.

    One-to-one values must map by one renaming shared by all lines. With ``subset`` the printed
    lines need only be found among the promised ones. Returns None, or a message saying what
    differs.
    """
    want = defaultdict(list)
    for site, line in promised:
        template, values = _split(line)
        want[site, template].append(values)
    got = defaultdict(list)
    for site, line in printed:
        template, values = _split(line)
        got[site, template].append(values)

    problems = []
    for key in sorted(set(want) | set(got), key=str):
        n_want, n_got = len(want.get(key, ())), len(got.get(key, ()))
        if n_got > n_want or (n_got < n_want and not subset):
            problems.append((key, n_want, n_got))
    if problems:
        return _describe_mismatch(problems, want, got)

    # Find one renaming of values (per kind) that turns every printed line into a promised one.
    pairs = [(key, values) for key, lists in got.items() for values in lists]
    pairs.sort(key=lambda kv: -len(kv[1]))
    remaining = {key: Counter(lists) for key, lists in want.items()}
    forward: dict[tuple[str, str], str] = {}
    backward: dict[tuple[str, str], str] = {}

    def extend(values, target):
        added = []
        for (kind, v), (_, t) in zip(values, target, strict=True):
            a, b = forward.get((kind, v)), backward.get((kind, t))
            if a is None and b is None:
                forward[kind, v], backward[kind, t] = t, v
                added.append((kind, v, t))
            elif a != t or b != v:
                for kind2, v2, t2 in added:
                    del forward[kind2, v2], backward[kind2, t2]
                return None
        return added

    def solve(i: int) -> bool:
        if i == len(pairs):
            return True
        key, values = pairs[i]
        for target in list(remaining[key]):
            if remaining[key][target] == 0:
                continue
            added = extend(values, target)
            if added is None:
                continue
            remaining[key][target] -= 1
            if solve(i + 1):
                return True
            remaining[key][target] += 1
            for kind, v, t in added:
                del forward[kind, v], backward[kind, t]
        return False

    if solve(0):
        return None
    return (
        "the lines match in shape, but no single renaming of the PIDs turns the printed values "
        "into the promised ones (a value that must be equal differs, or two that must differ "
        "are equal)\n" + _listing("promised", promised) + _listing("printed", printed)
    )


def _describe_mismatch(problems, want, got) -> str:
    out = []
    for (site, template), n_want, n_got in problems:
        shown = template.replace("\x00", "<", 1).replace("\x00", ">", 1)
        while "\x00" in shown:
            shown = shown.replace("\x00", "<", 1).replace("\x00", ">", 1)
        where = f"print() on line {site}" if isinstance(site, int) else f"{site}"
        out.append(f"  {where}: promised {n_want} x, printed {n_got} x: {shown!r}")
    return "output differs from the #> lines:\n" + "\n".join(out)


def _listing(title: str, pairs: list[tuple[object, str]]) -> str:
    body = "\n".join(f"    [{site}] {line}" for site, line in pairs)
    return f"\n  {title}:\n{body}"


# --- running an example as a real program ------------------------------------------------------


@dataclass
class Run:
    example: Example
    method: str
    returncode: int
    stdout: str
    stderr: str
    records: list[dict]
    main_pid: int
    seconds: float

    def prints(self) -> list[dict]:
        return [r for r in self.records if r["kind"] == "print"]

    def printed_lines(self) -> list[tuple[object, str]]:
        """(site, line) for every line printed by print(), by any process."""
        pairs = []
        for r in self.prints():
            site = self.example.site_of(r["line"])
            text = r["text"].removesuffix("\n")
            for line in text.split("\n"):
                pairs.append(
                    (site if site is not None else f"outside any print() line {r['line']}", line)
                )
        return pairs

    def children(self) -> list[dict]:
        return [r for r in self.records if r["kind"] == "start" and r["pid"] != self.main_pid]


def python_version(python: str) -> tuple[int, int] | None:
    """The (major, minor) version of a Python executable, or None if it does not run."""
    if not os.path.exists(python):
        return None
    try:
        done = subprocess.run(
            [python, "-c", "import sys; print(*sys.version_info[:2])"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except OSError:
        return None
    if done.returncode != 0:
        return None
    major, minor = map(int, done.stdout.split())
    return major, minor


def find_pythons(minimum: tuple[int, int] = (3, 11)) -> dict[tuple[int, int], str]:
    """CPython versions found on this machine, newest patch release of each minor version: this
    interpreter, ``pythonX.Y`` on PATH, and pyenv's installs (``$PYENV_ROOT/versions``)."""
    candidates = [sys.executable]
    candidates += [shutil.which(f"python3.{minor}") or "" for minor in range(minimum[1], 20)]
    pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    installs = (pyenv_root / "versions").glob("3.*/bin/python")
    candidates += sorted(map(str, installs), key=natural_key)
    found: dict[tuple[int, int], str] = {}
    for python in filter(None, candidates):
        version = python_version(python)
        if version is not None and version >= minimum:
            found[version] = python  # a later (newer patch) install of a version wins
    if sys.version_info[:2] >= minimum:
        found[sys.version_info[:2]] = sys.executable  # this interpreter, with its packages
    return dict(sorted(found.items()))


#: Where the other CPython versions get a virtual environment with what the examples import.
OTHER_PYTHONS = ROOT / ".venv" / "other-pythons"


def other_pythons() -> dict[tuple[int, int], str]:
    """The CPython versions found on this machine other than the one running the tests."""
    return {v: p for v, p in find_pythons().items() if v != sys.version_info[:2]}


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def example_requirements() -> str:
    """The lock's entries for what the examples import (the project's own dependencies: tqdm,
    and colorama, which tqdm needs on Windows), hashes included."""
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    entries = re.findall(r"^(?:tqdm|colorama)==.*?(?=^\S|\Z)", lock, re.MULTILINE | re.DOTALL)
    assert any(e.startswith("tqdm==") for e in entries), "requirements.lock has no tqdm entry"
    return "".join(entries)


def prepare_python(version: tuple[int, int], python: str) -> Path:
    """A virtual environment of ``python`` holding the examples' dependencies from the lock
    (reused while the lock's entries for them are unchanged). Returns its interpreter."""
    venv = OTHER_PYTHONS / "{}.{}".format(*version)
    requirements = example_requirements()
    installed = venv / "installed.txt"  # a copy of what was installed, written last
    if installed.is_file() and installed.read_text(encoding="utf-8") == requirements:
        return venv_python(venv)
    shutil.rmtree(venv, ignore_errors=True)
    wanted = OTHER_PYTHONS / f"requirements-{version[0]}.{version[1]}.txt"
    wanted.parent.mkdir(parents=True, exist_ok=True)
    wanted.write_text(requirements, encoding="utf-8")
    pip = [str(venv_python(venv)), "-m", "pip", "install", "--quiet"]
    pip += ["--disable-pip-version-check", "--require-hashes", "--no-deps", "-r", str(wanted)]
    for step in ([python, "-m", "venv", str(venv)], pip):
        done = subprocess.run(step, capture_output=True, text=True, check=False, timeout=300)
        if done.returncode != 0:
            raise RuntimeError(
                f"could not prepare Python {version[0]}.{version[1]} ({python}) for the "
                f"examples: {' '.join(step)} failed:\n{done.stdout}{done.stderr}"
            )
    installed.write_text(requirements, encoding="utf-8")
    return venv_python(venv)


def example_env(path: Path, method: str, trace: Path) -> dict[str, str]:
    """The environment of a traced real run: the tracer on PYTHONPATH, told which file to trace
    and which start method to set; nothing of the test run's own Python settings."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "PYTEST_", "COV_")) and k != "COLUMNS"
    }
    env.update(
        PYTHONPATH=str(TRACER),
        PYTHONIOENCODING="utf-8",
        PYTHONWARNINGS="default",
        EXAMPLES_TRACE=str(trace),
        EXAMPLES_FILE=os.path.realpath(ROOT / path),
        EXAMPLES_START_METHOD=method,
    )
    return env


def run_example(
    example: Example,
    method: str,
    python: str = sys.executable,
    trace_dir: Path | None = None,
    timeout: float = RUN_TIMEOUT,
) -> Run:
    """Run ``python <example>`` from the repository root under a start method, traced."""
    import tempfile

    trace_dir = Path(trace_dir or tempfile.mkdtemp(prefix="example-trace-"))
    trace = trace_dir / "trace.jsonl"
    trace.unlink(missing_ok=True)
    env = example_env(example.path, method, trace)
    started = time.monotonic()
    proc = subprocess.Popen(
        [python, str(example.path)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_tree(proc.pid)
        stdout, stderr = proc.communicate()
        raise AssertionError(
            f"{example.path} under {method} did not finish within {timeout} s "
            f"(killed).\nstdout so far:\n{stdout.decode(errors='replace')}\n"
            f"stderr so far:\n{stderr.decode(errors='replace')}"
        ) from None
    seconds = time.monotonic() - started
    records = []
    if trace.exists():
        records = [json.loads(line) for line in trace.read_text(encoding="utf-8").splitlines()]
    return Run(
        example=example,
        method=method,
        returncode=proc.returncode,
        stdout=stdout.decode("utf-8", errors="replace"),
        stderr=stderr.decode("utf-8", errors="replace"),
        records=records,
        main_pid=proc.pid,
        seconds=seconds,
    )


def alive(pid: int) -> bool:
    """Whether a process exists and is not a zombie. (psutil, not ``os.kill(pid, 0)``: on
    Windows that call does not probe the process, it terminates it.)"""
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
    except psutil.AccessDenied:
        return True


def kill(pid: int) -> None:
    """Kill one process, if it still exists."""
    with contextlib.suppress(psutil.NoSuchProcess):
        psutil.Process(pid).kill()


def kill_tree(pid: int) -> None:
    """Kill a run that hangs, with every process it started. On POSIX the run leads its own
    session (``start_new_session``), so its process group goes; Windows has no process groups to
    signal, so its descendants are killed one by one, then the run."""
    if os.name == "posix":
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGKILL)
        return
    with contextlib.suppress(psutil.NoSuchProcess):
        for child in psutil.Process(pid).children(recursive=True):
            kill(child.pid)
    kill(pid)


def leftover_children(run: Run, grace: float = 3.0) -> list[dict]:
    """Child processes of the run still alive after ``grace`` seconds (helpers such as the
    forkserver and the resource tracker notice that the parent is gone and exit on their own)."""
    deadline = time.monotonic() + grace
    remaining = run.children()
    while remaining and time.monotonic() < deadline:
        remaining = [r for r in remaining if alive(r["pid"])]
        if remaining:
            time.sleep(0.05)
    for r in remaining:
        kill(r["pid"])
    return remaining


# tqdm draws its bars on stderr; everything else there is unexpected.
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_TQDM_BAR = re.compile(r"^.*\d+%\|.*\| *\d+/\d+ \[.*\]\s*$")


def unexpected_stderr(run: Run) -> str:
    """stderr without tqdm's progress bars (only for examples that use tqdm)."""
    text = run.stderr
    if "tqdm" in run.example.source:
        pieces = re.split(r"[\r\n]", _ANSI.sub("", text))
        text = "\n".join(p for p in pieces if p.strip() and not _TQDM_BAR.match(p))
    return text.strip()


# --- writing #> lines from a real run ----------------------------------------------------------


def natural_key(text: str) -> list:
    """Sort "task 2" before "task 10"."""
    return [
        (0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", text)
    ]


def rewrite_promises(example: Example, run: Run) -> str:
    """The example's source with the #> lines under each print() replaced by what it printed."""
    by_site: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for r in run.prints():
        site = example.site_of(r["line"])
        if site is None:
            raise ValueError(f"{example.path}: printed outside any print() call: {r['text']!r}")
        text = r["text"].removesuffix("\n")
        by_site[site].extend((r["pid"], line) for line in text.split("\n"))
    lines = example.source.splitlines()
    for first, last in reversed(example.sites):
        start = last  # index of the first line after the call
        end = start
        while end < len(lines) and OUTPUT_PREFIX.match(lines[end]):
            end += 1
        printed = by_site.get(first, [])
        if len({pid for pid, _ in printed}) > 1:  # several processes: no fixed order
            printed = sorted(printed, key=lambda p: natural_key(p[1]))
        indent = re.match(r"[ \t]*", lines[first - 1]).group(0)
        lines[start:end] = [
            f"{indent}#> {line}".rstrip() if line else f"{indent}#>" for _, line in printed
        ]
    return "\n".join(lines) + "\n"
