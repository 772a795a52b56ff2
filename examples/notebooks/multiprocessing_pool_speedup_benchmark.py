"""The same CPU-bound and sleep-bound work, run alone, in threads and in processes: speed-ups."""

import html
import itertools
import multiprocessing
import os
import platform
import sys
import sysconfig
import threading
import time
from multiprocessing.pool import ThreadPool
from typing import NamedTuple

MODES = ("sequential", "threads", "processes")
TASKS = ("cpu", "io")


class Measurement(NamedTuple):
    task: str  # "cpu" or "io"
    mode: str  # "sequential", "threads" or "processes"
    workers: int
    seconds: float
    speedup: float


class Benchmark(NamedTuple):
    cores: int  # CPUs this process may use
    method: str  # start method of the process pools
    worker_counts: list
    measurements: list

    def speedups(self, task, mode):
        """(workers, speed-up) pairs for one task run one way."""
        return [
            (m.workers, m.speedup)
            for m in self.measurements
            if m.task == task and m.mode == mode
        ]

    def speedup(self, task, mode, workers):
        return dict(self.speedups(task, mode))[workers]

    def best(self, task, mode):
        """(workers, speed-up) of the fastest run."""
        return max(self.speedups(task, mode), key=lambda pair: pair[1])


def usable_cpus():
    """CPUs this process may run on (os.process_cpu_count() exists from Python 3.13)."""
    if hasattr(os, "process_cpu_count"):
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def gil_enabled():
    """False only on a free-threaded build running without the GIL (Python 3.13+)."""
    check = getattr(sys, "_is_gil_enabled", None)
    return True if check is None else check()


# --- the two kinds of work ---------------------------------------------------------------


def spin(span):
    """Pure-Python arithmetic over range(start, stop): CPU-bound, holds the GIL throughout."""
    start, stop = span
    total = 0
    for i in range(start, stop):
        total += i * i % 7
    return total


def nap(seconds):
    """Waits without using the CPU, as a program waits for a disk or a network."""
    time.sleep(seconds)
    return seconds


