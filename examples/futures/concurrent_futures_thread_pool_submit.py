"""submit() hands five downloads to a thread pool; as_completed() yields each one as it finishes."""

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
        for future in as_completed(future_to_page):
            page = future_to_page[future]
            print(f"{page}: {len(future.result())} characters")
    print(f"All five in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program e793e2ea):
#
# $ python examples/futures/concurrent_futures_thread_pool_submit.py
# about: 18 characters
# shop: 17 characters
# news: 17 characters
# blog: 17 characters
# home: 17 characters
# All five in 0.31 s
