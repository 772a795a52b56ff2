"""Children that have ended stay zombies (state Z) until join() or active_children() collects them (POSIX only)."""

import multiprocessing
import os
import subprocess
import time


def state(pid):
    """The process's state as the OS reports it ("Z": zombie), or "gone" once collected."""
    if os.path.isdir("/proc/self"):  # Linux
        try:
            with open(f"/proc/{pid}/stat") as stat:
                return stat.read().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return "gone"
    ps = subprocess.run(
        ["ps", "-o", "stat=", "-p", str(pid)], capture_output=True, text=True
    )
    return ps.stdout.strip()[:1] or "gone"  # macOS and other POSIX systems


def main():
    fork = multiprocessing.get_context("fork")
    go = fork.Event()
    children = [fork.Process(target=go.wait) for _ in range(3)]
    for child in children:
        child.start()
    go.set()  # all three end now, after all of them have started
    for child in children:
        while state(child.pid) != "Z":  # wait for the end without collecting it
            time.sleep(0.01)
        print(
            f"Child {child.pid} has ended, nobody joined it: state {state(child.pid)}"
        )

    children[0].join()
    print(f"After join(): child {children[0].pid} is {state(children[0].pid)}")
    print("active_children() returns", multiprocessing.active_children())
    for child in children[1:]:
        print(f"After active_children(): child {child.pid} is {state(child.pid)}")


if __name__ == "__main__":
    main()

# start-method: fork

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 4ba36477):
#
# $ python examples/silent_mistakes/multiprocessing_zombie_until_joined.py
# Child 22229 has ended, nobody joined it: state Z
# Child 22230 has ended, nobody joined it: state Z
# Child 22231 has ended, nobody joined it: state Z
# After join(): child 22229 is gone
# active_children() returns []
# After active_children(): child 22230 is gone
# After active_children(): child 22231 is gone
