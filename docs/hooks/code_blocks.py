"""Build hook: the site's rules for code, and the output under every program.

- Every include on a page names a file that exists (and a section it has), and the build says
  which page asks for a missing one (pymdownx.snippets alone does not).
- Every Python block is one include of a whole file from ``examples/``, titled with that file's
  path: no page carries code of its own.
- The block shows the program only: the include is narrowed to the program's lines, so the copy
  button copies the program and nothing of the transcript recorded under it.
- Under the block (and its code annotations, if any) comes the transcript of the recorded run,
  in a block of its own that starts with the command that runs the program, then one footer line
  in the page's language: the link to the file, how the run was recorded, that the tests run it
  again, and whether the order of lines varies.
- Under that, for a run of two or more processes or threads, the timeline of the same run
  (recorded with the transcript), drawn as inline SVG by the code the notebook pages use, with a
  caption and a text alternative.

An example without a recorded transcript, or with a transcript of an older version of its
program, fails the build, naming the page and the file.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import NoReturn

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from site_model import (
    INCLUDE,
    ROOT,
    ExampleFile,
    ExampleFormatError,
    parse_markdown,
    read_example,
    repo_url,
)

TEXT = {
    "zh": {
        "title": "运行结果",
        "source": "源文件",
        "recorded": "一次真实运行的输出（{os}，{python}{method}）",
        "method": "，启动方法 {method}",
        "checked": "每次测试都{under}重新运行，核对输出",
        "under": "在 {methods} 下",
        "sentence": "{recorded}；{checked}。",
        "varies": "各行的顺序每次运行可能不同。",
    },
    "en": {
        "title": "Output",
        "source": "Source",
        "recorded": "Output of a real run ({os}, {python}{method})",
        "method": ", start method {method}",
        "checked": "every test run runs it again{under} and checks the output",
        "under": " under {methods}",
        "sentence": "{recorded}; {checked}.",
        "varies": " The order of lines varies from run to run.",
    },
}


def _language(config) -> str:
    language = (config.theme.get("language") or "en").split("_")[0]
    return language if language in TEXT else "en"


def _listing(items: list[str], lang: str) -> str:
    if lang == "zh":
        return "、".join(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def footer(example: ExampleFile, lang: str) -> str:
    """The line under an example's output, in the page's language: the link to the file, how
    the run was recorded, that every test run checks it again, and whether the order varies."""
    text = TEXT[lang]
    recording = example.recording
    assert recording is not None
    methods = [m for m in example.methods() if m]
    method = text["method"].format(method=recording.method) if methods else ""
    recorded = text["recorded"].format(os=recording.os, python=recording.python, method=method)
    under = text["under"].format(methods=_listing(methods, lang)) if methods else ""
    sentence = text["sentence"].format(
        recorded=recorded, checked=text["checked"].format(under=under)
    )
    url = f"{repo_url()}/blob/main/{example.path}"
    line = f"[{text['source']}]({url}) · {sentence}"
    return line + text["varies"] if example.order_varies else line


#: The timelines a page asks for, by page and number, until on_page_content draws them.
_FIGURES: dict[str, list[ExampleFile]] = {}
PLACEHOLDER = "TIMELINE-FIGURE-{n}"
CAPTION = {
    "zh": "时间线：就是上面这次运行，和输出一起记录的。每个进程、每个线程一行：短竖线是开始和结束，"
    "虚线是 join() 看到它结束的时刻，圆点是一次打印，色块是一个任务。把鼠标移到上面或用 Tab 键，"
    "最上面一行会显示详情。",
    "en": "Timeline: the run above, recorded with its output. One lane per process and per "
    "thread: short ticks mark its start and end, a dashed line the moment join() saw it end, a "
    "dot each print and a block each task. Hover or tab to a mark to see its details on the top "
    "line.",
}
TEXT_VERSION = {"zh": "时间线的文字版", "en": "The timeline as text"}


def _charts():
    """The drawing code, shared with the notebook pages (examples/notebooks/)."""
    import importlib.util

    if "notebook_svg_charts" not in globals():
        path = ROOT / "examples" / "notebooks" / "notebook_svg_charts.py"
        spec = importlib.util.spec_from_file_location("notebook_svg_charts", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        globals()["notebook_svg_charts"] = module
    return globals()["notebook_svg_charts"]


def figure(example: ExampleFile, lang: str) -> str:
    """The timeline of an example's recorded run, with its caption and its text alternative."""
    import html

    charts = _charts()
    timeline = example.timeline
    uid = "tl-" + "-".join(example.path.with_suffix("").parts[1:]).replace("_", "-")
    svg = charts.run_timeline(timeline, lang, uid)
    summary = charts.timeline_summary(timeline, lang)
    events = charts.timeline_events(timeline, lang)
    if len(timeline.get("lanes", ())) < 2 or not summary or not events:
        raise PluginError(f"{example.path}: its timeline has no lanes to show or describe")
    items = "".join(f"<li>{html.escape(event)}</li>" for event in events)
    return (
        '<figure class="run-timeline-figure">'
        '<div class="timeline-scroll" tabindex="0" role="region" '
        f'aria-label="{html.escape(summary)}">{svg}</div>'
        f"<figcaption>{html.escape(CAPTION[lang])}</figcaption>"
        f'<details class="timeline-text"><summary>{TEXT_VERSION[lang]}</summary>'
        f"<p>{html.escape(summary)}</p><ol>{items}</ol></details>"
        "</figure>"
    )


