"""The console of `make run`: reads honcho's output and keeps the screen quiet.

Every line goes to LOG_DIR/<process>.log (and all of them, prefixed, to LOG_DIR/run.log); the
screen gets one line per service as it starts, what the `ready` process says (the address to
open), and, if a service stops on its own, the last lines of its log.

    honcho start 2>&1 | python scripts/run_console.py LOG_DIR
"""

from __future__ import annotations

import os
import re
import signal
import sys
from collections import deque
from pathlib import Path
from typing import TextIO

LINE = re.compile(r"^(\d\d:\d\d:\d\d) (\S+?)(?:\.\d+)?\s+\| ?(.*)$")
EVENT = re.compile(r"^(\S+?)\.\d+ (started|stopped)\b(.*)$")


def services() -> dict[str, str]:
    """What each Procfile process is, as the screen names it when it starts."""
    env = os.environ.get
    return {
        "cases": f"the case service   http://127.0.0.1:{env('CASESERVICE_PORT', '8100')}/docs",
        "actions": f"the action server  http://127.0.0.1:{env('ACTIONS_PORT', '5055')}/health",
        "rasa": f"the Rasa server    http://127.0.0.1:{env('RASA_PORT', '5005')}",
        "web": f"the demo page      http://localhost:{env('WEB_PORT', '8080')}/",
    }


def main(log_dir: Path) -> int:
    # Ctrl-C reaches honcho and this process alike: keep reading until honcho has stopped
    # everything and closed the pipe, so the shutdown is logged too.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    log_dir.mkdir(parents=True, exist_ok=True)
    files: dict[str, TextIO] = {}
    tails: dict[str, deque[str]] = {}
    names = services()
    stopping = False
    combined = (log_dir / "run.log").open("w", encoding="utf-8")

    def say(text: str) -> None:
        print(text, flush=True)

    for raw in sys.stdin:
        line = raw.rstrip("\n")
        combined.write(line + "\n")
        combined.flush()
        m = LINE.match(line)
        if not m:
            say(line)  # not from honcho's processes: show it
            continue
        _, proc, text = m.groups()
        if proc != "system":
            if proc not in files:
                files[proc] = (log_dir / f"{proc}.log").open("w", encoding="utf-8")
            files[proc].write(text + "\n")
            files[proc].flush()
            tails.setdefault(proc, deque(maxlen=20)).append(text)
            if proc == "ready":
                say(text)
            continue
        if "SIGTERM" in text or "SIGINT" in text or "stopping" in text.lower():
            stopping = True
        event = EVENT.match(text)
        if not event:
            continue
        name, what, rest = event.groups()
        if what == "started" and name == "ready":
            say("Waiting until every part answers (the Rasa server takes about a minute)...")
        elif what == "started":
            say(f"  started {names.get(name, name)}")
        elif not stopping:
            stopping = True
            log = log_dir / f"{name}.log"
            say(f"\n{name} stopped on its own{rest}; the last lines of {log}:")
            for t in tails.get(name, []):
                say(f"    {t}")
            say("Stopping the other parts.")
    for f in files.values():
        f.close()
    combined.close()
    if stopping:
        say(f"Stopped. The logs are in {log_dir}/.")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "var/log")))
