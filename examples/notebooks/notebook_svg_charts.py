"""Charts for the notebook pages as SVG text, drawn with the standard library alone.

The text in a chart stays text, so the browser draws it with its own fonts (Chinese
included), and text and axes use currentColor, so a chart shown inline in a page takes the
page's text colour, in light mode and in dark mode alike.
"""

import html
import locale
import math
from pathlib import Path

# Mid-tone colours that stand out on a white and on a dark background.
PROCESSES = "#3b82f6"
THREADS = "#f97316"
BAR = "#2563eb"
HIGHLIGHT = "#c2410c"
LATER = "#0f766e"

LABELS = {
    "en": {
        "speedup_title": "Speed-up against workers",
        "cpu": "CPU task (pure-Python loop)",
        "io": "I/O task (time.sleep)",
        "x": "Workers (threads or processes)",
        "y": "Speed-up (x)",
        "threads": "threads",
        "processes": "processes",
        "ideal": "ideal",
        "alone": "alone (1x)",
        "cores": "{n} cores",
        "timeline_title": "Pool({workers}): when each task ran, and in which worker",
        "time": "Seconds after the tasks were handed out",
        "worker": "worker {n}",
        "first": "tasks 0-{last}",
        "task4": "task 4",
        "later": "tasks 5-{last}",
        "moment": "first end = task 4 starts",
        "task": "task {n}",
    },
    "zh": {
        "speedup_title": "加速比与工作者数",
        "cpu": "CPU 任务（纯 Python 循环）",
        "io": "I/O 任务（time.sleep）",
        "x": "工作者数（线程或进程）",
        "y": "加速比（倍）",
        "threads": "线程",
        "processes": "进程",
        "ideal": "理想值",
        "alone": "单独运行（1 倍）",
        "cores": "{n} 个核",
        "timeline_title": "Pool({workers})：每个任务何时运行、在哪个工作进程里",
        "time": "任务交出之后的秒数",
        "worker": "工作进程 {n}",
        "first": "任务 0-{last}",
        "task4": "任务 4",
        "later": "任务 5-{last}",
        "moment": "最先结束 = 任务 4 开始",
        "task": "任务 {n}",
    },
}


def page_language(folder=None):
    """The language of a notebook's labels: zh or en.

    The site builds each notebook with its own folder as the working directory
    (docs/zh/notebooks or docs/en/notebooks), so the folder names the language; a
    downloaded copy run elsewhere falls back to the locale.
    """
    for part in reversed(Path(folder or Path.cwd()).parts):
        if part in LABELS:
            return part
    name = locale.getlocale()[0] or ""
    return "zh" if name.lower().startswith("zh") else "en"


class Svg(str):
    """SVG text that Jupyter shows inline, as part of the page."""

    def _repr_html_(self):
        return str(self)


def _text(x, y, content, size=13, anchor="start", extra=""):
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="currentColor"{extra}>{html.escape(str(content))}</text>'
    )


def _line(x1, y1, x2, y2, stroke="currentColor", width=1.0, extra=""):
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
        f'stroke="{stroke}" stroke-width="{width}"{extra}/>'
    )


def _polyline(points, stroke, width=2.5, extra=""):
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    return (
        f'<polyline points="{path}" fill="none" stroke="{stroke}" '
        f'stroke-width="{width}" stroke-linejoin="round"{extra}/>'
    )


def _svg(width, height, title, body):
    return Svg(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" style="max-width:{width}px;height:auto;display:block" '
        f'role="img" aria-label="{html.escape(title)}">'
        f"<title>{html.escape(title)}</title>" + "".join(body) + "</svg>"
    )


def _ticks(top):
    """Round steps for an axis from 0 to `top`."""
    step = 10 ** math.floor(math.log10(top / 2)) if top > 0 else 1
    for factor in (1, 2, 5, 10):
        if top / (step * factor) <= 6:
            step *= factor
            break
    count = math.ceil(top / step - 1e-9)
    return [i * step for i in range(count + 1)]


def _text_width(text, size):
    """Rough width of a label: Chinese characters are square, Latin ones narrower."""
    return sum(size if ord(ch) > 0x2E80 else size * 0.6 for ch in text)


