"""Measure the built site against its budgets, and print every figure next to its target.

Run from the repository root:

    .venv/bin/python benchmarks/site.py            # build, run the tests, measure
    .venv/bin/python benchmarks/site.py --skip-tests

Steps, in order:

1. Build both languages strictly (what ``make build`` runs) and time it.
2. Run the test suite (``pytest``, with the settings in pyproject.toml) and time it,
   unless ``--skip-tests`` is given.
3. Serve site/ on 127.0.0.1 with a small server that behaves like GitHub Pages where it
   matters for these figures (gzip for text, 404.html for missing paths, the same
   Cache-Control), see ``PagesLikeHandler``.
4. Open every page of both languages in Chromium (Playwright), each in a fresh browser
   context (cold cache), and count what a first visit downloads: requests, bytes on the wire,
   and requests to any host other than the local server (the target is none).
5. Run Lighthouse 12.2.3 (benchmarks/node_modules, installed with ``npm ci``) with its mobile
   and desktop presets on each language's home page and its heaviest chapter page (the page,
   other than the home page, with the most bytes on a first visit).

Targets: Lighthouse mobile performance >= 97, accessibility, best practices and SEO 100 (both
presets); a first visit to a text page <= 300 KB (notebook pages carry plots and are shown
without a target); zero third-party requests. A figure that misses its target is marked
MISSED, and for a Lighthouse score the audits that cost points are listed under the table.

Exit status: 0 when everything ran, whether or not targets were met (the figures depend on
the machine, so they are for reading, not for gating). 1 when the test suite failed (the
figures are still measured and printed). 2 when something needed for the measurement broke:
the build, the browser, Lighthouse or the server.
"""

from __future__ import annotations

import argparse
import email.utils
import gzip
import json
import mimetypes
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "benchmarks"
SITE = REPO / "site"
VENV_BIN = Path(sys.executable).parent

CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_VERSION = "12.2.3"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")

# The targets: a Lighthouse score must reach its figure (performance only on mobile).
SCORE_TARGETS = {
    ("mobile", "performance"): 97,
    ("mobile", "accessibility"): 100,
    ("mobile", "best-practices"): 100,
    ("mobile", "seo"): 100,
    ("desktop", "accessibility"): 100,
    ("desktop", "best-practices"): 100,
    ("desktop", "seo"): 100,
}
TEXT_PAGE_BUDGET = 300 * 1024  # bytes on the wire for a first visit to a text page
TIMELINE_GZIP_BUDGET = 25 * 1024  # what one timeline figure adds to its page, gzip
TIMELINE_DRAWING_BUDGET = 5.0  # seconds the timelines add to make build (both languages)
THIRD_PARTY_BUDGET = 0

MISSED = "MISSED"
MET = "ok"


# ---------------------------------------------------------------------------
# The server: like GitHub Pages where it matters for these figures
# ---------------------------------------------------------------------------

# GitHub Pages compresses text responses (HTML, CSS, JavaScript, JSON, SVG, XML ...) with gzip
# for clients that accept it; images and fonts are sent as they are.
COMPRESSED_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
    "application/x-ipynb+json",
)
EXTRA_TYPES = {
    ".js": "application/javascript",
    ".mjs": "application/javascript",
    ".json": "application/json",
    ".map": "application/json",
    ".ipynb": "application/x-ipynb+json",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".webmanifest": "application/manifest+json",
    ".txt": "text/plain",
}


