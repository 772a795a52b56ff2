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
            example = read_example(PurePosixPath(path), find(path).read_text(encoding="utf-8"))
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
        edits.append((after, after, output_block(example, fence.indent, lang)))

    for start, end, new in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        lines[start:end] = new
    return "\n".join(lines)


def _line_offset(page: Page, markdown: str) -> int:
    """Number of source lines (front matter) before ``markdown`` starts."""
    try:
        source = page.file.content_string
    except (OSError, TypeError, ValueError):  # a generated file may have no source
        return 0
    if markdown and source.endswith(markdown):
        return source[: len(source) - len(markdown)].count("\n")
    return 0