def speedup_chart(benchmark, lang="en"):
    """Two panels, the CPU task above the I/O task: speed-up of threads and processes per
    worker count, with the ideal (CPU: one per core up to the core count; I/O: one per
    worker) and the run alone (1x)."""
    labels = LABELS[lang]
    counts = list(benchmark.worker_counts)
    cores = benchmark.cores
    width, left, panel_w, plot_h, gap = 520, 64, 440, 180, 100
    first_top = 100
    height = first_top + 2 * plot_h + gap + 50
    body = [_text(width / 2, 24, labels["speedup_title"], size=16, anchor="middle")]

    # The legend, shared by both panels.
    legend = [
        (PROCESSES, labels["processes"], ""),
        (THREADS, labels["threads"], ""),
        ("currentColor", labels["ideal"], ' stroke-dasharray="6 4" opacity="0.6"'),
        ("currentColor", labels["alone"], ' stroke-dasharray="2 4" opacity="0.6"'),
    ]
    items = [28 + 8 + _text_width(name, 13) for _, name, _ in legend]
    x = (width - sum(items) - 14 * (len(items) - 1)) / 2
    for (colour, name, extra), item in zip(legend, items, strict=True):
        body.append(_line(x, 46, x + 28, 46, colour, 2.5, extra))
        body.append(_text(x + 36, 50, name, size=13))
        x += item + 14

    for index, task in enumerate(("cpu", "io")):
        top = first_top + index * (plot_h + gap)
        limit = cores if task == "cpu" else max(counts)  # waiting uses no core
        ideal = [(w, min(w, limit)) for w in counts]
        series = {
            "processes": benchmark.speedups(task, "processes"),
            "threads": benchmark.speedups(task, "threads"),
        }
        highest = max(
            [y for _, y in ideal] + [y for s in series.values() for _, y in s]
        )
        yticks = _ticks(highest * 1.05)
        ymax = yticks[-1]
        xmin, xmax = counts[0], max(counts[-1], counts[0] + 1)

        def px(w, xmin=xmin, xmax=xmax):
            return left + 14 + (w - xmin) / (xmax - xmin) * (panel_w - 28)

        def py(v, top=top, ymax=ymax):
            return top + plot_h - v / ymax * plot_h

        body.append(
            _text(left, top - 14, labels[task], 14, "start", ' font-weight="bold"')
        )
        for v in yticks:
            body.append(
                _line(left, py(v), left + panel_w, py(v), extra=' opacity="0.15"')
            )
            body.append(_text(left - 8, py(v) + 4, f"{v:g}", size=12, anchor="end"))
        step = max(1, math.ceil(len(counts) / 16))
        for w in counts[::step]:
            body.append(_line(px(w), top + plot_h, px(w), top + plot_h + 5))
            body.append(_text(px(w), top + plot_h + 20, w, size=12, anchor="middle"))
        body.append(_line(left, top + plot_h, left + panel_w, top + plot_h))
        body.append(_line(left, top, left, top + plot_h))
        body.append(
            _text(left + panel_w / 2, top + plot_h + 40, labels["x"], 12, "middle")
        )
        middle = top + plot_h / 2
        body.append(
            _text(
                left - 40,
                middle,
                labels["y"],
                12,
                "middle",
                f' transform="rotate(-90 {left - 40:.1f} {middle:.1f})"',
            )
        )
        if xmin <= cores <= xmax:
            body.append(
                _line(
                    px(cores),
                    top,
                    px(cores),
                    top + plot_h,
                    extra=' stroke-dasharray="2 3" opacity="0.45"',
                )
            )
            body.append(
                _text(px(cores) + 5, top + 12, labels["cores"].format(n=cores), 12)
            )
        dashed = ' stroke-dasharray="6 4" opacity="0.6"'
        body.append(
            _polyline([(px(w), py(v)) for w, v in ideal], "currentColor", 2, dashed)
        )
        dotted = ' stroke-dasharray="2 4" opacity="0.6"'
        body.append(_line(px(xmin), py(1), px(xmax), py(1), width=2, extra=dotted))
        for name, colour in (("threads", THREADS), ("processes", PROCESSES)):
            points = [(px(w), py(v)) for w, v in series[name]]
            body.append(_polyline(points, colour))
            for (x_, y_), (w, v) in zip(points, series[name], strict=True):
                body.append(
                    f'<circle cx="{x_:.1f}" cy="{y_:.1f}" r="4" fill="{colour}">'
                    f"<title>{html.escape(labels[name])}, {w}: {v:.2f}x</title></circle>"
                )
    return _svg(width, height, labels["speedup_title"], body)


