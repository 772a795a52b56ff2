"""A child writes GBK bytes, as native tools on Chinese Windows do: decoding them as UTF-8 fails, as GBK works."""

import subprocess
import sys

# The child program: writes "进程" to stdout encoded in GBK (code page 936).
CHILD = [
    sys.executable,
    "-c",
    "import sys; sys.stdout.buffer.write('进程'.encode('gbk'))",
]


def main():
    raw = subprocess.run(CHILD, stdout=subprocess.PIPE).stdout
    print("the child wrote:", raw)
    try:
        subprocess.run(CHILD, stdout=subprocess.PIPE, encoding="utf-8")
    except UnicodeDecodeError as error:
        print("encoding='utf-8': UnicodeDecodeError:", error)
    text = subprocess.run(CHILD, stdout=subprocess.PIPE, encoding="gbk").stdout
    print("encoding='gbk':", text)


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program 9d5ba679):
#
# $ python examples/subprocess/subprocess_decode_gbk_output.py
# the child wrote: b'\xbd\xf8\xb3\xcc'
# encoding='utf-8': UnicodeDecodeError: 'utf-8' codec can't decode byte 0xbd in position 0: invalid start byte
# encoding='gbk': 进程
