"""Without the guard, a spawn child runs the top-level code again, as __mp_main__, and fails."""

import multiprocessing


def greet():
    print("greet() runs in the child")


# Top-level code: runs in every process that loads this file.
print(f"top-level code runs: __name__ = {__name__!r}")
ctx = multiprocessing.get_context("spawn")
child = ctx.Process(target=greet)
child.start()
child.join()
print(f"child exit code: {child.exitcode}")

# start-method: spawn

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 8a2bef63):
#
# $ python examples/main_guard/multiprocessing_spawn_without_guard.py
# top-level code runs: __name__ = '__main__'
# top-level code runs: __name__ = '__mp_main__'
# Traceback (most recent call last):
#   File "<string>", line 1, in <module>
#   File ".../lib/python3.11/multiprocessing/spawn.py", line 122, in spawn_main
#     exitcode = _main(fd, parent_sentinel)
#                ^^^^^^^^^^^^^^^^^^^^^^^^^^
#   File ".../lib/python3.11/multiprocessing/spawn.py", line 131, in _main
#     prepare(preparation_data)
#   File ".../lib/python3.11/multiprocessing/spawn.py", line 246, in prepare
#     _fixup_main_from_path(data['init_main_from_path'])
#   File ".../lib/python3.11/multiprocessing/spawn.py", line 297, in _fixup_main_from_path
#     main_content = runpy.run_path(main_path,
#                    ^^^^^^^^^^^^^^^^^^^^^^^^^
#   File "<frozen runpy>", line 291, in run_path
#   File "<frozen runpy>", line 98, in _run_module_code
#   File "<frozen runpy>", line 88, in _run_code
#   File "examples/main_guard/multiprocessing_spawn_without_guard.py", line 14, in <module>
#     child.start()
#   File ".../lib/python3.11/multiprocessing/process.py", line 121, in start
#     self._popen = self._Popen(self)
#                   ^^^^^^^^^^^^^^^^^
#   File ".../lib/python3.11/multiprocessing/context.py", line 288, in _Popen
#     return Popen(process_obj)
#            ^^^^^^^^^^^^^^^^^^
#   File ".../lib/python3.11/multiprocessing/popen_spawn_posix.py", line 32, in __init__
#     super().__init__(process_obj)
#   File ".../lib/python3.11/multiprocessing/popen_fork.py", line 19, in __init__
#     self._launch(process_obj)
#   File ".../lib/python3.11/multiprocessing/popen_spawn_posix.py", line 42, in _launch
#     prep_data = spawn.get_preparation_data(process_obj._name)
#                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
#   File ".../lib/python3.11/multiprocessing/spawn.py", line 164, in get_preparation_data
#     _check_not_importing_main()
#   File ".../lib/python3.11/multiprocessing/spawn.py", line 140, in _check_not_importing_main
#     raise RuntimeError('''
# RuntimeError:
#         An attempt has been made to start a new process before the
#         current process has finished its bootstrapping phase.
#
#         This probably means that you are not using fork to start your
#         child processes and you have forgotten to use the proper idiom
#         in the main module:
#
#             if __name__ == '__main__':
#                 freeze_support()
#                 ...
#
#         The "freeze_support()" line can be omitted if the program
#         is not going to be frozen to produce an executable.
#
#         To fix this issue, refer to the "Safe importing of main module"
#         section in https://docs.python.org/3/library/multiprocessing.html
#
# child exit code: 1