#: The words of a run's timeline, in each language.
RUN_LABELS = {
    "en": {
        "main": "main {lane}",
        "child": "child {lane}",
        "summary": "Timeline of the run: {processes} process(es), {threads} thread(s), "
        "{prints} print(s){tasks}, {duration} ms in all.",
        "tasks": ", {n} task(s) of a pool",
        "axis": "milliseconds from the start of the main process",
        "process": "{lane}: PID {pid}{parent}, from {start} ms{end}{joined}",
        "thread": "thread {label} of {process}, from {start} ms{end}{joined}",
        "parent": ", started by {parent}",
        "end": " to {end} ms",
        "no_end": " (its end is not recorded)",
        "joined": "; join() saw it end at {joined} ms",
        "print": "{lane} at {t} ms prints: {text}",
        "task": "{lane} runs {name} from {start} to {end} ms",
    },
    "zh": {
        "main": "主进程 {lane}",
        "child": "子进程 {lane}",
        "summary": "这次运行的时间线：{processes} 个进程，{threads} 个线程，"
        "{prints} 次打印{tasks}，共 {duration} 毫秒。",
        "tasks": "，进程池或执行器的 {n} 个任务",
        "axis": "毫秒，从主进程启动时算起",
        "process": "{lane}：进程号 {pid}{parent}，{start} 毫秒开始{end}{joined}",
        "thread": "{process} 里的线程 {label}，{start} 毫秒开始{end}{joined}",
        "parent": "，由 {parent} 启动",
        "end": "，{end} 毫秒结束",
        "no_end": "（没有记录到结束）",
        "joined": "；{joined} 毫秒时 join() 看到它结束",
        "print": "{lane} 在 {t} 毫秒打印：{text}",
        "task": "{lane} 运行 {name}：{start} 到 {end} 毫秒",
    },
}
PRINT_MARK = "#ea580c"


def _ms(value):
    return f"{value:g}"


def _lane_name(lane, labels):
    if lane["kind"] == "thread":
        return lane["label"]
    return labels["main" if lane.get("parent") is None else "child"].format(
        lane=lane["id"]
    )


def _lane_tip(lane, lanes, labels):
    end = (
        labels["end"].format(end=_ms(lane["end"]))
        if lane.get("end") is not None
        else labels["no_end"]
    )
    joined = (
        labels["joined"].format(joined=_ms(lane["joined"]))
        if lane.get("joined") is not None
        else ""
    )
    if lane["kind"] == "thread":
        return labels["thread"].format(
            label=lane["label"],
            process=lane["process"],
            start=_ms(lane["start"]),
            end=end,
            joined=joined,
        )
    parent = (
        labels["parent"].format(parent=lane["parent"]) if lane.get("parent") else ""
    )
    return labels["process"].format(
        lane=lane["id"],
        pid=lane["pid"],
        parent=parent,
        start=_ms(lane["start"]),
        end=end,
        joined=joined,
    )


def _tip(x, y, text):
    """A line of text that shows while its mark is hovered or focused (see extra.css)."""
    return (
        f'<text class="tl-tip" x="{x:.1f}" y="{y:.1f}" font-size="12" '
        f'fill="currentColor">{html.escape(text)}</text>'
    )


def timeline_events(timeline, lang="en"):
    """Every lane, print and task of a timeline as sentences, in the order of time: the text
    alternative of the figure."""
    labels = RUN_LABELS[lang]
    lanes = {lane["id"]: lane for lane in timeline["lanes"]}
    events = [
        (lane["start"] or 0, 0, _lane_tip(lane, lanes, labels))
        for lane in lanes.values()
    ]
    for p in timeline["prints"]:
        events.append(
            (
                p["t"],
                1,
                labels["print"].format(lane=p["lane"], t=_ms(p["t"]), text=p["text"]),
            )
        )
    for t in timeline["tasks"]:
        text = labels["task"].format(
            lane=t["lane"], name=t["name"], start=_ms(t["start"]), end=_ms(t["end"])
        )
        events.append((t["start"], 2, text))
    return [text for _, _, text in sorted(events, key=lambda e: (e[0], e[1]))]


def timeline_summary(timeline, lang="en"):
    labels = RUN_LABELS[lang]
    kinds = [lane["kind"] for lane in timeline["lanes"]]
    tasks = (
        labels["tasks"].format(n=len(timeline["tasks"])) if timeline["tasks"] else ""
    )
    return labels["summary"].format(
        processes=kinds.count("process"),
        threads=kinds.count("thread"),
        prints=len(timeline["prints"]),
        tasks=tasks,
        duration=_ms(timeline["duration"]),
    )


