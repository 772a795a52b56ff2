"""Pool(4) runs the note's 13 tasks and records each one: task 4 starts once the first ends."""

import html
import multiprocessing
import os
import random
import threading
import time
from typing import NamedTuple


class TaskRecord(NamedTuple):
    task: int
    pid: int
    start: float  # seconds after the tasks were handed out
    end: float


class Timeline(NamedTuple):
    workers: int
    durations: list  # what each task was asked to sleep
    records: list  # TaskRecord, by task number

    def worker_pids(self):
        """The worker processes, in the order they started their first task."""
        pids = []
        for record in sorted(self.records, key=lambda r: r.start):
            if record.pid not in pids:
                pids.append(record.pid)
        return pids

    def first_to_end(self, tasks):
        """The record, among these tasks, that ended first."""
        return min((self.records[t] for t in tasks), key=lambda r: r.end)

    def waited_after_first_end(self, task=4):
        """Seconds between the first end among the tasks before it and this task's start."""
        first = self.first_to_end(range(min(task, self.workers)))
        return self.records[task].start - first.end


def seed_durations(count=13, longest=3.0, seed=10):
    """Random sleeps as in the note (random.random() * 3), drawn from a fixed seed."""
    rng = random.Random(seed)
    return [rng.random() * longest for _ in range(count)]


def long_time_task(name, seconds):
    start = time.time()
    time.sleep(seconds)
    return name, os.getpid(), start, time.time()


def wait_for_the_others(barrier):
    barrier.wait()


def record_timeline(durations, workers=4, method=None):
    """Run one task per duration in Pool(workers), handed out with apply_async."""
    context = multiprocessing.get_context(method)
    # Hand out tasks only once every worker is up, so start-up does not blur the picture.
    barrier = context.Barrier(workers + 1)
    pool = context.Pool(workers, initializer=wait_for_the_others, initargs=(barrier,))
    try:
        barrier.wait(timeout=60)
    except threading.BrokenBarrierError:
        pool.terminate()  # a worker could not start: fail instead of waiting forever
        raise
    handed_out = time.time()
    pending = [
        pool.apply_async(long_time_task, args=(i, seconds))
        for i, seconds in enumerate(durations)
    ]
    pool.close()
    pool.join()
    records = []
    for result in pending:
        name, pid, start, end = result.get()
        records.append(TaskRecord(name, pid, start - handed_out, end - handed_out))
    return Timeline(workers, list(durations), records)


# --- what the notebook shows, in the page's language -------------------------------------

TEXT = {
    "en": {
        "head": ("Task", "Worker process", "Start → end (s)"),
        "worker": "worker {n}",
        "first": (
            "The first of tasks 0-{last} to end was task {task} ({worker}), "
            "at {end:.2f} s."
        ),
        "task4": "Task 4 started {ms:.0f} ms later, at {start:.2f} s, in {worker}.",
        "same": "It ran in the worker that had just become free.",
        "other": (
            "It ran in another worker: {worker} had become free at almost the same moment."
        ),
        "total": (
            "All {count} tasks were done after {wall:.2f} s; "
            "one after the other they would have taken {sum:.2f} s."
        ),
    },
    "zh": {
        "head": ("任务", "工作进程", "开始 → 结束（秒）"),
        "worker": "工作进程 {n}",
        "first": "任务 0-{last} 中最先结束的是任务 {task}（{worker}），在 {end:.2f} 秒。",
        "task4": "任务 4 在 {ms:.0f} 毫秒之后、{start:.2f} 秒时开始，由{worker}运行。",
        "same": "运行它的正是刚刚空出来的那个工作进程。",
        "other": "运行它的是另一个工作进程：{worker}几乎在同一时刻也空了出来。",
        "total": (
            "{count} 个任务全部完成用了 {wall:.2f} 秒；"
            "一个接一个运行要 {sum:.2f} 秒。"
        ),
    },
}


class Html(str):
    """A string that Jupyter displays as HTML."""

    def _repr_html_(self):
        return str(self)


def worker_names(timeline, lang="en"):
    """pid -> "worker 1", "worker 2", ... in the order the workers started."""
    template = TEXT[lang]["worker"]
    return {
        pid: template.format(n=i) for i, pid in enumerate(timeline.worker_pids(), 1)
    }


def timeline_table(timeline, lang="en"):
    names = worker_names(timeline, lang)
    lines = ["<table>", "<thead><tr>"]
    lines += [f"<th>{html.escape(h)}</th>" for h in TEXT[lang]["head"]]
    lines.append("</tr></thead><tbody>")
    for r in timeline.records:
        cells = [
            str(r.task),
            f"{names[r.pid]}, pid={r.pid}",
            f"{r.start:.2f} → {r.end:.2f}",
        ]
        lines.append(
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>"
        )
    lines.append("</tbody></table>")
    return Html("\n".join(lines))


def timeline_report(timeline, lang="en"):
    """What the timeline shows about task 4, as sentences computed from the records."""
    text = TEXT[lang]
    names = worker_names(timeline, lang)
    before = range(min(4, timeline.workers))
    first = timeline.first_to_end(before)
    task4 = timeline.records[4]
    said = [
        text["first"].format(
            last=before[-1], task=first.task, worker=names[first.pid], end=first.end
        ),
        text["task4"].format(
            ms=1000 * timeline.waited_after_first_end(4),
            start=task4.start,
            worker=names[task4.pid],
        ),
        text["same" if task4.pid == first.pid else "other"].format(
            worker=names[task4.pid]
        ),
        text["total"].format(
            count=len(timeline.records),
            wall=max(r.end for r in timeline.records),
            sum=sum(r.end - r.start for r in timeline.records),
        ),
    ]
    return "\n".join(said)


def main():
    timeline = record_timeline(seed_durations(longest=0.3))
    records = timeline.records
    print("tasks recorded:", [r.task for r in records])
    pids = timeline.worker_pids()
    print("worker processes that ran them: at most 4:", len(pids) <= 4)
    print("none of them is the main process:", os.getpid() not in pids)
    first_end = timeline.first_to_end(range(4)).end
    print(
        "task 4 started after the first of tasks 0-3 ended:",
        records[4].start >= first_end,
    )
    print(
        f"task 4 waited {1000 * timeline.waited_after_first_end(4):.0f} ms after that end"
    )
    print(
        "tasks 0-3 started before any task ended:",
        max(r.start for r in records[:4]) < first_end,
    )


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program c009f8b0):
#
# $ python examples/notebooks/multiprocessing_pool_task_timeline.py
# tasks recorded: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
# worker processes that ran them: at most 4: True
# none of them is the main process: True
# task 4 started after the first of tasks 0-3 ended: True
# task 4 waited 0 ms after that end
# tasks 0-3 started before any task ended: True
