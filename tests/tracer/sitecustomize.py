"""Imported by every Python process that a traced run of an example starts (PYTHONPATH points here).

It records, into the JSON-lines file named by ``EXAMPLES_TRACE``, what the tests check about a run
and what its output cannot show: when each process starts (by exec or by fork) and ends, when each
thread starts and ends, when a ``join()`` returns, when each task of a pool or an executor ran and
where, and each ``print()`` to stdout with the line of the example that made it. Every record
carries ``t``, nanoseconds on ``time.perf_counter_ns()``, one clock for every process of the run
on Linux, macOS and Windows.

It also sets up the run the way a reader's machine would: ``EXAMPLES_START_METHOD`` names the start
method to set, and ``EXAMPLES_TERMINAL=1`` makes stdout line-buffered, as it is when a terminal is
attached (an IDE run sets ``PYTHONUNBUFFERED=1`` instead, which the tests put in the environment).
Nothing else of what a program prints or does changes: the example still runs as ``python file``.
"""

import builtins
import contextlib
import json
import os
import sys
import threading
import time

_TRACE = os.environ.get("EXAMPLES_TRACE")
_EXAMPLE = os.environ.get("EXAMPLES_FILE")
_METHOD = os.environ.get("EXAMPLES_START_METHOD")
_TERMINAL = os.environ.get("EXAMPLES_TERMINAL") == "1"
_ended = set()  # pids whose end is recorded (a fork child inherits this set, with its parent's pid)
_patched = set()  # modules patched already


