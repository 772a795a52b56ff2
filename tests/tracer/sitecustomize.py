"""Imported by every Python process that a traced run of an example starts (PYTHONPATH points here).

It records, into the JSON-lines file named by ``EXAMPLES_TRACE``, what the tests check about a run
and what its output cannot show: when each process starts (by exec or by fork) and ends, when each
thread starts and ends, when a ``join()`` returns, and each ``print()`` to stdout with the line of
the example that made it. Every record carries ``t``, nanoseconds on ``time.perf_counter_ns()``,
one clock for every process of the run on Linux, macOS and Windows.

It also sets up the run the way a reader's machine would: ``EXAMPLES_START_METHOD`` names the start
method to set, and ``EXAMPLES_TERMINAL=1`` makes stdout line-buffered, as it is when a terminal is
attached (an IDE run sets ``PYTHONUNBUFFERED=1`` instead, which the tests put in the environment).
Nothing else of what a program prints or does changes: the example still runs as ``python file``.
"""

import builtins
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


def _patch_threads():
    # Internals of CPython 3.11-3.15; a version without them runs untraced rather than broken
    # (the tests then fail for want of thread records, naming what is missing).
    bootstrap_inner = getattr(threading.Thread, "_bootstrap_inner", None)
    join = threading.Thread.join
    if bootstrap_inner is None:
        return

    def traced_bootstrap_inner(self):
        _record("thread", **_thread_fields(self))
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
        exitcode = bootstrap(self, *args, **kwargs)
        _record_end(exitcode)
        return exitcode

    def traced_join(self, timeout=None):
        join(self, timeout)
        if self.exitcode is not None:
            _record("join", target="process", child=self.pid, exitcode=self.exitcode)

    process.BaseProcess._bootstrap = traced_bootstrap
    process.BaseProcess.join = traced_join


class _AfterImport:
    """A meta-path finder that patches ``multiprocessing.process`` right after it is imported,
    so that programs that never import multiprocessing do not pay for importing it."""

    def find_spec(self, name, path=None, target=None):
        if name != "multiprocessing.process":
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
            _patch_multiprocessing(module)
            sys.meta_path[:] = [f for f in sys.meta_path if f is not self]

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
    if "multiprocessing.process" in sys.modules:
        _patch_multiprocessing(sys.modules["multiprocessing.process"])
    else:
        sys.meta_path.insert(0, _AfterImport())

    if _METHOD:
        import multiprocessing

        multiprocessing.set_start_method(_METHOD)


if _TRACE and _EXAMPLE:
    _install()
