"""The built site in a real browser: Chromium (never a downloaded one), driven by Playwright, on
the site served from 127.0.0.1 under the same path as on GitHub Pages.

On every page of both languages (``test_page``, one test per page, so xdist spreads them):

- no console error, no failed request, no request to any host but the local server;
- each code block's copy button copies exactly the program of the example the block includes;
- notebook pages show their outputs, and the SVG charts of the notebooks that draw them;
- 360 px wide, nothing scrolls sideways: the document is no wider than the window, and anything
  wider sits in a code block, table or timeline that scrolls on its own;
- axe-core finds no serious or critical violation;
- a click on the other language in the language switcher opens the same page in that language
  (on the 404 page, that language's home page).

Search (``test_search``, one test per glossary term and language): typing the term into
Material's search box finds every page of that language whose main text contains it, and only
pages of that language. "Contains" is decided on the built HTML, in the text of the article
(scripts, styles and permalink signs left out), case-insensitively, with any whitespace standing
for a space in the term; a term that starts with a Latin letter must start a word there (the
term "lock" is not in "deadlock", "fork" is in "forkserver"), while Chinese has no word breaks
and counts anywhere (进程 is in 子进程).

Without a Chromium (looked for in $CHROMIUM, then chromium, chromium-browser and google-chrome on
PATH) the module is skipped, saying so, unless $REQUIRE_BROWSER is set (.ci/run and the Linux
jobs on GitHub set it): then that is a failure.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from site_model import DOCS, LANGS, glossary, page_paths, read_example, site_url

OTHER = {"zh": "en", "en": "zh"}
WIDTH = 360
INDEX = "search/search_index.json"


#: The path of the site on its host, served the same way here, so that the 404 page's absolute
#: links work.
PREFIX = urlsplit(site_url("zh")).path


def find_chromium() -> str | None:
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if path := shutil.which(name):
            return path
    return None


#: The browser tests are a stage of their own: pytest -m browser (make test runs it).
pytestmark = pytest.mark.browser

CHROMIUM = find_chromium()
if CHROMIUM is None:
    reason = (
        "no Chromium: install Debian's chromium package, or name one in $CHROMIUM "
        "(test tools never download a browser)"
    )
    if os.environ.get("REQUIRE_BROWSER"):
        pytest.fail(f"{reason}; REQUIRE_BROWSER is set, so this is a failure", pytrace=False)
    pytest.skip(reason, allow_module_level=True)

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# --- which pages ------------------------------------------------------------------------------


def page_urls(lang: str) -> list[str]:
    """Every page of a language, as its URL path relative to that language's root, from the
    sources (collection happens before the build); test_every_page_is_visited checks them
    against the build."""
    urls = []
    for page in page_paths(lang):
        rel = page.with_suffix("")
        parts = rel.parts[:-1] if rel.name == "index" else rel.parts
        urls.append("".join(f"{part}/" for part in parts))
    return [*urls, "404.html"]


PAGES = [(lang, url) for lang in LANGS for url in page_urls(lang)]


def lang_root(lang: str) -> str:
    return PREFIX if lang == "zh" else f"{PREFIX}en/"


def example_of_block(name: str) -> str:
    """What a block including an example shows: its program, not the transcript under it."""
    return read_example(name).program


# --- the server and the browser ---------------------------------------------------------------


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site under PREFIX, and the 404 page for anything missing, with status
    404, as GitHub Pages does."""

    def translate_path(self, path):
        path = urlsplit(path).path
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "\0missing")
        return super().translate_path("/" + path[len(PREFIX) :])

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a browser that leaves a page drops its connections


@pytest.fixture(scope="session")
def server(built_site):
    handler = functools.partial(SiteHandler, directory=str(built_site))
    httpd = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def fulfill_json(body: str, route) -> None:
    route.fulfill(body=body, content_type="application/json")


def page_context(browser, server: str, site: Path, **options):
    """A browser context for the page tests. Requests to any other host are recorded by each
    test and aborted here, so nothing waits on a network. Every page load would also fetch the
    whole search index and build it in the search worker: these contexts get an empty one (with
    the same config); test_search uses the real one."""
    context = browser.new_context(**options)
    context.route(lambda url: not url.startswith(server), lambda route: route.abort())
    for lang in LANGS:
        real = site / lang_root(lang)[len(PREFIX) :] / INDEX
        empty = json.dumps({"config": json.loads(real.read_text("utf-8"))["config"], "docs": []})
        context.route(f"{server}{lang_root(lang)}{INDEX}", functools.partial(fulfill_json, empty))
    return context