def _record(kind, **fields):
    record = {"kind": kind, "t": time.perf_counter_ns(), "pid": os.getpid(), **fields}
    record.setdefault("ppid", os.getppid())
    data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    # One write() per record on an O_APPEND file: records of concurrent processes never mix.
    fd = os.open(_TRACE, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


def _record_end(exitcode=None):
    if os.getpid() not in _ended:
        _ended.add(os.getpid())
        _record("end", exitcode=exitcode)


def _example_line(frame):
    """The line of the example file that led to this frame, or None."""
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename and os.path.realpath(filename) == _EXAMPLE:
            return frame.f_lineno
        frame = frame.f_back
    return None


def _ours():
    """Whether this process runs the example: the program itself, a multiprocessing child or
    helper (spawn, forkserver, resource tracker), or a fork of one of them. Another Python
    program the example starts (``subprocess.run([sys.executable, ...])``) is only recorded as
    a process, so that the tests can check it has ended too."""
    argv = list(getattr(sys, "orig_argv", sys.argv))
    if any(os.path.realpath(arg) == _EXAMPLE for arg in argv if arg.endswith(".py")):
        return True
    return any("multiprocessing" in arg for arg in argv)


def _thread_fields(thread):
    return {"name": thread.name, "ident": thread.ident, "native_id": thread.native_id}


def _target_fields(runner):
    """What a thread or a process runs: its target (or its class's run()), by name, and whether
    that is a function of the example."""
    target = getattr(runner, "_target", None) or type(runner).run
    code = getattr(target, "__code__", None)
    name = f"{getattr(target, '__module__', '?')}.{getattr(target, '__qualname__', '?')}"
    ours = code is not None and os.path.realpath(code.co_filename) == _EXAMPLE
    return {"target": name, "ours": ours}


def _patch_threads():
    # Internals of CPython 3.11-3.15; a version without them runs untraced rather than broken
    # (the tests then fail for want of thread records, naming what is missing).
    bootstrap_inner = getattr(threading.Thread, "_bootstrap_inner", None)
    join = threading.Thread.join
    if bootstrap_inner is None:
        return

    def traced_bootstrap_inner(self):
        _record("thread", **_thread_fields(self), **_target_fields(self))
        try:
            bootstrap_inner(self)
        finally:
            _record("thread-end", **_thread_fields(self))

    def traced_join(self, timeout=None):
        join(self, timeout)
        if not self.is_alive():
            _record("join", target="thread", name=self.name, ident=self.ident)

    threading.Thread._bootstrap_inner = traced_bootstrap_inner
    threading.Thread.join = traced_join


def _patch_multiprocessing(process):
    """``multiprocessing.process``, once imported: a child's end, and a parent's join()."""
    bootstrap = getattr(process.BaseProcess, "_bootstrap", None)
    join = process.BaseProcess.join
    if bootstrap is None:
        return

    def traced_bootstrap(self, *args, **kwargs):
        _record("process-target", **_target_fields(self))
        exitcode = bootstrap(self, *args, **kwargs)
        _record_end(exitcode)
        return exitcode

    def traced_join(self, timeout=None):
        join(self, timeout)
        if self.exitcode is not None:
            _record("join", target="process", child=self.pid, exitcode=self.exitcode)

    process.BaseProcess._bootstrap = traced_bootstrap
    process.BaseProcess.join = traced_join


def _task_name(func, args):
    """How a task reads in a timeline: the example's function and its arguments."""
    inner = getattr(func, "__name__", "")
    if inner in ("mapstar", "starmapstar") and len(args) == 1 and len(args[0]) == 2:
        func, chunk = args[0]  # a chunk of map() or starmap(): (function, its inputs)
        items = list(chunk)
        shown = ", ".join(map(repr, items[:3])) + (", ..." if len(items) > 3 else "")
        return f"{getattr(func, '__name__', '?')}[{shown}]"
    shown = ", ".join(map(repr, args[:3])) + (", ..." if len(args) > 3 else "")
    return f"{inner or '?'}({shown})"


def _traced_task(func, args):
    """``func`` as a pool or executor calls it, recording when the task started and ended."""

    def task(*call_args, **call_kwargs):
        start = time.perf_counter_ns()
        try:
            return func(*call_args, **call_kwargs)
        finally:
            name = threading.current_thread().name
            _record("task", name=_task_name(func, args), start=start, thread=name)

    return task


def _patch_pool(pool):
    """``multiprocessing.pool``, once imported: each task a worker takes from its queue (a
    Pool's worker function reads tasks through ``inqueue.get``)."""
    worker = getattr(pool, "worker", None)
    if worker is None:
        return

    def traced_worker(inqueue, *args, **kwargs):
        get = inqueue.get

        def traced_get():
            task = get()
            if isinstance(task, tuple) and len(task) == 5:
                job, i, func, task_args, kwds = task
                task = (job, i, _traced_task(func, task_args), task_args, kwds)
            return task

        # A ThreadPool's queue takes no new attributes: its tasks go untraced.
        with contextlib.suppress(AttributeError, TypeError):
            inqueue.get = traced_get
        return worker(inqueue, *args, **kwargs)

    # Pickled by reference (a spawn child gets "multiprocessing.pool.worker"), so it must
    # stand under the original's name.
    traced_worker.__module__, traced_worker.__qualname__ = worker.__module__, worker.__qualname__
    pool.worker = traced_worker


def _patch_process_executor(process):
    """``concurrent.futures.process``, once imported: each call a worker process takes."""
    worker = getattr(process, "_process_worker", None)
    if worker is None:
        return

    def traced_worker(call_queue, *args, **kwargs):
        get = call_queue.get

        def traced_get(*get_args, **get_kwargs):
            item = get(*get_args, **get_kwargs)
            if item is not None and hasattr(item, "fn"):
                item.fn = _traced_task(item.fn, tuple(item.args))
            return item

        call_queue.get = traced_get
        return worker(call_queue, *args, **kwargs)

    traced_worker.__module__, traced_worker.__qualname__ = worker.__module__, worker.__qualname__
    process._process_worker = traced_worker


def _patch_thread_executor(thread):
    """``concurrent.futures.thread``, once imported: each work item a pool thread runs."""
    work_item = getattr(thread, "_WorkItem", None)
    if work_item is None or not hasattr(work_item, "run"):
        return
    run = work_item.run

    def traced_run(self, *args, **kwargs):
        start = time.perf_counter_ns()
        try:
            return run(self, *args, **kwargs)
        finally:
            name = _task_name(self.fn, tuple(self.args))
            _record("task", name=name, start=start, thread=threading.current_thread().name)

    work_item.run = traced_run


#: What to patch in a module of the standard library once it is imported.
_PATCHES = {
    "multiprocessing.process": lambda module: _patch_multiprocessing(module),
    "multiprocessing.pool": lambda module: _patch_pool(module),
    "concurrent.futures.process": lambda module: _patch_process_executor(module),
    "concurrent.futures.thread": lambda module: _patch_thread_executor(module),
}


class _AfterImport:
    """A meta-path finder that patches modules right after they are imported, so that
    programs that never import multiprocessing do not pay for importing it."""

    def find_spec(self, name, path=None, target=None):
        if name not in _PATCHES or name in _patched:
            return None
        sys.meta_path.remove(self)
        try:
            import importlib.util

            spec = importlib.util.find_spec(name)
        finally:
            sys.meta_path.insert(0, self)
        if spec is None or spec.loader is None:
            return spec
        exec_module = spec.loader.exec_module

        def exec_and_patch(module):
            exec_module(module)
            if name not in _patched:
                _patched.add(name)
                _PATCHES[name](module)

        spec.loader.exec_module = exec_and_patch
        return spec


def _install():
    if hasattr(os, "register_at_fork"):  # not on Windows, which has no fork
        os.register_at_fork(after_in_child=lambda: _record("start", how="fork"))
    main = threading.main_thread()
    argv = list(getattr(sys, "orig_argv", sys.argv))
    _record("start", how="exec", argv=argv, main_ident=main.ident, main_native_id=main.native_id)
    import atexit

    atexit.register(_record_end)
    if not _ours():
        return

    if _TERMINAL:
        sys.stdout.reconfigure(line_buffering=True)

    real_print = builtins.print

    def traced_print(*args, sep=" ", end="\n", file=None, flush=False):
        real_print(*args, sep=sep, end=end, file=file, flush=flush)
        if file is None or file is sys.stdout:
            text = (" " if sep is None else sep).join(map(str, args))
            text += "\n" if end is None else end
            line = _example_line(sys._getframe(1))
            _record("print", line=line, text=text, thread=threading.current_thread().name)

    builtins.print = traced_print
    _patch_threads()
    for name, patch in _PATCHES.items():
        if name in sys.modules:
            _patched.add(name)
            patch(sys.modules[name])
    sys.meta_path.insert(0, _AfterImport())

    if _METHOD:
        import multiprocessing

        multiprocessing.set_start_method(_METHOD)


if _TRACE and _EXAMPLE:
    _install()
