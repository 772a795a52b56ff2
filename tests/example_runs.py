"""What the tests share: running an example for real, reading its run, comparing the run with the
transcript recorded under the program, and recording a new one (``make update-examples``).

The example file's format (program, directives, recorded transcript) is read by ``site_model``,
which the build hooks use too. This module runs and compares.

**A real run** is ``python examples/...`` from the repository root, with the tracer
(``tests/tracer/sitecustomize.py``) on the path, under one start method and one of two modes:
``terminal`` (stdout line-buffered, as with a terminal attached) or ``ide`` (``PYTHONUNBUFFERED=1``,
as PyCharm runs a script: ``print`` writes its text and its newline separately). stdout and stderr
go to one pipe, as both go to one terminal, and what arrives is replayed on a small terminal
(carriage returns and tqdm's cursor moves), so the lines are what a reader's terminal shows.

**Run-to-run values** are declared here, in ``RUN_TO_RUN``, and nowhere else. Everything else in a
line must be the same as in the transcript.

- PIDs and thread ids: any number that the trace shows to be a process id or a thread id of this
  run. They are compared up to one renaming for the whole run: equal stays equal, different stays
  different, so a child's PID can never pass for its parent's. An example whose pool hands tasks
  to whichever worker is free declares ``# pids: workers vary``: then only the main process's PID
  must map one-to-one, and a worker's PID may stand for any worker's.
- durations and rates: a number with a unit of time (``0.52 s``, ``12 ms``, ``0.52 seconds``),
  a ratio (``1.9x``), and tqdm's ``[00:01<00:00, 5.2Mit/s]``.
- memory addresses in reprs (``at 0x7f3a...``), and the start method's part of a process name
  (``SpawnPoolWorker-1``).
- paths: the checkout's folder is taken off (paths read as from the repository root) and the
  interpreter's own folders are shortened to ``...``; the frames of a traceback (the indented
  lines between ``Traceback (most recent call last):`` and the exception line) differ between
  Python versions and platforms and are not compared. The exception line is.
"""

from __future__ import annotations

import contextlib
import functools
import json
import multiprocessing
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import psutil
from pytest_examples import CodeExample
from site_model import (
    ROOT,
    ExampleFile,
    Recording,
    compose_example,
    example_paths,
    program_fingerprint,
    read_example,
)

TRACER = Path(__file__).resolve().parent / "tracer"
METHODS = multiprocessing.get_all_start_methods()
MODES = ("terminal", "ide")

#: Wall-clock limit for one real run of one example.
RUN_TIMEOUT = 30

#: The lint and format settings for every example's program (the lint test and the updates).
LINT = dict(
    line_length=88,
    quotes="double",
    target_version="py311",
    isort=True,
    upgrade=True,
    ruff_select=["B", "E", "F", "W", "SIM", "RUF"],
    ruff_ignore=["RUF001", "RUF002", "RUF003"],  # full-width punctuation in Chinese text
)

NUMBER = r"\d+(?:\.\d+)?"
RUN_TO_RUN = {
    # name: (pattern, what it matches in the transcript); the ids come from the trace instead
    "duration": (re.compile(rf"(?<![\w.]){NUMBER}(?= ?(?:ms|µs|s|seconds?)\b)"), NUMBER),
    "ratio": (re.compile(rf"(?<![\w.]){NUMBER}(?=x\b)"), NUMBER),
    "tqdm-time": (
        re.compile(r"\[\d\d:\d\d(?:<[\d:?]+)?(?:, *[\d.?]+[a-zA-Z]*/s)?\]"),
        r"\[\d\d:\d\d(?:<[\d:?]+)?(?:, *[\d.?]+[a-zA-Z]*/s)?\]",
    ),
    "address": (re.compile(r"\b0x[0-9a-fA-F]+\b"), r"0x[0-9a-fA-F]+"),
    "process-name": (
        re.compile(r"\b(?:ForkServer|Fork|Spawn)(?=(?:Process|PoolWorker)-\d)"),
        r"(?:ForkServer|Fork|Spawn)",
    ),
}
IDS = re.compile(r"(?<![\w.])\d+(?![\w.]*\d)")


# --- which runs an example gets -------------------------------------------------------------


def starts_processes(example: ExampleFile) -> bool:
    return example.starts_processes


def methods_for(example: ExampleFile, available: list[str] = METHODS) -> list[str | None]:
    return example.methods(available)


def runs_for(example: ExampleFile, available: list[str] = METHODS) -> list[tuple[str | None, str]]:
    """(start method, mode) of every real run an example gets. The modes alternate across the
    start methods; a concurrent example with one method runs in both modes."""
    methods = methods_for(example, available)
    if len(methods) == 1:
        concurrent = example.starts_processes or example.starts_threads
        return [(methods[0], mode) for mode in (MODES if concurrent else MODES[:1])]
    return [(method, MODES[i % 2]) for i, method in enumerate(methods)]


def run_id(method: str | None, mode: str) -> str:
    return f"{method or 'no-start-method'}-{mode}"


def missing_methods(example: ExampleFile, available: list[str] = METHODS) -> set[str]:
    return example.needs - set(available)


# --- running an example as a real program ---------------------------------------------------


