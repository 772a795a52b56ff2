"""The one reader of the site's sources, shared by the build hooks and by the tests.

Everything that more than one place needs to know about the site is read here, once:

- the languages, each language's MkDocs config, ``site_url`` and ``repo_url``;
- the list of pages of each language;
- the glossary (``docs/glossary.yml``);
- the structure of a page: its fenced blocks (with the include each one holds and the code
  annotations that follow it) and its headings (with their explicit ids), read with
  markdown-it-py; the bodies of Material's admonitions (``!!! note``) and tabs (``=== "Tab"``)
  are read as Markdown of their own, as Python-Markdown does;
- what the site is built from (``sources_hash``), so a build can be stamped and reused;
- an example file: the program a page shows, the directives that tell the tests how to run and
  compare it, and the transcript of the real run recorded under it (``make update-examples``).

The hooks import it as ``site_model`` (MkDocs puts a hook's folder on the import path while it
loads the hook); the tests find it through pytest's ``pythonpath`` setting.
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"
LANGS = ("zh", "en")
CONFIG_FILES = {"zh": "mkdocs.yml", "en": "mkdocs.en.yml"}


# ---------------------------------------------------------------------------
# Configs, pages, glossary
# ---------------------------------------------------------------------------


@cache
def config(lang: str) -> dict:
    """A language's MkDocs config as written (the English one merged onto the Chinese one it
    INHERITs, mappings key by key, as MkDocs does)."""
    import yaml

    data = yaml.safe_load((ROOT / CONFIG_FILES[lang]).read_text(encoding="utf-8"))
    parent = data.pop("INHERIT", None)
    if parent is None:
        return data
    base = next(config(other) for other, name in CONFIG_FILES.items() if name == parent)
    return _merge(base, data)


def _merge(base: dict, extra: dict) -> dict:
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def site_url(lang: str) -> str:
    return config(lang)["site_url"]


def repo_url() -> str:
    return config("zh")["repo_url"].rstrip("/")


def page_paths(lang: str) -> list[PurePosixPath]:
    """Every page of a language (Markdown and notebooks), relative to ``docs/<lang>``."""
    root = DOCS / lang
    return sorted(
        PurePosixPath(p.relative_to(root).as_posix())
        for p in root.rglob("*")
        if p.suffix in (".md", ".ipynb")
    )


#: What a build of the site is made from: a build is current while none of these changed.
SITE_SOURCES = ("docs", "examples", "mkdocs.yml", "mkdocs.en.yml", "requirements.lock")
BUILD_STAMP = ".built-from"


def sources_hash() -> str:
    """A fingerprint of everything the site is built from."""
    digest = hashlib.sha256()
    for name in SITE_SOURCES:
        path = ROOT / name
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for file in files:
            if "__pycache__" in file.parts:
                continue
            digest.update(file.relative_to(ROOT).as_posix().encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def built_from(site: Path) -> str | None:
    """The sources fingerprint a built site was stamped with (``make build`` stamps it)."""
    stamp = site / BUILD_STAMP
    return stamp.read_text(encoding="utf-8").strip() if stamp.is_file() else None


def stamp_build(site: Path) -> None:
    (site / BUILD_STAMP).write_text(sources_hash() + "\n", encoding="utf-8")


@cache
def glossary() -> dict:
    import yaml

    return yaml.safe_load((DOCS / "glossary.yml").read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------
# Pages: fences, includes, headings
# ---------------------------------------------------------------------------

#: One include line of pymdownx.snippets: --8<-- "path" (or "path:section", "path:1:20").
INCLUDE = re.compile(r"""^[ \t]*-{1,}8<-{1,}[ \t]+(?P<q>["'])(?P<target>[^"']+)(?P=q)[ \t]*$""")
TITLE = re.compile(r"""\btitle=(?P<q>["'])(?P<title>.*?)(?P=q)""")
HEADING_ID = re.compile(
    r"\{[^}]*#(?P<id>[\w-]+)[^}]*\}\s*$|<a id=[\"'](?P<anchor>[\w-]+)[\"']>\s*</a>\s*$"
)
#: Material's admonitions, collapsible blocks and content tabs: their body is indented Markdown.
CONTAINER = re.compile(r"^(?:!!!|\?\?\?\+?|===)[ \t]")
PYTHON_LANGS = {"python", "py", "python3", "py3", "pycon"}


@dataclass
class Fence:
    line: int  # index of the opening fence line in the page (0-based)
    end: int  # index of the line after the closing fence
    indent: str  # what stands before the fence on its line (container and list indentation)
    info: str
    body: list[str]
    closed: bool
    #: index of the line after the code annotations (an ordered list right after the block)
    after_annotations: int

    @property
    def lang(self) -> str:
        info = self.info.strip()
        if info.startswith("{"):
            match = re.search(r"\.([\w+-]+)", info)
            return match.group(1).lower() if match else ""
        return info.split(maxsplit=1)[0].lower() if info else ""

    @property
    def title(self) -> str | None:
        match = TITLE.search(self.info)
        return match["title"] if match else None

    @property
    def include(self) -> str | None:
        """The target of the block's one include line, if the block is just that."""
        content = [line for line in self.body if line.strip()]
        match = INCLUDE.match(content[0]) if len(content) == 1 else None
        return match["target"] if match else None

    @property
    def is_python(self) -> bool:
        return self.lang in PYTHON_LANGS


@dataclass
class Heading:
    line: int
    level: int
    text: str
    id: str | None


@dataclass
class PageModel:
    lines: list[str]
    fences: list[Fence] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)

    def includes(self) -> list[str]:
        """Every include target on the page, in order (inside blocks or not)."""
        return [m["target"] for line in self.lines if (m := INCLUDE.match(line))]

    def heading_ids(self) -> list[str | None]:
        return [h.id for h in self.headings]


def parse_markdown(text: str) -> PageModel:
    """The fences and headings of a Markdown page, with line numbers into ``text``."""
    lines = text.split("\n")
    page = PageModel(lines=lines)
    _parse_into(page, "\n".join(lines), offset=0, indent="")
    page.fences.sort(key=lambda f: f.line)
    page.headings.sort(key=lambda h: h.line)
    return page


@cache
def _markdown_it():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True})


