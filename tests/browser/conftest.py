"""Real processes for the browser tests: `scripts/run.sh` (what `make run` starts, on free ports
and a temporary database) and Debian's chromium driven by Playwright."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
# Loading the Rasa model takes tens of seconds on a quiet machine, minutes on a busy CI box.
STARTUP_SECONDS = float(os.environ.get("BROWSER_TEST_STARTUP_SECONDS", "420"))
AUTHORITY = "telford-wrekin"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


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


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    started = time.monotonic()
    s = start_stack(tmp_path_factory.mktemp("stack"))
    print(f"\nstack up in {time.monotonic() - started:.1f} s")
    try:
        yield s
    finally:
        s.stop()
        ARTIFACTS.mkdir(exist_ok=True)
        shutil.copy(s.log, ARTIFACTS / "run.log")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise AssertionError(f"{CHROMIUM} is missing: run `make test-browser` (installs chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
        )
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser: Any, stack: Stack, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh browser context (empty localStorage) on the demo page, collecting page errors."""
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.errors = errors
    pg.goto(stack.page_url)
    try:
        yield pg
    finally:
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
        context.close()