@dataclass
class Run:
    example: ExampleFile
    method: str | None
    mode: str
    returncode: int
    raw: str  # what arrived on the pipe (stdout and stderr together)
    screen: list[str]  # what a terminal shows at the end, paths shortened
    records: list[dict]
    main_pid: int
    seconds: float
    version: tuple[int, int] = sys.version_info[:2]  # of the Python that ran it

    @property
    def where(self) -> str:
        how = f" under {self.method}" if self.method else ""
        return f"{self.example.path}{how} ({self.mode} mode)"

    def of_kind(self, kind: str) -> list[dict]:
        return [r for r in self.records if r["kind"] == kind]

    def prints(self) -> list[dict]:
        return self.of_kind("print")

    def pids(self) -> set[int]:
        """Every process of the run, and the one that started it (the main process's parent)."""
        starts = self.of_kind("start")
        return {r["pid"] for r in starts} | {r["ppid"] for r in starts} | {self.main_pid}

    def thread_ids(self) -> set[int]:
        ids = set()
        for r in self.records:
            if r["kind"] == "thread":
                ids.update(v for v in (r.get("ident"), r.get("native_id")) if v)
            elif r["kind"] == "start" and r.get("how") == "exec":
                ids.update(v for v in (r.get("main_ident"), r.get("main_native_id")) if v)
        return ids - self.pids()

    def children(self) -> list[dict]:
        return [r for r in self.of_kind("start") if r["pid"] != self.main_pid]

    def workers(self, method: str) -> list[dict]:
        """The processes the example started by this start method (not helpers such as the
        forkserver or the resource tracker), in the order they first ran: a fork child records
        its own start, so two children made one after the other may appear in either order."""
        starts = self.of_kind("start")
        if method == "fork":
            return [r for r in starts if r["how"] == "fork" and r["ppid"] == self.main_pid]
        if method == "spawn":
            return [r for r in starts if r["how"] == "exec" and "spawn_main" in " ".join(r["argv"])]
        servers = {
            r["pid"]
            for r in starts
            if r["how"] == "exec" and "forkserver import main" in " ".join(r["argv"])
        }
        return [r for r in starts if r["how"] == "fork" and r["ppid"] in servers]

    def spans(self, kind: str = "process") -> dict:
        """When each process (by PID) or thread (by name) started and ended, in seconds from the
        start of the run; None for an end the trace does not show (a process killed by
        ``terminate()``, a daemon thread stopped at exit)."""
        t0 = min(r["t"] for r in self.records)
        spans: dict = {}
        start, end = ("start", "end") if kind == "process" else ("thread", "thread-end")
        key = "pid" if kind == "process" else "name"
        for r in self.records:
            if r["kind"] == start:
                spans.setdefault(r[key], [(r["t"] - t0) / 1e9, None])
            elif r["kind"] == end and r[key] in spans:
                spans[r[key]][1] = (r["t"] - t0) / 1e9
        return {k: tuple(v) for k, v in spans.items()}

    def joined(self, target: str = "process") -> list[dict]:
        """The join() calls that returned with their process or thread ended, in order."""
        return [r for r in self.of_kind("join") if r["target"] == target]

    def printed(self, pattern: str) -> list[dict]:
        """The print records whose text matches a regular expression, in the order printed."""
        return [r for r in self.prints() if re.search(pattern, r["text"])]

    def time_of(self, pattern: str) -> float:
        """Seconds from the start of the run to the one print that matches ``pattern``."""
        found = self.printed(pattern)
        assert len(found) == 1, f"{self.where}: {len(found)} prints match {pattern!r}"
        return self.seconds_at(found[0])

    def seconds_at(self, record: dict) -> float:
        start = min(r["t"] for r in self.records)
        return (record["t"] - start) / 1e9


