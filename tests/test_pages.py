"""The rules that tie pages to examples, and the Chinese pages to the English ones."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from example_runs import ROOT, example_files

DOCS = ROOT / "docs"
LANGS = ("zh", "en")
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>```+|~~~+)\s*(?P<info>.*)$")
INCLUDE = re.compile(r"""^[ \t]*--8<--[ \t]+["'](?P<target>[^"']+)["'][ \t]*$""")
HEADING = re.compile(r"^(#{1,6})[ \t]+(?P<text>.+?)[ \t]*$")
# Markdown pages: `## Title { #id }` (attr_list). Notebook Markdown is not rendered by
# Python-Markdown, so notebook headings carry an HTML anchor: `## Title <a id="id"></a>`.
HEADING_ID = re.compile(r"\{[^}]*#(?P<id>[\w-]+)[^}]*\}$|<a id=\"(?P<anchor>[\w-]+)\"></a>$")


def pages(lang: str) -> list[Path]:
    root = DOCS / lang
    return sorted(p.relative_to(root) for p in root.rglob("*") if p.suffix in (".md", ".ipynb"))


def markdown_of(path: Path) -> str:
    """A page's Markdown; for a notebook, its Markdown cells."""
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return path.read_text(encoding="utf-8")


def code_blocks(text: str):
    """(line number, info string, body lines) of each fenced block."""
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        closing = re.compile(rf"^{re.escape(m['indent'])}{m['fence'][0]}{{{len(m['fence'])},}}\s*$")
        j = i + 1
        while j < len(lines) and not closing.match(lines[j]):
            j += 1
        yield i + 1, m["info"], lines[i + 1 : j]
        i = j + 1


def includes(text: str) -> list[str]:
    return [
        INCLUDE.match(line)["target"]
        for _, _, body in code_blocks(text)
        for line in body
        if INCLUDE.match(line)
    ]


def heading_ids(text: str) -> list[str | None]:
    in_block = False
    ids = []
    for line in text.splitlines():
        if FENCE.match(line):
            in_block = not in_block
        elif not in_block and (m := HEADING.match(line)):
            found = HEADING_ID.search(m["text"])
            ids.append((found["id"] or found["anchor"]) if found else None)
    return ids


ALL_PAGES = [(lang, page) for lang in LANGS for page in pages(lang)]


def test_every_page_has_its_twin():
    zh, en = set(pages("zh")), set(pages("en"))
    assert zh - en == set(), f"Chinese pages without an English twin: {sorted(map(str, zh - en))}"
    assert en - zh == set(), f"English pages without a Chinese twin: {sorted(map(str, en - zh))}"


@pytest.mark.parametrize(("lang", "page"), ALL_PAGES, ids=[f"{lang}/{p}" for lang, p in ALL_PAGES])
def test_python_blocks_are_titled_includes(lang, page):
    """No page carries Python code of its own: every Python block is one include of a file in
    examples/, titled with that file's path."""
    text = markdown_of(DOCS / lang / page)
    for line, info, body in code_blocks(text):
        lang_name = info.split()[0].lstrip("{.").lower() if info.strip() else ""
        if lang_name not in ("py", "python", "python3", "pycon"):
            assert not any(INCLUDE.match(b) for b in body), (
                f"docs/{lang}/{page}:{line}: an include of examples/ in a block that is not Python"
            )
            continue
        where = f"docs/{lang}/{page}:{line}"
        content = [b for b in body if b.strip()]
        assert len(content) == 1 and INCLUDE.match(content[0]), (
            f"{where}: a Python block must be exactly one include of a file in examples/"
        )
        target = INCLUDE.match(content[0])["target"]
        path = target.split(":")[0]
        assert path.startswith("examples/") and (ROOT / path).is_file(), (
            f"{where}: {path} is not a file in examples/"
        )
        title = re.search(r'title="([^"]*)"', info)
        assert title and title[1] == path, f"{where}: the block's title must be {path!r}"


@pytest.mark.parametrize("page", pages("zh"), ids=str)
def test_twins_show_the_same_code_and_anchors(page):
    zh, en = markdown_of(DOCS / "zh" / page), markdown_of(DOCS / "en" / page)
    assert includes(zh) == includes(en), f"{page}: the zh and en pages include different code"
    zh_ids, en_ids = heading_ids(zh), heading_ids(en)
    assert None not in zh_ids, f"docs/zh/{page}: every heading needs an explicit {{ #id }}"
    assert None not in en_ids, f"docs/en/{page}: every heading needs an explicit {{ #id }}"
    assert zh_ids == en_ids, f"{page}: heading ids differ: zh {zh_ids} / en {en_ids}"


@pytest.mark.parametrize("page", [p for p in pages("zh") if p.suffix == ".ipynb"], ids=str)
def test_twin_notebooks_have_the_same_code_cells(page):
    def code(lang):
        cells = json.loads((DOCS / lang / page).read_text(encoding="utf-8"))["cells"]
        return ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]

    assert code("zh") == code("en"), f"{page}: the zh and en notebooks' code cells differ"


@pytest.mark.parametrize("lang", LANGS)
def test_every_example_is_shown(lang):
    """Every example is on a page (or imported by a notebook page) in each language."""
    shown = set()
    for page in pages(lang):
        path = DOCS / lang / page
        shown.update(t.split(":")[0] for t in includes(markdown_of(path)))
        if path.suffix == ".ipynb":
            for module in re.findall(r"\bexamples(?:\.\w+)+", path.read_text(encoding="utf-8")):
                shown.add(module.replace(".", "/") + ".py")
    missing = [str(p) for p in example_files() if str(p) not in shown]
    assert not missing, f"examples no {lang} page shows: {missing}"
