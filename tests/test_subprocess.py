"""What the subprocess chapter says about its examples' runs that their output cannot show."""

from __future__ import annotations

import locale
import os
import subprocess
import sys

import pytest
from example_runs import load, run_example

CAPTURE = "examples/subprocess/subprocess_run_capture_output.py"
TIMEOUT = "examples/subprocess/subprocess_run_timeout.py"
MISSING = "examples/subprocess/subprocess_run_missing_program.py"


def child_programs(run) -> list[dict]:
    """The start records of the Python programs the example ran with ``[sys.executable, "-c",
    ...]``, in the order they started."""
    children = [r for r in run.children() if r["how"] == "exec" and "-c" in r["argv"]]
    return sorted(children, key=lambda r: r["t"])


@pytest.mark.backs("subprocess/index.md", "run-capture-output")
def test_run_returns_only_after_the_child_has_ended(tmp_path):
    """The first child has ended (its end is in the trace) before the parent prints its return
    code."""
    run = run_example(load(CAPTURE), None, trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    children = child_programs(run)
    assert len(children) == 2, run.records
    start, end = run.spans("process")[children[0]["pid"]]
    assert end is not None, f"the trace shows no end of the first child:\n{run.raw}"
    assert start < end <= run.time_of(r"^return code:"), run.raw


@pytest.mark.backs("subprocess/index.md", "timeout")
def test_timeouts_kill_the_sleeping_children_instead_of_waiting(tmp_path):
    """Both children sleep 5 s. Neither ends normally (a killed process records no end), and the
    whole program is over long before the first sleep would be."""
    run = run_example(load(TIMEOUT), None, trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    children = child_programs(run)
    assert len(children) == 2, run.records
    spans = run.spans("process")
    for child in children:
        assert spans[child["pid"]][1] is None, f"child {child['pid']} finished its sleep"
    assert run.time_of(r"^run\(\) raised TimeoutExpired") < 2, run.raw
    assert run.seconds < 4, f"the program took {run.seconds:.2f} s"


@pytest.mark.backs("subprocess/index.md", "missing-program")
def test_a_missing_program_starts_no_process(tmp_path):
    run = run_example(load(MISSING), None, trace_dir=tmp_path)
    assert run.returncode == 0, run.raw
    assert run.printed(r"^run\(\) raised FileNotFoundError$"), run.raw
    assert run.children() == [], run.children()


# --- which encoding text=True uses ------------------------------------------------------------

GBK = "\u8fdb\u7a0b".encode("gbk")  # "进程" as native tools on Chinese Windows write it
GBK_CHILD = [
    sys.executable,
    "-c",
    "import sys; sys.stdout.buffer.write('\\u8fdb\\u7a0b'.encode('gbk'))",
]


def outcome(decode) -> str:
    """What a decoding gives: the text (as ASCII), or the codec that failed."""
    try:
        return ascii(decode())
    except UnicodeDecodeError as error:
        return f"UnicodeDecodeError ({error.encoding})"


def probe(code: str, env: dict[str, str]) -> list[str]:
    """The lines a fresh interpreter prints when it runs ``code`` with ``env``."""
    run = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=30
    )
    assert run.returncode == 0, run.stderr
    return run.stdout.splitlines()


def environment(**changes: str) -> dict[str, str]:
    """This environment without PYTHONUTF8 (so that the default shows), with ``changes``."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUTF8"}
    env.update(changes)
    return env


@pytest.mark.backs("subprocess/index.md", "text-encoding")
def test_text_true_decodes_as_utf8_in_utf8_mode_and_with_the_locale_encoding_otherwise():
    """On this interpreter: GBK output read with text=True fails or succeeds exactly as decoding
    it with UTF-8 (UTF-8 mode on) or with locale.getencoding() (off) does."""
    expected = "utf-8" if sys.flags.utf8_mode else locale.getencoding()
    got = outcome(lambda: subprocess.run(GBK_CHILD, stdout=subprocess.PIPE, text=True).stdout)
    assert got == outcome(lambda: GBK.decode(expected)), f"text=True is not {expected}"


@pytest.mark.backs("subprocess/index.md", "text-encoding")
@pytest.mark.parametrize(
    "setting", [None, "0", "1"], ids=["default", "PYTHONUTF8=0", "PYTHONUTF8=1"]
)
def test_utf8_mode_is_on_by_default_from_python_3_15(setting):
    """UTF-8 mode by default: on from 3.15 (PEP 686); before, only under a C or POSIX locale.
    PYTHONUTF8 decides on every version."""
    changes = {"PYTHONCOERCECLOCALE": "0"}  # a C locale stays C, as the interpreter saw it
    if setting is not None:
        changes["PYTHONUTF8"] = setting
    code = "import locale, sys; print(sys.flags.utf8_mode); "
    code += "print(locale.setlocale(locale.LC_CTYPE))"
    mode, ctype = probe(code, environment(**changes))
    if setting is not None:
        expected = setting
    elif sys.version_info >= (3, 15):
        expected = "1"
    else:
        expected = "1" if ctype in ("C", "POSIX") else "0"
    assert mode == expected, f"Python {sys.version.split()[0]}, LC_CTYPE {ctype!r}"


LOCALE_PROBE = f"""
import locale, subprocess
child = {GBK_CHILD!r}
def outcome(**how):
    try:
        return ascii(subprocess.run(child, stdout=subprocess.PIPE, **how).stdout)
    except UnicodeDecodeError as error:
        return f"UnicodeDecodeError ({{error.encoding}})"
print(locale.getencoding())
print(outcome(text=True))
print(outcome(encoding="locale"))
"""


@pytest.mark.backs("subprocess/index.md", "text-encoding")
def test_encoding_locale_keeps_the_locale_encoding_in_utf8_mode():
    """In UTF-8 mode, text=True decodes as UTF-8 while encoding="locale" still decodes with the
    locale encoding. On POSIX the probe runs under the C locale, whose encoding is ASCII."""
    changes = {"PYTHONUTF8": "1"}
    if os.name != "nt":
        changes.update(LC_ALL="C", PYTHONCOERCECLOCALE="0")
    encoding, text_true, locale_ = probe(LOCALE_PROBE, environment(**changes))
    if encoding.lower().replace("-", "") == "utf8":
        pytest.skip(f"the locale encoding here is {encoding}: both decodings are UTF-8")
    assert text_true == outcome(lambda: GBK.decode("utf-8")), text_true
    assert locale_ == outcome(lambda: GBK.decode(encoding)), (encoding, locale_)


READER_THREAD_PROBE = f"""
import subprocess
child = {GBK_CHILD!r}
result = subprocess.run(child, capture_output=True, encoding="utf-8")
print(result.stdout)
"""


@pytest.mark.backs("subprocess/index.md", "text-encoding")
@pytest.mark.skipif(sys.platform != "win32", reason="only Windows reads pipes in threads")
def test_on_windows_two_pipes_turn_the_decoding_error_into_stdout_none():
    run = subprocess.run(
        [sys.executable, "-c", READER_THREAD_PROBE], capture_output=True, text=True, timeout=30
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "None", run.stdout
    assert "_readerthread" in run.stderr and "UnicodeDecodeError" in run.stderr, run.stderr
