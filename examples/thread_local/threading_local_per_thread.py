"""Three threads store their user in one threading.local object; a function deep in the call chain reads it without a parameter, and each thread sees its own user."""

import threading


class RequestContext(threading.local):
    def __init__(self):
        self.user = "anonymous"  # runs once in every thread that uses it


context = RequestContext()  # one object, a separate .user in each thread


def describe(action):
    return f"{context.user} {action}"  # nobody passed the user in


def handle_request(user, all_set, seen):
    context.user = user
    all_set.wait()  # every thread has set its user before any reads
    seen.append(f"thread of {user}: {describe('loads orders')}")


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
    for line in sorted(seen):
        print(line)
    print("main thread:", describe("loads orders"))


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 8b84476c):
#
# $ python examples/thread_local/threading_local_per_thread.py
# thread of alice: alice loads orders
# thread of bob: bob loads orders
# thread of carol: carol loads orders
# main thread: anonymous loads orders