def _parse_into(page: PageModel, text: str, offset: int, indent: str) -> None:
    tokens = _markdown_it().parse(text)
    local = text.split("\n")
    for i, token in enumerate(tokens):
        if token.map is None:
            continue
        start, end = token.map
        if token.type == "fence":
            opening = local[start]
            own_indent = opening[: len(opening) - len(opening.lstrip())]
            closing = local[end - 1].strip() if end - 1 > start else ""
            marker = token.markup
            closed = end - 1 > start and closing.startswith(marker) and set(closing) <= set(marker)
            after = end
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            if (
                following is not None
                and following.type == "ordered_list_open"
                and following.level == token.level
                and following.map is not None
                and local[following.map[0]][: len(own_indent) + 1].strip() != ""
                and len(local[following.map[0]]) - len(local[following.map[0]].lstrip())
                == len(own_indent)
            ):
                after = following.map[1]
                while after > end and not local[after - 1].strip():
                    after -= 1  # markdown-it counts the blank lines after the list as its own
            page.fences.append(
                Fence(
                    line=offset + start,
                    end=offset + end,
                    indent=indent + own_indent,
                    info=token.info,
                    body=token.content.split("\n")[:-1] if token.content else [],
                    closed=closed,
                    after_annotations=offset + after,
                )
            )
        elif token.type == "heading_open" and token.level == 0:
            inline = tokens[i + 1].content
            found = HEADING_ID.search(inline)
            heading_id = (found["id"] or found["anchor"]) if found else None
            title = HEADING_ID.sub("", inline).strip()
            page.headings.append(Heading(offset + start, int(token.tag[1]), title, heading_id))
        elif token.type == "paragraph_open" and CONTAINER.match(local[start].lstrip()):
            # A container's body: the indented block after it (markdown-it reads it as an
            # indented code block, with the four spaces already taken off).
            following = tokens[i + 3] if i + 3 < len(tokens) else None
            if following is not None and following.type == "code_block" and following.map:
                body_start = following.map[0]
                _parse_into(page, following.content, offset + body_start, indent + "    ")


