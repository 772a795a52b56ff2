"""The example-checking machinery can fail: it rejects wrong output, catches a hang by name, and
writes #> lines that it then accepts."""

from __future__ import annotations

from pathlib import Path

import pytest
from example_runs import Example, match_output, rewrite_promises, run_example


def lines(*texts, site=1):
    return [(site, t) for t in texts]


def test_pids_may_be_renamed_one_to_one():
    promised = lines("parent pid=100", "child pid=200 parent_pid=100")
    assert match_output(promised, lines("parent pid=7", "child pid=9 parent_pid=7")) is None


def test_two_pids_may_not_collapse_into_one():
    promised = lines("parent pid=100", "child pid=200 parent_pid=100")
    problem = match_output(promised, lines("parent pid=7", "child pid=7 parent_pid=7"))
    assert problem is not None and "renaming" in problem


def test_one_pid_may_not_split_into_two():
    promised = lines("thread pid=100", "main pid=100")
    assert match_output(promised, lines("thread pid=5", "main pid=6")) is not None


def test_durations_are_wildcards_but_the_text_is_not():
    promised = lines("took 0.52 s, speed-up 1.9x")
    assert match_output(promised, lines("took 1.07 s, speed-up 1.1x")) is None
    assert match_output(promised, lines("took 1.07 s, slow-down 1.1x")) is not None


def test_missing_extra_and_misplaced_lines_are_reported():
    promised = lines("a", "b")
    assert "promised 1 x, printed 0 x" in match_output(promised, lines("a"))
    assert "promised 0 x, printed 1 x" in match_output(promised, lines("a", "b", "c"))
    assert match_output(promised, lines("a") + lines("b", site=2)) is not None
    assert match_output(promised, lines("a"), subset=True) is None


def write(tmp_path: Path, source: str) -> Example:
    path = tmp_path / "example_under_test.py"
    path.write_text(source, encoding="utf-8")
    return Example.load(path)


def test_a_hanging_example_fails_with_its_name(tmp_path):
    example = write(tmp_path, "import time\n\ntime.sleep(60)\n")
    with pytest.raises(AssertionError, match=r"example_under_test\.py under spawn did not finish"):
        run_example(example, "spawn", trace_dir=tmp_path, timeout=1)


def test_update_writes_lines_that_the_check_then_accepts(tmp_path):
    source = (
        "import os\n\n\n"
        "def main():\n"
        "    print(f'main pid={os.getpid()}')\n"
        "    #> stale\n"
        "    print('done')\n\n\n"
        "if __name__ == '__main__':\n"
        "    main()\n"
    )
    example = write(tmp_path, source)
    run = run_example(example, "spawn", trace_dir=tmp_path)
    promised = example.promised_lines()
    assert match_output(promised, run.printed_lines()) is not None

    updated = write(tmp_path, rewrite_promises(example, run))
    assert "    #> stale" not in updated.source and "    #> done\n" in updated.source
    rerun = run_example(updated, "spawn", trace_dir=tmp_path)
    promised = updated.promised_lines()
    assert match_output(promised, rerun.printed_lines()) is None


def test_a_stray_output_line_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="not under a print"):
        write(tmp_path, "x = 1\n#> 1\n")
