"""Migration 0002 on a database with cases in it: keys become per client, taken from who filed."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from caseservice.db import alembic_config, migrate

_CASE = (
    "INSERT INTO cases (id, reference, idempotency_key, request_hash, authority, kind, service,"
    " status, procedure, outcome, stage, stages_total, restricted, childrens_file, facts,"
    " decision, narrative, channel, received, extended, paused_days, referred_onwards,"
    " retain_until, created_at, updated_at) VALUES (:id, :ref, :key, 'h', 'telford-wrekin',"
    " 'complaint', 'waste', 'open', 'corporate', 'accept', 1, 2, false, false, '{}', '{}', 'n',"
    " 'webchat', '2026-11-23', false, 0, false, '2032-11-23', '2026-11-23 10:00:00+00',"
    " '2026-11-23 10:00:00+00')"
)
_FILED = (
    "INSERT INTO case_events (case_id, seq, type, date, data, actor, created_at)"
    " VALUES (:id, 0, 'filed', '2026-11-23', '{}', :actor, '2026-11-23 10:00:00+00')"
)


def test_upgrade_fills_filed_by_and_scopes_keys_per_client(empty_db_url: str) -> None:
    command.upgrade(alembic_config(empty_db_url), "0001")
    engine = create_engine(empty_db_url)
    with engine.begin() as conn:
        conn.execute(text(_CASE), {"id": 1, "ref": "TW-2026-AAAAAA", "key": "k1"})
        conn.execute(text(_FILED), {"id": 1, "actor": "assistant"})
        conn.execute(text(_CASE), {"id": 2, "ref": "TW-2026-BBBBBB", "key": "k2"})
    migrate(empty_db_url)
    with engine.begin() as conn:
        rows = dict(conn.execute(text("SELECT reference, filed_by FROM cases")).all())
    assert rows == {"TW-2026-AAAAAA": "assistant", "TW-2026-BBBBBB": "unknown"}
    # The same key from another client is now allowed; from the same client it is not.
    with engine.begin() as conn:
        with_client = _CASE.replace("(id, ", "(filed_by, id, ").replace("(:id, ", "('kiosk', :id, ")
        conn.execute(text(with_client), {"id": 3, "ref": "TW-2026-CCCCCC", "key": "k1"})
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(text("UPDATE cases SET filed_by = 'assistant' WHERE id = 3"))
    # Downgrading needs keys unique again, as 0001 had them.
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM cases WHERE id = 3"))
    command.downgrade(alembic_config(empty_db_url), "0001")
    with engine.begin() as conn:
        columns = conn.execute(text("SELECT * FROM cases")).keys()
    assert "filed_by" not in columns and "pack_hash" not in columns
    engine.dispose()
