"""Bad input always gets a 4xx naming the problem, never a 500."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient

from .helpers import case_body, file_case


def _post(client: TestClient, headers: dict[str, str], body: Any) -> Any:
    return client.post(
        "/v1/cases", json=body, headers={**headers, "Idempotency-Key": uuid.uuid4().hex}
    )


def test_invalid_json_is_422(client: TestClient, filer: dict[str, str]) -> None:
    response = client.post(
        "/v1/cases",
        content=b'{"facts": {',
        headers={**filer, "Idempotency-Key": "j", "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert response.json()["error"] == {
        "field": "body",
        "message": "the request body is not valid JSON",
    }


def test_body_over_the_limit_is_413_json(client: TestClient, filer: dict[str, str]) -> None:
    body = case_body()
    body["narrative"] = "x" * (70 * 1024)
    response = _post(client, filer, body)
    assert response.status_code == 413
    assert "larger than" in response.json()["error"]["message"]


def test_huge_string_within_the_body_limit_names_the_field(
    client: TestClient, filer: dict[str, str]
) -> None:
    body = case_body()
    body["narrative"] = "x" * 20_001
    response = _post(client, filer, body)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "narrative"
    body = case_body()
    body["contact"]["name"] = "n" * 201
    assert _post(client, filer, body).json()["error"]["field"] == "contact.name"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"channel": "fax"}, "channel"),
        ({"facts": {**case_body()["facts"], "service": "moon_landings"}}, "facts.service"),
        ({"facts": {**case_body()["facts"], "kind": "rant"}}, "facts.kind"),
        ({"facts": {**case_body()["facts"], "authority": "atlantis"}}, "facts.authority"),
        ({"facts": {**case_body()["facts"], "received": "2026-02-30"}}, "facts.received"),
        ({"facts": {**case_body()["facts"], "received": "23/11/2026"}}, "facts.received"),
        ({"facts": {**case_body()["facts"], "received": "2099-01-01"}}, "facts.received"),
        ({"facts": {**case_body()["facts"], "incident_date": 20261030}}, "facts.incident_date"),
        ({"facts": "not an object"}, "facts"),
        ({"contact": {"email": "not-an-email"}}, "contact.email"),
        ({"contact": {"preferred": "pigeon"}}, "contact.preferred"),
        ({"narrative": 42}, "narrative"),
    ],
)
def test_bad_values_name_their_field(
    client: TestClient, filer: dict[str, str], change: dict[str, Any], field: str
) -> None:
    response = _post(client, filer, {**case_body(), **change})
    assert response.status_code == 422, response.text
    assert response.json()["error"]["field"] == field
    assert response.json()["error"]["message"]


def test_body_must_be_an_object(client: TestClient, filer: dict[str, str]) -> None:
    for body in ([], "text", None, 3):
        response = _post(client, filer, body)
        assert response.status_code == 422


@pytest.mark.parametrize(
    ("event", "field"),
    [
        ({"type": "teleported"}, "type"),
        ({"type": "acknowledged", "date": "2026-13-01"}, "date"),
        ({"type": "acknowledged", "date": 1767225600}, "date"),
        ({"type": "acknowledged", "date": "2026-11-24T10:00:00"}, "date"),
        ({"type": "acknowledged", "date": "2030-01-01"}, "date"),
        ({"type": "acknowledged", "date": "2020-01-01"}, "date"),
        ({"type": "closed"}, "outcome"),
        ({"type": "closed", "outcome": "sort_of"}, "outcome"),
        ({"type": "acknowledged", "outcome": "upheld"}, "outcome"),
        ({"type": "acknowledged", "note": "n" * 20_001}, "note"),
        ({"type": "acknowledged", "colour": "red"}, "colour"),
    ],
)
def test_bad_events_name_their_field(
    client: TestClient,
    filer: dict[str, str],
    staff: dict[str, str],
    event: dict[str, Any],
    field: str,
) -> None:
    ref = file_case(client, filer, case_body())["reference"]
    response = client.post(f"/v1/cases/{ref}/events", json=event, headers=staff)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["field"] == field


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("limit=0", "limit"),
        ("limit=abc", "limit"),
        ("stage=9", "stage"),
        ("status=lost", "status"),
        ("due_before=yesterday", "due_before"),
        ("overdue=perhaps", "overdue"),
    ],
)
def test_bad_list_filters_name_their_parameter(
    client: TestClient, staff: dict[str, str], query: str, field: str
) -> None:
    response = client.get(f"/v1/cases?{query}", headers=staff)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == field


def test_report_range_must_be_in_order(client: TestClient, staff: dict[str, str]) -> None:
    response = client.get("/v1/reports/summary?from=2026-12-01&to=2026-01-01", headers=staff)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "from"


def test_streamed_body_over_the_limit_is_413(client: TestClient, filer: dict[str, str]) -> None:
    def chunks() -> Any:
        yield b'{"narrative": "'
        for _ in range(100):
            yield b"x" * 1024
        yield b'"}'

    response = client.post(
        "/v1/cases",
        content=chunks(),
        headers={**filer, "Idempotency-Key": "stream", "Content-Type": "application/json"},
    )
    assert "content-length" not in response.request.headers
    assert response.status_code == 413
    assert response.json()["error"]["field"] == "body"


def test_nul_characters_are_refused_by_field(
    client: TestClient, filer: dict[str, str], staff: dict[str, str]
) -> None:
    body = case_body()
    body["narrative"] = "before\x00after"
    response = _post(client, filer, body)
    assert response.status_code == 422
    assert response.json()["error"] == {
        "field": "narrative",
        "message": "must not contain NUL characters",
    }
    body = case_body()
    body["contact"]["address"] = "1 High St\x00"
    assert _post(client, filer, body).json()["error"]["field"] == "contact.address"
    body = case_body()
    body["facts"]["service"] = "waste\x00"
    assert _post(client, filer, body).json()["error"]["field"] == "facts"
    response = client.get("/v1/cases", params={"authority": "tw\x00"}, headers=staff)
    assert response.status_code == 422 and response.json()["error"]["field"] == "authority"