def split_range(stop, parts):
    """range(stop) cut into `parts` consecutive spans of (almost) equal length."""
    edges = [stop * i // parts for i in range(parts + 1)]
    return list(itertools.pairwise(edges))


def steps_for(seconds):
    """How many steps of spin() take about `seconds` here (the fastest of a few short
    runs, so that a busy moment does not shrink the work)."""
    steps = 20_000
    while True:
        took = min(timed(spin, (0, steps))[0] for _ in range(3))
        if took > 0.01:
            return max(1, int(steps * seconds / took))
        steps *= 4


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


# --- running them ------------------------------------------------------------------------


def wait_for_the_others(barrier):
    barrier.wait()


def started_process_pool(context, workers):
    """A process pool whose workers are all up, so that their start-up is not timed."""
    barrier = context.Barrier(workers + 1)
    pool = context.Pool(workers, initializer=wait_for_the_others, initargs=(barrier,))
    try:
        barrier.wait(timeout=60)
    except threading.BrokenBarrierError:
        pool.terminate()  # a worker could not start: fail instead of waiting forever
        raise
    return pool


def run_benchmark(cpu_seconds=0.15, io_seconds=0.1, max_workers=None, method=None):
    """Time both tasks alone, then with 1, 2, ... max_workers threads and processes.

    Every run does the same total work, cut into as many equal pieces as there are workers.
    Starting a process pool is not timed: the clock starts once every worker is up. The CPU
    task runs alone again before each worker count, and its fastest run alone is the one
    every CPU speed-up divides: other programs can make a run slower, never faster.
    """
    cores = usable_cpus()
    counts = list(range(1, (max_workers or 2 * cores) + 1))
    context = multiprocessing.get_context(method)
    steps = steps_for(cpu_seconds)
    functions = {"cpu": spin, "io": nap}

    def pieces(task, parts):
        if task == "cpu":
            return split_range(steps, parts)
        return [io_seconds / parts] * parts

    alone = {"cpu": [], "io": []}
    seconds, expected = timed(spin, (0, steps))
    alone["cpu"].append(seconds)
    alone["io"].append(
        timed(nap, io_seconds)[0]
    )  # a sleep is not slowed by other programs
    runs = []
    for workers in counts:
        alone["cpu"].append(timed(spin, (0, steps))[0])
        # The process pool first: forking while the thread pool's threads run could deadlock
        # a child (Python 3.12+ warns about it).
        processes = started_process_pool(context, workers)
        try:
            with ThreadPool(workers) as threads:
                for mode, pool in (("threads", threads), ("processes", processes)):
                    for task in TASKS:
                        work = pieces(task, workers)
                        seconds, results = timed(pool.map, functions[task], work, 1)
                        if task == "cpu" and sum(results) != expected:
                            raise AssertionError("the pieces do not add up")
                        runs.append((task, mode, workers, seconds))
        finally:
            processes.close()
            processes.join()

    baseline = {task: min(times) for task, times in alone.items()}
    rows = [Measurement(task, "sequential", 1, baseline[task], 1.0) for task in TASKS]
    for task, mode, workers, seconds in runs:
        rows.append(Measurement(task, mode, workers, seconds, baseline[task] / seconds))
    return Benchmark(cores, context.get_start_method(), counts, rows)


# --- what the notebook shows, in the page's language -------------------------------------

TEXT = {
    "en": {
        "python": "Python",
        "build": "Build",
        "free_threaded": "Free-threaded build",
        "gil": "GIL enabled",
        "cpu_count": "os.cpu_count()",
        "usable": "CPUs this process may use",
        "start_method": "Start method of the process pools",
        "default_method": "default here",
        "system": "System",
        "yes": "yes",
        "no": "no",
        "workers": "Workers",
        "sequential": "alone",
        "cpu": "CPU task",
        "io": "I/O task",
        "threads": "threads",
        "processes": "processes",
        "cpu_processes": (
            "CPU task: processes reached {speedup:.2f}x with {workers_en}, "
            "{percent:.0f}% of the {cores}-core limit."
        ),
        "cpu_processes_full": (
            "That is at least 90% of what {cores} cores can give: "
            "each worker process ran on a core of its own."
        ),
        "cpu_processes_short": (
            "That is below 90% of the limit: something else was probably using "
            "the CPUs during this run."
        ),
        "cpu_processes_over": (
            "More than the limit can only mean that the run alone, the baseline, "
            "was slowed down: other programs were using the CPUs during this run."
        ),
        "cpu_threads_flat": (
            "CPU task: threads stayed at {speedup:.2f}x at best: with the GIL, "
            "one thread at a time runs Python code."
        ),
        "cpu_threads_up": "CPU task: threads reached {speedup:.2f}x with {threads_en}.",
        "cpu_threads_no_gil": (
            "CPU task: threads reached {speedup:.2f}x with {threads_en}: this "
            "interpreter runs without the GIL, so threads compute on several cores."
        ),
        "cpu_beyond": (
            "More workers than cores did not help: processes gave {more:.2f}x with "
            "{many} workers against {base:.2f}x with {cores}."
        ),
        "io_result": (
            "I/O task: {workers} threads were {threads:.2f}x faster than one after "
            "the other, {workers} processes {processes:.2f}x."
        ),
        "io_beyond": (
            "Waiting uses no core, so even with more workers than cores "
            "({workers} on {cores}) the waits overlapped."
        ),
    },
    "zh": {
        "python": "Python",
        "build": "构建信息",
        "free_threaded": "自由线程版本",
        "gil": "GIL 开启",
        "cpu_count": "os.cpu_count()",
        "usable": "这个进程能用的 CPU 数",
        "start_method": "进程池的启动方法",
        "default_method": "这里的默认",
        "system": "系统",
        "yes": "是",
        "no": "否",
        "workers": "工作者数",
        "sequential": "单独运行",
        "cpu": "CPU 任务",
        "io": "I/O 任务",
        "threads": "线程",
        "processes": "进程",
        "cpu_processes": (
            "CPU 任务：进程最快达到 {speedup:.2f} 倍（{workers} 个工作进程），"
            "是 {cores} 核上限的 {percent:.0f}%。"
        ),
        "cpu_processes_full": (
            "达到了 {cores} 个核所能给的 90% 以上：每个工作进程各占一个核在算。"
        ),
        "cpu_processes_short": (
            "不到上限的 90%：这次运行时多半还有别的程序在占用 CPU。"
        ),
        "cpu_processes_over": (
            "超过上限只能说明作为基准的单独运行被拖慢了：这次运行时还有别的程序在占用 CPU。"
        ),
        "cpu_threads_flat": (
            "CPU 任务：线程最多只有 {speedup:.2f} 倍：有 GIL 时，"
            "同一时刻只有一个线程在执行 Python 代码。"
        ),
        "cpu_threads_up": "CPU 任务：线程达到 {speedup:.2f} 倍（{workers} 个线程）。",
        "cpu_threads_no_gil": (
            "CPU 任务：线程达到 {speedup:.2f} 倍（{workers} 个线程）："
            "这个解释器没有开启 GIL，线程可以在几个核上同时计算。"
        ),
        "cpu_beyond": (
            "工作进程比核多并没有更快：{many} 个进程是 {more:.2f} 倍，"
            "{cores} 个进程是 {base:.2f} 倍。"
        ),
        "io_result": (
            "I/O 任务：{workers} 个线程比一个接一个快 {threads:.2f} 倍，"
            "{workers} 个进程快 {processes:.2f} 倍。"
        ),
        "io_beyond": (
            "等待不占用 CPU，所以工作者比核多（{cores} 个核上 {workers} 个）时，"
            "等待照样能重叠。"
        ),
    },
}


class Html(str):
    """A string that Jupyter displays as HTML."""

    def _repr_html_(self):
        return str(self)


def machine_report(lang="en", method=None):
    """The machine's facts that the numbers depend on, one per line."""
    text = TEXT[lang]
    chosen = multiprocessing.get_context(method).get_start_method()
    default = multiprocessing.get_start_method()
    free_threaded = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    facts = [
        (
            text["python"],
            f"{platform.python_implementation()} {platform.python_version()}",
        ),
        (text["build"], " ".join(sys.version.split())),
        (text["free_threaded"], text["yes" if free_threaded else "no"]),
        (text["gil"], text["yes" if gil_enabled() else "no"]),
        (text["cpu_count"], os.cpu_count()),
        (text["usable"], usable_cpus()),
        (text["start_method"], f"{chosen} ({text['default_method']}: {default})"),
        (text["system"], f"{platform.system()} {platform.machine()}"),
    ]
    return "\n".join(f"{name}: {value}" for name, value in facts)


def results_table(result, lang="en"):
    """Time and speed-up of every run, one HTML table per task."""
    text = TEXT[lang]
    found = {(m.task, m.mode, m.workers): m for m in result.measurements}

    def cell(task, mode, workers, span=1):
        m = found[task, mode, workers]
        wide = f' colspan="{span}"' if span > 1 else ""
        return f"<td{wide}>{m.seconds:.2f} s ({m.speedup:.2f}x)</td>"

    lines = []
    for task in TASKS:
        lines.append(f"<p><strong>{html.escape(text[task])}</strong></p>")
        lines.append("<table>")
        head = (text["workers"], text["threads"], text["processes"])
        lines.append(
            "<thead><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr></thead>"
        )
        lines.append("<tbody>")
        alone = cell(task, "sequential", 1, span=2)
        lines.append(f"<tr><td>{html.escape(text['sequential'])}</td>{alone}</tr>")
        for workers in result.worker_counts:
            cells = "".join(
                cell(task, mode, workers) for mode in ("threads", "processes")
            )
            lines.append(f"<tr><td>{workers}</td>{cells}</tr>")
        lines.append("</tbody></table>")
    return Html("\n".join(lines))


def plural(count, noun):
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def conclusions(result, lang="en"):
    """What this run shows, as sentences computed from its numbers."""
    text = TEXT[lang]
    cores = result.cores
    most = max(result.worker_counts)
    said = []

    workers, speedup = result.best("cpu", "processes")
    limit = min(cores, most)
    percent = 100 * speedup / limit
    said.append(
        text["cpu_processes"].format(
            speedup=speedup,
            workers=workers,
            workers_en=plural(workers, "worker"),
            percent=percent,
            cores=limit,
        )
    )
    if percent > 110:
        key = "cpu_processes_over"
    elif percent >= 90:
        key = "cpu_processes_full"
    else:
        key = "cpu_processes_short"
    said.append(text[key].format(cores=limit))

    workers, speedup = result.best("cpu", "threads")
    if speedup < 1.3 and gil_enabled():
        said.append(text["cpu_threads_flat"].format(speedup=speedup))
    elif gil_enabled():
        said.append(
            text["cpu_threads_up"].format(
                speedup=speedup, workers=workers, threads_en=plural(workers, "thread")
            )
        )
    else:
        said.append(
            text["cpu_threads_no_gil"].format(
                speedup=speedup, workers=workers, threads_en=plural(workers, "thread")
            )
        )

    if most > cores:
        base = result.speedup("cpu", "processes", cores)
        more = result.speedup("cpu", "processes", most)
        if more < base * 1.1:
            said.append(
                text["cpu_beyond"].format(many=most, more=more, cores=cores, base=base)
            )

    threads = result.speedup("io", "threads", most)
    processes = result.speedup("io", "processes", most)
    said.append(
        text["io_result"].format(workers=most, threads=threads, processes=processes)
    )
    if most > cores and min(threads, processes) > cores * 1.2:
        said.append(text["io_beyond"].format(workers=most, cores=cores))
    return "\n".join(said)


def main():
    result = run_benchmark(cpu_seconds=0.05, io_seconds=0.1, max_workers=2)
    for task in TASKS:
        for mode in ("threads", "processes"):
            speedup = result.speedup(task, mode, 2)
            print(f"{TEXT['en'][task]}, 2 {mode}: {speedup:.1f}x as fast as alone")


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program eeac46a3):
#
# $ python examples/notebooks/multiprocessing_pool_speedup_benchmark.py
# CPU task, 2 threads: 1.0x as fast as alone
# CPU task, 2 processes: 1.9x as fast as alone
# I/O task, 2 threads: 2.0x as fast as alone
# I/O task, 2 processes: 2.0x as fast as alone