class PagesLikeHandler(SimpleHTTPRequestHandler):
    """Serves site/ as GitHub Pages serves a project site, for what these figures see:

    - gzip (level 6) for text types when the request accepts it, ``Vary: Accept-Encoding``;
    - ``Cache-Control: max-age=600`` (what GitHub Pages sends), Last-Modified and ETag;
    - ``/dir`` redirects to ``/dir/`` and ``/dir/`` serves ``/dir/index.html``;
    - a missing path gets site/404.html with status 404.

    It does not do HTTP/2 or TLS; Lighthouse's simulated throttling models the network
    itself (latency and bandwidth) from the requests it sees, so this matters little for
    the scores, and nothing for the byte counts.
    """

    server_version = "pages-like"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def do_HEAD(self):
        self._serve(head=True)

    def do_GET(self):
        self._serve(head=False)

    def _resolve(self) -> tuple[Path | None, str | None]:
        """Return (file, redirect location)."""
        raw = unquote(urlsplit(self.path).path)
        root = Path(self.directory).resolve()
        target = (root / raw.lstrip("/")).resolve()
        if root != target and root not in target.parents:
            return None, None
        if target.is_dir():
            if not raw.endswith("/"):
                return None, raw + "/"
            target = target / "index.html"
        return (target if target.is_file() else None), None

    def _serve(self, head: bool) -> None:
        path, location = self._resolve()
        if location is not None:
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status = HTTPStatus.OK
        if path is None:
            status = HTTPStatus.NOT_FOUND
            path = Path(self.directory) / "404.html"
        body = path.read_bytes()
        ctype = EXTRA_TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0]
        ctype = ctype or "application/octet-stream"
        compress = ctype.startswith(COMPRESSED_TYPES)
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
            ctype += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Cache-Control", "max-age=600")
        mtime = path.stat().st_mtime
        self.send_header("Last-Modified", email.utils.formatdate(mtime, usegmt=True))
        self.send_header("ETag", f'"{int(mtime):x}-{len(body):x}"')
        if compress:
            self.send_header("Vary", "Accept-Encoding")
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, compresslevel=6, mtime=0)
                self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)


@dataclass
class Server:
    base: str
    httpd: ThreadingHTTPServer
    description: str = (
        "local server on 127.0.0.1 that serves site/ like GitHub Pages: gzip (level 6) for "
        "text (HTML, CSS, JS, JSON, SVG, XML), images as they are, Cache-Control max-age=600, "
        "404.html for missing paths; HTTP/1.1 without TLS (GitHub Pages: HTTP/2 over TLS)"
    )

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def serve(directory: Path) -> Server:
    handler = lambda *a, **k: PagesLikeHandler(*a, directory=str(directory), **k)  # noqa: E731
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    host, port = httpd.server_address[:2]
    return Server(base=f"http://{host}:{port}/", httpd=httpd)


# ---------------------------------------------------------------------------
# Build and tests
# ---------------------------------------------------------------------------


class Broken(Exception):
    """Something the measurement needs did not work (exit status 2)."""


def run_timed(
    command: list[str], what: str, log: Path
) -> tuple[float, subprocess.CompletedProcess]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        result = subprocess.run(command, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)
    elapsed = time.perf_counter() - start
    print(f"  {what}: {elapsed:.1f} s (exit {result.returncode}; log: {log})", flush=True)
    return elapsed, result


def build_site(logs: Path) -> float:
    """Both languages, strictly, zh first (its build cleans site/): what `make build` runs."""
    total = 0.0
    for config in ("mkdocs.yml", "mkdocs.en.yml"):
        command = [str(VENV_BIN / "mkdocs"), "build", "--strict", "-f", config]
        elapsed, result = run_timed(
            command, f"mkdocs build --strict -f {config}", logs / f"build-{config}.log"
        )
        if result.returncode != 0:
            raise Broken(f"the build of {config} failed; see {logs / f'build-{config}.log'}")
        total += elapsed
    return total


def run_tests(logs: Path) -> tuple[float, bool, str]:
    log = logs / "pytest.log"
    elapsed, result = run_timed(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], "pytest", log
    )
    lines = [line for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]
    summary = lines[-1].strip("= ") if lines else "(no output)"
    return elapsed, result.returncode == 0, summary


# ---------------------------------------------------------------------------
# First visits in Chromium (Playwright): requests and bytes per page
# ---------------------------------------------------------------------------


@dataclass
class Visit:
    path: str
    requests: int = 0
    bytes: int = 0  # on the wire: response headers + (compressed) bodies
    third_party: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    notebook: bool = False


def site_pages(site: Path) -> list[str]:
    """URL paths of every page of both languages ("", "pool/", "en/", "en/pool/" ...)."""
    pages = []
    for index in sorted(site.rglob("index.html")):
        rel = index.parent.relative_to(site).as_posix()
        if rel.startswith(("assets", "search")) or "/assets/" in rel:
            continue
        pages.append("" if rel == "." else rel + "/")
    # Chinese first, then English; each language's home page first.
    return sorted(pages, key=lambda p: (p.startswith("en/"), p not in ("", "en/"), p))


def is_notebook_page(site: Path, path: str) -> bool:
    """Notebook pages are rendered by mkdocs-jupyter: they carry plots and nbconvert's styles."""
    html = (site / path / "index.html").read_text(encoding="utf-8")
    return "jp-Notebook" in html