def notebook_markdown(path: Path) -> str:
    """A notebook's Markdown cells, one after another."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def notebook_code_cells(path: Path) -> list[str]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]


@cache
def read_page(lang: str, page: PurePosixPath | str) -> PageModel:
    path = DOCS / lang / page
    text = notebook_markdown(path) if path.suffix == ".ipynb" else path.read_text("utf-8")
    return parse_markdown(text)


# ---------------------------------------------------------------------------
# Example files: program, directives, recorded transcript
# ---------------------------------------------------------------------------
#
# An example file is the program a page shows, then, after it, comment lines only:
#
#     if __name__ == "__main__":
#         main()
#
#     # order: varies                        <- directives, written by hand (optional)
#
#     # Output of one real run, recorded by make update-examples
#     # (Linux, CPython 3.11.7, start method spawn, exit status 0, program 1a2b3c4d):
#     #
#     # $ python examples/pool/pool_seed.py
#     # Parent process 22070.
#     # ...
#
# The page shows the program only. The build puts the transcript under it, in its own block,
# with a footer made from the header line; the tests compare a fresh run with the transcript.
# ``program`` is the fingerprint of the program the transcript was recorded from: a transcript
# of an older version of the program is stale, even where a fresh run would still match it.

#: Every start method there is; a platform has some of them.
ALL_METHODS = ("fork", "spawn", "forkserver")
PROCESS_NAMES = {"multiprocessing", "ProcessPoolExecutor", "process_map"}
THREAD_NAMES = {"threading", "Thread", "ThreadPoolExecutor", "ThreadPool", "thread_map", "Timer"}
THREAD_NAMES |= {"tqdm"}  # tqdm starts its monitor thread

DIRECTIVES = {
    # name: what it says
    "order": "'fixed' (default): lines compared in order; 'varies': compared as a multiset",
    "pids": "'one-to-one' (default): a PID renamed the same way everywhere; 'workers vary': "
    "which worker printed a line may change from run to run, the main process's PID may not",
    "start-method": "the one start method the example always uses (it picks it itself)",
    "needs": "start methods the example uses itself, so it cannot run where they are missing",
    # "since 3.14" and the like: a later Python words an error differently. The value is the
    # exception line as that version prints it; it stands, on that version and later, for the
    # transcript's exception line of the same type. Cite the change on the page.
    "since": "on this Python version and later, this exception line replaces the recorded one",
}
DIRECTIVE = re.compile(r"^# (?P<name>[a-z-]+|since (?P<version>3\.\d+)): (?P<value>.+?)\s*$")
HEADER_FIRST = "# Output of one real run, recorded by make update-examples"
HEADER = re.compile(
    r"^# \((?P<os>[^,]+), (?P<python>CPython [^,]+), start method (?P<method>[\w-]+), "
    r"exit status (?P<exit>-?\d+), program (?P<program>[0-9a-f]{8})\):$"
)
COMMAND = re.compile(r"^# \$ python (?P<path>\S+)$")


class ExampleFormatError(ValueError):
    """An example file whose trailer cannot be read; the message names the file and line."""


@dataclass
class Recording:
    os: str
    python: str
    method: str
    exit_status: int
    program: str  # fingerprint of the program it was recorded from
    lines: list[str]  # what the terminal showed, after the command line


@dataclass
class ExampleFile:
    path: PurePosixPath  # relative to the repository root
    source: str
    program: str  # the text a page shows: every line up to the last line of code
    directives: dict[str, str]
    recording: Recording | None
    root: Path = ROOT  # the folder the path is relative to (a test's site may have its own)

    @property
    def timeline_file(self) -> Path:
        """Where the timeline of the recorded run is kept, next to the example."""
        return self.root / self.path.with_name(self.path.stem + ".timeline.json")

    @property
    def timeline(self) -> dict | None:
        """The timeline recorded with the transcript (see tests/example_runs.py), or None."""
        path = self.timeline_file
        if not path.is_file():
            return None
        return json.loads(path.read_text(encoding="utf-8"))

    @property
    def transcript_fingerprint(self) -> str | None:
        """A fingerprint of the recorded transcript, which the timeline of the same run keeps."""
        if self.recording is None:
            return None
        return program_fingerprint("\n".join(self.recording.lines))

    @property
    def program_lines(self) -> int:
        return self.program.count("\n")

    @property
    def fingerprint(self) -> str:
        return program_fingerprint(self.program)

    @property
    def stale(self) -> bool:
        return self.recording is not None and self.recording.program != self.fingerprint

    @property
    def order_varies(self) -> bool:
        return self.directives.get("order", "fixed") == "varies"

    @property
    def workers_vary(self) -> bool:
        return self.directives.get("pids", "one-to-one") == "workers vary"

    def error_lines_since(self) -> list[tuple[tuple[int, int], str]]:
        """((major, minor), exception line) of every ``since`` directive."""
        found = []
        for name, value in self.directives.items():
            if name.startswith("since "):
                major, minor = name.removeprefix("since ").split(".")
                found.append(((int(major), int(minor)), value))
        return sorted(found)

    @property
    def start_method(self) -> str | None:
        return self.directives.get("start-method")

    @property
    def needs(self) -> set[str]:
        needed = set(self.directives.get("needs", "").replace(",", " ").split())
        return needed | ({self.start_method} if self.start_method else set())

    def names(self) -> set[str]:
        """The modules, names and attributes the program uses (none if it does not compile)."""
        try:
            tree = ast.parse(self.program)
        except SyntaxError:
            return set()
        names = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                names.add(node.module or "")
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.Name):
                names.add(node.id)
            elif isinstance(node, ast.Attribute):
                names.add(node.attr)
        return names

    @property
    def starts_processes(self) -> bool:
        """Whether the program uses multiprocessing (or an executor built on it): then the
        start method matters. (subprocess starts other programs, where it does not.)"""
        return bool(self.names() & PROCESS_NAMES)

    @property
    def draws_bars(self) -> bool:
        return "tqdm" in self.names()

    @property
    def starts_threads(self) -> bool:
        return bool(self.names() & THREAD_NAMES)

    def methods(self, available: tuple[str, ...] | list[str] = ALL_METHODS) -> list[str | None]:
        """The start methods that matter for the example: its own, if it picks one; every one
        available, if it starts processes; otherwise none (it runs once, the method left alone)."""
        if self.start_method:
            return [self.start_method]
        if self.starts_processes:
            return list(available)
        return [None]


def program_fingerprint(program: str) -> str:
    return hashlib.sha256(program.encode("utf-8")).hexdigest()[:8]


def split_example(source: str) -> tuple[str, list[tuple[int, str]]]:
    """(program, trailer) of an example's source: the trailer is the comment and blank lines
    after the last line of code, as (index, line) pairs."""
    lines = source.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    last_code = len(lines) - 1
    while last_code >= 0 and (not lines[last_code].strip() or lines[last_code].startswith("#")):
        last_code -= 1
    # A file that is only comments (or empty) has no program.
    program = "".join(line + "\n" for line in lines[: last_code + 1])
    return program, list(enumerate(lines))[last_code + 1 :]


def read_example(
    path: PurePosixPath | str, source: str | None = None, root: Path = ROOT
) -> ExampleFile:
    path = PurePosixPath(path)
    if source is None:
        source = (root / path).read_text(encoding="utf-8")
    program, trailer = split_example(source)
    directives: dict[str, str] = {}
    recording = None
    i = 0
    while i < len(trailer):
        index, line = trailer[i]
        where = f"{path}:{index + 1}"
        if not line.strip():
            i += 1
            continue
        if line == HEADER_FIRST:
            recording = _read_recording(path, trailer[i:])
            break
        match = DIRECTIVE.match(line)
        name = match and ("since" if match["version"] else match["name"])
        if match is None or name not in DIRECTIVES:
            known = ", ".join(DIRECTIVES)
            raise ExampleFormatError(
                f"{where}: after the program only directives ({known}) and the recorded output "
                f"may stand, not {line!r}"
            )
        directives[match["name"]] = match["value"]
        i += 1
    return ExampleFile(path, source, program, directives, recording, root)


def _read_recording(path: PurePosixPath, trailer: list[tuple[int, str]]) -> Recording:
    def fail(index: int, message: str):
        raise ExampleFormatError(f"{path}:{index + 1}: {message}")

    if len(trailer) < 4:
        fail(trailer[0][0], "the recorded output is cut short: run make update-examples")
    header_index, header = trailer[1]
    match = HEADER.match(header)
    if match is None:
        fail(header_index, f"the recording's header does not read as expected: {header!r}")
    blank_index, blank = trailer[2]
    if blank != "#":
        fail(blank_index, "a line '#' must stand between the header and the command")
    command_index, command = trailer[3]
    command_match = COMMAND.match(command)
    if command_match is None or command_match["path"] != str(path):
        fail(command_index, f"the command line must be '# $ python {path}', not {command!r}")
    lines = []
    for index, line in trailer[4:]:
        if line != "#" and not line.startswith("# "):
            fail(index, f"every line of the recorded output starts with '# ': {line!r}")
        lines.append(line[2:])
    return Recording(
        os=match["os"],
        python=match["python"],
        method=match["method"],
        exit_status=int(match["exit"]),
        program=match["program"],
        lines=lines,
    )


def compose_example(
    program: str, directives: dict[str, str], recording: Recording | None, path: PurePosixPath
) -> str:
    """An example's source from its parts (what ``make update-examples`` writes)."""
    parts = [program.rstrip("\n") + "\n"]
    if directives:
        parts.append("".join(f"# {name}: {value}\n" for name, value in directives.items()))
    if recording is not None:
        header = (
            f"{HEADER_FIRST}\n"
            f"# ({recording.os}, {recording.python}, start method {recording.method}, "
            f"exit status {recording.exit_status}, program {recording.program}):\n"
            "#\n"
            f"# $ python {path}\n"
        )
        body = "".join(f"# {line}".rstrip() + "\n" for line in recording.lines)
        parts.append(header + body)
    return "\n".join(parts)


def example_paths() -> list[PurePosixPath]:
    """Every example program, relative to the repository root."""
    return sorted(
        PurePosixPath(p.relative_to(ROOT).as_posix())
        for p in EXAMPLES.rglob("*.py")
        if p.name != "__init__.py"
    )


def timeline_files() -> list[PurePosixPath]:
    """Every recorded timeline, relative to the repository root."""
    return sorted(
        PurePosixPath(p.relative_to(ROOT).as_posix()) for p in EXAMPLES.rglob("*.timeline.json")
    )


#: Modules that notebooks import: their functions are shown by the notebook pages, and they are
#: run as programs like every other example.
def imported_by_notebooks(lang: str) -> set[str]:
    found = set()
    for page in page_paths(lang):
        if page.suffix == ".ipynb":
            text = (DOCS / lang / page).read_text(encoding="utf-8")
            found.update(
                m.replace(".", "/") + ".py" for m in re.findall(r"\bexamples(?:\.\w+)+", text)
            )
    return found
