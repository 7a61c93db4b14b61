"""Real servers that fault tests can stop, kill and restart: a private PostgreSQL cluster,
`caseservice serve` processes and Redis, beside the assistant's one launcher (`stack.py`).
Shared by tests/faults, tests/hostile, tests/privacy, tests/scaleout and bench/ (it was
tests/faults/servers.py, which still re-exports it).

Unlike scripts/with-postgres.sh (one server for a whole run), a fault test must own its
PostgreSQL so it can take it away mid-test without disturbing anything else.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import httpx
from sqlalchemy import create_engine, text

from caseservice import auth
from caseservice.db import Database, migrate
from tests.support.stack import free_port

REPO = Path(__file__).resolve().parents[2]


def _as_postgres() -> list[str]:
    # initdb refuses root; the cluster then belongs to the `postgres` user.
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def wait_until(check: object, timeout: float, what: str, interval: float = 0.1) -> None:
    assert callable(check)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except Exception:
            pass
        time.sleep(interval)
    raise TimeoutError(f"{what} did not happen within {timeout} s")


class PgCluster:
    """A throwaway PostgreSQL 15 cluster on a free port; `stop()`/`start()` simulate an outage."""

    def __init__(self, options: str = "-c fsync=off") -> None:
        for tool in ("initdb", "pg_ctl"):
            if shutil.which(tool) is None:
                raise RuntimeError(f"{tool} is not on PATH; install PostgreSQL 15")
        self.dir = Path(tempfile.mkdtemp(prefix="prove-pg-"))
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        self.options = options
        self.port = free_port()
        self._run(
            ["initdb", "-D", str(self.dir / "data"), "-A", "trust", "-U", "app", "-E", "UTF8"]
        )
        self.start()
        self.admin_url = f"postgresql+psycopg://app@127.0.0.1:{self.port}/postgres"

    def _run(self, cmd: list[str], check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            _as_postgres() + cmd, capture_output=True, text=True, check=check, timeout=60
        )

    def start(self) -> None:
        opts = (
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 "
            f"-c max_connections=300 {self.options}"
        )
        result = self._run(
            [
                "pg_ctl",
                "-D",
                str(self.dir / "data"),
                "-l",
                str(self.dir / "log"),
                "-w",
                "-t",
                "30",
                "-o",
                opts,
                "start",
            ],
            check=False,
        )
        if result.returncode != 0:
            log = (self.dir / "log").read_text(errors="replace")[-3000:]
            raise RuntimeError(f"pg_ctl start failed: {result.stderr}\n{log}")

    def stop(self, mode: str = "fast") -> None:
        """mode "fast" disconnects clients and shuts down cleanly; "immediate" is a crash."""
        self._run(["pg_ctl", "-D", str(self.dir / "data"), "-m", mode, "-w", "stop"])

    def create_database(self, prefix: str = "db") -> str:
        name = f"{prefix}_{uuid.uuid4().hex[:8]}"
        engine = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        engine.dispose()
        return f"postgresql+psycopg://app@127.0.0.1:{self.port}/{name}"

    def close(self) -> None:
        if (self.dir / "data" / "postmaster.pid").exists():
            self._run(["pg_ctl", "-D", str(self.dir / "data"), "-m", "immediate", "stop"], False)
        shutil.rmtree(self.dir, ignore_errors=True)


def prepare_caseservice_db(url: str) -> dict[str, str]:
    """Migrates the database and makes a filing token; returns the Authorization header."""
    migrate(url)
    db = Database(url)
    try:
        with db.write() as session:
            secret = auth.add_token(
                session,
                f"prove-{uuid.uuid4().hex[:6]}",
                ["cases:file", "cases:read", "cases:write", "cases:restricted"],
            )
    finally:
        db.dispose()
    return {"Authorization": f"Bearer {secret}"}


class CaseService:
    """`caseservice serve` in a subprocess, on a fixed port so it can be restarted in place."""

    def __init__(self, database_url: str, log_path: Path, port: int | None = None) -> None:
        self.database_url = database_url
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.proc: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    def start(self, timeout: float = 60) -> None:
        env = {**os.environ, "DATABASE_URL": self.database_url, "PYTHONUNBUFFERED": "1"}
        self._log = open(self.log_path, "ab")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "caseservice.cli", "serve", "--port", str(self.port)],
            env=env,
            cwd=REPO,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

        def healthy() -> bool:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"caseservice exited early; see {self.log_path}")
            return httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if healthy():
                    return
            except RuntimeError:
                raise
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise TimeoutError(f"caseservice on {self.url} not healthy in {timeout} s")

    def kill(self) -> None:
        """SIGKILL: no shutdown hooks, in-flight requests die with the process."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=10)
        self._close_log()

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._close_log()

    def _close_log(self) -> None:
        if self._log:
            self._log.close()
            self._log = None

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


def rasa_stack() -> Any:
    """The module of the assistant's one launcher (tests/support/stack.py), so these tests start
    the assistant exactly as its own tests do: `rasa_stack().Stack(authority)`."""
    from tests.support import stack

    return stack


STACK_PROCESSES = ("rasa", "actions", "caseservice")


def _log(stack: Any, name: str) -> str:
    return str((stack.dir / f"{name}.log").read_text(errors="replace"))


def _no_traceback(name: str, log: str) -> None:
    # A hostile or odd message may get a refusal, never a crash in any process's log.
    assert "Traceback" not in log, f"{name} logged a traceback:\n{log[-3000:]}"


def assert_no_traceback(stack: Any, names: tuple[str, ...] = STACK_PROCESSES) -> None:
    for name in names:
        _no_traceback(name, _log(stack, name))


@contextmanager
def running(stack: Any, *, check_logs: bool = True) -> Iterator[Any]:
    """Starts a tests/support/stack.py stack, stops it, then deletes its folder, whose logs and
    databases hold what the test typed; with `check_logs`, the logs are read first and must
    hold no traceback."""
    logs: dict[str, str] = {}
    try:
        stack.start()
        yield stack
    finally:
        stack.stop()
        if check_logs:
            logs = {name: _log(stack, name) for name in STACK_PROCESSES}
        shutil.rmtree(stack.dir, ignore_errors=True)
    for name, log in logs.items():
        _no_traceback(name, log)


class RedisServer:
    """Debian's redis-server on a free port, no persistence, for Rasa's lock store."""

    def __init__(self, password: str = "") -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is missing: apt-get install -y redis-server")
        self.dir = Path(tempfile.mkdtemp(prefix="prove-redis-"))
        self.port = free_port()
        self.password = password
        args = [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        args += ["--appendonly", "no", "--dir", str(self.dir)]
        if password:
            args += ["--requirepass", password]
        self._log = open(self.dir / "redis.log", "wb")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(args, stdout=self._log, stderr=subprocess.STDOUT)
        wait_until(lambda: self.cli("PING").strip() == "PONG", 20, "redis answering PING")

    def cli(self, *args: str) -> str:
        cmd = ["redis-cli", "-p", str(self.port)]
        if self.password:
            cmd += ["--no-auth-warning", "-a", self.password]
        return subprocess.run(cmd + list(args), capture_output=True, text=True, timeout=10).stdout

    def stat(self, name: str) -> int:
        for line in self.cli("INFO", "stats").splitlines():
            if line.startswith(f"{name}:"):
                return int(line.split(":", 1)[1])
        raise KeyError(name)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        self._log.close()
        shutil.rmtree(self.dir, ignore_errors=True)
