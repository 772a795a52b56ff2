"""Two processes move money between the accounts of a shared Array; one multiprocessing.Lock around each whole transfer keeps every update and the total of 400."""

import multiprocessing


def transfer_all(accounts, lock, moves):
    for source, target in moves:
        with lock:  # the two writes of a transfer happen together
            accounts[source] -= 1
            accounts[target] += 1


def main():
    lock = multiprocessing.Lock()
    accounts = multiprocessing.Array("i", [100] * 4, lock=False)  # "i": C ints
    to_the_right = [(i % 4, (i + 1) % 4) for i in range(200)]
    to_account_0 = [(i % 3 + 1, 0) for i in range(150)]
    processes = [
        multiprocessing.Process(target=transfer_all, args=(accounts, lock, moves))
        for moves in (to_the_right, to_account_0)
    ]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    print("balances:", list(accounts))
    print("total:", sum(accounts))


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method spawn, exit status 0, program 8558ac91):
#
# $ python examples/locks/multiprocessing_lock_array_transfer.py
# balances: [250, 50, 50, 50]
# total: 400
