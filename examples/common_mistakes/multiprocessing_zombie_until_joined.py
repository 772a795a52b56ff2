"""A child that has ended but is not joined stays a zombie (state Z) until join() or active_children() collects it (POSIX only)."""

import multiprocessing
import os
import subprocess
import time


def state(pid):
    """The process's state letter as the OS reports it ("Z": zombie), or None if it is gone."""
    if os.path.isdir("/proc/self"):  # Linux
        try:
            with open(f"/proc/{pid}/stat") as stat:
                return stat.read().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return None
    ps = subprocess.run(
        ["ps", "-o", "stat=", "-p", str(pid)], capture_output=True, text=True
    )
    return ps.stdout.strip()[:1] or None  # macOS and other POSIX systems


def wait_for(pids, wanted, deadline=5.0):
    """Poll until every pid is in the wanted state; return whether they all got there."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if all(state(pid) == wanted for pid in pids):
            return True
        time.sleep(0.01)
    return False


def finish(go):
    go.wait()  # end only once all three have started


def main():
    fork = multiprocessing.get_context("fork")
    go = fork.Event()
    children = [fork.Process(target=finish, args=(go,)) for _ in range(3)]
    for child in children:
        child.start()
    go.set()
    pids = [child.pid for child in children]

    print("all 3 ended, none joined, all zombies:", wait_for(pids, "Z"))
    children[0].join()
    print("after join(): the first one is gone:", state(pids[0]) is None)
    print(
        "active_children() sees none still running:", multiprocessing.active_children()
    )
    print(
        "and it collected the other two:", all(state(pid) is None for pid in pids[1:])
    )


if __name__ == "__main__":
    main()

# start-method: fork

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program e8aa5624):
#
# $ python examples/common_mistakes/multiprocessing_zombie_until_joined.py
# all 3 ended, none joined, all zombies: True
# after join(): the first one is gone: True
# active_children() sees none still running: []
# and it collected the other two: True
