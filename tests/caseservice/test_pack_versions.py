"""Cases keep the rules they were filed under (issue 13): editing a pack moves no open case's
deadlines, and new cases follow the new version. Runs on SQLite and, through
scripts/with-postgres.sh, on PostgreSQL."""

from __future__ import annotations

import copy
import datetime as dt
import uuid
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from sqlalchemy import select

from caseservice import auth, lifecycle
from caseservice.db import Database
from caseservice.models import Case, PackVersionRow
from tests.calendar_oracle import working_days_after
from triage.pack import pack_versions

from .helpers import case_body, file_case

D = dt.date.fromisoformat


def _telford() -> dict[str, Any]:
    text = resources.files("triage.packs").joinpath("telford-wrekin.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _clear() -> None:
    pack_versions.cache_clear()
    lifecycle._STORED_VERSIONS.clear()


@pytest.fixture
def pack_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("TRIAGE_PACK_PATH", str(tmp_path))
    _clear()
    yield tmp_path
    _clear()


def _write(folder: Path, data: dict[str, Any]) -> None:
    (folder / "telford-wrekin.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    _clear()


def _event(client: TestClient, staff: dict[str, str], ref: str, **event: Any) -> Any:
    response = client.post(f"/v1/cases/{ref}/events", json=event, headers=staff)
    assert response.status_code == 201, response.text
    return response.json()


def _read(client: TestClient, staff: dict[str, str], ref: str) -> Any:
    response = client.get(f"/v1/cases/{ref}", headers=staff)
    assert response.status_code == 200, response.text
    return response.json()


# From 1 December 2026 stage 1 is answered in 15 working days (not 10) and stage 2 in 30
# working days after its acknowledgement deadline (not 20).
NEW_VERSION = {
    "version": "2026-12",
    "effective_from": dt.date(2026, 12, 1),
    "ref": "test: longer timescales",
    "changes": {
        "procedures.corporate.stages.0.respond.working_days": 15,
        "procedures.corporate.stages.1.respond.working_days": 30,
    },
}


def test_editing_a_pack_moves_no_open_case_and_new_cases_follow_the_new_version(
    client: TestClient, filer: dict[str, str], staff: dict[str, str], pack_dir: Path, db: Database
) -> None:
    _write(pack_dir, _telford())
    old = file_case(client, filer, case_body())["reference"]  # received 23 November 2026
    escalating = file_case(client, filer, case_body())["reference"]
    before = _read(client, staff, old)
    assert before["pack"]["version"] == "1"
    assert before["deadlines"]["due"] == "2026-12-09"

    # The council adopts new timescales from 1 December: a new version in the same file.
    _write(pack_dir, {**_telford(), "versions": [NEW_VERSION]})

    # The open case keeps every deadline: reading it, acknowledging it, suspending it.
    assert _read(client, staff, old)["deadlines"] == before["deadlines"]
    acked = _event(client, staff, old, type="acknowledged", date="2026-11-25")
    assert acked["deadlines"]["due"] == "2026-12-09"  # 25 November + 10, not + 15
    assert acked["pack"] == before["pack"]

    # Its escalation, asked for after the new version came in, is judged by its own version.
    _event(client, staff, escalating, type="responded", date="2026-12-08")
    stage2 = _event(client, staff, escalating, type="escalation_requested", date="2026-12-10")
    assert stage2["stage"] == 2 and stage2["decision"]["pack"]["version"] == "1"
    ack_by = working_days_after(D("2026-12-10"), 5)
    assert stage2["deadlines"]["respond_by"] == working_days_after(ack_by, 20).isoformat()

    # A case received on or after 1 December follows the new version.
    new = file_case(client, filer, case_body(received="2026-12-01", incident_date="2026-11-20"))[
        "reference"
    ]
    fresh = _read(client, staff, new)
    assert fresh["pack"]["version"] == "2026-12"
    assert fresh["pack"]["content_hash"] != before["pack"]["content_hash"]
    assert fresh["deadlines"]["respond_by"] == "2026-12-24"  # 3 December + 15 working days
    with db.read() as session:
        rows = {c.reference: (c.pack_version, c.pack_hash) for c in session.scalars(select(Case))}
        stored = set(session.scalars(select(PackVersionRow.content_hash)))
    assert rows[old] == ("1", before["pack"]["content_hash"])
    assert rows[new][0] == "2026-12"
    assert {before["pack"]["content_hash"], fresh["pack"]["content_hash"]} <= stored


def test_a_version_edited_in_place_still_judges_its_cases_by_the_stored_copy(
    client: TestClient, filer: dict[str, str], staff: dict[str, str], pack_dir: Path
) -> None:
    _write(pack_dir, _telford())
    ref = file_case(client, filer, case_body())["reference"]
    filed = _read(client, staff, ref)
    # Someone edits version 1 itself (not the way to do it, but it happens): stage 2 answered
    # in 40 working days instead of 20.
    edited = copy.deepcopy(_telford())
    edited["procedures"]["corporate"]["stages"][1]["respond"]["working_days"] = 40
    _write(pack_dir, edited)
    _event(client, staff, ref, type="responded", date="2026-12-08")
    stage2 = _event(client, staff, ref, type="escalation_requested", date="2026-12-10")
    assert stage2["decision"]["pack"]["content_hash"] == filed["pack"]["content_hash"]
    ack_by = working_days_after(D("2026-12-10"), 5)
    assert stage2["deadlines"]["respond_by"] == working_days_after(ack_by, 20).isoformat()
    # A new case, though, is judged by the file as it now is.
    new = file_case(client, filer, case_body())["reference"]
    assert _read(client, staff, new)["pack"]["content_hash"] != filed["pack"]["content_hash"]


def test_idempotency_keys_are_scoped_to_the_client_that_filed(
    client: TestClient, token: Any, db: Database
) -> None:
    assistant = token("cases:file", name="assistant")
    kiosk = token("cases:file", name="kiosk")
    key = uuid.uuid4().hex
    body = case_body()
    first = client.post("/v1/cases", json=body, headers={**assistant, "Idempotency-Key": key})
    assert first.status_code == 201
    # Another client using the same key files its own case and never sees the first one,
    # not even as a 409 that would tell it the key is in use.
    other = {**body, "narrative": "Another person's complaint."}
    theirs = client.post("/v1/cases", json=other, headers={**kiosk, "Idempotency-Key": key})
    assert theirs.status_code == 201, theirs.text
    assert theirs.json()["reference"] != first.json()["reference"]
    # The same client retrying after its token was rotated gets its own case back.
    with db.write() as session:
        secret = auth.add_token(session, "assistant", ["cases:file"], replace=True)
    rotated = {"Authorization": f"Bearer {secret}"}
    stale = client.post("/v1/cases", json=body, headers={**assistant, "Idempotency-Key": key})
    assert stale.status_code == 401
    again = client.post("/v1/cases", json=body, headers={**rotated, "Idempotency-Key": key})
    assert again.status_code == 200
    assert again.json()["reference"] == first.json()["reference"]
