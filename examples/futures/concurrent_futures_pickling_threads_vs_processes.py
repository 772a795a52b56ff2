"""A function defined inside main() runs in a thread pool but cannot be pickled for a process pool."""

from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def main():
    offset = 100

    def add_offset(x):  # a local function: it has no importable name
        return x + offset

    with ThreadPoolExecutor(max_workers=2) as executor:
        print("thread pool:", list(executor.map(add_offset, [1, 2, 3])))
        #> thread pool: [101, 102, 103]

    with ProcessPoolExecutor(max_workers=2) as executor:
        future = executor.submit(add_offset, 1)
        try:
            future.result()
        except Exception as error:  # the exact type and wording vary by Python version
            print(
                "process pool: could not pickle the local function:",
                "local object" in str(error),
            )
            #> process pool: could not pickle the local function: True


if __name__ == "__main__":
    main()
