"""A dict keyed by thread id keeps every ended thread's object until someone deletes it; threading.local lets it go when the thread ends."""

import threading
import weakref


class Connection:  # stands for something costly: a database connection, a file
    def __init__(self, owner):
        self.owner = owner


by_thread_id = {}
local = threading.local()


def work(all_started, refs):
    all_started.wait()  # all alive at once, so their ids differ
    in_dict = Connection(threading.current_thread().name)
    by_thread_id[threading.get_ident()] = in_dict
    in_local = Connection(threading.current_thread().name)
    local.connection = in_local
    refs.append((weakref.ref(in_dict), weakref.ref(in_local)))


def main():
    all_started = threading.Barrier(3)
    refs = []
    threads = [
        threading.Thread(target=work, args=(all_started, refs)) for _ in range(3)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("threads still running:", sum(t.is_alive() for t in threads))
    print("entries left in the dict:", len(by_thread_id))
    print("dict's connections still alive:", sum(d() is not None for d, _ in refs))
    print("local's connections still alive:", sum(x() is not None for _, x in refs))
    print("main thread has a local connection:", hasattr(local, "connection"))


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program b027303d):
#
# $ python examples/thread_local/threading_local_vs_ident_dict.py
# threads still running: 0
# entries left in the dict: 3
# dict's connections still alive: 3
# local's connections still alive: 0
# main thread has a local connection: False
