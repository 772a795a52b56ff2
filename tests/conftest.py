"""Test-session setup: the stages, the site built once per ``make test``, the recording of
transcripts (``pytest --update-examples``), and the check that every trace test names a real
section of the site. Shared test code lives in ``example_runs.py``, never here.

Stages are pytest markers: plain ``pytest`` runs the main suite (``-m "not browser and not
other_pythons"`` in pyproject.toml), ``pytest -m browser`` the browser tests and ``pytest -m
other_pythons`` every example with each other CPython found on the machine.
"""

from __future__ import annotations

import fnmatch
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from example_runs import (
    ROOT,
    all_examples,
    format_program,
    load,
    recording_method,
    run_example,
    syntax_error,
    updated_recording,
)
from site_model import LANGS, built_from, page_paths, read_page, sources_hash
from site_model import compose_example as compose


def pytest_addoption(parser):
    parser.addoption(
        "--update-only",
        metavar="GLOB",
        help="with --update-examples: record only the examples whose path matches GLOB",
    )


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "other_pythons: runs an example with another CPython (pytest -m other_pythons)"
    )
    config.addinivalue_line("markers", "browser: drives the built site in Chromium (-m browser)")
    config.addinivalue_line(
        "markers",
        "backs(page, anchor): the test proves what that section of the page claims "
        "(page as in docs/<lang>/, e.g. 'pool/index.md', and a heading id)",
    )


def pytest_sessionstart(session: pytest.Session) -> None:
    config = session.config
    if hasattr(config, "workerinput"):
        return  # the controller does this once, before the workers start
    if config.getoption("update_examples"):
        update_examples(config)


# --- make update-examples ----------------------------------------------------------------------


def update_examples(config: pytest.Config) -> None:
    """Format every example's program and record its transcript from a real run, keeping a
    transcript that a fresh run still matches (so that PIDs do not churn)."""
    only = config.getoption("update_only")
    paths = [p for p in all_examples() if not only or fnmatch.fnmatch(str(p), only)]

    originals = {path: (ROOT / path).read_text(encoding="utf-8") for path in paths}
    for path in paths:  # formatting first, one at a time (ruff's lookup is not thread-safe)
        example = load(path)
        if syntax_error(example) is None:
            program = format_program(example)
            if program != example.program:
                source = compose(program, example.directives, example.recording, example.path)
                (ROOT / path).write_text(source, encoding="utf-8")

    def record(path) -> str | None:
        example = load(path)
        run = run_example(example, recording_method(example))
        new, timeline = updated_recording(example, run)
        if new != example.source:
            (ROOT / path).write_text(new, encoding="utf-8")
        old_timeline = example.timeline
        if timeline is None:
            example.timeline_file.unlink(missing_ok=True)
        elif timeline != old_timeline:
            text = json.dumps(timeline, ensure_ascii=False, indent=1) + "\n"
            example.timeline_file.write_text(text, encoding="utf-8")
        changed = new != originals[path] or timeline != old_timeline
        return f"updated {path}" if changed else None

    # Two at a time: the examples that measure time need a core each.
    with ThreadPoolExecutor(2) as pool:
        for message in pool.map(record, paths):
            if message:
                print(message, file=sys.stderr)


# --- the built site, shared by every worker and every stage ------------------------------------

#: A build that executes notebooks starts Jupyter kernels: give it room on a busy machine.
BUILD_TIMEOUT = 150
#: Where the tests build the site; a build stays for the next stage while its sources are the same.
TEST_SITE = ROOT / ".pytest_cache" / "site"


def mkdocs_build(config: str, site_dir: Path) -> subprocess.Popen:
    """``mkdocs build --strict`` from the repository root, as ``make build`` runs it."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config]
    command += ["--site-dir", str(site_dir)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONIOENCODING": "utf-8"}
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
    )


def build_both_languages(site: Path) -> tuple[int, str]:
    """Both languages at once, as ``make build``: the Chinese site into ``site``, the English one
    into a folder of its own and then into ``site/en`` (the Chinese build cleans its folder).
    Returns the exit status of the first failing build (0 if none) and the log."""
    english = site.with_name(site.name + "-en")
    shutil.rmtree(english, ignore_errors=True)
    builds = {"mkdocs.yml": mkdocs_build("mkdocs.yml", site)}
    builds["mkdocs.en.yml"] = mkdocs_build("mkdocs.en.yml", english)
    log, failed = [], 0
    for config, build in builds.items():
        try:
            output, _ = build.communicate(timeout=BUILD_TIMEOUT)
        except subprocess.TimeoutExpired:
            build.kill()
            output, _ = build.communicate()
            output += f"\nno result after {BUILD_TIMEOUT} s"
            build.returncode = build.returncode or 1
        log.append(f"$ mkdocs build --strict -f {config}\n{output}")
        if build.returncode != 0 and not failed:
            failed = build.returncode
    if failed:
        return failed, "the strict build failed:\n" + "\n".join(log)
    shutil.rmtree(site / "en", ignore_errors=True)
    shutil.move(english, site / "en")
    return 0, "\n".join(log)


@pytest.fixture(scope="session")
def built_site(request) -> Path:
    """The real site, both languages, built once for its sources, however many xdist workers
    and stages ask for it: ``make build``'s site/ if it was built from these very sources (as
    ``make test`` does before its stages), or a build of the same sources an earlier stage made.

    The first worker to create this run's lock file (an exclusive create, which every platform
    has) builds the site and then writes the outcome; the others wait for it. A failed build
    fails every test that uses the site, with the build's output."""
    key = sources_hash()
    if built_from(ROOT / "site") == key:
        return ROOT / "site"  # make build's site, of these very sources (make test builds first)
    site = TEST_SITE / key
    outcome = TEST_SITE / f"{key}.json"
    if not outcome.exists():
        TEST_SITE.mkdir(parents=True, exist_ok=True)
        workerinput = getattr(request.config, "workerinput", {})
        run = workerinput.get("testrunuid") or str(os.getpid())
        lock = TEST_SITE / f"{key}-{run}.lock"
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            deadline = time.monotonic() + 2 * BUILD_TIMEOUT + 30
            while not outcome.exists():
                if time.monotonic() > deadline:
                    pytest.fail(f"another worker's site build left no outcome in {outcome}")
                time.sleep(0.2)
        else:
            os.close(fd)
            for old in TEST_SITE.iterdir():  # earlier builds, of other sources
                if not old.name.startswith(key):
                    shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink()
            returncode, log = build_both_languages(site)
            partial = outcome.with_suffix(".part")
            partial.write_text(json.dumps({"returncode": returncode, "log": log}), "utf-8")
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


# --- trace tests name the section they back ----------------------------------------------------


def pytest_runtest_setup(item: pytest.Item) -> None:
    for marker in item.iter_markers("backs"):
        page, anchor = marker.args
        for lang in LANGS:
            if page not in {str(p) for p in page_paths(lang)}:
                pytest.fail(f"{item.nodeid} backs docs/{lang}/{page}, which does not exist")
            if anchor not in read_page(lang, page).heading_ids():
                pytest.fail(f"{item.nodeid} backs docs/{lang}/{page}#{anchor}: no such heading")


def pytest_collection_modifyitems(config, items):
    # Longest first, so that the workers finish together: the site build (one test, tens of
    # seconds), then the real runs of the examples, then the rest.
    # The other tests of the built site go last, when the build is done, so that no worker
    # waits for it.
    def cost(item):
        if item.name == "test_built_site":
            return 0
        if "built_site" in getattr(item, "fixturenames", ()):
            return 3
        return 1 if "real_run" in item.name else 2

    items.sort(key=cost)
