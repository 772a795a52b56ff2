"""The site itself: both languages build in strict mode, notebooks included, and the result is
what readers need; a broken page fails the build and the message names the page.

The real site is built once per pytest run (the ``built_site`` fixture in conftest.py, shared by
the xdist workers), into a temporary folder, with the same two commands as ``make build``. The
failure cases build tiny sites from temporary docs folders, with configs that INHERIT the real
ones and change only the folders.
"""

from __future__ import annotations

import json
import logging
import os
import posixpath
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
from site_model import LANGS, ROOT, glossary, read_example, repo_url, site_url
from site_model import config as site_config

SITE_URL = site_url("zh")
OWN_HOST = urlsplit(SITE_URL).hostname
REPO = repo_url()


def output(result: subprocess.CompletedProcess) -> str:
    return result.stdout + result.stderr


def quick_build(config: Path) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` of a small test site, in this process: starting a Python that
    imports MkDocs, Material and mkdocs-jupyter again for every small site costs more than
    building it. The log and any error end up in the result, as a subprocess's output would."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record):
            records.append(f"{record.levelname}: {record.getMessage()}")

    handler = Collect(level=logging.INFO)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        build(load_config(config_file=str(config), strict=True))
        returncode, error = 0, ""
    except BaseException as exc:  # what would end the mkdocs command: SystemExit, Abort, ...
        if isinstance(exc, KeyboardInterrupt):
            raise
        returncode, error = 1, f"{type(exc).__name__}: {exc}"
    finally:
        os.chdir(here)
        logger.removeHandler(handler)
    return subprocess.CompletedProcess([str(config)], returncode, "\n".join(records), error)


def tiny_site(tmp_path: Path, pages: dict[str, str], *, lang: str = "zh") -> Path:
    """A temporary docs folder holding ``pages`` and a config for it that inherits the real one
    of ``lang``. Paths in a config are relative to the config's own folder, so the inherited
    ones that point into the repository are given again, absolute. Search is off: it is not
    what these builds test, and its Chinese segmenter takes a second to load."""
    docs = tmp_path / "docs"
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    parent = ROOT / ("mkdocs.yml" if lang == "zh" else "mkdocs.en.yml")
    config = {
        "INHERIT": str(parent),
        "docs_dir": str(docs),
        "site_dir": str(tmp_path / "site"),
        "hooks": [str(ROOT / hook) for hook in site_config("zh")["hooks"]],
        "watch": [],
        "theme": {"custom_dir": str(ROOT / "docs" / "overrides")},
        "plugins": {"search": {"enabled": False}},
        # Examples of the test are found in the temporary folder first, then in the checkout.
        "markdown_extensions": [
            *(e for e in site_config("zh")["markdown_extensions"] if "pymdownx.snippets" not in e),
            {
                "pymdownx.snippets": {
                    "base_path": [str(tmp_path), str(ROOT)],
                    "check_paths": True,
                    "dedent_subsections": True,
                }
            },
        ],
    }
    path = tmp_path / "mkdocs.yml"
    path.write_text(json.dumps(config, indent=2), encoding="utf-8")  # JSON is YAML
    return path


# --- the real site --------------------------------------------------------------------------


def html_pages(site: Path, lang: str) -> dict[str, str]:
    """Built HTML pages of one language, keyed by path relative to that language's root."""
    root = site if lang == "zh" else site / "en"
    pages = {}
    for path in sorted(root.rglob("*.html")):
        rel = path.relative_to(root).as_posix()
        if lang == "zh" and rel.startswith("en/"):
            continue
        pages[rel] = path.read_text(encoding="utf-8")
    return pages


SWITCH_LINK = re.compile(r"<a\b[^>]*\bclass=\"md-select__link[^\"]*\"[^>]*>", re.DOTALL)


def attr(tag: str, name: str) -> str | None:
    match = re.search(rf'\b{name}="([^"]*)"', tag)
    return match.group(1) if match else None


def resolve(page: str, href: str) -> str:
    """Where a relative link on a page (path relative to the site root) leads, as a file."""
    target = posixpath.join(posixpath.dirname(page), href)
    if href.endswith("/"):
        target = posixpath.join(target, "index.html")
    return posixpath.normpath(target)


@pytest.mark.timeout(120)
def test_built_site(built_site: Path, subtests):
    site = built_site
    pages = {lang: html_pages(site, lang) for lang in LANGS}

    with subtests.test("both languages have the same pages"):
        assert pages["zh"], "the Chinese site has no pages"
        assert sorted(pages["zh"]) == sorted(pages["en"])

    with subtests.test("<html lang> is the page's language"):
        for lang in LANGS:
            for rel, html in pages[lang].items():
                assert re.search(rf'<html\b[^>]*\blang="{lang}"', html), f"{lang}: {rel}"

    with subtests.test("the switcher leads to the same page in the other language"):
        for lang in LANGS:
            prefix = "" if lang == "zh" else "en/"
            for rel, html in pages[lang].items():
                if rel == "404.html":
                    continue  # absolute links: GitHub Pages serves it for any missing path
                links = {attr(tag, "hreflang"): tag for tag in SWITCH_LINK.findall(html)}
                assert set(links) == set(LANGS), f"{lang}: {rel} has switcher links {set(links)}"
                for other, tag in links.items():
                    href = attr(tag, "href")
                    assert href and not urlsplit(href).scheme and not href.startswith("/"), (
                        f"{lang}: {rel}: the {other} link is not relative: {href!r}"
                    )
                    target = resolve(prefix + rel, href)
                    expected = ("" if other == "zh" else "en/") + rel
                    assert target == expected, f"{lang}: {rel}: {other} link {href!r}"
                    assert (site / target).is_file(), f"{lang}: {rel}: {href!r} leads nowhere"
                    current = 'aria-current="true"' in tag
                    assert current == (other == lang), f"{lang}: {rel}: current mark on {other}"

    with subtests.test("the notebook pages show the executed outputs and a download link"):
        for lang in LANGS:
            rel = "notebooks/first-notebook/index.html"
            html = pages[lang][rel]
            assert "square=9" in html, f"{lang}: the pool's result is missing"
            assert "thread=&#x27;notebook_0&#x27;" in html or "thread='notebook_0'" in html
            assert "[True, True, True]" in html, f"{lang}: the PID comparison is missing"
            assert not re.search(r'<div[^>]*data-mime-type="application/vnd.jupyter.stderr"', html)
            assert "Traceback" not in html
            assert re.search(r'<a\b[^>]*href="first-notebook.ipynb"[^>]*\bdownload', html)
            root = site if lang == "zh" else site / "en"
            assert (root / "notebooks/first-notebook/first-notebook.ipynb").is_file()

    with subtests.test("no third-party fonts, scripts or stylesheets"):
        for lang in LANGS:
            for rel, html in pages[lang].items():
                assert "fonts.googleapis.com" not in html, f"{lang}: {rel}"
                assert "fonts.gstatic.com" not in html, f"{lang}: {rel}"
                for tag, name in ((r"script", "src"), (r"link", "href")):
                    for match in re.finditer(rf"<{tag}\b[^>]*\b{name}=\"([^\"]*)\"", html):
                        url = match.group(1)
                        if url.startswith(("http:", "https:", "//")):
                            assert urlsplit(url).hostname == OWN_HOST, f"{lang}: {rel}: {url}"
                        assert url, f"{lang}: {rel}: a <{tag}> with an empty {name}"
                assert not re.search(r"""import\(\s*["'](https?:)?//""", html), f"{lang}: {rel}"

    with subtests.test("each language has its own search index; Chinese is segmented"):
        indexes = {}
        for lang in LANGS:
            root = site if lang == "zh" else site / "en"
            indexes[lang] = json.loads((root / "search/search_index.json").read_text("utf-8"))
            assert indexes[lang]["config"]["lang"] == [lang]
        home = next(doc for doc in indexes["zh"]["docs"] if doc["location"] == "")
        # "进程" stands inside the sentence "这是一份讲 Python 多进程和多线程的指南": jieba
        # cut it out with zero-width spaces, which the search separator splits on.
        assert "\u200b进程\u200b" in home["text"]
        assert "\\u200b" in indexes["zh"]["config"]["separator"]
        english = " ".join(doc["text"] for doc in indexes["en"]["docs"])
        assert "processes" in english

    with subtests.test("every example whose run has a timeline shows it, with a text alternative"):
        figure = re.compile(
            r'<p class="example-run"><a href="[^"]+/blob/main/(?P<name>examples/[^"]+\.py)">'
            r'.*?</p>\s*(?P<figure><figure class="run-timeline-figure">.*?</figure>)?',
            re.S,
        )
        shown = 0
        for lang in LANGS:
            for rel, html in pages[lang].items():
                for m in figure.finditer(html):
                    has_timeline = read_example(m["name"]).timeline is not None
                    assert bool(m["figure"]) == has_timeline, f"{lang}: {rel}: {m['name']}"
                    if not has_timeline:
                        continue
                    shown += 1
                    block = m["figure"]
                    title = re.search(r'<svg[^>]*aria-labelledby="([^"]+)"', block)
                    assert title and re.search(rf'<title id="{title[1]}">[^<]+</title>', block)
                    assert re.search(r"<details[^>]*>.*?<ol>(<li>[^<]+</li>)+</ol>", block, re.S)
                    assert "<figcaption>" in block
        assert shown >= 2 * 40, f"only {shown} timelines on the pages"

    with subtests.test("every example is followed by its output and the link to its file"):
        shown = re.compile(
            r'<span class="filename">(?P<name>examples/[^<]+\.py)</span>.*?</pre></div>\s*'
            r"(?:<ol>.*?</ol>\s*)?"  # Material's code annotations, if any
            r'<div class="[^"]*\bexample-output\b[^"]*">.*?<code>\$ python (?P=name)\n.*?</pre>'
            r'</div>\s*<p class="example-run"><a href="(?P<link>[^"]+)">',
            re.S,
        )
        for lang in LANGS:
            for rel, html in pages[lang].items():
                names = re.findall(r'<span class="filename">(examples/[^<]+\.py)</span>', html)
                found = [(m["name"], m["link"]) for m in shown.finditer(html)]
                expected = [(name, f"{REPO}/blob/main/{name}") for name in names]
                assert found == expected, f"{lang}: {rel}: {names}"


# --- links ------------------------------------------------------------------------------------

PREFIX = urlsplit(SITE_URL).path
LINK_ATTR = re.compile(
    r'<(?P<tag>a|link|img|script|source|iframe)\b[^>]*?\s(?:href|src)="(?P<url>[^"]*)"'
)
ID_ATTR = re.compile(r'\s(?:id|name)="([^"]*)"')
REPO_FILE = re.compile(re.escape(REPO) + r"/(?:blob|edit|tree|raw)/main/(?P<path>[^?#]+)")


def link_target(page: str, url: str) -> tuple[str | None, str]:
    """Where a link on ``page`` (a file, relative to the built site) leads: a path relative to
    the site (None if the link leaves the site) and its fragment."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        if parts.scheme not in ("http", "https") or parts.hostname != OWN_HOST:
            return None, ""
        path = parts.path
    else:
        path = parts.path or posixpath.basename(page)
    if path.startswith("/"):
        if not path.startswith(PREFIX):
            return "/" + path, parts.fragment  # leads out of the site's folder: reported
        target = path[len(PREFIX) :]
    else:
        target = posixpath.join(posixpath.dirname(page), path)
    target = posixpath.normpath(unquote(target)) if target else "."
    return target, unquote(parts.fragment)


@pytest.mark.timeout(120)
def test_links_resolve(built_site: Path):
    """Every link of every page of both languages: an internal one leads to a file of the built
    site, and its #anchor to an element of that page with that id; a link to a file of the
    repository (source links of examples, edit links) names a file of this checkout. Each
    language has its sitemap at its root, where Material's language switcher and instant
    loading ask for it, listing exactly that language's pages."""
    site = built_site
    ids: dict[str, set[str]] = {}

    def ids_of(target: str) -> set[str]:
        if target not in ids:
            ids[target] = set(ID_ATTR.findall((site / target).read_text(encoding="utf-8")))
        return ids[target]

    broken = []
    checked = 0
    for path in sorted(site.rglob("*.html")):
        page = path.relative_to(site).as_posix()
        html = path.read_text(encoding="utf-8")
        for match in LINK_ATTR.finditer(html):
            url = match.group("url").strip()
            checked += 1
            repo_file = REPO_FILE.match(url)
            if repo_file:
                if not (ROOT / unquote(repo_file.group("path"))).exists():
                    broken.append(f"{page}: {url}: no such file in the repository")
                continue
            target, fragment = link_target(page, url)
            if target is None:
                continue
            if target.startswith(("../", "/")) or target == "..":
                broken.append(f"{page}: {url}: leads out of the site")
                continue
            if (site / target).is_dir():
                target = posixpath.join(target, "index.html")
            if not (site / target).is_file():
                broken.append(f"{page}: {url}: no file {target}")
            elif fragment and target.endswith(".html") and fragment not in ids_of(target):
                broken.append(f"{page}: {url}: {target} has no #{fragment}")
    assert checked > 1000, f"only {checked} links found: is the pattern still right?"
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken)

    for lang in LANGS:
        root = site if lang == "zh" else site / "en"
        base = SITE_URL if lang == "zh" else SITE_URL + "en/"
        sitemap = root / "sitemap.xml"
        assert sitemap.is_file(), f"{lang}: no sitemap at {sitemap.relative_to(site)}"
        namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
        locations = {loc.text.strip() for loc in ElementTree.parse(sitemap).iter(f"{namespace}loc")}
        pages = {
            base + rel.removesuffix("index.html")
            for rel in html_pages(site, lang)
            if rel != "404.html"
        }
        assert locations == pages, (
            f"{lang}: sitemap.xml lists {sorted(locations - pages)} that are not pages, "
            f"misses {sorted(pages - locations)}"
        )


# --- Chinese search, without a browser ---------------------------------------------------------

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def material_segments(query: str, tokens: set[str]) -> list[str]:
    """Material's query-side segmenter for a run of Han characters (its search worker's
    ``segment``): greedy pieces of the query that are words of the index. Like the original,
    it never tries a piece that ends at the query's last character."""
    cuts = [0] * len(query)
    for i in range(len(query)):
        for j in range(i + 1, len(query)):
            if query[i:j] in tokens:
                cuts[i] = j - i
    segments: list[str] = []
    stack = [0]
    while stack:
        p = stack.pop()
        for q in range(1, cuts[p]):
            if cuts[p + q] > cuts[p] - q:
                segments.append(query[p : p + q])
                stack.append(p + q)
        q = p + cuts[p]
        if q < len(query) and cuts[q] and q < len(query) - 1:
            stack.append(q)
        segments.append(query[p:q])
    return [query] if "" in segments else list(dict.fromkeys(segments))


def test_chinese_search_index_finds_glossary_terms_inside_compounds(built_site: Path):
    """The cause of Chinese search misses, checked on the index itself: lunr matches a query
    piece only as the start of an indexed word, and jieba keeps compounds (子进程, 多线程, 死锁)
    as single words. For every Chinese glossary term, every section whose text contains it (a
    term starting with a Latin letter: at the start of a word) must hold a word, in some field,
    that starts with one of the pieces Material makes of the query (docs/hooks.py adds the
    hidden ``subwords`` field for this, and splits at Chinese punctuation, so that "（GIL）" and
    "fork、spawn" yield GIL and spawn)."""
    index = json.loads((built_site / "search/search_index.json").read_text("utf-8"))
    separator = re.compile(index["config"]["separator"])
    fields = list(index["config"]["fields"])
    assert "subwords" in fields

    def words(text: str) -> set[str]:
        return {w.lower() for w in separator.split(re.sub(r"<[^>]+>", " ", text)) if w}

    sections = []
    for doc in index["docs"]:
        text = re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}").replace("\u200b", "")
        sections.append(
            (
                doc["location"],
                text.lower(),
                set().union(*(words(doc.get(field, "")) for field in fields)),
            )
        )
    vocabulary = set().union(*(tokens for _, _, tokens in sections))

    missed = []
    for term in glossary()["terms"]:
        for form in [term["zh"], *term.get("also", {}).get("zh", [])]:
            query = HAN.sub(lambda m: "* ".join(material_segments(m[0], vocabulary)), form)
            pieces = [w.lower().rstrip("*") for w in separator.split(query.replace("*", "* "))]
            pieces = [p for p in pieces if p]
            start = r"(?<![a-z0-9])" if re.match(r"[A-Za-z0-9]", form) else ""
            needle = re.compile(start + r"\s+".join(map(re.escape, form.lower().split())))
            for location, text, tokens in sections:
                if needle.search(text) and not any(
                    token.startswith(piece) for piece in pieces for token in tokens
                ):
                    missed.append(f"{form} (searched as {pieces}): {location or '/'}")
    assert not missed, "sections that contain a term but do not match it:\n" + "\n".join(missed)


# --- the notebooks' sources -------------------------------------------------------------------


def test_notebooks_pair_up_and_hold_no_outputs():
    names = {
        lang: sorted(p.name for p in (ROOT / "docs" / lang / "notebooks").glob("*.ipynb"))
        for lang in LANGS
    }
    assert names["zh"], "no notebooks"
    assert names["zh"] == names["en"]
    for name in names["zh"]:
        code = {}
        for lang in LANGS:
            notebook = nbformat.read(ROOT / "docs" / lang / "notebooks" / name, as_version=4)
            nbformat.validate(notebook)
            cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
            for cell in cells:
                assert not cell.outputs and cell.execution_count is None, (
                    f"{lang}/{name}: store notebooks without outputs (the build runs them)"
                )
            code[lang] = [cell.source for cell in cells]
        assert code["zh"] == code["en"], f"{name}: the zh and en code cells differ"


# --- what fails the build ---------------------------------------------------------------------

INCLUDE = "examples/notebooks/notebook_worker.py"
#: A program of the test's own, written into the test's folder (found there before the checkout).
OWN = "examples/under_test.py"
OWN_PROGRAM = 'print("hello")\n'


def fence(path: str, title: str | None = None, indent: str = "") -> str:
    head = f'```python title="{title}"' if title is not None else "```python"
    return "\n".join(indent + line for line in (head, f'--8<-- "{path}"', "```")) + "\n"


