"""The machinery that checks examples can fail: it rejects a transcript that a fresh run does not
match (naming the file and the line), normalises only the declared run-to-run values, catches a
hang by name, and records a transcript that it then accepts."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest
from example_runs import (
    Run,
    compare,
    compared_lines,
    render_terminal,
    run_example,
    transcript_first_line,
    updated_source,
)
from site_model import ExampleFile, Recording, compose_example, read_example

PATH = "examples/under_test.py"


def example(lines: list[str], directives: dict | None = None, exit_status: int = 0) -> ExampleFile:
    program = "print('x')\n"
    recording = Recording("Linux", "CPython 3.11.7", "spawn", exit_status, "00000000", lines)
    source = compose_example(program, directives or {}, recording, PurePosixPath(PATH))
    return ExampleFile(PurePosixPath(PATH), source, program, directives or {}, recording)


def run(ex: ExampleFile, screen: list[str], pids=(), threads=(), returncode: int = 0) -> Run:
    main = pids[0] if pids else 1
    records = [{"kind": "start", "pid": p, "ppid": main if p != main else 0} for p in pids]
    records += [{"kind": "thread", "name": "t", "ident": t, "native_id": None} for t in threads]
    raw = "\n".join(screen) + "\n"
    return Run(ex, "spawn", "terminal", returncode, raw, screen, records, main, 0.1)


def test_pids_may_be_renamed_one_to_one():
    ex = example(["parent 100", "child 200 of 100"])
    assert compare(ex, run(ex, ["parent 7", "child 9 of 7"], pids=(7, 9))) is None


def test_two_pids_may_not_collapse_into_one():
    ex = example(["parent 100", "child 200 of 100"])
    problem = compare(ex, run(ex, ["parent 7", "child 7 of 7"], pids=(7,)))
    assert problem is not None and "examples/under_test.py" in str(problem)


def test_one_pid_may_not_split_into_two():
    ex = example(["thread in 100", "main in 100"])
    assert compare(ex, run(ex, ["thread in 5", "main in 6"], pids=(5, 6))) is not None


def test_a_number_that_is_not_a_pid_must_be_equal():
    ex = example(["result 4950"])
    assert compare(ex, run(ex, ["result 4951"], pids=(7,))) is not None
    assert compare(ex, run(ex, ["result 4950"], pids=(7,))) is None


def test_thread_ids_are_renamed_like_pids():
    ex = example(["thread 140001", "thread 140002"])
    assert compare(ex, run(ex, ["thread 55", "thread 66"], pids=(7,), threads=(55, 66))) is None
    assert compare(ex, run(ex, ["thread 55", "thread 55"], pids=(7,), threads=(55,))) is not None


def test_durations_are_wildcards_but_the_text_is_not():
    ex = example(["took 0.52 s, speed-up 1.9x"])
    assert compare(ex, run(ex, ["took 1.07 s, speed-up 1.1x"])) is None
    assert compare(ex, run(ex, ["took 1.07 s, slow-down 1.1x"])) is not None


def test_order_is_compared_unless_it_varies():
    fixed = example(["a", "b"])
    problem = compare(fixed, run(fixed, ["b", "a"]))
    assert problem is not None
    first = transcript_first_line(fixed)
    assert str(problem).startswith(f"{PATH}:{first}: line 1 of the transcript differs")
    varies = example(["a", "b"], {"order": "varies"})
    assert compare(varies, run(varies, ["b", "a"])) is None
    assert compare(varies, run(varies, ["b", "a", "a"])) is not None


def test_missing_and_extra_lines_name_the_first_line_that_differs():
    ex = example(["a", "b", "c"])
    third = transcript_first_line(ex) + 2
    assert str(compare(ex, run(ex, ["a", "b"]))).startswith(f"{PATH}:{third}: ")
    assert "ended before this line" in str(compare(ex, run(ex, ["a", "b"])))
    assert "printed more than the transcript" in str(compare(ex, run(ex, ["a", "b", "c", "d"])))


def test_workers_may_swap_but_the_main_process_may_not():
    lines = ["main 100", "task 0 in 201", "task 1 in 202", "task 2 in 201"]
    ex = example(lines, {"order": "varies", "pids": "workers vary"})
    fresh = ["main 7", "task 0 in 8", "task 1 in 8", "task 2 in 9"]
    assert compare(ex, run(ex, fresh, pids=(7, 8, 9))) is None
    strict = example(lines, {"order": "varies"})
    assert compare(strict, run(strict, fresh, pids=(7, 8, 9))) is not None
    in_main = ["main 7", "task 0 in 7", "task 1 in 8", "task 2 in 9"]
    assert compare(ex, run(ex, in_main, pids=(7, 8, 9))) is not None


def test_the_exit_status_must_match():
    ex = example(["boom"], exit_status=1)
    assert "exited with status 0" in str(compare(ex, run(ex, ["boom"], returncode=0)))
    assert compare(ex, run(ex, ["boom"], returncode=1)) is None


def test_traceback_frames_are_not_compared_but_the_error_is():
    recorded = [
        "Traceback (most recent call last):",
        '  File ".../lib/python3.11/x.py", line 3, in f',
        "    g()",
        "ValueError: bad",
    ]
    fresh = [recorded[0], '  File "C:\\Python315\\Lib\\x.py", line 9, in f', "ValueError: bad"]
    assert [line for _, line in compared_lines(recorded)] == [recorded[0], "ValueError: bad"]
    ex = example(recorded, exit_status=1)
    assert compare(ex, run(ex, fresh, returncode=1)) is None
    assert compare(ex, run(ex, [*fresh[:2], "ValueError: worse"], returncode=1)) is not None


def test_the_terminal_replays_carriage_returns_and_cursor_moves():
    raw = "bar  10%\rbar 100%\nline\n\x1b[Aover\x1b[K\n\x1b[31mred\x1b[0m\n"
    assert render_terminal(raw) == ["bar 100%", "over", "red"]


def write(tmp_path: Path, source: str) -> ExampleFile:
    path = tmp_path / "example_under_test.py"
    path.write_text(source, encoding="utf-8")
    return read_example(path)


def test_a_hanging_example_fails_with_its_name(tmp_path):
    ex = write(tmp_path, "import time\n\ntime.sleep(60)\n")
    with pytest.raises(
        AssertionError, match=r"example_under_test\.py under spawn .* did not finish"
    ):
        run_example(ex, "spawn", trace_dir=tmp_path, timeout=1)


def test_update_records_a_transcript_that_the_check_then_accepts(tmp_path):
    source = (
        "import os\n\n\n"
        "def main():\n"
        "    print(f'main pid={os.getpid()}')\n"
        "    print('done')\n\n\n"
        "if __name__ == '__main__':\n"
        "    main()\n"
    )
    ex = write(tmp_path, source)
    first = run_example(ex, "spawn", trace_dir=tmp_path)
    updated = write(tmp_path, updated_source(ex, first))
    assert updated.recording is not None and not updated.stale
    assert updated.recording.lines[1] == "done"
    again = run_example(updated, "spawn", trace_dir=tmp_path)
    assert compare(updated, again) is None
    # Unchanged output keeps the transcript as it is, PIDs included.
    assert updated_source(updated, again) == updated.source


def test_a_stray_comment_after_the_program_is_an_error(tmp_path):
    from site_model import ExampleFormatError

    with pytest.raises(ExampleFormatError, match=r"example_under_test\.py:3: after the program"):
        write(tmp_path, "x = 1\n\n# a note\n")
