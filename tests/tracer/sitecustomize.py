"""Imported by every Python process that the example tests start (PYTHONPATH points here).

It sets the start method under test, then records into the JSON-lines file named by
``EXAMPLES_TRACE``: each process that starts (by exec or by fork), each thread that starts, and
each ``print()`` to stdout with the line of the example file that made it. It changes nothing that
a program prints or does, so the example still runs as a real ``python file.py``.
"""

import builtins
import json
import os
import sys
import threading

_TRACE = os.environ.get("EXAMPLES_TRACE")
_EXAMPLE = os.environ.get("EXAMPLES_FILE")
_METHOD = os.environ.get("EXAMPLES_START_METHOD")


def _record(kind, **fields):
    record = {"kind": kind, "pid": os.getpid(), "ppid": os.getppid(), **fields}
    data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    # One write() per record on an O_APPEND file: records of concurrent processes never mix.
    fd = os.open(_TRACE, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


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


def _install():
    if hasattr(os, "register_at_fork"):  # not on Windows, which has no fork
        os.register_at_fork(after_in_child=lambda: _record("start", how="fork"))
    _record("start", how="exec", argv=list(getattr(sys, "orig_argv", sys.argv)))
    if not _ours():
        return

    real_print = builtins.print

    def traced_print(*args, sep=" ", end="\n", file=None, flush=False):
        real_print(*args, sep=sep, end=end, file=file, flush=flush)
        if file is None or file is sys.stdout:
            text = (" " if sep is None else sep).join(map(str, args))
            text += "\n" if end is None else end
            _record("print", line=_example_line(sys._getframe(1)), text=text)

    builtins.print = traced_print

    def thread_started(frame, event, arg):
        sys.setprofile(None)
        _record("thread", name=threading.current_thread().name)

    threading.setprofile(thread_started)

    if _METHOD:
        import multiprocessing

        multiprocessing.set_start_method(_METHOD)


if _TRACE and _EXAMPLE:
    _install()