def run_timeline(
    timeline, lang="en", uid="timeline", task_colour=None, marker=None, legend=()
):
    """A run's timeline as SVG: one lane per process and thread, with its lifetime (a line
    from start to end, a dashed line to its parent's lane where join() saw it end), a dot for
    each print and a bar for each task. Hovering or focusing a lane's name, a dot or a bar
    shows its details on the top line; the SVG's title summarises the run.

    ``task_colour(task)`` picks a task's colour; ``marker`` is (ms, label) for a vertical line;
    ``legend`` lists (colour, label) pairs drawn under the title line."""
    labels = RUN_LABELS[lang]
    lanes = timeline["lanes"]
    row = {lane["id"]: i for i, lane in enumerate(lanes)}
    ticks = _ticks(max(timeline["duration"], 1) * 1.02)
    tmax = ticks[-1]
    width, right, row_h = 680, 16, 30
    left = 24 + max(
        (_text_width(_lane_name(lane, labels), 13) for lane in lanes), default=60
    )
    left = min(left, 220)
    top = 34 + (22 if legend else 0)
    plot_w = width - left - right
    bottom = top + row_h * len(lanes)
    height = bottom + 48

    def px(t):
        return left + t / tmax * plot_w

    def y_of(lane_id):
        return top + row[lane_id] * row_h + row_h / 2

    body = []
    x = left
    for colour, name in legend:
        body.append(
            f'<rect x="{x:.1f}" y="{top - 30:.1f}" width="14" height="10" rx="2" fill="{colour}"/>'
        )
        body.append(_text(x + 19, top - 21, name, size=12))
        x += 19 + _text_width(name, 12) + 18
    for t in ticks:
        body.append(_line(px(t), top, px(t), bottom, width=1, extra=' opacity="0.15"'))
        body.append(_text(px(t), bottom + 16, _ms(t), size=11, anchor="middle"))
    body.append(_line(left, bottom, left + plot_w, bottom))
    body.append(
        _text(left + plot_w / 2, bottom + 36, labels["axis"], size=12, anchor="middle")
    )
    if marker is not None:
        at, name = marker
        body.append(
            _line(
                px(at),
                top - 6,
                px(at),
                bottom,
                width=1.5,
                extra=' stroke-dasharray="5 3"',
            )
        )
        anchor = "start" if px(at) < left + plot_w * 0.6 else "end"
        body.append(
            _text(px(at) + (6 if anchor == "start" else -6), top + 10, name, 12, anchor)
        )

    tip_y = 16
    for lane in lanes:
        y = y_of(lane["id"])
        start = lane["start"] or 0
        end = lane["end"] if lane.get("end") is not None else timeline["duration"]
        dash = "" if lane.get("end") is not None else ' stroke-dasharray="2 3"'
        body.append(
            _line(px(start), y, px(end), y, width=2, extra=f' opacity="0.55"{dash}')
        )
        body.append(_line(px(start), y - 6, px(start), y + 6, width=1.5))
        if lane.get("end") is not None:
            body.append(_line(px(end), y - 6, px(end), y + 6, width=1.5))
        parent = lane.get("parent")
        if lane.get("joined") is not None and parent in row:
            body.append(
                _line(
                    px(lane["joined"]),
                    y,
                    px(lane["joined"]),
                    y_of(parent),
                    width=1,
                    extra=' stroke-dasharray="3 2" opacity="0.7"',
                )
            )
        name = _lane_name(lane, labels)
        indent = 12 if lane["kind"] == "thread" else 0
        tip = _lane_tip(lane, None, labels)
        body.append(
            f'<g class="tl-item" tabindex="0" role="img" aria-label="{html.escape(tip)}">'
            + _text(
                8 + indent,
                y + 4,
                name,
                13,
                extra=' font-weight="600"' if not indent else "",
            )
            + _tip(8, tip_y, tip)
            + "</g>"
        )
    for task in timeline["tasks"]:
        y = y_of(task["lane"])
        x0, x1 = px(task["start"]), px(task["end"])
        colour = task_colour(task) if task_colour else BAR
        tip = labels["task"].format(
            lane=task["lane"],
            name=task["name"],
            start=_ms(task["start"]),
            end=_ms(task["end"]),
        )
        label = task.get("short", "")
        text = ""
        if label and x1 - x0 > _text_width(label, 11) + 4:
            text = (
                f'<text x="{(x0 + x1) / 2:.1f}" y="{y + 4:.1f}" font-size="11" '
                f'text-anchor="middle" fill="#ffffff">{html.escape(label)}</text>'
            )
        body.append(
            f'<g class="tl-item" tabindex="0" role="img" aria-label="{html.escape(tip)}">'
            f'<rect x="{x0:.1f}" y="{y - 9:.1f}" width="{max(x1 - x0, 1.5):.1f}" height="18" '
            f'rx="3" fill="{colour}" class="tl-task"/>'
            + text
            + _tip(8, tip_y, tip)
            + "</g>"
        )
    for p in timeline["prints"]:
        y = y_of(p["lane"])
        tip = labels["print"].format(lane=p["lane"], t=_ms(p["t"]), text=p["text"])
        body.append(
            f'<g class="tl-item" tabindex="0" role="img" aria-label="{html.escape(tip)}">'
            f'<circle cx="{px(p["t"]):.1f}" cy="{y - 11:.1f}" r="4" fill="{PRINT_MARK}"/>'
            + _tip(8, tip_y, tip)
            + "</g>"
        )
    title = timeline_summary(timeline, lang)
    return Svg(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="run-timeline" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="group" aria-labelledby="{uid}-title">'
        f'<title id="{uid}-title">{html.escape(title)}</title>'
        + "".join(body)
        + "</svg>"
    )


