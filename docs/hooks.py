"""MkDocs hooks shared by the Chinese and the English site.

Registered with ``hooks:`` in mkdocs.yml (mkdocs.en.yml inherits it). The file
lives outside docs/zh and docs/en so that it never becomes a page.

- ``on_config`` puts the repository root on PYTHONPATH, so the Jupyter kernels
  that mkdocs-jupyter starts (and their spawn children) can import
  ``examples.*``.
- ``on_page_markdown`` enforces the site's one rule for code: every Python
  block on a page is an include of a file from ``examples/``, titled with that
  file's path. After each such block it adds one line with a link to the file
  in the repository and the command that runs it.
- ``on_nav`` and ``on_page_content`` tidy the automatic navigation: top-level
  sections in reading order, each titled by its own index page.
- ``on_page_content`` also cleans notebook pages: it drops the MathJax and
  mermaid loaders that nbconvert points at a public CDN, and gives headings
  the ids written in the notebook (``## Title <a id="some-id"></a>``).
- ``on_post_build`` makes Chinese search find words inside jieba's compounds
  (进程 in 子进程) and split at Chinese punctuation (see "Chinese search").

Errors name the page and line, e.g. ``processes/index.md:12: ...``, and stop
the build (they are raised as PluginError, strict mode or not).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path, PurePosixPath
from typing import NoReturn

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

REPO_ROOT = Path(__file__).resolve().parent.parent

# Fence languages that count as Python code.
PYTHON_LANGS = {"python", "py", "python3", "py3", "pycon"}

# Top-level order of the navigation; "*" stands for every section not named,
# in file-name order. The home page always comes first.
SECTION_ORDER = (
    "overview",
    "processes",
    "main-guard",
    "pool",
    "queue",
    "threads",
    "locks",
    "thread-local",
    "coordination",
    "gil",
    "futures",
    "start-methods",
    "subprocess",
    "distributed",
    "tqdm",
    "*",
    "notebooks",
    "common-mistakes",
    "glossary",
)

RUN_LINE = {
    "zh": "[源文件]({url}) · 运行：`python {path}`",
    "en": "[Source]({url}) · Run: `python {path}`",
}
RUN_LINE_CLASS = "{ .example-run }"

FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
# One include line: --8<-- "path" or --8<-- "path:section" (or line ranges).
INCLUDE = re.compile(r"""^[ \t]*-{1,}8<-{1,}[ \t]+(?P<q>["'])(?P<target>[^"']+)(?P=q)[ \t]*$""")
TITLE = re.compile(r"""\btitle=(?P<q>["'])(?P<title>.*?)(?P=q)""")
ORDERED_ITEM = re.compile(r"^[ \t]*\d+[.)][ \t]")


def on_config(config, **kwargs):
    """Let notebook kernels, and the processes they start, import ``examples``."""
    root = str(REPO_ROOT)
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    if root not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join([root, *paths])
    _quick_kernel_shutdown()
    return config


def _quick_kernel_shutdown(seconds: float = 0.5) -> None:
    """A kernel whose notebook used spawn or forkserver has multiprocessing's resource tracker
    as a child, which ignores SIGTERM; jupyter_client then waits half of its 5 s
    ``shutdown_wait_time`` before it kills the kernel, at every notebook page. The kernel's
    work is done by then, so wait less. (mkdocs-jupyter replaces the executor's own config, so
    the default is changed where the kernel manager reads it.)"""
    from jupyter_client.manager import KernelManager

    KernelManager.class_traits()["shutdown_wait_time"].default_value = seconds


# ---------------------------------------------------------------------------
# Code blocks: includes only, each followed by its source link and run command
# ---------------------------------------------------------------------------


def _split_target(target: str) -> str:
    """Drop a ``:section`` or ``:start:end`` suffix from a snippet target."""
    path, _, _ = target.partition(":")
    return path


def _fence_lang(info: str) -> str:
    info = info.strip()
    if info.startswith("{"):
        match = re.search(r"\.([\w+-]+)", info)
        return match.group(1).lower() if match else ""
    return info.split(maxsplit=1)[0].lower() if info else ""


def _find_fences(lines: list[str]):
    """Yield (start, end, indent, info) for each fenced block, end being the
    index of the closing fence line (or len(lines) if it never closes)."""
    i = 0
    while i < len(lines):
        match = FENCE_OPEN.match(lines[i])
        if not match or (match.group("fence")[0] == "`" and "`" in match.group("info")):
            i += 1
            continue
        indent, fence = match.group("indent"), match.group("fence")
        closing = re.compile(
            r"^[ \t]*" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$"
        )
        end = i + 1
        while end < len(lines) and not closing.match(lines[end]):
            end += 1
        yield i, end, indent, match.group("info")
        i = end + 1


def _end_of_annotations(lines: list[str], after: int, indent: str) -> int:
    """Material's code annotations are the ordered list right after a block.
    Return the index after that list, or ``after`` if there is none."""
    j = after
    while j < len(lines) and not lines[j].strip():
        j += 1
    if j >= len(lines) or not ORDERED_ITEM.match(lines[j]):
        return after
    if len(lines[j]) - len(lines[j].lstrip()) != len(indent):
        return after
    last = j
    j += 1
    while j < len(lines):
        line = lines[j]
        if line.strip():
            depth = len(line) - len(line.lstrip())
            if depth > len(indent) or (ORDERED_ITEM.match(line) and depth == len(indent)):
                last = j
            else:
                break
        j += 1
    return last + 1


def _line_offset(page: Page, markdown: str) -> int:
    """Number of source lines (front matter) before ``markdown`` starts."""
    try:
        source = page.file.content_string
    except (OSError, TypeError, ValueError):  # a generated file may have no source
        return 0
    if markdown and source.endswith(markdown):
        return source[: len(source) - len(markdown)].count("\n")
    return 0


def on_page_markdown(markdown, page, config, files, **kwargs):
    src = page.file.src_uri
    if not src.endswith(".md"):
        return markdown  # notebooks are checked by being executed
    lines = markdown.split("\n")
    offset = _line_offset(page, markdown)
    language = config.theme.get("language") or "en"
    run_line = RUN_LINE.get(language.split("_")[0], RUN_LINE["en"])
    repo_url = (config.repo_url or "").rstrip("/")

    def fail(index: int, message: str) -> NoReturn:
        raise PluginError(
            f"{page.file.src_path}:{index + offset + 1}: {message}\n    {lines[index].strip()}"
        )

    # Every include anywhere on the page must exist, and so must a named
    # section of it: say which page asks for it (pymdownx.snippets does not).
    for index, line in enumerate(lines):
        match = INCLUDE.match(line)
        if not match:
            continue
        path, _, section = match.group("target").partition(":")
        file = REPO_ROOT / path
        if not file.is_file():
            fail(index, f"the included file {path!r} does not exist")
        if section and not re.fullmatch(r"[\d:,-]*", section):
            text = file.read_text(encoding="utf-8")
            for edge in ("start", "end"):
                if not re.search(rf"-+8<-+ \[{edge}:{re.escape(section)}\]", text):
                    fail(index, f"{path} has no [{edge}:{section}] section marker")

    inserts: list[tuple[int, list[str]]] = []
    for start, end, indent, info in _find_fences(lines):
        body = [line for line in lines[start + 1 : end] if line.strip()]
        include = INCLUDE.match(body[0]) if len(body) == 1 else None
        lang = _fence_lang(info)
        if not include:
            if lang in PYTHON_LANGS:
                fail(
                    start,
                    "a Python block must be a single include of a file from "
                    'examples/ (--8<-- "examples/....py")',
                )
            continue
        path = _split_target(include.group("target"))
        if not (path.startswith("examples/") and path.endswith(".py")):
            if lang in PYTHON_LANGS:
                fail(start, f"a Python block must include a file from examples/, not {path}")
            continue
        title = TITLE.search(info)
        if title is None:
            fail(start, f'the block including {path} needs title="{path}"')
        if title.group("title") != path:
            fail(
                start,
                f"the block's title {title.group('title')!r} is not the "
                f"included file's path {path!r}",
            )
        if end >= len(lines):
            fail(start, "the code block is never closed")
        url = f"{repo_url}/blob/main/{PurePosixPath(path)}"
        paragraph = [
            "",
            indent + run_line.format(url=url, path=path),
            indent + RUN_LINE_CLASS,
            "",
        ]
        inserts.append((_end_of_annotations(lines, end + 1, indent), paragraph))

    for index, paragraph in reversed(inserts):
        lines[index:index] = paragraph
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# Navigation
# ---------------------------------------------------------------------------


def _first_page(section: Section) -> Page | None:
    for child in section.children:
        if isinstance(child, Page):
            return child
        if isinstance(child, Section) and (page := _first_page(child)):
            return page
    return None


def _section_key(item) -> tuple[int, int, str]:
    if isinstance(item, Page) and item.is_homepage:
        return (0, 0, "")
    name = ""
    if isinstance(item, Section):
        page = _first_page(item)
        name = PurePosixPath(page.file.src_uri).parts[0] if page else ""
    elif isinstance(item, Page):
        name = PurePosixPath(item.file.src_uri).stem
    rank = SECTION_ORDER.index(name) if name in SECTION_ORDER else SECTION_ORDER.index("*")
    return (1, rank, name)


def on_nav(nav, config, files, **kwargs):
    """Put the top-level sections in SECTION_ORDER and relink prev/next."""
    nav.items.sort(key=_section_key)

    pages: list[Page] = []

    def collect(items):
        for item in items:
            if isinstance(item, Page):
                pages.append(item)
            elif isinstance(item, Section):
                collect(item.children)

    collect(nav.items)
    for before, page, after in zip([None, *pages[:-1]], pages, [*pages[1:], None], strict=True):
        page.previous_page, page.next_page = before, after
    nav.pages = pages
    return nav


# nbconvert's page template loads MathJax and mermaid from a public CDN (an
# empty MathJax URL with mkdocs-jupyter's defaults). The notebooks here use
# neither, and many readers cannot reach the CDN: drop those scripts.
SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)
SRC = re.compile(r"""\bsrc=(?P<q>["'])(?P<src>.*?)(?P=q)""")


def _is_cdn_loader(match: re.Match) -> bool:
    attrs, body = match.group("attrs"), match.group("body")
    src = SRC.search(attrs)
    if src is not None:
        value = src.group("src").strip()
        return not value or re.match(r"(https?:)?//", value) is not None
    if "text/x-mathjax-config" in attrs:
        return True
    return re.search(r"""\bimport\(\s*["'](https?:)?//""", body) is not None


# Notebook Markdown is rendered by nbconvert, not Python-Markdown, so a heading
# carries its id as `## Title <a id="some-id"></a>` (tests/test_pages.py wants
# the same ids in both languages). nbconvert derives ids of its own, empty for
# Chinese text, and mkdocs-jupyter builds the table of contents with yet other
# ids. Make the explicit id the heading's id and rebuild the table of contents
# from the headings, so that the contents, permalinks and search all agree.
NB_HEADING = re.compile(r"<h(?P<level>[1-6])\b[^>]*>(?P<inner>.*?)</h(?P=level)>", re.DOTALL)
NB_ANCHOR = re.compile(r"""\s*<a id=["'](?P<id>[\w-]+)["']>\s*</a>""")
NB_ID = re.compile(r"""\bid=["'](?P<id>[^"']*)["']""")
NB_PERMALINK = re.compile(r"""<a class=["']anchor-link["'] href=["']#[^"']*["']>""")


def _notebook_headings(html: str, page: Page) -> str:
    tokens: list[dict] = []

    def fix(match: re.Match) -> str:
        level, inner = int(match.group("level")), match.group("inner")
        anchor = NB_ANCHOR.search(inner)
        if anchor:
            heading_id = anchor.group("id")
            inner = NB_ANCHOR.sub("", inner, count=1)
        else:
            found = NB_ID.search(match.group(0)[: match.start("inner") - match.start()])
            heading_id = found.group("id") if found else ""
        permalink = f'<a class="anchor-link" href="#{heading_id}" data-search-exclude="1">'
        inner = NB_PERMALINK.sub(permalink, inner)
        if heading_id:
            text = re.sub(r"<a class=\"anchor-link\".*?</a>|<[^>]+>", "", inner).strip()
            tokens.append({"level": level, "id": heading_id, "name": text, "children": []})
        return f'<h{level} id="{heading_id}">{inner}</h{level}>'

    html = NB_HEADING.sub(fix, html)
    nested: list[dict] = []
    stack: list[dict] = []
    for token in tokens:
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else nested).append(token)
        stack.append(token)
    page.toc = get_toc(nested)
    return html