def own_example(tmp_path: Path, trailer: str) -> None:
    """The test's own example; ``TIMELINE:{}`` at the end of the trailer writes a timeline of
    another run next to it, ``TIMELINE:empty`` one of this run with nothing in it."""
    trailer, _, timeline = trailer.partition("TIMELINE:")
    path = tmp_path / OWN
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(OWN_PROGRAM + trailer, encoding="utf-8")
    if timeline:
        example = read_example(OWN, path.read_text(encoding="utf-8"), tmp_path)
        data = {"lanes": [], "prints": [], "tasks": [], "duration": 0}
        data["transcript"] = example.transcript_fingerprint if timeline == "empty" else "0" * 8
        example.timeline_file.write_text(json.dumps(data), encoding="utf-8")


def recorded(program: str = OWN_PROGRAM) -> str:
    """A trailer as make update-examples writes it, for the test's own program."""
    from site_model import program_fingerprint

    return (
        "\n# Output of one real run, recorded by make update-examples\n"
        f"# (Linux, CPython 3.11.7, start method fork, exit status 0, program "
        f"{program_fingerprint(program)}):\n#\n# $ python {OWN}\n# hello\n"
    )


@pytest.mark.parametrize(
    ("pages", "trailer", "expected"),
    [
        pytest.param(
            {
                "index.md": "# 首页\n",
                "pool.md": "# 池\n\n" + fence("examples/nope.py", "examples/nope.py"),
            },
            None,
            ["pool.md", "examples/nope.py"],
            id="missing include",
        ),
        pytest.param(
            {"index.md": "# 首页\n", "links.md": "# 链接\n\n[别处](nowhere.md)\n"},
            None,
            ["links.md", "nowhere.md"],
            id="broken link",
        ),
        pytest.param(
            {
                "index.md": "# 首页 { #home }\n",
                "anchors.md": "# 锚点\n\n[首页](index.md#no-such-heading)\n",
            },
            None,
            ["anchors.md", "#no-such-heading"],
            id="broken anchor",
        ),
        pytest.param(
            {"index.md": "# 首页\n\n" + fence(INCLUDE, "examples/other.py")},
            None,
            ["index.md:3", "examples/other.py"],
            id="include titled with another path",
        ),
        pytest.param(
            {"index.md": "# 首页\n\n!!! note\n\n    ```py\n    print('copied code')\n    ```\n"},
            None,
            ["index.md:5", "include"],
            id="Python block that is not an include",
        ),
        pytest.param(
            {"index.md": "# 首页\n\n" + fence(INCLUDE + ":1:3", INCLUDE)},
            None,
            ["index.md:3", "a whole example"],
            id="part of an example",
        ),
        pytest.param(
            {"index.md": "# 首页\n\n" + fence(OWN, OWN)},
            "",
            ["index.md:3", OWN, "no recorded output", "make update-examples"],
            id="example without a transcript",
        ),
        pytest.param(
            {"index.md": "# 首页\n\n" + fence(OWN, OWN)},
            recorded('print("hello, world")\n'),
            ["index.md:3", OWN, "another version of the program", "make update-examples"],
            id="transcript of another version of the program",
        ),
        pytest.param(
            {"index.md": "# 首页\n\n" + fence(OWN, OWN)},
            recorded() + "TIMELINE:{}",
            ["index.md:3", OWN, "timeline is not of the run", "make update-examples"],
            id="timeline of another run",
        ),
        pytest.param(
            {"index.md": "# 首页\n\n" + fence(OWN, OWN)},
            recorded() + "TIMELINE:empty",
            [OWN, "no lanes to show or describe"],
            id="timeline without a text alternative",
        ),
        pytest.param(
            {"index.md": "# 首页\n\n" + fence(OWN, OWN)},
            "\n# a note after the program\n",
            ["index.md:3", f"{OWN}:3", "directives"],
            id="stray comment after the program",
        ),
    ],
)
@pytest.mark.timeout(120)
def test_broken_page_fails_the_build_naming_it(tmp_path, pages, trailer, expected):
    if trailer is not None:
        own_example(tmp_path, trailer)
    result = quick_build(tiny_site(tmp_path, pages))
    assert result.returncode != 0, f"the strict build passed:\n{output(result)}"
    for text in expected:
        assert text in output(result), f"{text!r} not in the build output:\n{output(result)}"


