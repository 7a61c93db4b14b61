"""Retention: purge deletes only what is past each pack's rule (the national default: 6 years,
25 with a children's social care file)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from caseservice.cli import purge
from caseservice.db import Database
from caseservice.models import AuditEntry, Case, CaseEvent
from triage.pack import pack_versions

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


def test_purge_dry_run_names_each_authoritys_own_rule_and_pack(
    client: TestClient, filer: dict[str, str], staff: dict[str, str], db: Database
) -> None:
    telford = file_case(client, filer, case_body(**OLD))["reference"]
    luton = file_case(client, filer, case_body(**OLD, authority="luton"))["reference"]
    for ref in (telford, luton):
        _close(client, staff, ref, "2018-03-01")
    env: dict[str, Any] = {**os.environ, "DATABASE_URL": db.url}
    run = [sys.executable, "-m", "caseservice.cli", "purge", "--as-of", "2026-01-01", "--dry-run"]
    out = subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout
    lines = {line.split("\t")[0]: line.split("\t") for line in out.splitlines() if "\t" in line}
    assert lines[telford][1:4] == ["telford-wrekin", "1", "2024-03-01"]
    assert "Telford & Wrekin policy 4.3; 15 (2)" in lines[telford][4]
    assert lines[luton][1] == "luton"
    assert "national retention default (luton 1 states no rule)" in lines[luton][4]
    assert "would delete 2" in out
    assert {telford, luton} <= _refs(db)


def test_a_packs_own_retention_rule_overrides_the_national_default(
    client: TestClient,
    filer: dict[str, str],
    staff: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = resources.files("triage.packs").joinpath("luton.yaml").read_text("utf-8")
    luton = yaml.safe_load(text)
    luton["retention"] = {"years": 3, "ref": "test section 9.9"}
    (tmp_path / "luton.yaml").write_text(yaml.safe_dump(luton), encoding="utf-8")
    monkeypatch.setenv("TRIAGE_PACK_PATH", str(tmp_path))
    pack_versions.cache_clear()
    try:
        ref = file_case(client, filer, case_body(**OLD, authority="luton"))["reference"]
        _close(client, staff, ref, "2018-03-01")
        case = client.get(f"/v1/cases/{ref}", headers=staff).json()
    finally:
        pack_versions.cache_clear()
    assert case["retain_until"] == "2021-03-01"  # 3 years from closure, not 6
    assert case["retention_rule"].startswith("3 years from the last activity")
    assert "test section 9.9" in case["retention_rule"]
