"""A child program reads text on stdin and answers on stdout: no pickling, so both sides agree on JSON."""

import json
import os
import subprocess
import sys

# The child program: reads a JSON request, writes a JSON reply.
CHILD = """
import json, sys
request = json.load(sys.stdin)
reply = {"total": sum(request["numbers"]), "twice": request["word"] * 2}
json.dump(reply, sys.stdout, ensure_ascii=False)
"""


def main():
    request = {"numbers": [1, 2, 3, 4], "word": "进程"}
    # The child writes UTF-8 whatever the system's default encoding is.
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", CHILD],
        input=json.dumps(request, ensure_ascii=False),
        capture_output=True,
        encoding="utf-8",
        env=env,
        check=True,
    )
    print("the child wrote this text:", result.stdout)
    reply = json.loads(result.stdout)
    print("parsed back into a dict:", reply)


if __name__ == "__main__":
    main()

# Output of one real run, recorded by make update-examples
# (Linux, CPython 3.11.7, start method fork, exit status 0, program c59d2a1a):
#
# $ python examples/subprocess/subprocess_json_over_pipes.py
# the child wrote this text: {"total": 10, "twice": "进程进程"}
# parsed back into a dict: {'total': 10, 'twice': '进程进程'}
