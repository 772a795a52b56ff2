"""A child process connects without an authkey: its inherited key gets it in only where the manager has no key of its own."""

import multiprocessing
from multiprocessing.managers import BaseManager


def connect(address):
    manager = BaseManager(address=address)  # no authkey: current_process().authkey
    try:
        manager.connect()
        print("  the child got in")
    except multiprocessing.AuthenticationError as error:
        print(f"  the child was turned away: AuthenticationError: {error}")


def main():
    for key in (None, b"abc"):
        with BaseManager(address=("127.0.0.1", 0), authkey=key) as server:
            print(f"A manager made with authkey={key!r}:")
            child = multiprocessing.Process(target=connect, args=(server.address,))
            child.start()
            child.join()


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 945d795d):
#
# $ python examples/distributed/multiprocessing_managers_inherited_authkey.py
# A manager made with authkey=None:
#   the child got in
# A manager made with authkey=b'abc':
#   the child was turned away: AuthenticationError: digest sent was rejected