def on_page_content(html, page, config, files, **kwargs):
    if page.file.src_uri.endswith(".ipynb"):
        html = SCRIPT.sub(lambda m: "" if _is_cdn_loader(m) else m.group(0), html)
        html = _notebook_headings(html, page)
        # A code cell wider than a phone scrolls sideways: let the keyboard reach it too, as
        # Material does for its own code blocks (axe: scrollable-region-focusable).
        html = html.replace(
            '<div class="highlight-ipynb', '<div tabindex="0" class="highlight-ipynb'
        )

    # Title each section by its index page, so that the Chinese site does not
    # show English folder names. All pages are read before any template is
    # rendered, so every section has its title in time.
    section = page.parent
    if (
        isinstance(section, Section)
        and PurePosixPath(page.file.src_uri).name == "index.md"
        and page.title
    ):
        section.title = page.title
    return html


# ---------------------------------------------------------------------------
# Chinese search
# ---------------------------------------------------------------------------
#
# Material's search plugin cuts Chinese text into words with jieba at build
# time (joined by zero-width spaces), and the browser's lunr index holds those
# words. lunr matches a query word only as the *start* of an indexed word
# (Material appends a trailing "*", never a leading one), and Material's
# query-side segmenter only splits a query into pieces that are themselves
# indexed words. So a page whose text has 进程 only inside jieba's compounds
# 子进程, 多进程 or 启动子进程 is never found by 进程, nor one with 锁 only in
# 死锁 or 加锁 by 锁. Second cause: jieba segments only runs of Han characters,
# and the separator splits on ASCII punctuation only, so "fork、spawn" and
# "（GIL）" stay single words that the queries spawn and GIL miss.
#
# Fix, after the search plugin has written its index: split words at Chinese
# punctuation too (the separator is shared by indexing and querying), and give
# each entry a field that readers never see, holding the words hidden inside
# its compounds: jieba's search-engine sub-words (进程 in 子进程) and every
# glossary term the entry's text contains. A query's first piece is a prefix
# of the query, so it is a prefix of such a word wherever the page contains the
# query. The index is also written as UTF-8 instead of \uXXXX escapes, a third
# smaller, which more than pays for the new field.

