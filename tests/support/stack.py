"""The one launcher of the real assistant for tests and the bench: case service, action server,
Rasa (tests/support/, issue 14; it was bot/tools/stack.py, which still re-exports it).

Each process gets a free port and a temporary folder; everything is stopped at the end.
Used by tests/e2e, tests/safety, tests/conversations, the fault, hostile, privacy and
scale-out tests (through tests/support/servers.py) and bench/. The browser tests start
`make run` itself (scripts/run.sh: tests/support/run_stack.py), as a person would.

    .venv/bin/python -m tests.support.stack    # a stack in the foreground, for manual chats
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".venv" / "bin"
RASA_VENV = ROOT / ".venv-rasa" / "bin"
MODEL = ROOT / "bot" / "models" / "current.tar.gz"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _wait(url: str, proc: subprocess.Popen[bytes], seconds: float, log: Path) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(
                f"{url}: process exited ({proc.returncode}); log:\n" + log.read_text()[-3000:]
            )
        try:
            if httpx.get(url, timeout=1.0).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError(
        f"{url} did not come up in {seconds:.0f} s; log:\n" + log.read_text()[-3000:]
    )


class Stack:
    """The three processes. `stop_caseservice` / `start_caseservice` simulate an outage."""

    def __init__(self, authority: str = "telford-wrekin", workdir: Path | None = None) -> None:
        self.authority = authority
        self.dir = workdir or Path(tempfile.mkdtemp(prefix="bot-e2e-"))
        self.db_path = self.dir / "cases.db"
        self.cs_port, self.action_port, self.rasa_port = free_port(), free_port(), free_port()
        self.procs: dict[str, subprocess.Popen[bytes]] = {}
        self.env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{self.db_path}",
            "AUTHORITY": authority,
            "PYTHONWARNINGS": "ignore",
        }
        self.token = ""
        self.read_token = ""
        # A scale-out node swaps in its own endpoints (shared tracker and lock stores) and the
        # environment they read; everything else about starting Rasa stays here.
        self.endpoints = ROOT / "bot" / "endpoints.yml"
        self.rasa_env: dict[str, str] = {}
        # Same channels and message cap as `make run`, rate limits raised: one test process
        # plays many people from 127.0.0.1. Set bot/credentials.yml to test the real limits.
        self.credentials = ROOT / "bot" / "credentials.stack.yml"

    # case service -------------------------------------------------------------------------
    def _cs(self, *args: str) -> str:
        out = subprocess.run(
            [str(VENV / "caseservice"), *args],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        return out.stdout

    def setup_caseservice(self) -> None:
        self._cs("migrate")
        self._cs(
            "tokens",
            "add",
            "assistant",
            "--scopes",
            "cases:file",
            "--token-file",
            str(self.dir / "bot.token"),
        )
        self._cs(
            "tokens",
            "add",
            "e2e-reader",
            "--scopes",
            "cases:read,cases:restricted",
            "--token-file",
            str(self.dir / "reader.token"),
        )
        self.token = (self.dir / "bot.token").read_text().strip()
        self.read_token = (self.dir / "reader.token").read_text().strip()

    def start_caseservice(self) -> None:
        self._spawn(
            "caseservice",
            [
                str(VENV / "caseservice"),
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.cs_port),
                "--no-access-log",
            ],
        )
        _wait(f"{self.cs_url}/healthz", self.procs["caseservice"], 60, self._log("caseservice"))

    def stop_caseservice(self) -> None:
        self._stop("caseservice")

    @property
    def cs_url(self) -> str:
        return f"http://127.0.0.1:{self.cs_port}"

    # action server and Rasa ---------------------------------------------------------------
    def start_actions(self) -> None:
        env = {
            "CASESERVICE_URL": self.cs_url,
            "CASESERVICE_TOKEN": self.token,
            "OUTBOX_PATH": str(self.dir / "outbox.sqlite3"),
            "OUTBOX_POLL_SECONDS": "0.5",
            "SANIC_HOST": "127.0.0.1",  # rasa_sdk's bind address; it serves only Rasa
        }
        self._spawn(
            "actions",
            [
                str(VENV / "python"),
                "-m",
                "rasa_sdk",
                "--actions",
                "actions",
                "--port",
                str(self.action_port),
            ],
            env,
        )
        _wait(
            f"http://127.0.0.1:{self.action_port}/health",
            self.procs["actions"],
            90,
            self._log("actions"),
        )

    def start_rasa(self) -> None:
        if not MODEL.exists():
            raise RuntimeError(f"no trained model at {MODEL}: run `make train`")
        env = {
            "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{self.action_port}/webhook",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "TF_CPP_MIN_LOG_LEVEL": "3",
            "RASA_TELEMETRY_ENABLED": "false",
            **self.rasa_env,
        }
        self._spawn(
            "rasa",
            [
                str(RASA_VENV / "rasa"),
                "run",
                "--model",
                str(MODEL),
                "--endpoints",
                str(self.endpoints),
                "--credentials",
                str(self.credentials),
                "--port",
                str(self.rasa_port),
                "--interface",
                "127.0.0.1",
            ],
            env,
        )
        _wait(f"http://127.0.0.1:{self.rasa_port}/", self.procs["rasa"], 300, self._log("rasa"))

    def start(self) -> Stack:
        self.setup_caseservice()
        self.start_caseservice()
        self.start_actions()
        self.start_rasa()
        return self

    def _log(self, name: str) -> Path:
        return self.dir / f"{name}.log"

    def _spawn(self, name: str, cmd: list[str], extra: dict[str, str] | None = None) -> None:
        log = open(self._log(name), "ab")  # noqa: SIM115 - closed with the process
        self.procs[name] = subprocess.Popen(
            cmd,
            cwd=ROOT,
            env={**self.env, **(extra or {})},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def _stop(self, name: str) -> None:
        proc = self.procs.pop(name, None)
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)

    def stop(self) -> None:
        for name in ("rasa", "actions", "caseservice"):
            self._stop(name)

    # talking and checking -----------------------------------------------------------------
    @property
    def rest_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}/webhooks/rest/webhook"

    def say(self, sender: str, text: str, client: httpx.Client | None = None) -> list[str]:
        c = client or httpx.Client(timeout=60)
        resp = c.post(self.rest_url, json={"sender": sender, "message": text})
        resp.raise_for_status()
        return [m.get("text", "") for m in resp.json()]

    def cases(self, conversation_id: str) -> list[dict[str, Any]]:
        if not self.db_path.exists():
            return []
        with sqlite3.connect(self.db_path) as db:
            db.row_factory = sqlite3.Row
            rows = db.execute(
                "SELECT reference, kind, service, procedure, outcome, stage, facts, decision, "
                "narrative, desired_outcome, contact, channel FROM cases "
                "WHERE conversation_id = ?",
                (conversation_id,),
            ).fetchall()
        return [dict(r) for r in rows]

    def read_case(self, reference: str) -> dict[str, Any]:
        resp = httpx.get(
            f"{self.cs_url}/v1/cases/{reference}",
            headers={"Authorization": f"Bearer {self.read_token}"},
            timeout=10,
        )
        resp.raise_for_status()
        data: dict[str, Any] = resp.json()
        return data


if __name__ == "__main__":
    # `python -m tests.support.stack` runs a stack in the foreground for manual chats.
    stack = Stack(os.environ.get("AUTHORITY", "telford-wrekin")).start()
    print(f"Rasa REST: {stack.rest_url}\ncase service: {stack.cs_url}\nlogs: {stack.dir}")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        stack.stop()
        sys.exit(0)