@pytest.fixture(scope="session")
def phone(browser, server, built_site):
    """One browser context per worker, 360 px wide, allowed to read the clipboard."""
    context = page_context(
        browser,
        server,
        built_site,
        viewport={"width": WIDTH, "height": 760},
        permissions=["clipboard-read", "clipboard-write"],
    )
    yield context
    context.close()


class Watch:
    """What goes wrong on a page while it is open: console errors, uncaught exceptions, failed
    requests and requests to other hosts."""

    def __init__(self, page, server: str, *, expect_status: dict[str, int] | None = None):
        self.problems: list[str] = []
        self.expect_status = expect_status or {}
        self.server = server
        page.on("console", self.console)
        page.on("pageerror", lambda error: self.problems.append(f"uncaught: {error}"))
        page.on("requestfailed", self.failed)
        page.on("response", self.response)
        page.on("request", self.request)

    def stop(self):
        """Stop recording: leaving the page cancels its pending requests."""
        self.problems = []

    def console(self, message):
        if message.type == "error":
            self.problems.append(f"console error: {message.text} ({message.location})")

    def failed(self, request):
        if request.url.startswith(self.server):
            self.problems.append(f"failed request: {request.url} ({request.failure})")

    def response(self, response):
        expected = self.expect_status.get(response.url, 200)
        if response.status >= 400 and response.status != expected:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def request(self, request):
        if urlsplit(request.url).scheme in ("http", "https", "ws", "wss") and not (
            request.url.startswith(self.server)
        ):
            self.problems.append(f"request to another host: {request.url}")


# --- the checks of one page -------------------------------------------------------------------

AXE = Path(__import__("axe_playwright_python").__file__).with_name("axe.min.js")

WIDE_ELEMENTS = """(width) => {
    const scrollers = "pre, code, table, .md-typeset__scrollwrap, .md-typeset__table, "
        + ".timeline-scroll";
    const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
        + [...el.classList].map((c) => "." + c).join("");
    const path = (el) => {
        const names = [];
        for (let e = el; e && e !== document.body && names.length < 4; e = e.parentElement)
            names.unshift(name(e));
        return names.join(" > ");
    };
    const found = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth)
        found.push(`the document is ${root.scrollWidth} px wide, the window ${width} px`);
    for (const el of document.body.querySelectorAll("*")) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || box.right <= width + 1) continue;
        if (getComputedStyle(el).visibility === "hidden") continue;
        // Contained: the nearest ancestor that clips or scrolls and fits in the window is a
        // code block or table (or clips without scrolling, which cannot scroll the page).
        let contained = false;
        for (let a = el.parentElement; a; a = a.parentElement) {
            const overflow = getComputedStyle(a).overflowX;
            if (overflow === "visible" || a.getBoundingClientRect().right > width + 1) continue;
            contained = overflow === "hidden" || overflow === "clip"
                || a.matches(scrollers) || el.closest(scrollers) !== null;
            break;
        }
        if (!contained) found.push(`${path(el)} reaches ${Math.round(box.right)} px`);
    }
    return found.slice(0, 10);
}"""


def check_copy_buttons(page, problems: list[str]) -> None:
    blocks = page.locator("div.highlight:has(> span.filename)")
    names = blocks.locator("> span.filename").all_inner_texts()
    for i, name in enumerate(map(str.strip, names)):
        if not name.startswith("examples/"):
            continue
        page.evaluate("navigator.clipboard.writeText('')")
        # A real click (Material copies on a trusted click), without Playwright's checks that
        # the button is visible and still: the page is loaded and nothing moves.
        blocks.nth(i).locator("button.md-code__button[data-md-type=copy]").click(force=True)
        copied = page.evaluate("navigator.clipboard.readText()")
        expected = example_of_block(name).rstrip()
        if copied != expected:
            pairs = enumerate(zip(copied, expected, strict=False))
            at = next((k for k, (a, b) in pairs if a != b), min(len(copied), len(expected)))
            problems.append(
                f"the copy button of {name} copies {len(copied)} characters that differ from "
                f"the file's {len(expected)}, first at character {at}: "
                f"{copied[at : at + 40]!r} instead of {expected[at : at + 40]!r}"
            )