def timeline_chart(timeline, lang="en"):
    """The notebook's Pool timeline, drawn as a run's timeline: one lane per worker process,
    one bar per task, and a line where the first of the first tasks ends (the moment the next
    task starts)."""
    labels = LABELS[lang]
    records = timeline.records
    pids = timeline.worker_pids()
    workers = timeline.workers
    last_first = min(4, workers) - 1
    first = min(records[: last_first + 1], key=lambda r: r.end)
    lane_of = {pid: f"P{n + 1}" for n, pid in enumerate(pids)}
    model = {
        "duration": round(max(r.end for r in records) * 1000, 1),
        "lanes": [
            {
                "id": lane_of[pid],
                "kind": "process",
                "label": lane_of[pid],
                "pid": pid,
                "parent": "P0",
                "start": round(min(r.start for r in records if r.pid == pid) * 1000, 1),
                "end": round(max(r.end for r in records if r.pid == pid) * 1000, 1),
                "joined": None,
            }
            for pid in pids
        ],
        "prints": [],
        "tasks": [
            {
                "lane": lane_of[r.pid],
                "start": round(r.start * 1000, 1),
                "end": round(r.end * 1000, 1),
                "name": labels["task"].format(n=r.task),
                "short": str(r.task),
                "task": r.task,
            }
            for r in records
        ],
    }

    def colour(task):
        n = task["task"]
        return BAR if n <= last_first else HIGHLIGHT if n == 4 else LATER

    legend = [
        (BAR, labels["first"].format(last=last_first)),
        (HIGHLIGHT, labels["task4"]),
        (LATER, labels["later"].format(last=len(records) - 1)),
    ]
    marker = (round(first.end * 1000, 1), labels["moment"])
    return run_timeline(model, lang, "pool-timeline", colour, marker, legend)


def main():
    from typing import NamedTuple

    class Record(NamedTuple):
        task: int
        pid: int
        start: float
        end: float

    class Timeline(NamedTuple):
        workers: int
        records: list

        def worker_pids(self):
            return sorted({r.pid for r in self.records})

    class Benchmark(NamedTuple):
        cores: int
        worker_counts: list

        def speedups(self, task, mode):
            if mode == "threads":
                return [(w, 1.0 if task == "cpu" else w) for w in self.worker_counts]
            return [
                (w, min(w, self.cores) if task == "cpu" else w)
                for w in self.worker_counts
            ]

    for folder in ("docs/zh/notebooks", "docs/en/notebooks"):
        print(f"A notebook in {folder} draws its labels in {page_language(folder)}.")

    chart = speedup_chart(Benchmark(2, [1, 2, 3, 4]), "zh")
    title = LABELS["zh"]["speedup_title"]
    print(f"Speed-up chart {title!r}: {chart.count('<circle')} points, 4 per line")

    records = [
        Record(i, 100 + i % 4, 0.1 * (i // 4), 0.1 * (i // 4) + 0.1) for i in range(13)
    ]
    chart = timeline_chart(Timeline(4, records), "en")
    bars = chart.count("<rect") - 3  # not the legend's three boxes
    print(f"Timeline chart of 13 tasks in 4 workers: {bars} bars, one per task")


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 310a55cf):
#
# $ python examples/notebooks/notebook_svg_charts.py
# A notebook in docs/zh/notebooks draws its labels in zh.
# A notebook in docs/en/notebooks draws its labels in en.
# Speed-up chart '加速比与工作者数': 16 points, 4 per line
# Timeline chart of 13 tasks in 4 workers: 13 bars, one per task
