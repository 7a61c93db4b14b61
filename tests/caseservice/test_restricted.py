"""Cases about child sexual exploitation or sexual abuse: only cases:restricted sees them."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from caseservice.models import AuditEntry

from .conftest import TokenMaker
from .helpers import case_body, file_case


@pytest.fixture
def confidential(client: TestClient, filer: dict[str, str]) -> str:
    body = case_body(
        service="childrens_social_care",
        circumstances=["cse"],
        person_affected={"is_child": True},
        complainant={"relationship": "parent"},
    )
    return str(file_case(client, filer, body)["reference"])


@pytest.mark.parametrize("circumstance", ["cse", "sexual_abuse"])
def test_restricted_case_is_invisible_without_the_scope(
    client: TestClient, filer: dict[str, str], token: TokenMaker, db: Any, circumstance: str
) -> None:
    ref = file_case(client, filer, case_body(circumstances=[circumstance]))["reference"]
    ordinary = file_case(client, filer, case_body())["reference"]
    staff = token("cases:read", "cases:write", name="staff")
    cleared = token("cases:read", "cases:write", "cases:restricted", name="cleared")

    missing = client.get("/v1/cases/TW-2026-AAAAAA", headers=staff)
    hidden = client.get(f"/v1/cases/{ref}", headers=staff)
    assert hidden.status_code == 404
    assert hidden.json() == missing.json()  # indistinguishable from a missing case
    event = client.post(f"/v1/cases/{ref}/events", json={"type": "acknowledged"}, headers=staff)
    assert event.status_code == 404
    listed = [c["reference"] for c in client.get("/v1/cases", headers=staff).json()["items"]]
    assert listed == [ordinary]
    report = client.get("/v1/reports/summary?from=2026-01-01&to=2026-12-31", headers=staff)
    assert report.json()["total"] == 1 and report.json()["restricted_included"] is False

    seen = client.get(f"/v1/cases/{ref}", headers=cleared)
    assert seen.status_code == 200 and seen.json()["restricted"] is True
    listed = {c["reference"] for c in client.get("/v1/cases", headers=cleared).json()["items"]}
    assert listed == {ref, ordinary}
    report = client.get("/v1/reports/summary?from=2026-01-01&to=2026-12-31", headers=cleared)
    assert report.json()["total"] == 2

    with db.read() as session:
        denied = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "case.read.denied")
        ).all()
    assert [(d.actor, d.reference) for d in denied] == [("staff", ref), ("staff", ref)]


def test_filer_cannot_read_back_a_restricted_case(
    client: TestClient, filer: dict[str, str], confidential: str
) -> None:
    assert client.get(f"/v1/cases/{confidential}", headers=filer).status_code == 403
