"""Fixtures for the case service tests.

The suite runs on SQLite by default and on PostgreSQL when DATABASE_URL names one (as
`scripts/with-postgres.sh` sets it): each session gets its own fresh, migrated database.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, delete, text
from sqlalchemy.engine import make_url

from caseservice import auth, lifecycle
from caseservice.app import create_app
from caseservice.config import Settings
from caseservice.db import Database, migrate
from caseservice.models import ApiToken, AuditEntry, Case, CaseEvent

from .helpers import TODAY, free_port

SERVER_URL = os.environ.get("DATABASE_URL", "")
BACKEND = "postgresql" if SERVER_URL.startswith("postgresql") else "sqlite"


def _fresh_database(tmp_path_factory: pytest.TempPathFactory, label: str) -> Iterator[str]:
    if BACKEND == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp(label) / 'cases.db'}"
        return
    name = f"cs_{label}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(SERVER_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(SERVER_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    gen = _fresh_database(tmp_path_factory, "main")
    url = next(gen)
    migrate(url)
    yield url
    gen.close()


@pytest.fixture
def empty_db_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    gen = _fresh_database(tmp_path_factory, "empty")
    yield next(gen)
    gen.close()


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    with database.write() as session:
        for table in (CaseEvent, Case, AuditEntry, ApiToken):
            session.execute(delete(table))
    yield database
    database.dispose()


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> dt.date:
    monkeypatch.setattr(lifecycle, "today", lambda: TODAY)
    return TODAY


@pytest.fixture
def client(db: Database, today: dt.date) -> Iterator[TestClient]:
    app = create_app(Settings(database_url=db.url), db=db)
    with TestClient(app) as test_client:
        yield test_client


TokenMaker = Callable[..., dict[str, str]]


@pytest.fixture
def token(db: Database) -> TokenMaker:
    """token("cases:read", ...) -> Authorization headers for a new token with those scopes."""
    counter = iter(range(1_000_000))

    def make(*scopes: str, name: str | None = None) -> dict[str, str]:
        with db.write() as session:
            secret = auth.add_token(session, name or f"t{next(counter)}", list(scopes))
        return {"Authorization": f"Bearer {secret}"}

    return make


@pytest.fixture
def filer(token: TokenMaker) -> dict[str, str]:
    return token("cases:file")


@pytest.fixture
def staff(token: TokenMaker) -> dict[str, str]:
    return token("cases:read", "cases:write", name="staff")


@pytest.fixture
def live_server(db: Database) -> Iterator[str]:
    """The real service: `caseservice serve` in a subprocess on a free port, over real HTTP."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": db.url}
    proc = subprocess.Popen(
        [sys.executable, "-m", "caseservice.cli", "serve", "--port", str(port), "--no-access-log"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                out = proc.stdout.read().decode() if proc.stdout else ""
                raise RuntimeError(f"caseservice serve exited early:\n{out}")
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("caseservice serve did not become healthy in 30 s")
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