#: Chinese punctuation: CJK symbols (、。「」《》...), full-width forms (（），：；！？...),
#: and the curly quotes, dashes and ellipsis Chinese text uses.
CJK_PUNCTUATION = r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2010-\u2027"
SUBWORDS_FIELD = "subwords"
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
TAG = re.compile(r"<[^>]+>")


def _with_cjk_punctuation(separator: str) -> str:
    """The search separator, also splitting at Chinese punctuation."""
    if CJK_PUNCTUATION in separator:
        return separator
    return f"[{CJK_PUNCTUATION}]+|{separator}"


def _glossary_words(lang: str) -> set[str]:
    """The Han-character words of every glossary term of ``lang``, short forms included."""
    import yaml

    data = yaml.safe_load((REPO_ROOT / "docs" / "glossary.yml").read_text(encoding="utf-8"))
    words: set[str] = set()
    for term in data["terms"]:
        for form in [term[lang], *term.get("also", {}).get(lang, [])]:
            words.update(HAN_RUN.findall(form))
    return words


def _subwords(doc: dict, glossary: set[str]) -> str:
    """The words inside ``doc``'s compounds that a query can miss, space-separated."""
    import jieba

    text = TAG.sub(" ", f"{doc.get('title', '')} {doc.get('text', '')}")
    words = {
        word for piece in text.split("\u200b") for word in HAN_RUN.findall(piece)
    }  # jieba's words: each run between two zero-width spaces
    plain = text.replace("\u200b", "")
    hidden = {w for word in words if len(word) > 2 for w in jieba.cut_for_search(word)}
    hidden |= {term for term in glossary if term in plain}
    return " ".join(sorted(hidden - words))


def _search_index(config) -> Path | None:
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None or not search.config.get("enabled", True):
        return None
    path = Path(config.site_dir) / "search" / "search_index.json"
    return path if path.is_file() else None


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config, **kwargs):
    path = _search_index(config)
    if path is None:
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    index["config"]["separator"] = _with_cjk_punctuation(index["config"]["separator"])
    language = (config.theme.get("language") or "en").split("_")[0]
    if language == "zh":
        glossary = _glossary_words("zh")
        index["config"]["fields"][SUBWORDS_FIELD] = {"boost": 1.0}
        for doc in index["docs"]:
            hidden = _subwords(doc, glossary)
            if hidden:
                doc[SUBWORDS_FIELD] = hidden
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
