"""tqdm.write from several threads: each message gets a row of its own; a plain write breaks the bars."""

import io
import re
import threading
import time

from tqdm import tqdm

WORKERS = 3
STEPS = 10


def screen_rows(output):
    """The rows a terminal shows after this output (it understands CR, LF and cursor-up)."""
    rows, row, col = {}, 0, 0
    for piece in re.split(r"(\r|\n|\x1b\[A)", output):
        if piece == "\r":
            col = 0
        elif piece == "\n":
            row, col = row + 1, 0
        elif piece == "\x1b[A":
            row -= 1
        elif piece:
            line = rows.get(row, "").ljust(col)
            rows[row] = line[:col] + piece + line[col + len(piece) :]
            col += len(piece)
    return [rows[r].rstrip() for r in sorted(rows) if rows[r].strip()]


def plain_write(message, terminal):
    terminal.write(message + "\n")  # what print() does


def tqdm_write(message, terminal):
    tqdm.write(message, file=terminal)


def work(n, terminal, write):
    with tqdm(
        total=STEPS, desc=f"worker{n}", position=n, leave=False, file=terminal
    ) as bar:
        for step in range(1, STEPS + 1):
            time.sleep(0.01)
            bar.update()
            if step == STEPS // 2:
                write(f"worker{n}: halfway", terminal)


def run_workers(write):
    """Run the workers; return the rows left on the screen."""
    terminal = io.StringIO()  # stands in for the terminal, so the program can read it
    threads = [
        threading.Thread(target=work, args=(n, terminal, write)) for n in range(WORKERS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return screen_rows(terminal.getvalue())


def main():
    messages = [f"worker{n}: halfway" for n in range(WORKERS)]
    for write in (plain_write, tqdm_write):
        rows = run_workers(write)
        print(
            f"{write.__name__}: each message on a row of its own:",
            sorted(rows) == messages,
        )
    print("rows left by tqdm_write (sorted):", *sorted(rows), sep="\n    ")


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 2bc295dd):
#
# $ python examples/tqdm/tqdm_write_from_threads.py
# plain_write: each message on a row of its own: False
# tqdm_write: each message on a row of its own: True
# rows left by tqdm_write (sorted):
#     worker0: halfway
#     worker1: halfway
#     worker2: halfway
