"""A dict keyed by thread id keeps every ended thread's connection until someone deletes it; threading.local lets it go when the thread ends."""

import threading
import weakref


class Connection:  # stands for something costly: a database connection, a file
    pass


by_thread_id = {}
local = threading.local()


def work(all_started, refs):
    all_started.wait()  # all alive at once, so their ids differ
    by_thread_id[threading.get_ident()] = in_dict = Connection()
    local.connection = in_local = Connection()
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
    print("entries left in the dict:", len(by_thread_id))
    print("dict's connections still alive:", sum(d() is not None for d, _ in refs))
    print("local's connections still alive:", sum(x() is not None for _, x in refs))


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program e6afa02b):
#
# $ python examples/thread_local/threading_local_vs_ident_dict.py
# entries left in the dict: 3
# dict's connections still alive: 3
# local's connections still alive: 0