def check_notebook(page, lang: str, url: str, problems: list[str]) -> None:
    source = (DOCS / lang / url.rstrip("/")).with_suffix(".ipynb").read_text(encoding="utf-8")
    outputs = page.locator(".jp-OutputArea-output")
    if outputs.count() == 0:
        problems.append("the notebook page shows no outputs")
    for i in range(outputs.count()):
        output = outputs.nth(i)
        shown = output.is_visible() and (
            output.inner_text().strip() or output.locator("svg").count()
        )
        if not shown:
            problems.append(f"output {i + 1} is empty or hidden")
    charts = page.locator(".jp-OutputArea-output svg")
    if "notebook_svg_charts" in source and charts.count() == 0:
        problems.append("the notebook draws charts, but the page shows none")
    for i in range(charts.count()):
        box = charts.nth(i).bounding_box()
        if box is None or box["width"] < 100 or box["height"] < 50:
            problems.append(f"chart {i + 1} is not shown at a readable size: {box}")


#: Code blocks, Material's and the notebooks'. Their markup and colours come from one template
#: and one stylesheet, the same on every page, and checking the contrast of every token costs
#: axe most of its time on a page: test_page checks everything else, and test_code_blocks checks
#: the code blocks of pages that together show every kind of token.
CODE_BLOCKS = [[".highlight"], [".highlight-ipynb"]]
#: axe's options: every rule but colour contrast, and colour contrast alone.
NOT_CONTRAST = {"rules": {"color-contrast": {"enabled": False}}}
CONTRAST = {"runOnly": {"type": "rule", "values": ["color-contrast"]}}


