"""`make run` itself, for the browser tests (issue 14: moved from tests/browser/conftest.py,
which keeps the fixtures and re-exports these names): scripts/run.sh on free ports, a temporary
database and its own logs, stopped with Ctrl-C as a person would. The other tests start the
parts directly with the one launcher, tests/support/stack.py, which shares `free_port`."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.support.stack import free_port

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
# Loading the Rasa model takes tens of seconds on a quiet machine, minutes on a busy CI box.
STARTUP_SECONDS = float(os.environ.get("BROWSER_TEST_STARTUP_SECONDS", "420"))
AUTHORITY = "telford-wrekin"


def http_ok(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            status: int = r.status
            return 200 <= status < 300
    except (urllib.error.URLError, OSError, ValueError):
        return False


def port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


@dataclass
class Stack:
    """The running assistant: URLs, its run directory and the honcho process group."""

    proc: subprocess.Popen[bytes]
    run_dir: Path
    log: Path
    ports: dict[str, int]
    env: dict[str, str]
    stopped: bool = field(default=False)

    @property
    def page_url(self) -> str:
        return f"http://127.0.0.1:{self.ports['WEB_PORT']}/"

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.ports['RASA_PORT']}"

    @property
    def cases_url(self) -> str:
        return f"http://127.0.0.1:{self.ports['CASESERVICE_PORT']}"

    def log_tail(self, lines: int = 60) -> str:
        """The last lines of what every part said, after what scripts/run.sh itself printed."""
        out = []
        for path in (self.log.parent.parent / "console.txt", self.log):
            try:
                out += path.read_text(errors="replace").splitlines()[-lines:]
            except OSError:
                out.append(f"(no {path.name})")
        return "\n".join(out)

    def caseservice(self, *args: str) -> str:
        """Runs the caseservice CLI against this stack's database."""
        out = subprocess.run(
            [str(REPO / ".venv/bin/caseservice"), *args],
            env=self.env,
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert out.returncode == 0, out.stderr
        return out.stdout

    def read_token(self) -> str:
        path = self.run_dir / "reader.token"
        if not path.exists():
            self.caseservice(
                "tokens", "add", "browser-tests", "--scopes", "cases:read", "--replace",
                "--token-file", str(path),
            )  # fmt: skip
        return path.read_text().strip()

    def get_json(self, path: str) -> Any:
        req = urllib.request.Request(
            self.cases_url + path, headers={"Authorization": f"Bearer {self.read_token()}"}
        )
        with urllib.request.urlopen(req, timeout=5) as r:
            assert 200 <= r.status < 300
            return json.loads(r.read())

    def stop(self) -> float:
        """Ctrl-C, as a person would press it; returns how long everything took to stop."""
        if self.stopped:
            return 0.0
        self.stopped = True
        start = time.monotonic()
        try:
            os.killpg(self.proc.pid, signal.SIGINT)
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)
            raise
        except ProcessLookupError:
            pass
        return time.monotonic() - start


def start_stack(tmp: Path, authority: str = AUTHORITY) -> Stack:
    names = ("WEB_PORT", "RASA_PORT", "ACTIONS_PORT", "CASESERVICE_PORT")
    ports = {name: free_port() for name in names}
    run_dir = tmp / "run"
    env = {
        **os.environ,
        **{k: str(v) for k, v in ports.items()},
        "AUTHORITY": authority,
        "RUN_DIR": str(run_dir),
        "RUN_SKIP_BUILD": "1",  # make test-browser has built and trained already
        "LOG_DIR": str(tmp / "log"),  # every part's log, and run.log with all of them
        "DATABASE_URL": f"sqlite:///{run_dir}/caseservice.db",
    }
    log = tmp / "log" / "run.log"  # what every part said (the screen shows only the start)
    with (tmp / "console.txt").open("wb") as fh:
        proc = subprocess.Popen(
            [str(REPO / "scripts/run.sh")],
            cwd=REPO,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=fh,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so Ctrl-C reaches every child
        )
    stack = Stack(proc=proc, run_dir=run_dir, log=log, ports=ports, env=env)
    checks = [
        stack.page_url,
        f"{stack.cases_url}/healthz",
        f"http://127.0.0.1:{ports['ACTIONS_PORT']}/health",
        f"{stack.rasa_url}/",
    ]
    deadline = time.monotonic() + STARTUP_SECONDS
    while checks:
        checks = [u for u in checks if not http_ok(u)]
        if not checks:
            break
        if proc.poll() is not None:
            raise AssertionError(f"scripts/run.sh exited ({proc.returncode}):\n{stack.log_tail()}")
        if time.monotonic() > deadline:
            stack.stop()
            raise AssertionError(
                f"not up after {STARTUP_SECONDS:.0f} s: {checks}\n{stack.log_tail()}"
            )
        time.sleep(1)
    return stack
