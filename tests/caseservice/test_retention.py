"""Retention: purge deletes only what is past 6 years (25 with a children's social care file)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from caseservice.cli import purge
from caseservice.db import Database
from caseservice.models import AuditEntry, Case, CaseEvent

from .helpers import case_body, file_case

OLD = {"received": "2018-01-10", "incident_date": "2018-01-01"}


def _close(client: TestClient, staff: dict[str, str], ref: str, day: str) -> None:
    response = client.post(
        f"/v1/cases/{ref}/events",
        json={"type": "closed", "date": day, "outcome": "not_upheld"},
        headers=staff,
    )
    assert response.status_code == 201, response.text


def _refs(db: Database) -> set[str]:
    with db.read() as session:
        return set(session.scalars(select(Case.reference)))


def test_purge_deletes_only_cases_past_retention(
    client: TestClient, filer: dict[str, str], staff: dict[str, str], db: Database
) -> None:
    expired = file_case(client, filer, case_body(**OLD))["reference"]
    _close(client, staff, expired, "2018-03-01")  # kept until 2024-03-01
    childrens = file_case(
        client,
        filer,
        case_body(
            **OLD,
            service="childrens_social_care",
            complainant={"relationship": "parent"},
            person_affected={"is_child": True},
        ),
    )["reference"]  # 25 years: kept until 2043
    still_open = file_case(client, filer, case_body(**OLD))["reference"]  # never closed
    recent = file_case(client, filer, case_body())["reference"]
    _close(client, staff, recent, "2026-12-01")
    boundary = file_case(
        client, filer, case_body(received="2020-06-01", incident_date="2020-05-01")
    )
    _close(client, staff, boundary["reference"], "2020-07-01")  # kept until 2026-07-01
    before = _refs(db)

    now = dt.date(2026, 7, 1)  # the boundary case's last day of retention
    counts = purge(db, now, dry_run=True, actor="test")
    assert counts == {"past_retention": 2, "would_delete": 1, "kept_open": 1, "childrens_file": 0}
    assert _refs(db) == before

    counts = purge(db, now, dry_run=False, actor="test")
    assert counts["deleted"] == 1
    assert _refs(db) == before - {expired}
    assert {childrens, still_open, recent, boundary["reference"]} <= _refs(db)
    with db.read() as session:
        orphan_events = session.scalar(
            select(func.count()).select_from(CaseEvent).where(~CaseEvent.case.has())
        )
        purged = session.scalars(
            select(AuditEntry.reference).where(AuditEntry.action == "case.purged")
        ).all()
    assert orphan_events == 0
    assert purged == [expired]

    counts = purge(db, now + dt.timedelta(days=1), dry_run=False, actor="test")
    assert counts["deleted"] == 1
    assert boundary["reference"] not in _refs(db)


def test_purge_command_prints_counts(
    client: TestClient, filer: dict[str, str], staff: dict[str, str], db: Database
) -> None:
    ref = file_case(client, filer, case_body(**OLD))["reference"]
    _close(client, staff, ref, "2018-03-01")
    env: dict[str, Any] = {**os.environ, "DATABASE_URL": db.url}
    run = [sys.executable, "-m", "caseservice.cli", "purge", "--as-of", "2026-01-01"]
    dry = subprocess.run([*run, "--dry-run"], env=env, capture_output=True, text=True, check=True)
    assert "would delete 1" in dry.stdout
    assert ref in _refs(db)
    real = subprocess.run(run, env=env, capture_output=True, text=True, check=True)
    assert "deleted 1" in real.stdout
    assert ref not in _refs(db)
