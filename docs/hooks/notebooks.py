"""Build hook: notebook pages (mkdocs-jupyter).

- ``on_config`` puts the repository root on PYTHONPATH, so the Jupyter kernels that
  mkdocs-jupyter starts (and their spawn children) can import ``examples.*``, and makes kernels
  shut down sooner.
- ``on_page_content`` cleans notebook pages: it drops the MathJax and mermaid loaders that
  nbconvert points at a public CDN, gives headings the ids written in the notebook
  (``## Title <a id="some-id"></a>``), and lets the keyboard scroll wide code cells.
"""

from __future__ import annotations

import os
import re

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from site_model import ROOT


def on_config(config, **kwargs):
    """Let notebook kernels, and the processes they start, import ``examples``."""
    root = str(ROOT)
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
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    html = SCRIPT.sub(lambda m: "" if _is_cdn_loader(m) else m.group(0), html)
    html = _notebook_headings(html, page)
    # A code cell wider than a phone scrolls sideways: let the keyboard reach it too, as
    # Material does for its own code blocks (axe: scrollable-region-focusable).
    return html.replace('<div class="highlight-ipynb', '<div tabindex="0" class="highlight-ipynb')