def first_visits(server: Server, pages: list[str], site: Path, settle_ms: int) -> list[Visit]:
    from playwright.sync_api import sync_playwright

    origin = server.base.rstrip("/")
    visits = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROME_FLAGS[1:])
        try:
            for path in pages:
                visit = Visit(path=path, notebook=is_notebook_page(site, path))
                # A new context per page: empty cache, no cookies, no storage.
                context = browser.new_context(viewport={"width": 412, "height": 823})
                page = context.new_page()
                seen: list = []
                failed: set[int] = set()
                context.on("request", lambda r, seen=seen: seen.append(r))
                context.on("requestfailed", lambda r, failed=failed: failed.add(id(r)))
                page.goto(server.base + path, wait_until="load")
                # What the page fetches after load (the search index, lazily loaded
                # scripts) is part of a first visit too: wait until the network is idle.
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(settle_ms)
                for request in seen:
                    if request.url.startswith(("data:", "blob:")):
                        continue
                    visit.requests += 1
                    if not request.url.startswith(origin + "/"):
                        visit.third_party.append(request.url)
                    if id(request) in failed:
                        visit.failed.append(f"{request.url} ({request.failure})")
                        continue
                    sizes = request.sizes()
                    body = sizes["responseBodySize"]
                    if not body:
                        # Chromium reports no body size for a worker's own script; every
                        # response of the local server has a Content-Length (the bytes sent).
                        response = request.response()
                        length = response.header_value("content-length") if response else None
                        body = int(length or 0)
                    visit.bytes += sizes["responseHeadersSize"] + body
                context.close()
                visits.append(visit)
        finally:
            browser.close()
    return visits


# ---------------------------------------------------------------------------
# Lighthouse
# ---------------------------------------------------------------------------


@dataclass
class LighthouseRun:
    path: str
    preset: str  # "mobile" or "desktop"
    scores: dict[str, int]
    # category -> ["audit-id (score, weight): what it shows"], for audits that cost points
    losses: dict[str, list[str]]
    requests: int
    third_party: list[str]
    bytes: int
    benchmark_index: float
    warnings: list[str]


def check_lighthouse() -> None:
    if not LIGHTHOUSE.exists():
        raise Broken(f"{LIGHTHOUSE} is missing: run `npm ci --ignore-scripts` in {BENCH}")
    version = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True)
    if version.stdout.strip() != LIGHTHOUSE_VERSION:
        raise Broken(f"Lighthouse {LIGHTHOUSE_VERSION} expected, found {version.stdout.strip()!r}")
    if not Path(CHROMIUM).exists():
        raise Broken(f"no Chromium at {CHROMIUM} (set CHROME_PATH)")


def audit_summary(report: dict, audit_id: str) -> str:
    audit = report["audits"][audit_id]
    shown = audit.get("displayValue") or ""
    items = (audit.get("details") or {}).get("items") or []
    where = []
    for item in items[:3]:
        node = item.get("node") if isinstance(item, dict) else None
        source = item.get("source") if isinstance(item, dict) else None
        if isinstance(node, dict) and node.get("selector"):
            where.append(node["selector"])
        elif isinstance(source, dict) and source.get("snippet"):
            where.append(source["snippet"])
        elif isinstance(item, dict) and item.get("url"):
            where.append(str(item["url"]))
        elif isinstance(item, dict) and item.get("description"):
            where.append(str(item["description"]))
    text = shown
    if where:
        more = f" (+{len(items) - 3} more)" if len(items) > 3 else ""
        text = (text + "; " if text else "") + ", ".join(where) + more
    return text