def example_env(
    path: PurePosixPath | Path, method: str | None, trace: Path, mode: str = "terminal"
):
    """The environment of a traced real run: the tracer on PYTHONPATH, told which file to trace,
    which start method to set and how stdout is buffered; nothing of the test run's own Python
    settings."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "PYTEST_", "COV_")) and k not in ("COLUMNS", "LINES")
    }
    env.update(
        PYTHONPATH=str(TRACER),
        PYTHONIOENCODING="utf-8",
        PYTHONWARNINGS="default",
        EXAMPLES_TRACE=str(trace),
        EXAMPLES_FILE=os.path.realpath(ROOT / path),
    )
    if method:
        env["EXAMPLES_START_METHOD"] = method
    if mode == "ide":
        env["PYTHONUNBUFFERED"] = "1"
    else:
        env["EXAMPLES_TERMINAL"] = "1"
    return env


def run_example(
    example: ExampleFile,
    method: str | None,
    mode: str = "terminal",
    python: str = sys.executable,
    trace_dir: Path | None = None,
    timeout: float = RUN_TIMEOUT,
    extra_env: dict[str, str] | None = None,
) -> Run:
    """Run ``python <example>`` from the repository root, traced."""
    trace_dir = Path(trace_dir or tempfile.mkdtemp(prefix="example-trace-"))
    trace_dir.mkdir(parents=True, exist_ok=True)
    trace = trace_dir / f"trace-{run_id(method, mode)}.jsonl"
    trace.unlink(missing_ok=True)
    env = {**example_env(example.path, method, trace, mode), **(extra_env or {})}
    started = time.monotonic()
    proc = subprocess.Popen(
        [python, str(example.path)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=os.name == "posix",
    )
    try:
        output, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_tree(proc.pid)
        output, _ = proc.communicate()
        raise AssertionError(
            f"{example.path}{f' under {method}' if method else ''} ({mode} mode) did not finish "
            f"within {timeout} s (killed). Output so far:\n{output.decode(errors='replace')}"
        ) from None
    seconds = time.monotonic() - started
    records = []
    if trace.exists():
        records = [json.loads(line) for line in trace.read_text(encoding="utf-8").splitlines()]
    raw = output.decode("utf-8", errors="replace")
    return Run(
        example=example,
        method=method,
        mode=mode,
        returncode=proc.returncode,
        raw=raw,
        screen=shorten_paths(render_terminal(raw)),
        records=records,
        main_pid=proc.pid,
        seconds=seconds,
        version=sys.version_info[:2] if python == sys.executable else python_version(python),
    )


# --- what a terminal shows -------------------------------------------------------------------

_CONTROL = re.compile(r"\x1b\[(?P<n>\d*)(?P<op>[A-Za-z])|\r\n|\r|\n|\x1b")


def render_terminal(raw: str) -> list[str]:
    """The rows a terminal shows after receiving ``raw``: CR goes back to the start of the row,
    LF to the next row, ESC[nA and ESC[nB move up and down, ESC[K clears to the end of the row;
    colours and other escapes are dropped. Trailing spaces and trailing empty rows are cut."""
    rows: dict[int, list[str]] = defaultdict(list)
    row = col = 0
    pos = 0

    def put(text: str) -> None:
        nonlocal col
        line = rows[row]
        if len(line) < col:
            line.extend(" " * (col - len(line)))
        line[col : col + len(text)] = list(text)
        col += len(text)

    for m in _CONTROL.finditer(raw):
        put(raw[pos : m.start()])
        pos = m.end()
        token = m.group(0)
        if token in ("\n", "\r\n"):
            row, col = row + 1, 0
        elif token == "\r":
            col = 0
        elif m["op"] == "A":
            row = max(0, row - int(m["n"] or 1))
        elif m["op"] == "B":
            row += int(m["n"] or 1)
        elif m["op"] == "K":
            del rows[row][col:]
    put(raw[pos:])
    last = max(rows, default=-1)
    lines = ["".join(rows.get(i, [])).rstrip() for i in range(last + 1)]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _folders() -> list[tuple[str, str]]:
    """(folder, how it is shown) for the paths that differ between machines, longest first."""
    folders = {}
    for root in {str(ROOT), os.path.realpath(ROOT)}:
        folders[root + os.sep] = ""
    stdlib = sysconfig.get_paths()["stdlib"]
    for prefix in {sys.base_prefix, sys.prefix, os.path.realpath(sys.base_prefix)}:
        folders[prefix + os.sep] = "..." + os.sep
    folders[os.path.dirname(stdlib) + os.sep] = "..." + os.sep + "lib" + os.sep
    return sorted(folders.items(), key=lambda item: -len(item[0]))


SITE_PACKAGES = re.compile(r"[^\s\"']*[\\/]site-packages[\\/]")


def shorten_paths(lines: list[str]) -> list[str]:
    folders = _folders()
    if os.sep == "\\":  # a path in a repr (an error message) has its backslashes doubled
        folders += [(f.replace("\\", "\\\\"), s.replace("\\", "\\\\")) for f, s in folders]
    out = []
    for line in lines:
        for folder, shown in folders:
            line = line.replace(folder, shown)
        line = SITE_PACKAGES.sub(".../site-packages/", line)
        if os.sep == "\\":  # the examples' own paths read as on every other system
            line = WINDOWS_EXAMPLE_PATH.sub(lambda m: re.sub(r"\\+", "/", m.group(0)), line)
        out.append(line)
    return out


WINDOWS_EXAMPLE_PATH = re.compile(r"\bexamples(?:\\{1,2}[\w.-]+)+")


def bars_per_row(stream: str) -> dict[int, set[str]]:
    """Which bars (by their description) were drawn on which terminal row until the first bar
    reached 100%, counting from the row where the program started. Understands what tqdm
    writes: CR, LF and cursor-up."""
    rows, row = defaultdict(set), 0
    for token in re.split(r"(\x1b\[\d*A|\r|\n)", stream):
        if token == "\n":
            row += 1
        elif token.startswith("\x1b["):
            row -= int(token[2:-1] or 1)
        elif m := re.match(r"(\w+): +(\d+)%\|", token):
            if m[2] == "100":
                break
            rows[row].add(m[1])
    return dict(rows)


# --- comparing a run with the transcript -----------------------------------------------------

TRACEBACK = "Traceback (most recent call last):"
FRAME_START = re.compile(r'^  File "[^"]+", line \d+')
#: Notes that Python 3.14 and later add under a pickling error's exception line (PEP 678 notes,
#: unindented): where in the object the error happened. Earlier versions print none.
EXCEPTION_NOTE = re.compile(r"^when serializing ")


#: A tqdm bar as it stands on a terminal row, and what is left of one when a line printed later
#: covers its start.
TQDM_BAR = re.compile(r"(?:[\w.-]+: *)?\d+%\|[^|]*\| *\d+/\d+ \[[^\]]*\]")
TQDM_REMNANT = re.compile(r"(?:[|█▏▎▍▌▋▊▉]|\d+/\d+ \[|<\d\d:\d\d|[\d.]+(?:it/s|s/it)\]).*$")
TQDM_DONE = re.compile(r"(?:(?P<desc>[\w.-]+): *)?100%\|[^|]*\| *(?P<n>\d+)/(?P=n) \[")


def without_bars(line: str) -> str | None:
    """A terminal row with tqdm's bars taken out, or None if nothing is left of it (a row that
    held only bars, or that a bar left empty when it was cleared). Which frames of a bar stay on
    screen depends on timing; ``compare`` checks the bars that finished separately
    (``finished_bars``)."""
    stripped = TQDM_REMNANT.sub("", TQDM_BAR.sub("", line)).rstrip()
    return stripped or None


def finished_bars(lines: list[str]) -> list[str]:
    """Every tqdm bar shown at 100 %, as "description n/n", sorted."""
    return sorted(
        f"{m['desc'] or ''} {m['n']}/{m['n']}" for line in lines for m in TQDM_DONE.finditer(line)
    )


def reworded(example: ExampleFile, lines: list[str], version: tuple[int, int]) -> list[str]:
    """The transcript's lines as a run on ``version`` prints them: an exception line that a
    later Python words differently (an example's ``since 3.N`` directive) is replaced there."""
    replacements = {}
    for since, line in example.error_lines_since():
        if version >= since:
            replacements[line.split(":", 1)[0]] = line
    if not replacements:
        return lines
    out = []
    for _, line in enumerate(lines):
        kind = line.split(":", 1)[0]
        is_error = ":" in line and " " not in kind and not line.startswith((" ", "\t"))
        out.append(replacements.get(kind, line) if is_error else line)
    return out


def compared_lines(lines: list[str], bars: bool = False) -> list[tuple[int, str]]:
    """(index, line) of the lines that are compared: all but the frames of tracebacks (and,
    with ``bars``, tqdm's bars)."""
    kept, in_traceback = [], False
    for index, line in enumerate(lines):
        if bars:
            line = without_bars(line)
            if line is None:
                continue
        if line == TRACEBACK or (not in_traceback and FRAME_START.match(line)):
            in_traceback = line == TRACEBACK
            if in_traceback:
                kept.append((index, line))
            else:
                in_traceback = True  # a SyntaxError's report starts with its frame
            continue
        if in_traceback and (line.startswith((" ", "\t")) or not line):
            continue
        if EXCEPTION_NOTE.match(line):
            continue
        in_traceback = False
        kept.append((index, line))
    return kept


def line_pattern(line: str, pids: set[int], thread_ids: set[int]) -> tuple[re.Pattern, list[str]]:
    """A fresh line as a pattern that the transcript's line must match: run-to-run values become
    wildcards, ids become groups. Returns the pattern and, per group, "pid:<value>" or
    "tid:<value>"."""
    spans: list[tuple[int, int, str, str | None]] = []  # start, end, regex, id key
    taken = [False] * len(line)

    def claim(start: int, end: int, regex: str, key: str | None) -> None:
        if any(taken[start:end]):
            return
        taken[start:end] = [True] * (end - start)
        spans.append((start, end, regex, key))

    for pattern, regex in RUN_TO_RUN.values():
        for m in pattern.finditer(line):
            claim(m.start(), m.end(), regex, None)
    for m in IDS.finditer(line):
        value = int(m.group(0))
        if value in pids:
            claim(m.start(), m.end(), r"(\d+)", f"pid:{value}")
        elif value in thread_ids:
            claim(m.start(), m.end(), r"(\d+)", f"tid:{value}")
    spans.sort()
    parts, keys, pos = [], [], 0
    for start, end, regex, key in spans:
        parts.append(re.escape(line[pos:start]))
        parts.append(regex)
        if key:
            keys.append(key)
        pos = end
    parts.append(re.escape(line[pos:]))
    return re.compile("".join(parts)), keys


@dataclass
class Mismatch:
    message: str

    def __str__(self) -> str:
        return self.message


def compare(example: ExampleFile, run: Run) -> Mismatch | None:
    """None if the fresh run shows what the transcript shows, up to the run-to-run values;
    otherwise what differs, naming the example's file and the line of the transcript."""
    recording = example.recording
    assert recording is not None
    first_line = transcript_first_line(example)
    where = run.where

    def at(index: int) -> str:
        return f"{example.path}:{first_line + index}"

    if (recording.exit_status == 0) != (run.returncode == 0) or (
        recording.exit_status != 0 and run.returncode != recording.exit_status
    ):
        return Mismatch(
            f"{where} exited with status {run.returncode}; the transcript was recorded from a "
            f"run that exited with {recording.exit_status}.{_both(recording.lines, run.screen)}"
        )
    recorded, fresh = reworded(example, recording.lines, run.version), run.screen
    if example.draws_bars:
        # Every bar the transcript shows finished must have finished in the fresh run too (in
        # any frame it drew: where bars share a row, the last one to draw covers the others).
        shown, drawn = set(finished_bars(recorded)), set(finished_bars(run.raw.split("\r")))
        if not shown <= drawn:
            return Mismatch(
                f"{at(0)}: {where} did not finish the tqdm bars {sorted(shown - drawn)}, which "
                "the transcript shows finished" + _both(recorded, fresh)
            )
    want = compared_lines(recorded, bars=example.draws_bars)
    got = compared_lines(fresh, bars=example.draws_bars)
    pids, tids = run.pids(), run.thread_ids()
    patterns = [(index, line, *line_pattern(line, pids, tids)) for index, line in got]
    main = f"pid:{run.main_pid}"

    mapping = _Renaming(main_only=example.workers_vary, main=main)
    if not example.order_varies:
        for position, (want_item, got_item) in enumerate(zip(want, patterns, strict=False)):
            w_index, w_line = want_item
            _, g_line, pattern, keys = got_item
            m = pattern.fullmatch(w_line)
            if m is None or mapping.extend(keys, m.groups()) is False:
                why = (
                    ""
                    if m is None
                    else (
                        " (the same text, but a PID or thread id that must be equal differs, "
                        "or two that must differ are equal)"
                    )
                )
                return Mismatch(
                    f"{at(w_index)}: line {position + 1} of the transcript differs from {where}"
                    f"{why}:\n  recorded: {w_line!r}\n  fresh:    {g_line!r}"
                    + _both(recording.lines, run.screen)
                )
        if len(want) != len(got):
            if len(want) > len(got):
                index, line = want[len(got)]
                return Mismatch(
                    f"{at(index)}: {where} ended before this line of the transcript: {line!r}"
                    + _both(recording.lines, run.screen)
                )
            return Mismatch(
                f"{at(len(recording.lines))}: {where} printed more than the transcript, from "
                f"{got[len(want)][1]!r} on" + _both(recording.lines, run.screen)
            )
        return None

    # The order varies: find, for every fresh line, its own line of the transcript.
    candidates = []
    for index, line, pattern, keys in patterns:
        options = [
            (w_pos, m.groups())
            for w_pos, (_, w_line) in enumerate(want)
            if (m := pattern.fullmatch(w_line)) is not None
        ]
        candidates.append((index, line, keys, options))
    unmatched_fresh = [line for _, line, _, options in candidates if not options]
    used_any = {w_pos for *_, options in candidates for w_pos, _ in options}
    unmatched_recorded = [(i, line) for pos, (i, line) in enumerate(want) if pos not in used_any]
    if unmatched_recorded or unmatched_fresh or len(want) != len(got):
        if unmatched_recorded:
            index, line = unmatched_recorded[0]
            head = f"{at(index)}: {where} printed no line like this one of the transcript: {line!r}"
        elif unmatched_fresh:
            head = (
                f"{at(want[0][0] if want else 0)}: {where} printed a line the transcript does not "
                f"have: {unmatched_fresh[0]!r}"
            )
        else:
            head = f"{at(0)}: {where} printed {len(got)} lines where the transcript has {len(want)}"
        return Mismatch(
            head + " (the order of lines may vary)" + _both(recording.lines, run.screen)
        )
    order = sorted(range(len(candidates)), key=lambda i: len(candidates[i][3]))
    used: set[int] = set()

    def solve(k: int) -> bool:
        if k == len(order):
            return True
        _, _, keys, options = candidates[order[k]]
        for w_pos, groups in options:
            if w_pos in used:
                continue
            undo = mapping.extend(keys, groups)
            if undo is False:
                continue
            used.add(w_pos)
            if solve(k + 1):
                return True
            used.discard(w_pos)
            mapping.undo(undo)
        return False

    if solve(0):
        return None
    return Mismatch(
        f"{at(want[0][0] if want else 0)}: {where} printed the transcript's lines, but no single "
        "renaming of PIDs and thread ids turns the fresh values into the recorded ones (a value "
        "that must be equal differs, or two that must differ are equal)"
        + _both(recording.lines, run.screen)
    )


class _Renaming:
    """The renaming of ids (fresh value -> recorded value) found so far, one-to-one. With
    ``main_only`` only the main process's PID and the thread ids are renamed one-to-one; a worker's
    PID may stand for any recorded PID but the main process's."""

    def __init__(self, main_only: bool = False, main: str = ""):
        self.forward: dict[str, str] = {}
        self.backward: dict[str, str] = {}
        self.workers: dict[str, int] = defaultdict(int)  # recorded PIDs that workers stand for
        self.main_only, self.main = main_only, main

    def extend(self, keys: list[str], values: tuple[str, ...]):
        """Add pairs; returns what to undo, or False if they contradict the renaming."""
        added: list[tuple[str, str]] = []
        for key, value in zip(keys, values, strict=True):
            back = f"{key.split(':')[0]}:{value}"
            if self.main_only and key.startswith("pid:") and key != self.main:
                if self.backward.get(back) == self.main:
                    self.undo(added)
                    return False
                self.workers[back] += 1
                added.append(("", back))
                continue
            if self.main_only and key == self.main and self.workers.get(back):
                self.undo(added)
                return False
            a, b = self.forward.get(key), self.backward.get(back)
            if a is None and b is None:
                self.forward[key], self.backward[back] = value, key
                added.append((key, back))
            elif a != value or b != key:
                self.undo(added)
                return False
        return added

    def undo(self, added) -> None:
        for key, back in added:
            if key == "":
                self.workers[back] -= 1
            else:
                self.forward.pop(key, None)
                self.backward.pop(back, None)


def _both(recorded: list[str], fresh: list[str]) -> str:
    return (
        "\n  the transcript:\n"
        + "".join(f"    {line}\n" for line in recorded)
        + "  the fresh run's output:\n"
        + "".join(f"    {line}\n" for line in fresh)
    )


def transcript_first_line(example: ExampleFile) -> int:
    """The file's line number (1-based) of the transcript's first line of output."""
    lines = example.source.split("\n")
    for number, line in enumerate(lines, start=1):
        if line.startswith("# $ python "):
            return number + 1
    return len(lines)


def same_error(reported: str, line: str) -> bool:
    """Whether a transcript's line shows the error ``Type: message`` (addresses may differ; the
    line may name the type with its module, and Python may add a suggestion after it)."""
    address = RUN_TO_RUN["address"][0]
    return address.sub("0x0", reported) in address.sub("0x0", line)


def in_process_problem(example: ExampleFile, printed: list[str]) -> str | None:
    """For the in-process run, which sees only the main process's prints: each printed line
    must stand in the transcript, with any number taken for any number (the real run compares
    the values)."""
    recording = example.recording
    assert recording is not None

    def shape(line: str) -> str:
        line = RUN_TO_RUN["tqdm-time"][0].sub("[]", line)
        return re.sub(r"0x[0-9a-fA-F]+|\d+(?:\.\d+)?", "0", line)

    remaining = defaultdict(int)
    for _, line in compared_lines(recording.lines, bars=example.draws_bars):
        remaining[shape(line)] += 1
    for line in printed:
        key = shape(line)
        if remaining[key] <= 0:
            return (
                f"{example.path}: the program printed {line!r}, which the transcript does not show"
            )
        remaining[key] -= 1
    return None


# --- recording a transcript --------------------------------------------------------------------


def platform_name() -> str:
    return {"Darwin": "macOS"}.get(platform.system(), platform.system())


def recording_method(example: ExampleFile) -> str | None:
    """The start method a transcript is recorded with: the example's own, or spawn (the one
    every platform has) for an example that starts processes."""
    if example.start_method:
        return example.start_method
    return "spawn" if example.starts_processes else None


def new_recording(example: ExampleFile, run: Run) -> Recording:
    method = run.method or multiprocessing.get_start_method(allow_none=False)
    return Recording(
        os=platform_name(),
        python=f"CPython {platform.python_version()}",
        method=method,
        exit_status=run.returncode,
        program=example.fingerprint,
        lines=[line.rstrip() for line in run.screen],
    )


def updated_source(example: ExampleFile, run: Run) -> str:
    """The example's source with its transcript brought up to date: kept if the fresh run still
    matches it (so that PIDs do not churn), with the program's fingerprint renewed; otherwise
    replaced by the fresh run's."""
    return updated_recording(example, run)[0]


def updated_recording(example: ExampleFile, run: Run) -> tuple[str, dict | None]:
    """The example's source and its timeline, both of one run: the recorded ones, kept if the
    fresh run still matches them both (so that PIDs do not churn), or both from the fresh run.
    The timeline is None for a run of one process and one thread."""
    recording, timeline = example.recording, example.timeline
    fresh = timeline_of(run)
    kept = (
        recording is not None
        and compare(example, run) is None
        and (
            (timeline is None and not needs_timeline(fresh))
            or (
                timeline is not None
                and timeline.get("transcript") == example.transcript_fingerprint
                and compare_timeline(example, timeline, run) is None
            )
        )
    )
    if kept:
        recording.program = example.fingerprint
    else:
        recording = new_recording(example, run)
        timeline = {**fresh, "transcript": None} if needs_timeline(fresh) else None
    source = compose_example(example.program, example.directives, recording, example.path)
    if timeline is not None:
        timeline["program"] = example.fingerprint
        timeline["transcript"] = program_fingerprint("\n".join(recording.lines))
    return source, timeline


class FileExample(CodeExample):
    """An example's program as pytest-examples sees it. (pytest-examples collapses double blank
    lines in examples whose path ends in .py, which black puts between top-level definitions; a
    program is formatted as a file.)"""

    def in_py_file(self) -> bool:
        return False


def code_example(example: ExampleFile, whole_file: bool = False) -> FileExample:
    source = example.source if whole_file else example.program
    return FileExample.create(source, path=ROOT / example.path, prefix="py")


def format_program(example: ExampleFile) -> str:
    """The program, formatted as ruff and black would (the lint settings above)."""
    from pytest_examples.config import ExamplesConfig
    from pytest_examples.lint import black_format, ruff_format

    lint = ExamplesConfig(**LINT)
    source = ruff_format(code_example(example), lint, ignore_errors=True)
    return black_format(source, lint)


def syntax_error(example: ExampleFile) -> SyntaxError | None:
    try:
        compile(example.program, str(example.path), "exec")
    except SyntaxError as error:
        return error
    return None


def all_examples() -> list[PurePosixPath]:
    return example_paths()


def load(path: PurePosixPath | str) -> ExampleFile:
    return read_example(path)


# --- other CPython versions on this machine ---------------------------------------------------


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


def natural_key(text: str) -> list:
    """Sort "3.9" before "3.10"."""
    return [
        (0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", text)
    ]


def find_pythons(minimum: tuple[int, int] = (3, 11)) -> dict[tuple[int, int], str]:
    """CPython versions found on this machine, newest patch release of each minor version: this
    interpreter, ``pythonX.Y`` on PATH, and pyenv's installs (``$PYENV_ROOT/versions``)."""
    return {v: p for v, p in _all_pythons().items() if v >= minimum}


@functools.cache
def _all_pythons() -> dict[tuple[int, int], str]:
    """Every CPython from 3.11 on found here (looked for once per process: each candidate is
    run to ask its version)."""
    minimum = (3, 11)
    pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates = [sys.executable]
    for minor in range(minimum[1], 20):
        found = shutil.which(f"python3.{minor}") or ""
        # pyenv's shims only lead to its installs, which are looked at below (and a shim is a
        # shell script, slow to start).
        if found and Path(found).parent != pyenv_root / "shims":
            candidates.append(found)

    def release(path: Path) -> list:
        return natural_key(path.parent.parent.name)

    installs = sorted((pyenv_root / "versions").glob("3.*/bin/python"), key=release)
    for install in installs:
        numbers = re.match(r"3\.(\d+)", install.parent.parent.name)
        if numbers and int(numbers[1]) >= minimum[1]:
            candidates.append(str(install))
    found: dict[tuple[int, int], str] = {}
    for python in candidates:
        version = python_version(python)
        if version is not None and version >= minimum:
            found[version] = python  # a later (newer patch) install of a version wins
    if sys.version_info[:2] >= minimum:
        found[sys.version_info[:2]] = sys.executable  # this interpreter, with its packages
    return dict(sorted(found.items()))


def python_params(minimum: tuple[int, int] = (3, 11)) -> list:
    """pytest parameters, one per CPython found here from ``minimum`` on, each the pair
    (executable, (major, minor)): this interpreter's runs in the main stage, each other's in
    the other-Pythons stage (``pytest -m other_pythons``)."""
    import pytest

    params = []
    for version, python in find_pythons(minimum).items():
        here = version == sys.version_info[:2]
        marks = () if here else (pytest.mark.other_pythons,)
        label = "python{}.{}".format(*version)
        params.append(pytest.param((python, version), id=label, marks=marks))
    return params


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

    def ready() -> bool:
        return installed.is_file() and installed.read_text(encoding="utf-8") == requirements

    if ready():
        return venv_python(venv)
    # Several test workers may ask at once: the first to create the lock file makes the
    # environment, the others wait for it.
    OTHER_PYTHONS.mkdir(parents=True, exist_ok=True)
    lock = OTHER_PYTHONS / f"{version[0]}.{version[1]}.lock"
    with contextlib.suppress(FileNotFoundError):
        if time.time() - lock.stat().st_mtime > 600:
            lock.unlink()  # left by a run that was killed
    try:
        os.close(os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        deadline = time.monotonic() + 600
        while not ready() and lock.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        if ready():
            return venv_python(venv)
        raise RuntimeError(f"another worker did not finish preparing {venv}") from None
    try:
        _make_venv(version, python, venv, requirements, installed)
    finally:
        lock.unlink(missing_ok=True)
    return venv_python(venv)


def _make_venv(version, python: str, venv: Path, requirements: str, installed: Path) -> None:
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


# --- processes left behind --------------------------------------------------------------------


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


def program_of(path: PurePosixPath | str) -> str:
    return read_example(path).program


__all__ = [
    "LINT",
    "METHODS",
    "ROOT",
    "ExampleFile",
    "Run",
    "compare",
    "program_fingerprint",
]


# --- the timeline of a run ---------------------------------------------------------------------
#
# A timeline is what the figure under an example's output draws: one lane per process and per
# thread of the run (the main process; each child it started, a program started by subprocess
# included; each thread that runs the example's code or a pool's tasks, or prints), each lane's
# lifetime and the moment a join() saw it end, a mark for each print and a bar for each task of a
# pool or an executor. Helper processes (the resource tracker, the forkserver) and the threads of
# the standard library that run none of the example's work have no lane. Times are milliseconds
# from the start of the main process. ``make update-examples`` records it with the transcript,
# from the same run; every real run checks that a fresh run has the same shape.

HELPER_PROCESSES = ("resource_tracker", "forkserver import main", "semaphore_tracker")
#: What the workers of pools and executors run: their lanes take whichever task is next.
WORKER_TARGETS = (
    "multiprocessing.pool.worker",
    "concurrent.futures.process._process_worker",
    "concurrent.futures.thread._worker",
)
TIMELINE_VERSION = 1


def timeline_of(run: Run) -> dict:
    """The timeline of a run, as the JSON the figure is drawn from."""
    records = sorted(run.records, key=lambda r: r["t"])
    empty = {"version": TIMELINE_VERSION, "duration": 0, "lanes": [], "prints": [], "tasks": []}
    if not records:
        return empty
    starts = [r for r in records if r["kind"] == "start"]
    t0 = next((r["t"] for r in starts if r["pid"] == run.main_pid), records[0]["t"])

    def ms(t: int | None) -> float | None:
        return None if t is None else round((t - t0) / 1e6, 1)

    def is_helper(r: dict) -> bool:
        return r.get("how") == "exec" and any(h in " ".join(r["argv"]) for h in HELPER_PROCESSES)

    first_start: dict[int, dict] = {}
    for r in starts:
        first_start.setdefault(r["pid"], r)
    processes = [r for r in first_start.values() if not is_helper(r)]
    processes.sort(key=lambda r: (r["pid"] != run.main_pid, r["t"]))
    lane_of_pid = {r["pid"]: f"P{index}" for index, r in enumerate(processes)}
    ends = {r["pid"]: r["t"] for r in records if r["kind"] == "end"}
    targets = {r["pid"]: r for r in records if r["kind"] == "process-target"}
    joins = {
        (r["target"], r.get("child") or (r["pid"], r.get("name"))): r["t"]
        for r in records
        if r["kind"] == "join"
    }

    def role(target: dict | None, main: bool = False, start: dict | None = None) -> str:
        if main or (target and target.get("ours")):
            return "own"
        if target and target.get("target") in WORKER_TARGETS:
            return "worker"
        if target is None and start is not None:
            # A multiprocessing child that ended before it ran anything (a pool worker that
            # terminate() stopped as it started), or a program that subprocess started.
            mp_child = start["how"] == "fork" or "multiprocessing" in " ".join(start["argv"])
            return "unstarted" if mp_child else "other"
        return "other"

    lanes: list[dict] = []
    for r in processes:
        pid = r["pid"]
        parent = None
        if pid != run.main_pid:
            # A forkserver's child is the main process's, which asked for it.
            parent = lane_of_pid.get(r["ppid"], "P0")
        lanes.append(
            {
                "id": lane_of_pid[pid],
                "kind": "process",
                "label": lane_of_pid[pid],
                "role": role(targets.get(pid), pid == run.main_pid, r),
                "pid": pid,
                "parent": parent,
                "start": ms(r["t"]),
                "end": ms(ends.get(pid)),
                "joined": ms(joins.get(("process", pid))),
            }
        )

    tasks = [r for r in records if r["kind"] == "task" and r["pid"] in lane_of_pid]
    prints = [r for r in records if r["kind"] == "print" and r["pid"] in lane_of_pid]
    busy = {(r["pid"], r.get("thread")) for r in tasks + prints}
    thread_ends = {(r["pid"], r["name"]): r["t"] for r in records if r["kind"] == "thread-end"}
    thread_lane: dict[tuple[int, str], str] = {}
    for r in records:
        if r["kind"] != "thread" or r["pid"] not in lane_of_pid:
            continue
        key = (r["pid"], r["name"])
        if key in thread_lane or not (r.get("ours") or key in busy):
            continue
        process = lane_of_pid[r["pid"]]
        thread_lane[key] = lane = f"{process}/{r['name']}"
        lanes.append(
            {
                "id": lane,
                "kind": "thread",
                "label": r["name"],
                "role": role(r),
                "process": process,
                "parent": process,
                "start": ms(r["t"]),
                "end": ms(thread_ends.get(key)),
                "joined": ms(joins.get(("thread", key))),
            }
        )
    # Each process's threads right under it.
    position = {lane["id"]: i for i, lane in enumerate(lanes) if lane["kind"] == "process"}

    def place(lane: dict) -> tuple:
        return (position[lane.get("process", lane["id"])], lane["kind"] != "process", lane["start"])

    lanes.sort(key=place)

    def lane_for(r: dict) -> str:
        return thread_lane.get((r["pid"], r.get("thread")), lane_of_pid[r["pid"]])

    return {
        **empty,
        "duration": ms(records[-1]["t"]),
        "lanes": lanes,
        "prints": [
            {"lane": lane_for(r), "t": ms(r["t"]), "text": r["text"].removesuffix("\n")}
            for r in prints
        ],
        "tasks": [
            {
                "lane": lane_for(r),
                "start": ms(r["start"]),
                "end": ms(r["t"]),
                "name": r["name"],
                "short": short_task_name(r["name"]),
            }
            for r in tasks
        ],
    }


def short_task_name(name: str) -> str:
    """What fits on a task's bar: its first argument (``long_time_task(4)`` -> ``4``)."""
    m = re.fullmatch(r"\w+[(\[](?P<first>[^,()\[\]]*)[,)\]].*", name)
    return m["first"].strip("'\"") if m else ""


def needs_timeline(timeline: dict) -> bool:
    """Whether a run involves two or more processes or threads (and so gets a figure)."""
    return len(timeline["lanes"]) >= 2


def timeline_shape(timeline: dict, example: ExampleFile) -> dict:
    """What must be the same in every run. The example's own lanes (the main process, and the
    processes and threads that run its functions) and the other processes (a manager's server, a
    program started by subprocess): each lane, whose it is, and, for its own lanes, how many
    prints each made (counted without regard to which lane where the order varies). The lanes of
    a pool's or an executor's workers take whichever task is next, and a worker that starts late
    may get none: their tasks and prints are counted together, not lane by lane. A child that
    ended before it ran anything (a pool worker stopped as it started) is not compared."""
    lanes = {lane["id"]: lane for lane in timeline["lanes"]}
    prints: dict[str, int] = defaultdict(int)
    for p in timeline["prints"]:
        prints[p["lane"]] += 1

    def describe(lane_id: str) -> str:
        lane = lanes[lane_id]
        if lane["kind"] == "thread":
            return f"{describe(lane['process'])} > thread {lane['label']}"
        depth, parent = 0, lane.get("parent")
        while parent:
            depth, parent = depth + 1, lanes[parent].get("parent")
        return "main process" if depth == 0 else "child " * (depth - 1) + "child process"

    own = [(describe(i), prints[i]) for i, lane in lanes.items() if lane["role"] == "own"]
    others = [describe(i) for i, lane in lanes.items() if lane["role"] == "other"]
    workers = [i for i, lane in lanes.items() if lane["role"] == "worker"]
    shape = {
        "own lanes": sorted(name for name, _ in own),
        "prints in its own lanes": sorted(own),
        "other processes": sorted(o for o in others if "thread" not in o),
        "tasks of the pool's workers": len(timeline["tasks"]),
        "prints in the pool's workers": sum(prints[w] for w in workers),
    }
    if example.order_varies:
        shape["prints in its own lanes"] = sum(count for _, count in own)
    return shape


def timeline_problem(example: ExampleFile, run: Run) -> str | None:
    """What is wrong with the recorded timeline for a fresh run, or None: missing where the run
    has two or more lanes, or of another shape."""
    recorded = example.timeline
    if recorded is None:
        fresh = timeline_of(run)
        if needs_timeline(fresh):
            lanes = ", ".join(lane["id"] for lane in fresh["lanes"])
            return (
                f"{example.path}: its run has {len(fresh['lanes'])} processes and threads "
                f"({lanes}) but no recorded timeline: run make update-examples"
            )
        return None
    return compare_timeline(example, recorded, run)


def compare_timeline(example: ExampleFile, recorded: dict, run: Run) -> str | None:
    """None if a fresh run has the recorded timeline's shape; otherwise what differs."""
    fresh = timeline_of(run)
    want, got = timeline_shape(recorded, example), timeline_shape(fresh, example)
    for key in want:
        if want[key] != got.get(key):
            return (
                f"{example.path}: the timeline of {run.where} differs from the recorded one in "
                f"its {key}: recorded {want[key]!r}, fresh {got.get(key)!r}"
            )
    return None
