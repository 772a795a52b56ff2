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


def timeline_chart(timeline, lang="en"):
    """A Gantt chart: one row per worker process, one bar per task, and a line where the
    first of the first tasks ends (the moment the next task starts)."""
    labels = LABELS[lang]
    records = timeline.records
    pids = timeline.worker_pids()
    workers = timeline.workers
    first = min(records[: min(4, workers)], key=lambda r: r.end)
    end = max(r.end for r in records)
    xticks = _ticks(end * 1.02)
    tmax = xticks[-1]
    width, left, right = 520, 100, 14
    top, row_h = 84, 44
    plot_w = width - left - right
    height = top + row_h * len(pids) + 70

    def px(t):
        return left + t / tmax * plot_w

    body = [
        _text(
            width / 2,
            24,
            labels["timeline_title"].format(workers=workers),
            16,
            "middle",
        )
    ]
    last_first = min(4, workers) - 1
    legend = [
        (BAR, labels["first"].format(last=last_first)),
        (HIGHLIGHT, labels["task4"]),
        (LATER, labels["later"].format(last=len(records) - 1)),
    ]
    items = [16 + 6 + _text_width(name, 13) for _, name in legend]
    x = (width - sum(items) - 20 * (len(items) - 1)) / 2
    for (colour, name), item in zip(legend, items, strict=True):
        body.append(
            f'<rect x="{x:.1f}" y="38" width="16" height="12" rx="2" fill="{colour}"/>'
        )
        body.append(_text(x + 22, 49, name, size=13))
        x += item + 20

    bottom = top + row_h * len(pids)
    for t in xticks:
        body.append(_line(px(t), top, px(t), bottom, width=1, extra=' opacity="0.15"'))
        body.append(_text(px(t), bottom + 18, f"{t:g}", size=12, anchor="middle"))
    body.append(_line(left, bottom, left + plot_w, bottom))
    body.append(
        _text(left + plot_w / 2, bottom + 44, labels["time"], size=12, anchor="middle")
    )

    # The moment the first of the first tasks ends, drawn under the bars.
    moment = px(first.end)
    body.append(
        _line(
            moment, top - 14, moment, bottom, width=1.5, extra=' stroke-dasharray="5 3"'
        )
    )
    anchor = "start" if moment < left + plot_w * 0.6 else "end"
    shift = 6 if anchor == "start" else -6
    body.append(
        _text(moment + shift, top - 4, labels["moment"], size=12, anchor=anchor)
    )

    for row, pid in enumerate(pids):
        y = top + row * row_h
        name = labels["worker"].format(n=row + 1)
        body.append(_text(left - 12, y + row_h / 2 - 2, name, size=13, anchor="end"))
        body.append(
            _text(
                left - 12,
                y + row_h / 2 + 13,
                f"pid={pid}",
                11,
                "end",
                ' opacity="0.75"',
            )
        )
        for r in (r for r in records if r.pid == pid):
            colour = (
                BAR if r.task <= last_first else HIGHLIGHT if r.task == 4 else LATER
            )
            x0, x1 = px(r.start), px(r.end)
            bar_w = max(x1 - x0, 1.5)
            tip = f"{labels['task'].format(n=r.task)}: {r.start:.2f}-{r.end:.2f} s, pid={pid}"
            body.append(
                f'<rect x="{x0:.1f}" y="{y + 8:.1f}" width="{bar_w:.1f}" '
                f'height="{row_h - 16}" rx="3" fill="{colour}" stroke="currentColor" '
                f'stroke-opacity="0.35"><title>{html.escape(tip)}</title></rect>'
            )
            name = labels["task"].format(n=r.task)
            label = name if bar_w > _text_width(name, 12) + 8 else str(r.task)
            if bar_w > 14:
                body.append(
                    f'<text x="{(x0 + x1) / 2:.1f}" y="{y + row_h / 2 + 4:.1f}" '
                    f'font-size="12" text-anchor="middle" fill="#ffffff">'
                    f"{html.escape(label)}</text>"
                )
    return _svg(width, height, labels["timeline_title"].format(workers=workers), body)


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
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 0729b75f):
#
# $ python examples/notebooks/notebook_svg_charts.py
# A notebook in docs/zh/notebooks draws its labels in zh.
# A notebook in docs/en/notebooks draws its labels in en.
# Speed-up chart '加速比与工作者数': 16 points, 4 per line
# Timeline chart of 13 tasks in 4 workers: 13 bars, one per task
