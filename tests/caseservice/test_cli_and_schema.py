"""The command line, migrations, tokens and the refusal to run on an unmigrated database."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import inspect

from caseservice.app import create_app
from caseservice.config import Settings
from caseservice.db import SchemaNotMigrated, make_engine

from .helpers import case_body, file_case, free_port


def _cli(url: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env: dict[str, Any] = {**os.environ, "DATABASE_URL": url}
    return subprocess.run(
        [sys.executable, "-m", "caseservice.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        check=check,
        timeout=60,
    )


def test_unmigrated_database_is_refused_with_instructions(empty_db_url: str) -> None:
    with pytest.raises(SchemaNotMigrated, match="run: caseservice migrate"):
        create_app(Settings(database_url=empty_db_url))
    served = _cli(empty_db_url, "serve", "--port", "1", check=False)
    assert served.returncode == 2
    assert "run: caseservice migrate" in served.stderr
    assert "Traceback" not in served.stderr

    migrated = _cli(empty_db_url, "migrate")
    assert "migrated from empty to" in migrated.stdout
    engine = make_engine(empty_db_url)
    try:
        tables = set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    assert {"cases", "case_events", "audit_log", "api_tokens", "alembic_version"} <= tables
    assert "already at schema revision" in _cli(empty_db_url, "migrate").stdout
    create_app(Settings(database_url=empty_db_url)).state.db.dispose()


def test_token_lifecycle_through_the_cli(db: Any, tmp_path: Path) -> None:
    token_file = tmp_path / "bot.token"
    added = _cli(
        db.url,
        "tokens",
        "add",
        "bot",
        "--scopes",
        "cases:file,cases:read",
        "--token-file",
        str(token_file),
    )
    assert "written to" in added.stdout
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    secret = token_file.read_text().strip()
    assert secret not in added.stdout + added.stderr

    app = create_app(Settings(database_url=db.url), db=db)
    client = TestClient(app)
    headers = {"Authorization": f"Bearer {secret}"}
    created = file_case(client, headers, case_body())
    assert client.get(f"/v1/cases/{created['reference']}", headers=headers).status_code == 200

    duplicate = _cli(db.url, "tokens", "add", "bot", "--scopes", "cases:file", check=False)
    assert duplicate.returncode == 2 and "already exists" in duplicate.stderr
    bad_scope = _cli(db.url, "tokens", "add", "x", "--scopes", "cases:everything", check=False)
    assert bad_scope.returncode == 2 and "unknown scope" in bad_scope.stderr

    printed = _cli(db.url, "tokens", "add", "bot", "--scopes", "cases:read", "--replace")
    new_secret = printed.stdout.strip()
    assert new_secret.startswith("cst_") and new_secret != secret
    assert client.get("/v1/cases", headers=headers).status_code == 401  # replaced
    new_headers = {"Authorization": f"Bearer {new_secret}"}
    assert client.get("/v1/cases", headers=new_headers).status_code == 200

    assert "revoked 1" in _cli(db.url, "tokens", "revoke", "bot").stdout
    assert client.get("/v1/cases", headers=new_headers).status_code == 401
    assert _cli(db.url, "tokens", "revoke", "bot", check=False).returncode == 1
    listing = _cli(db.url, "tokens", "list").stdout
    assert "bot\tcases:read\trevoked" in listing


def test_tokens_are_stored_only_as_hashes(db: Any, token: Any) -> None:
    from sqlalchemy import select

    from caseservice.auth import hash_token
    from caseservice.models import ApiToken

    headers = token("cases:read")
    secret = headers["Authorization"].removeprefix("Bearer ")
    with db.read() as session:
        stored = session.scalars(select(ApiToken.token_hash)).all()
    assert stored == [hash_token(secret)]
    assert secret not in stored


def test_cases_due_and_overdue_commands(client: TestClient, filer: dict[str, str], db: Any) -> None:
    ref = file_case(client, filer, case_body())["reference"]  # due 2026-12-09
    overdue = _cli(db.url, "cases", "overdue", "--as-of", "2026-12-10").stdout
    assert f"{ref}\ttelford-wrekin\t1\topen\t2026-12-09" in overdue
    assert "A. Resident" not in overdue
    assert ref not in _cli(db.url, "cases", "overdue", "--as-of", "2026-12-09").stdout
    assert ref in _cli(db.url, "cases", "due", "--within", "3", "--as-of", "2026-12-06").stdout
    assert ref not in _cli(db.url, "cases", "due", "--within", "3", "--as-of", "2026-12-05").stdout


def test_healthz_needs_no_token(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok" and response.json()["database"] == "ok"


def test_openapi_documents_the_api_with_examples(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    assert {
        "/v1/cases",
        "/v1/cases/{reference}",
        "/v1/cases/{reference}/events",
        "/v1/reports/summary",
        "/healthz",
    } <= set(paths)
    create = schema["components"]["schemas"]["CaseCreate"]
    assert create["examples"][0]["facts"]["authority"] == "telford-wrekin"
    params = {p["name"] for p in paths["/v1/cases"]["post"]["parameters"]}
    assert "Idempotency-Key" in params


def test_unreachable_database_is_503_not_500(client: TestClient, staff: dict[str, str]) -> None:
    from caseservice.db import Database

    port = free_port()  # nothing listens here
    client.app.state.db = Database(f"postgresql+psycopg://app@127.0.0.1:{port}/none")  # type: ignore[attr-defined]
    health = client.get("/healthz")
    assert health.status_code == 503 and health.json()["database"] == "unreachable"
    listed = client.get("/v1/cases", headers=staff)
    assert listed.status_code == 503
    assert listed.headers["Retry-After"] == "1"
    assert "retry" in listed.json()["error"]["message"]


def test_models_and_migrations_agree(db: Any) -> None:
    """Every schema change must come with a migration: autogenerate must find nothing to do."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from caseservice.models import Base

    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
