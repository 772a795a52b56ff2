"""The glossary (docs/glossary.yml and the two glossary pages) and the terms the pages use.

docs/glossary.yml lists every term with its id, its Chinese and English form, the chapter that
explains it, and the synonyms the pages should not use. The tests check that:

- the file is consistent (unique ids, no synonym that is itself a term);
- each glossary page has an entry for every term, with its id, both forms, a link to the chapter,
  and, on its "other names" line, the synonyms to avoid;
- every chapter the glossary points to has the heading anchor it names;
- no page under docs/zh or docs/en, including pages added later, uses a synonym the glossary
  marks for its language. What is not prose is left out before searching: fenced code blocks,
  inline code, HTML tags, link targets, the text of links to other sites (it names that page,
  often in the official docs' own words), blockquotes, text in quotation marks (“…”, "…") and, on
  the glossary pages, the "other names" lines. Synonyms are matched in any letter case: a Chinese
  one as a substring, an English one as a whole word (plural included); either is ignored where it
  lies inside a term or one of its short forms (such a synonym is part of the term there).

A failure lists every occurrence as ``docs/<lang>/<page>:<line>: uses '<synonym>' — the
glossary's term is '<term>'``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from site_model import DOCS, LANGS, glossary, page_paths, parse_markdown

GLOSSARY_PAGE = Path("glossary/index.md")
OTHER = {"zh": "en", "en": "zh"}
#: The line of a glossary entry that names the synonyms to avoid.
OTHER_NAMES = {"zh": "其他写法（本站不用）：", "en": "Other names (not used on this site):"}

ADMONITION_TITLE = re.compile(
    r'^(?P<head>[ \t]*(?:!!!|\?\?\?\+?)[ \t]+[\w-]+[ \t]+)"(?P<title>.*)"'
)
BLOCKQUOTE = re.compile(r"^[ \t]*>")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
ATTR_LIST = re.compile(r"\{\s*[:#.][^}]*\}")
EXTERNAL_LINK = re.compile(r"!?\[[^\]]*\]\((?:https?:|mailto:)[^)]*\)")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
AUTOLINK = re.compile(r"<(?:https?|mailto):[^>]*>")
QUOTED = re.compile(r"“[^”]*”|「[^」]*」|\"[^\"]*\"")
LINK = re.compile(r"\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")


# ---------------------------------------------------------------------------
# The glossary file
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    id: str
    section: str
    names: dict[str, str]  # lang -> the term as the pages write it
    forms: dict[str, tuple[str, ...]]  # lang -> the term and its short forms
    see: str
    avoid: dict[str, tuple[str, ...]]  # lang -> synonyms not to use


@cache
def terms() -> tuple[Term, ...]:
    found = []
    for entry in glossary()["terms"]:
        also, avoid = entry.get("also") or {}, entry.get("avoid") or {}
        found.append(
            Term(
                id=entry["id"],
                section=entry["section"],
                names={lang: entry[lang] for lang in LANGS},
                forms={lang: (entry[lang], *also.get(lang, ())) for lang in LANGS},
                see=entry["see"],
                avoid={lang: tuple(avoid.get(lang, ())) for lang in LANGS},
            )
        )
    return tuple(found)


def test_glossary_file_is_consistent():
    sections = [s["id"] for s in glossary()["sections"]]
    ids = [t.id for t in terms()]
    assert len(set(ids)) == len(ids), (
        f"duplicate term ids: {sorted(i for i in ids if ids.count(i) > 1)}"
    )
    assert len(set(sections)) == len(sections), "duplicate section ids"
    assert not set(ids) & set(sections), "a term and a section share an id"
    for term in terms():
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", term.id), f"{term.id}: not a plain id"
        assert term.section in sections, f"{term.id}: unknown section {term.section!r}"
        assert re.fullmatch(r"[\w./-]+\.md#[\w-]+", term.see), f"{term.id}: see must be page#anchor"
    for lang in LANGS:
        every_form = {form.casefold(): t.id for t in terms() for form in t.forms[lang]}
        for term in terms():
            for synonym in term.avoid[lang]:
                assert synonym.casefold() not in every_form, (
                    f"{term.id}: {lang} synonym {synonym!r} is the glossary's own term "
                    f"for {every_form[synonym.casefold()]!r}"
                )


# ---------------------------------------------------------------------------
# Reading pages: headings, anchors, and the prose left once code and quotations are out
# ---------------------------------------------------------------------------


def pages(lang: str) -> list[Path]:
    return [Path(p) for p in page_paths(lang)]


def markdown_lines(path: Path) -> list[tuple[int, str]]:
    """(line number in the file, text) of each Markdown line of a page; for a notebook, of its
    Markdown cells, numbered by the line of the .ipynb file that holds them."""
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".ipynb":
        return list(enumerate(text.splitlines(), start=1))
    raw = [line.strip() for line in text.splitlines()]
    found, cursor = [], 0
    for cell in json.loads(text)["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        source = cell["source"]
        for line in source if isinstance(source, list) else source.splitlines(keepends=True):
            spellings = {json.dumps(line, ensure_ascii=flag) for flag in (False, True)}
            spellings |= {s + "," for s in spellings}
            number = next((n for n in range(cursor, len(raw)) if raw[n] in spellings), None)
            if number is not None:
                cursor = number + 1
            found.append((cursor, line.rstrip("\n")))
        found.append((cursor, ""))  # cells are separate blocks
    return found


def page_model(lines: list[tuple[int, str]]):
    """The page read by site_model, the reader the build uses; its line indices are indices
    into ``lines``."""
    return parse_markdown("\n".join(line for _, line in lines))


def outside_fences(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    inside = {i for fence in page_model(lines).fences for i in range(fence.line, fence.end)}
    return [item for index, item in enumerate(lines) if index not in inside]


def prose(line: str) -> str:
    """The words of one Markdown line that the synonym check reads."""
    if BLOCKQUOTE.match(line):
        return ""
    if m := ADMONITION_TITLE.match(line):
        line = m["head"] + m["title"]
    line = CODE_SPAN.sub(" ", line)
    line = AUTOLINK.sub(" ", line)
    line = EXTERNAL_LINK.sub(" ", line)
    line = LINK_TARGET.sub("] ", line)
    line = HTML_TAG.sub(" ", line)
    line = ATTR_LIST.sub(" ", line)
    return QUOTED.sub(" ", line)


def headings(lines: list[tuple[int, str]]) -> list[tuple[int, int, str, str | None]]:
    """(index in lines, level, text without its id, id) of each heading outside code blocks."""
    return [(h.line, h.level, h.text, h.id) for h in page_model(lines).headings]


def heading_ids(lang: str, page: Path) -> set[str]:
    return {h[3] for h in headings(markdown_lines(DOCS / lang / page)) if h[3]}


# ---------------------------------------------------------------------------
# Finding synonyms
# ---------------------------------------------------------------------------


@cache
def patterns(lang: str) -> tuple[tuple[tuple[Term, str, re.Pattern], ...], tuple[re.Pattern, ...]]:
    """Each synonym of ``lang`` with its pattern, and a pattern for each form of every term."""

    def compile_word(word: str) -> re.Pattern:
        if lang == "zh":
            return re.compile(re.escape(word), re.IGNORECASE)
        body = r"\s+".join(re.escape(part) for part in word.split())
        return re.compile(rf"(?<![\w-]){body}(?:s|es)?(?![\w-])", re.IGNORECASE)

    synonyms = tuple((t, s, compile_word(s)) for t in terms() for s in t.avoid[lang])
    forms = {f for t in terms() for f in t.forms[lang]}
    return synonyms, tuple(re.compile(re.escape(f), re.IGNORECASE) for f in sorted(forms))


def stray_synonyms(lang: str, lines: list[tuple[int, str]], *, glossary_page: bool = False):
    """(line number, synonym, term) of every synonym of ``lang`` used in ``lines``."""
    synonyms, forms = patterns(lang)
    found = []
    for number, line in outside_fences(lines):
        if glossary_page and line.lstrip().startswith(OTHER_NAMES[lang]):
            continue
        text = prose(line)
        taken = [m.span() for form in forms for m in form.finditer(text)]
        for term, synonym, pattern in synonyms:
            for m in pattern.finditer(text):
                start, end = m.span()
                if not any(s <= start and end <= e for s, e in taken):
                    found.append((number, synonym, term.names[lang]))
    return found


ALL_PAGES = [(lang, page) for lang in LANGS for page in pages(lang)]


@pytest.mark.parametrize(("lang", "page"), ALL_PAGES, ids=[f"{lang}/{p}" for lang, p in ALL_PAGES])
def test_pages_use_the_glossary_terms(lang, page):
    lines = markdown_lines(DOCS / lang / page)
    found = stray_synonyms(lang, lines, glossary_page=page == GLOSSARY_PAGE)
    report = [
        f"docs/{lang}/{page}:{number}: uses '{synonym}' — the glossary's term is '{term}'"
        for number, synonym, term in found
    ]
    assert not report, "\n".join(report)


# ---------------------------------------------------------------------------
# The glossary pages
# ---------------------------------------------------------------------------


def entries(lang: str) -> dict[str, tuple[str, list[str]]]:
    """id -> (heading text, lines up to the next heading) of each heading on a glossary page."""
    lines = markdown_lines(DOCS / lang / GLOSSARY_PAGE)
    found = headings(lines)
    result = {}
    for position, (index, _, text, anchor) in enumerate(found):
        end = found[position + 1][0] if position + 1 < len(found) else len(lines)
        result[anchor] = (text, [line for _, line in lines[index + 1 : end]])
    return result


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_page_has_every_term(lang):
    assert (DOCS / lang / GLOSSARY_PAGE).is_file(), f"docs/{lang}/{GLOSSARY_PAGE} is missing"
    found = entries(lang)
    where = f"docs/{lang}/{GLOSSARY_PAGE}"
    problems = []
    for section in glossary()["sections"]:
        if section["id"] not in found:
            problems.append(f"{where}: no heading {{ #{section['id']} }} for {section[lang]!r}")
    for term in terms():
        if term.id not in found:
            problems.append(f"{where}: no entry {{ #{term.id} }} for {term.names[lang]!r}")
            continue
        heading, body = found[term.id]
        text = "\n".join(body)
        if heading.casefold() != term.names[lang].casefold():
            problems.append(
                f"{where}: entry {term.id} is headed {heading!r}, not {term.names[lang]!r}"
            )
        if term.names[OTHER[lang]] not in text:
            problems.append(f"{where}: entry {term.id} does not give {term.names[OTHER[lang]]!r}")
        targets = {m["target"] for m in LINK.finditer(text)}
        if f"../{term.see}" not in targets:
            problems.append(f"{where}: entry {term.id} does not link to ../{term.see}")
        other_names = [line for line in body if line.lstrip().startswith(OTHER_NAMES[lang])]
        for synonym in term.avoid[lang]:
            if not any(synonym in line for line in other_names):
                problems.append(
                    f"{where}: entry {term.id} does not list {synonym!r} "
                    f"on its {OTHER_NAMES[lang]!r} line"
                )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_links_reach_real_headings(lang):
    """Every chapter the glossary points to exists and has the heading anchor it names."""
    missing = []
    for term in terms():
        page, _, anchor = term.see.partition("#")
        if not (DOCS / lang / page).is_file():
            missing.append(f"{term.id}: docs/{lang}/{page} does not exist")
        elif anchor not in heading_ids(lang, Path(page)):
            missing.append(f"{term.id}: docs/{lang}/{page} has no heading {{ #{anchor} }}")
    assert not missing, "\n".join(missing)


# ---------------------------------------------------------------------------
# The check itself, on small inputs
# ---------------------------------------------------------------------------


def numbered(text: str) -> list[tuple[int, str]]:
    return list(enumerate(text.splitlines(), start=1))


def test_check_finds_synonyms_in_prose():
    zh = "子进程的进程号和父进程不同。\n几个线程抢着改同一个值，就是竞争条件。"
    assert stray_synonyms("zh", numbered(zh)) == [
        (1, "进程号", "进程 ID（PID）"),
        (2, "竞争条件", "竞态条件"),
    ]
    en = '!!! note "Process IDs"\n\nA Daemonic thread is stopped.\n'
    assert stray_synonyms("en", numbered(en)) == [
        (1, "process ID", "PID"),
        (3, "daemonic thread", "daemon thread"),
    ]


def test_check_leaves_out_what_is_not_prose():
    zh = "\n".join(
        [
            "`进程号` 在代码里。",
            "```text",
            "进程号: 1234",
            "```",
            "> 笔记：进程号",
            "官方文档的[启动方法](https://docs.python.org/zh-cn/3/library/multiprocessing.html)一节。",
            "笔记说：“进程号是……”",
            "`RLock` 是递归锁。",
            "[入口保护](../main-guard/index.md#start-methods)",
        ]
    )
    assert stray_synonyms("zh", numbered(zh)) == []
    en = "\n".join(
        [
            'The docs say "make them non-daemonic" and call them non-daemonic threads.',
            "Its exit code, not `returncode`, is 0; see [return code](https://example.org/).",
            "A re-entrant lock (`threading_rlock_reentrant.py`).",
        ]
    )
    assert stray_synonyms("en", numbered(en)) == []


def test_notebook_lines_are_numbered_as_in_the_file(tmp_path):
    notebook = {
        "cells": [
            {"cell_type": "code", "metadata": {}, "source": ["print('进程号')\n"]},
            {
                "cell_type": "markdown",
                "metadata": {},
                "source": ["# 标题\n", "\n", "它的进程号。"],
            },
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path = tmp_path / "page.ipynb"
    path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False), encoding="utf-8")
    raw = path.read_text(encoding="utf-8").splitlines()
    expected = next(i for i, line in enumerate(raw, start=1) if "它的进程号" in line)
    assert stray_synonyms("zh", markdown_lines(path)) == [(expected, "进程号", "进程 ID（PID）")]
