"""thread_map: list(map(...)) on a thread pool with one progress bar; results keep the input order."""

import time

from tqdm.contrib.concurrent import thread_map

# Simulated downloads: page name -> seconds the "network" takes.
PAGES = {
    "home": 0.2,
    "about": 0.05,
    "news": 0.15,
    "shop": 0.1,
    "blog": 0.1,
    "faq": 0.05,
}


def download(page):
    time.sleep(PAGES[page])  # waiting, like real I/O
    return page.upper()  # stands for the downloaded page


def main():
    start = time.perf_counter()
    results = thread_map(download, PAGES, max_workers=3, desc="pages")
    elapsed = time.perf_counter() - start
    print(results)
    print(f"{len(results)} downloads with 3 threads: {elapsed:.2f} s")
    print(f"one after another they would take {sum(PAGES.values()):.2f} s")


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 6f49a34e):
#
# $ python examples/tqdm/tqdm_thread_map.py
# pages: 100%|██████████| 6/6 [00:00<00:00, 23.85it/s]
# ['HOME', 'ABOUT', 'NEWS', 'SHOP', 'BLOG', 'FAQ']
# 6 downloads with 3 threads: 0.26 s
# one after another they would take 0.65 s
