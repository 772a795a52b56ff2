"""Build hook: the navigation, built from the files.

The top-level sections come in reading order (``SECTION_ORDER``), each titled by its own index
page, so that the Chinese site does not show English folder names; prev/next links follow that
order.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

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
    "python-versions",
    "subprocess",
    "distributed",
    "tqdm",
    "*",
    "notebooks",
    "common-mistakes",
    "silent-mistakes",
    "glossary",
)


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


def on_page_content(html, page, config, files, **kwargs):
    """Title each section by its index page. All pages are read before any template is
    rendered, so every section has its title in time."""
    section = page.parent
    if (
        isinstance(section, Section)
        and PurePosixPath(page.file.src_uri).name == "index.md"
        and page.title
    ):
        section.title = page.title
    return html
