"""Waits until every part of `make run` answers, then says which URL to open.

Runs as one more Procfile process: it stays alive afterwards because honcho stops everything
when any process exits.

    python web/ready.py URL_TO_OPEN CHECK_URL [CHECK_URL ...]
"""

from __future__ import annotations

import os
import signal
import sys
import time
import urllib.error
import urllib.request

TIMEOUT_SECONDS = 600  # the Rasa server can take minutes to load its model on a busy machine


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            status: int = r.status
            return 200 <= status < 300
    except (urllib.error.URLError, OSError, ValueError):
        return False


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    open_url, checks = argv[0], argv[1:]
    start = time.monotonic()
    waiting = list(checks)
    while waiting:
        waiting = [u for u in waiting if not answers(u)]
        if not waiting:
            break
        if time.monotonic() - start > TIMEOUT_SECONDS:
            print(f"still not answering after {TIMEOUT_SECONDS} s: {', '.join(waiting)}")
            logs = os.environ.get("LOG_DIR", "var/log")
            print(f"see the logs in {logs}/ for the reason; press Ctrl-C to stop")
            break
        time.sleep(1)
    if not waiting:
        took = time.monotonic() - start
        print(f"all parts are up after {took:.0f} s.")
        print(f"Open {open_url} in your browser to chat. Press Ctrl-C to stop.")
    sys.stdout.flush()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
