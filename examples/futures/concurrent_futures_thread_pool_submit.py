"""submit() hands tasks to a thread pool; as_completed() yields them as they finish, and the waits overlap."""

import time
from concurrent.futures import ThreadPoolExecutor, as_completed

# Simulated downloads: page name -> seconds the "network" takes.
PAGES = {"home": 0.25, "about": 0.05, "news": 0.15, "shop": 0.10, "blog": 0.20}


def download(page):
    time.sleep(PAGES[page])  # waiting, like real I/O
    return f"<html>{page}</html>"


def main():
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=5) as executor:
        future_to_page = {executor.submit(download, page): page for page in PAGES}
        finished = []
        for future in as_completed(future_to_page):
            page = future_to_page[future]
            finished.append(f"{page}: {len(future.result())} characters")
    elapsed = time.perf_counter() - start

    for line in sorted(finished):
        print(line)
    one_after_another = sum(PAGES.values())
    print(
        f"five downloads took {elapsed:.2f} s, one after another {one_after_another:.2f} s"
    )
    print("the waits overlapped:", elapsed < one_after_another)


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 07fe0c58):
#
# $ python examples/futures/concurrent_futures_thread_pool_submit.py
# about: 18 characters
# blog: 17 characters
# home: 17 characters
# news: 17 characters
# shop: 17 characters
# five downloads took 0.25 s, one after another 0.75 s
# the waits overlapped: True