@pytest.mark.timeout(120)
def test_failing_notebook_fails_the_build_naming_it(tmp_path):
    notebook = new_notebook(
        cells=[
            new_markdown_cell("# A notebook that fails"),
            new_code_cell('raise RuntimeError("this cell fails on purpose")'),
        ],
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
    )
    config = tiny_site(
        tmp_path, {"index.md": "# 首页\n", "broken.ipynb": nbformat.writes(notebook)}
    )
    result = quick_build(config)
    assert result.returncode != 0, f"the strict build passed:\n{output(result)}"
    assert "broken.ipynb" in output(result)
    assert "this cell fails on purpose" in output(result)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.timeout(120)
def test_example_blocks_show_the_program_then_its_output(tmp_path, lang):
    """Includes inside an admonition and a tab work. Each block shows the program only (so its
    copy button copies the program), and under it (after Material's code annotations, if a list
    follows the block) stand the recorded output, starting with the command that runs the
    program, and one footer line in the page's language with the file's link."""
    own_example(tmp_path, recorded())
    page = (
        "# Page { #page }\n\n"
        + fence(OWN, OWN)
        + "\n1.  An annotation list.\n\n"
        + '!!! note "Note"\n\n'
        + fence(OWN, OWN, indent="    ")
        + '\n=== "Tab"\n\n'
        + fence(OWN, OWN, indent="    ")
    )
    result = quick_build(tiny_site(tmp_path, {"index.md": page}, lang=lang))
    assert result.returncode == 0, output(result)
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    programs = re.findall(
        r'<span class="filename">examples/under_test.py</span>.*?</pre>', html, re.S
    )
    assert len(programs) == 3
    for program in programs:
        assert "hello" in program and "Output of one real run" not in program
    outputs = re.findall(r'<div class="[^"]*\bexample-output\b[^"]*">(.*?)</pre>', html, re.S)
    assert len(outputs) == 3, html
    for block in outputs:
        title = re.search(r'<span class="filename">(.*?)</span>', block)[1]
        assert title == ("运行结果" if lang == "zh" else "Output")
        code = re.sub(r"<[^>]+>", "", re.search(r"<code>(.*?)</code>", block, re.S)[1])
        assert code.splitlines() == [f"$ python {OWN}", "hello"], code
    footers = re.findall(r'<p class="example-run">(.*?)</p>', html)
    assert len(footers) == 3
    link = f'<a href="{repo_url()}/blob/main/{OWN}">{"源文件" if lang == "zh" else "Source"}</a>'
    assert all(footer.startswith(link) for footer in footers), footers
    assert "CPython 3.11.7" in footers[0]
    # The annotation list comes before the output, right after the code block.
    assert html.index("An annotation list.") < html.index("example-output")
    assert read_example(INCLUDE).recording is not None
