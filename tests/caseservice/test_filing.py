"""POST /v1/cases: triage on the server, idempotency, stored refusals, auth."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi.testclient import TestClient

import triage
from caseservice import references

from .conftest import TokenMaker
from .helpers import TODAY, case_body, file_case


def test_filing_runs_triage_and_returns_the_contract_decision(
    client: TestClient, filer: dict[str, str]
) -> None:
    body = case_body()
    created = file_case(client, filer, body)
    assert created["status"] == "open"
    assert created["decision"] == triage.assess(body["facts"]).to_dict()
    # The contract's worked example.
    assert created["decision"]["deadlines"]["respond_by"] == "2026-12-09"
    ref = created["reference"]
    assert ref.startswith("TW-2026-") and references.is_valid(ref)
    assert created["created_at"]


def test_references_differ_between_cases(client: TestClient, filer: dict[str, str]) -> None:
    refs = {file_case(client, filer, case_body())["reference"] for _ in range(20)}
    assert len(refs) == 20


def test_same_key_same_body_returns_the_same_case(
    client: TestClient, filer: dict[str, str], staff: dict[str, str]
) -> None:
    headers = {**filer, "Idempotency-Key": "conv-1:case"}
    first = client.post("/v1/cases", json=case_body(), headers=headers)
    again = client.post("/v1/cases", json=case_body(), headers=headers)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    listed = client.get("/v1/cases", headers=staff).json()
    assert listed["total"] == 1


def test_same_key_different_body_is_a_conflict(client: TestClient, filer: dict[str, str]) -> None:
    headers = {**filer, "Idempotency-Key": "k-409"}
    assert client.post("/v1/cases", json=case_body(), headers=headers).status_code == 201
    other = case_body()
    other["narrative"] = "Something else entirely."
    response = client.post("/v1/cases", json=other, headers=headers)
    assert response.status_code == 409
    assert response.json()["error"]["field"] == "Idempotency-Key"


def test_idempotency_key_is_required(client: TestClient, filer: dict[str, str]) -> None:
    response = client.post("/v1/cases", json=case_body(), headers=filer)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "Idempotency-Key"


def test_client_cannot_supply_deadlines(client: TestClient, filer: dict[str, str]) -> None:
    body = case_body()
    body["facts"]["deadlines"] = {"respond_by": "2030-01-01"}
    response = client.post("/v1/cases", json=body, headers={**filer, "Idempotency-Key": "d1"})
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "facts.deadlines"
    body = {**case_body(), "respond_by": "2030-01-01"}
    response = client.post("/v1/cases", json=body, headers={**filer, "Idempotency-Key": "d2"})
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "respond_by"


def test_refused_cases_are_still_recorded(
    client: TestClient, filer: dict[str, str], staff: dict[str, str]
) -> None:
    # Telford: complaints about councillors go to the Monitoring Officer.
    body = case_body(service="councillor_conduct")
    decision = triage.assess(body["facts"]).to_dict()
    assert decision["outcome"] in ("redirect", "decline")
    created = file_case(client, filer, body)
    assert (
        created["status"] == {"redirect": "redirected", "decline": "declined"}[decision["outcome"]]
    )
    stored = client.get(f"/v1/cases/{created['reference']}", headers=staff).json()
    assert stored["decision"]["exclusions"] == decision["exclusions"]
    assert stored["deadlines"]["due"] is None


def test_feedback_is_recorded_as_feedback(client: TestClient, filer: dict[str, str]) -> None:
    created = file_case(client, filer, case_body(kind="compliment"))
    assert created["status"] == "feedback"
    assert created["decision"]["outcome"] == "feedback"


def test_received_defaults_to_today(
    client: TestClient, filer: dict[str, str], staff: dict[str, str]
) -> None:
    body = case_body()
    del body["facts"]["received"]
    created = file_case(client, filer, body)
    case = client.get(f"/v1/cases/{created['reference']}", headers=staff).json()
    assert case["received"] == TODAY.isoformat()
    assert case["facts"]["received"] == TODAY.isoformat()


def test_anonymous_case_without_contact(
    client: TestClient, filer: dict[str, str], staff: dict[str, str]
) -> None:
    body = case_body(complainant={"relationship": "self", "anonymous": True})
    body["contact"] = None
    created = file_case(client, filer, body)
    case = client.get(f"/v1/cases/{created['reference']}", headers=staff).json()
    assert case["contact"] is None


def test_auth_is_required_and_scoped(
    client: TestClient, token: TokenMaker, staff: dict[str, str]
) -> None:
    key = {"Idempotency-Key": uuid.uuid4().hex}
    assert client.post("/v1/cases", json=case_body(), headers=key).status_code == 401
    bad = {"Authorization": "Bearer cst_not-a-real-token", **key}
    assert client.post("/v1/cases", json=case_body(), headers=bad).status_code == 401
    # Staff can read but not file; the filer can file but not read.
    assert client.post("/v1/cases", json=case_body(), headers={**staff, **key}).status_code == 403
    filer = token("cases:file")
    ref = file_case(client, filer, case_body())["reference"]
    assert client.get(f"/v1/cases/{ref}", headers=filer).status_code == 403
    assert client.get(f"/v1/cases/{ref}", headers=staff).status_code == 200


def test_unknown_and_mistyped_references_are_404(
    client: TestClient, filer: dict[str, str], staff: dict[str, str]
) -> None:
    ref = file_case(client, filer, case_body())["reference"]
    assert client.get(f"/v1/cases/{ref.lower()}", headers=staff).status_code == 200
    wrong = ref[:-2] + ref[-1] + ref[-2]  # swap the last two characters
    if wrong != ref:
        assert client.get(f"/v1/cases/{wrong}", headers=staff).status_code == 404
    assert client.get("/v1/cases/TW-2026-AAAAAA", headers=staff).status_code == 404


def test_every_read_and_change_is_audited(
    client: TestClient, filer: dict[str, str], staff: dict[str, str], db: Any
) -> None:
    from sqlalchemy import select

    from caseservice.models import AuditEntry

    ref = file_case(client, filer, case_body())["reference"]
    client.get(f"/v1/cases/{ref}", headers=staff)
    client.post(f"/v1/cases/{ref}/events", json={"type": "acknowledged"}, headers=staff)
    with db.read() as session:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.reference == ref)).all()
        actions = [(r.actor, r.action) for r in rows]
    assert ("staff", "case.read") in actions
    assert ("staff", "case.event") in actions
    assert any(action == "case.filed" for _, action in actions)
    # No personal data in the audit log.
    assert all("Resident" not in str(r.detail) for r in rows)


def test_the_person_complained_for_is_kept_with_the_contact(
    client: TestClient, filer: dict[str, str], staff: dict[str, str]
) -> None:
    # Someone complaining for a relative names them, so staff know whose records to look at.
    body = {
        **case_body(),
        "contact": {"name": "Sam Taylor", "email": "sam@example.org", "on_behalf_of": "Mary Smith"},
    }
    ref = file_case(client, filer, body)["reference"]
    case = client.get(f"/v1/cases/{ref}", headers=staff).json()
    assert case["contact"]["on_behalf_of"] == "Mary Smith"
    too_long = {**body, "contact": {"on_behalf_of": "x" * 201}}
    refused = client.post(
        "/v1/cases", json=too_long, headers={**filer, "Idempotency-Key": uuid.uuid4().hex}
    )
    assert refused.status_code == 422 and "on_behalf_of" in refused.text
