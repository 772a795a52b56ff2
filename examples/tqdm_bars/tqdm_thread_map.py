"""thread_map: list(map(...)) on a thread pool with one progress bar; results keep the input order."""

import time

from tqdm.contrib.concurrent import thread_map

# Simulated downloads: page name -> seconds the "network" takes.
PAGES = {
    "home": 0.20,
    "about": 0.05,
    "news": 0.15,
    "shop": 0.10,
    "blog": 0.10,
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
    #> ['HOME', 'ABOUT', 'NEWS', 'SHOP', 'BLOG', 'FAQ']
    one_after_another = sum(PAGES.values())
    print(f"{len(results)} downloads: {elapsed:.2f} s")
    #> 6 downloads: 0.28 s
    print(f"one after another: {one_after_another:.2f} s")
    #> one after another: 0.65 s
    print("the waits overlapped:", elapsed < one_after_another)
    #> the waits overlapped: True


if __name__ == "__main__":
    main()
