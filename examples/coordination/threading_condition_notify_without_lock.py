"""notify() needs the Condition's lock: inside `with changed:` it works, outside it raises RuntimeError."""

import threading


def main():
    changed = threading.Condition()
    with changed:
        changed.notify()  # the lock is held
    print("notify() inside `with changed:` works")
    changed.notify()  # the lock is not held


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 1, program fb696ee4):
#
# $ python examples/coordination/threading_condition_notify_without_lock.py
# notify() inside `with changed:` works
# Traceback (most recent call last):
#   File "examples/coordination/threading_condition_notify_without_lock.py", line 15, in <module>
#     main()
#   File "examples/coordination/threading_condition_notify_without_lock.py", line 11, in main
#     changed.notify()  # the lock is not held
#     ^^^^^^^^^^^^^^^^
#   File ".../lib/python3.11/threading.py", line 377, in notify
#     raise RuntimeError("cannot notify on un-acquired lock")
# RuntimeError: cannot notify on un-acquired lock
