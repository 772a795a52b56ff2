"""The rules that tie pages to examples, and the Chinese pages to the English ones. The pages are
read by ``site_model``, the reader the build hooks use."""

from __future__ import annotations

import re

import pytest
from site_model import (
    DOCS,
    LANGS,
    ROOT,
    example_paths,
    imported_by_notebooks,
    notebook_code_cells,
    page_paths,
    parse_markdown,
    read_page,
)

ALL_PAGES = [(lang, page) for lang in LANGS for page in page_paths(lang)]


def test_every_page_has_its_twin():
    zh, en = set(page_paths("zh")), set(page_paths("en"))
    assert zh - en == set(), f"Chinese pages without an English twin: {sorted(map(str, zh - en))}"
    assert en - zh == set(), f"English pages without a Chinese twin: {sorted(map(str, en - zh))}"


@pytest.mark.parametrize(("lang", "page"), ALL_PAGES, ids=[f"{lang}/{p}" for lang, p in ALL_PAGES])
def test_python_blocks_are_titled_includes(lang, page):
    """No page carries Python code of its own: every Python block is one include of a whole file
    in examples/, titled with that file's path (the build puts the recorded output under it)."""
    for fence in read_page(lang, page).fences:
        where = f"docs/{lang}/{page}:{fence.line + 1}"
        target = fence.include
        if not fence.is_python:
            assert target is None or not target.startswith("examples/"), (
                f"{where}: an include of examples/ in a block that is not Python"
            )
            continue
        assert target is not None, f"{where}: a Python block must be one include of an example"
        assert target.startswith("examples/") and (ROOT / target).is_file(), (
            f"{where}: {target} is not a file in examples/"
        )
        assert fence.title == target, f"{where}: the block's title must be {target!r}"


@pytest.mark.parametrize("page", page_paths("zh"), ids=str)
def test_twins_show_the_same_code_and_anchors(page):
    zh, en = read_page("zh", page), read_page("en", page)
    assert zh.includes() == en.includes(), f"{page}: the zh and en pages include different code"
    zh_ids, en_ids = zh.heading_ids(), en.heading_ids()
    assert None not in zh_ids, f"docs/zh/{page}: every heading needs an explicit {{ #id }}"
    assert None not in en_ids, f"docs/en/{page}: every heading needs an explicit {{ #id }}"
    assert zh_ids == en_ids, f"{page}: heading ids differ: zh {zh_ids} / en {en_ids}"


@pytest.mark.parametrize("page", [p for p in page_paths("zh") if p.suffix == ".ipynb"], ids=str)
def test_twin_notebooks_have_the_same_code_cells(page):
    zh = notebook_code_cells(DOCS / "zh" / page)
    assert zh == notebook_code_cells(DOCS / "en" / page), f"{page}: the code cells differ"


@pytest.mark.parametrize("lang", LANGS)
def test_every_example_is_shown(lang):
    """Every example is on a page (or imported by a notebook page) in each language."""
    shown = {t.split(":")[0] for page in page_paths(lang) for t in read_page(lang, page).includes()}
    shown |= imported_by_notebooks(lang)
    missing = [str(p) for p in example_paths() if str(p) not in shown]
    assert not missing, f"examples no {lang} page shows: {missing}"


# --- the one reader of pages, on the cases that matter ---------------------------------------


def test_page_model_reads_fences_inside_containers_and_lists():
    text = "\n".join(
        [
            "# Title { #title }",
            "",
            '```python title="examples/a.py"',
            '--8<-- "examples/a.py"',
            "```",
            "",
            "1.  An annotation.",
            "",
            '!!! note "Note"',
            "",
            "    ````md",
            "    ```python",
            "    not a fence of its own",
            "    ```",
            "    ````",
            "",
            '=== "Tab"',
            "",
            '    ```py title="examples/b.py"',
            '    --8<-- "examples/b.py"',
            "    ```",
            "",
            "## Two { #two }",
        ]
    )
    page = parse_markdown(text)
    assert [(f.line, f.lang, f.include, f.indent) for f in page.fences] == [
        (2, "python", "examples/a.py", ""),
        (10, "md", None, "    "),
        (18, "py", "examples/b.py", "    "),
    ]
    assert page.fences[0].after_annotations == 7  # the annotation list belongs to the block
    assert page.fences[2].after_annotations == page.fences[2].end
    assert [(h.level, h.text, h.id) for h in page.headings] == [
        (1, "Title", "title"),
        (2, "Two", "two"),
    ]
    assert page.includes() == ["examples/a.py", "examples/b.py"]


def test_page_model_reads_notebook_heading_anchors():
    page = parse_markdown('## 结果 <a id="results"></a>\n\ntext\n')
    assert page.heading_ids() == ["results"]
    assert re.fullmatch(r"结果", page.headings[0].text)


# --- the prose teaches ------------------------------------------------------------------------

#: A Chinese chapter holds at most about this many characters of prose (code not counted); a
#: longer one splits. The glossary is a reference list, not a chapter.
CHAPTER_CHARACTERS = 6000
#: Words that narrate the tests, CI or the author's machine. The home page states the promise once
#: (and each output block's footer carries it); running text elsewhere teaches.
NARRATION = {
    "zh": ("测试", "持续集成", "CI", "这台机器", "写这一页"),
    "en": ("the tests", "test suite", "CI", "this machine", "when this page was written"),
}
HOME = "index.md"


def prose_lines(lang: str, page) -> list[tuple[int, str]]:
    """(line number, text) of a page's lines outside fenced blocks and include lines."""
    model = read_page(lang, page)
    inside = {i for fence in model.fences for i in range(fence.line, fence.end)}
    return [(i + 1, line) for i, line in enumerate(model.lines) if i not in inside]


@pytest.mark.parametrize("page", [p for p in page_paths("zh") if str(p) != "glossary/index.md"])
def test_chinese_chapters_are_short(page):
    characters = sum(len(line.strip()) for _, line in prose_lines("zh", page))
    assert characters <= CHAPTER_CHARACTERS * 1.05, (
        f"docs/zh/{page} holds {characters} characters of prose; a chapter holds at most about "
        f"{CHAPTER_CHARACTERS}: split it"
    )


@pytest.mark.parametrize(("lang", "page"), ALL_PAGES, ids=[f"{lang}/{p}" for lang, p in ALL_PAGES])
def test_prose_does_not_narrate_tests_or_machines(lang, page):
    if str(page) == HOME:
        pytest.skip("the home page states the site's promise")
    found = []
    for number, line in prose_lines(lang, page):
        text = re.sub(r"`[^`]*`|\]\([^)]*\)", " ", line)  # code and link targets are not prose
        for word in NARRATION[lang]:
            pattern = rf"\b{re.escape(word)}\b" if lang == "en" else re.escape(word)
            if re.search(pattern, text, re.IGNORECASE if lang == "en" and word != "CI" else 0):
                found.append(f"docs/{lang}/{page}:{number}: {word!r}: {line.strip()[:80]}")
    assert not found, "running text narrates the tests or a machine:\n" + "\n".join(found)