def run_lighthouse(base: str, path: str, preset: str, out: Path) -> LighthouseRun:
    command = [
        str(LIGHTHOUSE),
        base + path,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        "--only-categories=" + ",".join(CATEGORIES),
        "--chrome-flags=" + " ".join(CHROME_FLAGS),
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not out.exists():
        raise Broken(f"Lighthouse failed on /{path} ({preset}): {result.stderr.strip()[-2000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise Broken(f"Lighthouse on /{path} ({preset}): {report['runtimeError']}")
    scores, losses = {}, {}
    for name in CATEGORIES:
        category = report["categories"][name]
        if category["score"] is None:
            raise Broken(f"Lighthouse gave no {name} score on /{path} ({preset})")
        scores[name] = round(category["score"] * 100)
        lost = []
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                lost.append(
                    f"{ref['id']} (score {audit['score']:.2f}, weight {ref['weight']}): "
                    + audit_summary(report, ref["id"])
                )
        losses[name] = lost
    origin = base.rstrip("/")
    requests = [
        item["url"]
        for item in report["audits"]["network-requests"]["details"]["items"]
        if not item["url"].startswith(("data:", "blob:"))
    ]
    return LighthouseRun(
        path=path,
        preset=preset,
        scores=scores,
        losses=losses,
        requests=len(requests),
        third_party=[url for url in requests if not url.startswith(origin + "/")],
        bytes=report["audits"]["total-byte-weight"]["numericValue"],
        benchmark_index=report["environment"]["benchmarkIndex"],
        warnings=report.get("runWarnings", []),
    )


# ---------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------


FIGURE = re.compile(r'<figure class="run-timeline-figure">.*?</figure>', re.DOTALL)


def timeline_figures(site: Path) -> list[tuple[str, int]]:
    """(page, gzip bytes) of every timeline figure of the built site."""
    found = []
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        for figure in FIGURE.findall(text):
            found.append((page.relative_to(site).as_posix(), len(gzip.compress(figure.encode()))))
    return found


def timeline_drawing_seconds() -> tuple[float, int]:
    """How long drawing every recorded timeline takes, in both languages, as the build does it
    (figure, caption and text alternative), and how many there are."""
    sys.path[:0] = [str(REPO / "docs" / "hooks")]
    import code_blocks
    from site_model import example_paths, read_example

    examples = [e for e in map(read_example, example_paths()) if e.timeline is not None]
    start = time.perf_counter()
    for example in examples:
        for lang in ("zh", "en"):
            code_blocks.figure(example, lang)
    return time.perf_counter() - start, len(examples)


def print_timelines(site: Path) -> None:
    figures = timeline_figures(site)
    seconds, count = timeline_drawing_seconds()
    print(f"\nTimelines ({count} recorded runs, {len(figures)} figures on the built pages)")
    if figures:
        page, largest = max(figures, key=lambda f: f[1])
        ok = largest <= TIMELINE_GZIP_BUDGET
        print(
            f"  largest figure, gzip: {kib(largest)} ({label(page)}), "
            f"<= {TIMELINE_GZIP_BUDGET // 1024} KB {mark(ok)}"
        )
    ok = seconds <= TIMELINE_DRAWING_BUDGET
    print(
        f"  drawing them all, both languages: {seconds:.2f} s, "
        f"<= {TIMELINE_DRAWING_BUDGET:.0f} s added to the build {mark(ok)}"
    )


def mark(ok: bool) -> str:
    return MET if ok else MISSED


def kib(n: float) -> str:
    return f"{n / 1024:.1f} KB"


def label(path: str) -> str:
    return "/" + path


def pick_pages(visits: list[Visit]) -> list[tuple[str, str]]:
    """Each language's home page and its heaviest chapter page (most bytes on a first visit)."""
    chosen = []
    for home, lang in (("", "zh"), ("en/", "en")):
        mine = [
            v for v in visits if (v.path.startswith("en/") or v.path == "en/") == (lang == "en")
        ]
        chosen.append((home, f"{lang} home"))
        chapters = [v for v in mine if v.path != home]
        if chapters:
            heaviest = max(chapters, key=lambda v: v.bytes)
            kind = "notebook" if heaviest.notebook else "text"
            chosen.append(
                (heaviest.path, f"{lang} heaviest chapter, {kind} page, {kib(heaviest.bytes)}")
            )
    return chosen


def print_visits(visits: list[Visit]) -> bool:
    print("\nFirst visit, cold cache (Chromium via Playwright; bytes on the wire incl. headers)")
    width = max(len(label(v.path)) for v in visits) + 2
    print(f"  {'page':<{width}}{'requests':>9}  {'bytes':>10}  {'target':<22}{'third-party':>12}")
    all_ok = True
    for v in visits:
        if v.notebook:
            budget = "no target (notebook)"
        else:
            ok = v.bytes <= TEXT_PAGE_BUDGET
            all_ok &= ok
            budget = f"<= {TEXT_PAGE_BUDGET // 1024} KB {mark(ok)}"
        third = len(v.third_party)
        all_ok &= third <= THIRD_PARTY_BUDGET
        print(
            f"  {label(v.path):<{width}}{v.requests:>9}  {kib(v.bytes):>10}  {budget:<22}"
            f"{third:>5} (= {THIRD_PARTY_BUDGET}) {mark(third <= THIRD_PARTY_BUDGET)}"
        )
        for url in v.third_party:
            print(f"      third-party request: {url}")
        for failure in v.failed:
            print(f"      failed request: {failure}")
    text = [v for v in visits if not v.notebook]
    if text:
        heaviest = max(text, key=lambda v: v.bytes)
        print(
            f"  heaviest text page: {label(heaviest.path)} {kib(heaviest.bytes)} "
            f"(target <= {TEXT_PAGE_BUDGET // 1024} KB) {mark(heaviest.bytes <= TEXT_PAGE_BUDGET)}"
        )
    notebooks = [v for v in visits if v.notebook]
    if notebooks:
        heaviest = max(notebooks, key=lambda v: v.bytes)
        print(f"  heaviest notebook page: {label(heaviest.path)} {kib(heaviest.bytes)} (no target)")
    total_third = sum(len(v.third_party) for v in visits)
    print(
        f"  third-party requests on all {len(visits)} pages: {total_third} "
        f"(target {THIRD_PARTY_BUDGET}) {mark(total_third <= THIRD_PARTY_BUDGET)}"
    )
    return all_ok


def median_run(runs: list[LighthouseRun]) -> tuple[dict[str, int], LighthouseRun]:
    scores = {
        name: int(statistics.median_low([r.scores[name] for r in runs])) for name in CATEGORIES
    }
    # The run whose performance score is the median one explains the losses.
    by_perf = sorted(runs, key=lambda r: r.scores["performance"])
    return scores, by_perf[(len(by_perf) - 1) // 2]


def print_lighthouse(
    results: dict[tuple[str, str], list[LighthouseRun]], names: dict[str, str]
) -> bool:
    runs = next(iter(results.values()))
    print(
        f"\nLighthouse {LIGHTHOUSE_VERSION} (median of {len(runs)} run(s) per page and preset; "
        f"score / target / mark)"
    )
    width = max(len(label(p)) for p, _ in results) + 2
    head = "".join(f"{name:<22}" for name in CATEGORIES)
    print(f"  {'page':<{width}}{'preset':<9}{head}")
    all_ok = True
    explained = []
    for (path, preset), runs in results.items():
        scores, typical = median_run(runs)
        cells = []
        for name in CATEGORIES:
            target = SCORE_TARGETS.get((preset, name))
            if target is None:
                cells.append(f"{scores[name]:>3} (no target)")
                continue
            ok = scores[name] >= target
            all_ok &= ok
            sign = ">=" if target < 100 else "= "
            cells.append(f"{scores[name]:>3} {sign}{target} {mark(ok)}")
            if not ok:
                explained.append((path, preset, name, typical.losses[name]))
        print(f"  {label(path):<{width}}{preset:<9}" + "".join(f"{c:<22}" for c in cells))
        if len(runs) > 1:
            spread = ", ".join(str(r.scores["performance"]) for r in runs)
            print(f"  {'':<{width}}{'':<9}performance runs: {spread}")
    print(
        "  pages: "
        + "; ".join(f"{label(p)} = {names[p]}" for p in dict.fromkeys(p for p, _ in results))
    )
    indexes = sorted(r.benchmark_index for rs in results.values() for r in rs)
    print(
        f"  Lighthouse's CPU benchmark index on this machine: {indexes[0]:.0f} to {indexes[-1]:.0f}"
    )
    third = sorted({u for rs in results.values() for r in rs for u in r.third_party})
    print(f"  third-party requests seen by Lighthouse: {len(third)} (target 0) {mark(not third)}")
    for url in third:
        print(f"      {url}")
    warnings = sorted({w for rs in results.values() for r in rs for w in r.warnings})
    for warning in warnings:
        print(f"  Lighthouse warning: {warning}")
    if explained:
        print("\nWhat costs the points where a score misses its target (from the median run):")
        for path, preset, name, losses in explained:
            print(f"  {label(path)} {preset} {name}:")
            for loss in losses or ["(no weighted audit below 1: rounding of the metric scores)"]:
                print(f"    - {loss}")
    return all_ok and not third


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------


def chromium_version() -> str:
    try:
        out = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30)
        return out.stdout.strip() or out.stderr.strip()
    except OSError as error:
        raise Broken(f"cannot run {CHROMIUM}: {error}") from error


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-build", action="store_true", help="measure the site/ already built")
    parser.add_argument(
        "--skip-tests", action="store_true", help="do not run (and time) the test suite"
    )
    parser.add_argument(
        "--skip-lighthouse", action="store_true", help="only the first-visit figures"
    )
    parser.add_argument(
        "--runs", type=int, default=1, help="Lighthouse runs per page and preset (median shown)"
    )
    parser.add_argument(
        "--out",
        type=Path,
        help="folder for the logs and Lighthouse reports (default: a temporary one)",
    )
    parser.add_argument(
        "--settle-ms",
        type=int,
        default=1000,
        help="after the network is idle, wait this long for late requests (default 1000)",
    )
    parser.add_argument(
        "--page",
        action="append",
        default=[],
        metavar="PATH",
        help="also run Lighthouse on this page (e.g. en/pool/); repeatable",
    )
    args = parser.parse_args(argv)

    out = args.out or Path(tempfile.mkdtemp(prefix="site-benchmark-"))
    out.mkdir(parents=True, exist_ok=True)
    print(f"Site benchmark ({REPO}); logs and reports in {out}")
    print(f"Machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, {chromium_version()}")
    start_load = os.getloadavg()[0]
    if not args.skip_lighthouse:
        check_lighthouse()

    print("\nBuild and tests")
    build_time = None
    if not args.skip_build:
        build_time = build_site(out)
    if not (SITE / "index.html").exists():
        raise Broken("site/ has no index.html: build the site first")
    tests_ok, test_time, test_summary = True, None, None
    if not args.skip_tests:
        test_time, tests_ok, test_summary = run_tests(out)

    loads = [("at start", start_load)]
    server = serve(SITE)
    try:
        print(f"\nServer: {server.base} - {server.description}")
        pages = site_pages(SITE)
        visits = first_visits(server, pages, SITE, args.settle_ms)
        lighthouse: dict[tuple[str, str], list[LighthouseRun]] = {}
        loads.append(("before Lighthouse", os.getloadavg()[0]))
        chosen = pick_pages(visits)
        for extra in args.page:
            extra = extra.strip("/") + "/" if extra.strip("/") else ""
            if extra not in pages:
                raise Broken(f"--page {extra!r}: no such page in site/")
            chosen.append((extra, "asked for with --page"))
        if not args.skip_lighthouse:
            for path, _ in chosen:
                for preset in ("mobile", "desktop"):
                    for run in range(args.runs):
                        slug = (path or "home").strip("/").replace("/", "_")
                        name = f"lighthouse-{slug}-{preset}-{run + 1}.json"
                        result = run_lighthouse(server.base, path, preset, out / name)
                        lighthouse.setdefault((path, preset), []).append(result)
                        print(
                            f"  Lighthouse {label(path)} {preset} run {run + 1}: "
                            + ", ".join(f"{k} {v}" for k, v in result.scores.items()),
                            flush=True,
                        )
        loads.append(("at the end", os.getloadavg()[0]))
    finally:
        server.close()

    print("\n" + "=" * 100)
    print("Site benchmark: every figure next to its target (MISSED marks a miss)")
    print("=" * 100)
    if build_time is not None:
        print(f"  site build (both languages, --strict, as `make build`): {build_time:.1f} s")
    else:
        print("  site build: not run (--skip-build)")
    if test_time is not None:
        print(
            f"  test suite (pytest, settings from pyproject.toml): {test_time:.1f} s"
            f" - {test_summary}" + ("" if tests_ok else "  FAILED")
        )
    else:
        print("  test suite: not run (--skip-tests)")
    print(f"  server: {server.description}")
    busy = [f"{when} {load:.1f}" for when, load in loads]
    print(f"  load average (1 min; {os.cpu_count()} CPUs): " + ", ".join(busy))
    if max(load for _, load in loads) > (os.cpu_count() or 1) / 2:
        print(
            "  NOTE: the machine was busy with other work during the run; timings and Lighthouse's "
            "performance scores are lower than on an idle machine"
        )
    print_visits(visits)
    print_timelines(SITE)
    if lighthouse:
        print_lighthouse(lighthouse, dict(chosen))
    summary = {
        "build_seconds": build_time,
        "tests_seconds": test_time,
        "tests_passed": tests_ok if test_time is not None else None,
        "first_visits": [v.__dict__ for v in visits],
        "lighthouse": [r.__dict__ for rs in lighthouse.values() for r in rs],
    }
    (out / "summary.json").write_text(
        json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8"
    )
    print(f"\nAll figures as JSON: {out / 'summary.json'}")
    return 0 if tests_ok else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Broken as error:
        print(f"\nbenchmark broken: {error}", file=sys.stderr)
        sys.exit(2)
