"""Two processes fill a Manager's dict; a plain list stored in it is only a copy in each process, while a nested manager.list() is shared."""

import multiprocessing


def worker(index, shared):
    shared[f"worker-{index}"] = index * 10
    shared["plain"].append(index)  # appends to a local copy
    shared["nested"].append(index)  # a proxy: the append goes to the manager


def main():
    with multiprocessing.Manager() as manager:  # starts the manager's process
        shared = manager.dict(plain=[], nested=manager.list())
        processes = [
            multiprocessing.Process(target=worker, args=(i, shared)) for i in range(2)
        ]
        for p in processes:
            p.start()
        for p in processes:
            p.join()
        print("worker-0:", shared["worker-0"], "worker-1:", shared["worker-1"])
        print("plain list in the dict:", shared["plain"])
        print("nested manager list:", sorted(shared["nested"]))


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 18ed9e5a):
#
# $ python examples/locks/multiprocessing_manager_dict_list.py
# worker-0: 0 worker-1: 10
# plain list in the dict: []
# nested manager list: [0, 1]