def check_axe(page, problems: list[str], context: dict | None, options: dict) -> None:
    """axe-core's serious and critical violations, on the page or the part named by context
    (axe's include/exclude lists), with axe's options (which rules)."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "([context, options]) => axe.run(context || document, "
        "{...options, resultTypes: ['violations']})",
        [context, options],
    )
    for violation in result["violations"]:
        if violation["impact"] not in ("serious", "critical"):
            continue
        targets = []
        for node in violation["nodes"]:
            target = " ".join(map(str, node["target"]))
            targets.append(target)
        if targets:
            problems.append(
                f"axe {violation['impact']} {violation['id']}: {violation['help']} "
                f"on {', '.join(targets[:5])}{' ...' if len(targets) > 5 else ''}"
            )


def check_switcher(page, lang: str, url: str, server: str, problems: list[str]) -> None:
    other = OTHER[lang]
    expected = server + lang_root(other) + ("" if url == "404.html" else url)
    page.locator(".md-header__option .md-select > button").click()
    link = page.locator(f'.md-select__link[hreflang="{other}"]')
    with page.expect_navigation(wait_until="domcontentloaded"):
        link.click()
    if page.url.split("#")[0] != expected:
        problems.append(f"the {other} switcher link opened {page.url}, not {expected}")
    elif page.locator("html").get_attribute("lang") != other:
        problems.append(f"the {other} switcher link opened a page that is not in {other}")


@pytest.mark.timeout(240)  # the first test of a worker may wait for the site build
@pytest.mark.parametrize(
    ("lang", "url"), PAGES, ids=[f"{lang}:{url or '/'}" for lang, url in PAGES]
)
def test_page(phone, server, lang, url):
    page = phone.new_page()
    address = server + lang_root(lang) + url
    watch = Watch(page, server)
    problems = watch.problems
    try:
        page.goto(address, wait_until="load")
        check_copy_buttons(page, problems)
        if (DOCS / lang / url.rstrip("/")).with_suffix(".ipynb").is_file():
            check_notebook(page, lang, url, problems)
        problems.extend(page.evaluate(WIDE_ELEMENTS, WIDTH))
        check_axe(page, problems, {"exclude": CODE_BLOCKS}, {})
        watch.stop()
        check_switcher(page, lang, url, server, problems)
    finally:
        page.close()
    report = f"{lang} page {address}:\n" + "\n".join(f"- {p}" for p in problems)
    assert not problems, report


CODE_BLOCK = re.compile(r'class="(?:[^"]*\s)?(highlight|highlight-ipynb)[\s"].*?</pre>', re.DOTALL)
SPAN_CLASS = re.compile(r'<span class="([^"]+)"')


def code_styles(html: str) -> set[str]:
    """The kinds of code tokens a page shows: each code block's kind with its tokens' classes."""
    styles = set()
    for block in CODE_BLOCK.finditer(html):
        kind = "notebook" if block[1] == "highlight-ipynb" else "page"
        styles.add(kind)
        styles.update(f"{kind}:{name}" for name in SPAN_CLASS.findall(block[0]))
    return styles


def pages_showing_every_code_style(site: Path) -> list[tuple[str, str]]:
    """Few pages that together show every kind of code token on the site (greedy cover)."""
    shown = {}
    for lang in LANGS:
        root = site if lang == "zh" else site / "en"
        for url in page_urls(lang):
            if url != "404.html":
                html = (root / url / "index.html").read_text(encoding="utf-8")
                shown[lang, url] = code_styles(html)
    missing = set().union(*shown.values())
    chosen = []
    while missing:
        best = max(shown, key=lambda key: len(shown[key] & missing))
        chosen.append(best)
        missing -= shown[best]
    return chosen


#: Marks the first token of each kind in each code block's kind (and inside or outside a
#: highlighted line, whose background differs): the same colours on the same background, so
#: one of each stands for all of them, and axe checks a few dozen elements instead of thousands.
MARK_SAMPLES = """() => {
    const seen = new Set();
    for (const block of document.querySelectorAll(".highlight, .highlight-ipynb")) {
        const kind = block.classList.contains("highlight-ipynb") ? "notebook" : "page";
        for (const span of block.querySelectorAll("span[class]")) {
            if (!span.textContent.trim()) continue;
            const key = [kind, span.className, span.closest(".hll") !== null].join("|");
            if (seen.has(key)) continue;
            seen.add(key);
            span.setAttribute("data-axe-sample", "");
        }
    }
}"""


@pytest.mark.timeout(240)  # the first test of a worker may wait for the site build
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_code_blocks(browser, server, built_site, scheme):
    """axe on the code blocks (left out of test_page), in Material's light and dark schemes:
    every kind of code token the site shows, on the few pages that together show them all."""
    viewport = {"width": WIDTH, "height": 760}
    context = page_context(browser, server, built_site, viewport=viewport, color_scheme=scheme)
    problems: list[str] = []
    try:
        for lang, url in pages_showing_every_code_style(built_site):
            page = context.new_page()
            page.goto(server + lang_root(lang) + url, wait_until="load")
            page.evaluate(MARK_SAMPLES)
            found: list[str] = []
            check_axe(page, found, {"include": CODE_BLOCKS}, NOT_CONTRAST)
            check_axe(page, found, {"include": [["[data-axe-sample]"]]}, CONTRAST)
            problems += [f"{lang} page {url or '/'}: {problem}" for problem in found]
            page.close()
    finally:
        context.close()
    assert not problems, f"code blocks, {scheme} scheme:\n" + "\n".join(problems)


def test_missing_page_gets_the_404_page(phone, server):
    page = phone.new_page()
    address = f"{server}{PREFIX}no-such-page/"
    watch = Watch(page, server, expect_status={address: 404})
    try:
        response = page.goto(address, wait_until="load")
        assert response.status == 404
        assert page.locator("h1").inner_text().strip() == "404 - Not found"
    finally:
        page.close()
    problems = [p for p in watch.problems if not (p.startswith("console error") and address in p)]
    assert not problems, "\n".join(problems)


def test_every_page_is_visited(built_site):
    for lang in LANGS:
        root = built_site if lang == "zh" else built_site / "en"
        built = set()
        for path in root.rglob("*.html"):
            rel = path.relative_to(root).as_posix()
            if lang == "zh" and rel.startswith("en/"):
                continue
            built.add(rel.removesuffix("index.html"))
        assert built == set(page_urls(lang)), f"{lang}: pages built but not listed, or listed only"


# --- search -----------------------------------------------------------------------------------


def glossary_forms(lang: str) -> list[str]:
    data = glossary()
    forms = []
    for term in data["terms"]:
        for form in [term[lang], *term.get("also", {}).get(lang, [])]:
            if form not in forms:
                forms.append(form)
    return forms


SEARCHES = [(lang, form) for lang in LANGS for form in glossary_forms(lang)]


def article_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article.md-content__inner")
    if article is None:
        return ""
    for element in article.select("script, style, a.headerlink, a.anchor-link"):
        element.decompose()
    return article.get_text(" ")


@functools.cache
def page_texts(site: Path, lang: str) -> dict[str, str]:
    root = site if lang == "zh" else site / "en"
    texts = {}
    for url in page_urls(lang):
        if url != "404.html":
            texts[url] = article_text((root / url / "index.html").read_text(encoding="utf-8"))
    return texts


def term_pattern(term: str) -> re.Pattern:
    """The term as "contains" means it (see the module's docstring)."""
    words = [re.escape(word) for word in term.split()]
    start = r"(?<![A-Za-z0-9])" if re.match(r"[A-Za-z0-9]", term) else ""
    return re.compile(start + r"\s+".join(words), re.IGNORECASE)


# Material's search worker is wrapped so that the test sees which query each result answers
# (the worker answers in order: one RESULT message per QUERY message).
RECORD_SEARCHES = """
(() => {
    const Native = window.Worker;
    window.__searches = [];
    window.Worker = class extends Native {
        constructor(...args) {
            super(...args);
            this.addEventListener("message", (event) => {
                if (event.data && event.data.type === 3) {
                    const pending = window.__searches.find((s) => !s.done);
                    if (pending) Object.assign(pending, {done: true, result: event.data.data});
                }
            });
        }
        postMessage(message, ...rest) {
            if (message && message.type === 2)
                window.__searches.push({query: message.data, done: false});
            return super.postMessage(message, ...rest);
        }
    };
})();
"""


@pytest.fixture(scope="session")
def search_pages(browser, server):
    """One page per language, with search ready, reused by every search of this worker."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(lambda url: not url.startswith(server), lambda route: route.abort())
    context.add_init_script(RECORD_SEARCHES)
    pages = {}

    def open_page(lang: str):
        if lang not in pages:
            page = context.new_page()
            watch = Watch(page, server)
            page.goto(server + lang_root(lang), wait_until="networkidle")
            pages[lang] = (page, watch)
        return pages[lang]

    yield open_page
    context.close()


@pytest.mark.timeout(240)  # the first test of a worker may wait for the site build
@pytest.mark.parametrize(("lang", "term"), SEARCHES, ids=[f"{lang}:{t}" for lang, t in SEARCHES])
def test_search(search_pages, built_site, server, lang, term):
    page, watch = search_pages(lang)
    before = len(watch.problems)  # the page's own load is test_page's business
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(term)
    box.press("End")  # a key release: input methods end with one, Material listens for it
    page.wait_for_function(
        "(term) => window.__searches.some((s) => s.query === term && s.done)", arg=term
    )
    result = page.evaluate(
        "(term) => window.__searches.filter((s) => s.query === term && s.done).pop().result",
        term,
    )
    found = {item[0]["location"].split("#")[0] for item in result["items"] if item}
    pattern = term_pattern(term)
    expected = {url for url, text in page_texts(built_site, lang).items() if pattern.search(text)}
    problems = watch.problems[before:]
    if missed := sorted(expected - found):
        problems.append(f"pages that contain it but are not found: {missed}")
    if strangers := sorted(found - set(page_urls(lang))):
        problems.append(f"results that are not pages of this language: {strangers}")
    # What the reader sees: the count, and links that stay in this language.
    meta = page.locator(".md-search-result__meta").inner_text()
    if str(len(found)) not in meta and found:
        problems.append(f"the result count shows {meta!r}, not {len(found)}")
    for href in page.locator("a.md-search-result__link").evaluate_all(
        "(links) => links.map((a) => a.href)"
    ):
        path = unquote(urlsplit(href).path)
        in_en = path.startswith(f"{PREFIX}en/")
        if not path.startswith(PREFIX) or in_en != (lang == "en"):
            problems.append(f"a result leads out of the {lang} site: {href}")
    assert not problems, f"{lang} search for {term!r}:\n" + "\n".join(problems)
