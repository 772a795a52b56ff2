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
    for r in timeline.records:
        print(
            f"Task {r.task} ran in process {r.pid} from {r.start:.2f} s to {r.end:.2f} s."
        )
    waited = 1000 * timeline.waited_after_first_end(4)
    print(f"Task 4 started {waited:.0f} ms after the first of tasks 0-3 ended.")


if __name__ == "__main__":
    main()

# pids: workers vary

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program a00616fd):
#
# $ python examples/notebooks/multiprocessing_pool_task_timeline.py
# Task 0 ran in process 22085 from 0.00 s to 0.17 s.
# Task 1 ran in process 22084 from 0.00 s to 0.13 s.
# Task 2 ran in process 22083 from 0.00 s to 0.17 s.
# Task 3 ran in process 22082 from 0.00 s to 0.06 s.
# Task 4 ran in process 22082 from 0.06 s to 0.31 s.
# Task 5 ran in process 22084 from 0.13 s to 0.38 s.
# Task 6 ran in process 22085 from 0.17 s to 0.37 s.
# Task 7 ran in process 22083 from 0.17 s to 0.22 s.
# Task 8 ran in process 22083 from 0.22 s to 0.38 s.
# Task 9 ran in process 22082 from 0.31 s to 0.41 s.
# Task 10 ran in process 22085 from 0.37 s to 0.44 s.
# Task 11 ran in process 22084 from 0.38 s to 0.66 s.
# Task 12 ran in process 22083 from 0.38 s to 0.68 s.
# Task 4 started 0 ms after the first of tasks 0-3 ended.