def output_block(example: ExampleFile, indent: str, lang: str) -> list[str]:
    recording = example.recording
    assert recording is not None
    body = [f"$ python {example.path}", *recording.lines]
    longest = max((len(run) for line in body for run in line.split("`")[1:]), default=0)
    fence = "`" * max(3, longest + 1)
    head = f'{fence} {{ .text .example-output title="{TEXT[lang]["title"]}" }}'
    lines = ["", indent + head, *(indent + line if line else "" for line in body), indent + fence]
    return [*lines, "", indent + footer(example, lang), indent + "{ .example-run }", ""]


def on_page_markdown(markdown, page: Page, config, files, **kwargs):
    src = page.file.src_uri
    if not src.endswith(".md"):
        return markdown  # notebooks are checked by being executed
    model = parse_markdown(markdown)
    lines = model.lines
    offset = _line_offset(page, markdown)
    lang = _language(config)

    def fail(index: int, message: str) -> NoReturn:
        raise PluginError(
            f"{page.file.src_path}:{index + offset + 1}: {message}\n    {lines[index].strip()}"
        )

    # Includes are found where pymdownx.snippets looks for them.
    snippets = config.mdx_configs.get("pymdownx.snippets", {})
    bases = [ROOT / base for base in snippets.get("base_path", ["."])]

    def find(path: str) -> Path:
        return next((base / path for base in bases if (base / path).is_file()), ROOT / path)

    # Every include anywhere on the page must exist, and so must a named section of it.
    for index, line in enumerate(lines):
        match = INCLUDE.match(line)
        if not match:
            continue
        path, _, section = match["target"].partition(":")
        file = find(path)
        if not file.is_file():
            fail(index, f"the included file {path!r} does not exist")
        if section and not section.replace(":", "").replace(",", "").replace("-", "").isdigit():
            text = file.read_text(encoding="utf-8")
            for edge in ("start", "end"):
                if f"[{edge}:{section}]" not in text:
                    fail(index, f"{path} has no [{edge}:{section}] section marker")

    edits: list[tuple[int, int, list[str]]] = []  # (start, end, new lines), applied from the end
    for fence in model.fences:
        target = fence.include
        if target is None:
            if fence.is_python:
                fail(
                    fence.line,
                    "a Python block must be a single include of a file from "
                    'examples/ (--8<-- "examples/....py")',
                )
            continue
        path = target.partition(":")[0]
        if not (path.startswith("examples/") and path.endswith(".py")):
            if fence.is_python:
                fail(fence.line, f"a Python block must include a file from examples/, not {path}")
            continue
        if path != target:
            fail(fence.line, f"a page shows a whole example, not part of one: {target}")
        if fence.title is None:
            fail(fence.line, f'the block including {path} needs title="{path}"')
        if fence.title != path:
            fail(
                fence.line,
                f"the block's title {fence.title!r} is not the included file's path {path!r}",
            )
        if not fence.closed:
            fail(fence.line, "the code block is never closed")
        try:
            found = find(path)
            base = Path(str(found)[: -len(path)]) if str(found).endswith(path) else ROOT
            example = read_example(PurePosixPath(path), found.read_text(encoding="utf-8"), base)
        except ExampleFormatError as error:
            fail(fence.line, str(error))
        if example.recording is None:
            fail(
                fence.line,
                f"{path} has no recorded output under its program: run make update-examples",
            )
        if example.stale:
            fail(
                fence.line,
                f"{path}: its transcript was recorded from another version of the program: "
                "run make update-examples",
            )
        include_index = next(i for i in range(fence.line + 1, fence.end) if INCLUDE.match(lines[i]))
        narrowed = lines[include_index].replace(target, f"{path}:1:{example.program_lines}")
        edits.append((include_index, include_index + 1, [narrowed]))
        after = fence.after_annotations
        block = output_block(example, fence.indent, lang)
        if example.timeline is not None:
            if example.timeline.get("transcript") != example.transcript_fingerprint:
                fail(
                    fence.line,
                    f"{path}: its timeline is not of the run its transcript shows: "
                    "run make update-examples",
                )
            figures = _FIGURES.setdefault(page.file.src_uri, [])
            figures.append(example)
            block += [fence.indent + PLACEHOLDER.format(n=len(figures) - 1), ""]
        edits.append((after, after, block))

    for start, end, new in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        lines[start:end] = new
    return "\n".join(lines)


def on_page_content(html, page: Page, config, files, **kwargs):
    """Draw the timelines the page's Markdown left a placeholder for."""
    figures = _FIGURES.pop(page.file.src_uri, [])
    lang = _language(config)
    for n, example in enumerate(figures):
        placeholder = f"<p>{PLACEHOLDER.format(n=n)}</p>"
        if placeholder not in html:
            raise PluginError(f"{page.file.src_path}: the timeline of {example.path} was lost")
        html = html.replace(placeholder, figure(example, lang), 1)
    return html


def _line_offset(page: Page, markdown: str) -> int:
    """Number of source lines (front matter) before ``markdown`` starts."""
    try:
        source = page.file.content_string
    except (OSError, TypeError, ValueError):  # a generated file may have no source
        return 0
    if markdown and source.endswith(markdown):
        return source[: len(source) - len(markdown)].count("\n")
    return 0
