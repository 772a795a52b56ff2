"""Three threads store their user in one threading.local object; code deep in the call chain reads it without a parameter, and each thread sees only its own user."""

import threading
from types import SimpleNamespace


class RequestContext(threading.local):
    def __init__(self):
        self.user = "anonymous"  # runs once in every thread that uses it


context = RequestContext()  # one object, a separate .user in each thread
shared = SimpleNamespace(user="anonymous")  # one object, one .user for all


def describe(action):
    # deep in the code: nobody passed the user in
    return f"{context.user} {action}"


def load_orders():
    return describe("loads orders")


def handle_request(user, all_set, seen):
    context.user = user
    shared.user = user
    all_set.wait()  # every thread has written before any reads
    seen.append((user, load_orders(), shared.user))


def main():
    users = ["alice", "bob", "carol"]
    all_set = threading.Barrier(len(users))
    seen = []
    threads = [
        threading.Thread(target=handle_request, args=(user, all_set, seen))
        for user in users
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for user, line, _ in sorted(seen):
        print(f"thread of {user}: {line}")
    print("main thread:", load_orders())
    print(
        "plain object, each thread saw its own user:",
        all(user == shared_user for user, _, shared_user in seen),
    )
    print(
        "plain object, different users seen:",
        len({shared_user for _, _, shared_user in seen}),
    )


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program d8e502b6):
#
# $ python examples/thread_local/threading_local_per_thread.py
# thread of alice: alice loads orders
# thread of bob: bob loads orders
# thread of carol: carol loads orders
# main thread: anonymous loads orders
# plain object, each thread saw its own user: False
# plain object, different users seen: 1
