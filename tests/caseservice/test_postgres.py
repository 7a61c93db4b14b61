"""Proves the PostgreSQL run really is on PostgreSQL (run via scripts/with-postgres.sh)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from caseservice.db import Database


@pytest.mark.postgres
def test_suite_runs_on_a_real_postgresql(db: Database) -> None:
    assert db.engine.dialect.name == "postgresql", (
        "run this test through scripts/with-postgres.sh (DATABASE_URL must name PostgreSQL)"
    )
    with db.engine.connect() as conn:
        version = conn.execute(text("SHOW server_version_num")).scalar_one()
    assert int(version) >= 130000
