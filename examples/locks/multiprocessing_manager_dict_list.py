"""Processes fill a Manager's dict and list; a plain list stored in the dict is only a copy in each process, while a nested manager.list() is shared."""

import multiprocessing


def worker(index, shared_dict, shared_list):
    shared_dict[f"worker-{index}"] = index * 10
    shared_list.append(index)
    shared_dict["plain"].append(index)  # appends to a local copy
    shared_dict["nested"].append(index)  # a proxy: goes to the manager


def main():
    with multiprocessing.Manager() as manager:  # starts the manager's process
        shared_dict = manager.dict()
        shared_list = manager.list()
        shared_dict["plain"] = []
        shared_dict["nested"] = manager.list()
        processes = [
            multiprocessing.Process(target=worker, args=(i, shared_dict, shared_list))
            for i in range(2)
        ]
        for p in processes:
            p.start()
        for p in processes:
            p.join()
        for key in ("worker-0", "worker-1"):
            print(f"dict[{key!r}]:", shared_dict[key])
        print("list:", sorted(shared_list))
        print("plain list in the dict:", shared_dict["plain"])
        print("nested manager list:", sorted(shared_dict["nested"]))


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 9e07242a):
#
# $ python examples/locks/multiprocessing_manager_dict_list.py
# dict['worker-0']: 0
# dict['worker-1']: 10
# list: [0, 1]
# plain list in the dict: []
# nested manager list: [0, 1]
