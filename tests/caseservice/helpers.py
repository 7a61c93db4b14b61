"""Helpers shared by the case service tests."""

from __future__ import annotations

import datetime as dt
import socket
import uuid
from typing import Any

from fastapi.testclient import TestClient

# Fixed "today" for in-process tests, so dates in the examples stay in the past.
TODAY = dt.date(2027, 1, 15)

FACTS: dict[str, Any] = {
    "authority": "telford-wrekin",
    "kind": "complaint",
    "received": "2026-11-23",
    "service": "waste",
    "incident_date": "2026-10-30",
    "complainant": {"relationship": "self"},
}


def case_body(**facts: Any) -> dict[str, Any]:
    return {
        "facts": {**FACTS, **facts},
        "narrative": "My bin has not been collected for three weeks.",
        "desired_outcome": "Collect it.",
        "contact": {"name": "A. Resident", "email": "a@example.org", "preferred": "email"},
        "conversation_id": "conv-1",
        "channel": "webchat",
    }


def file_case(client: TestClient, headers: dict[str, str], body: dict[str, Any]) -> Any:
    response = client.post(
        "/v1/cases", json=body, headers={**headers, "Idempotency-Key": uuid.uuid4().hex}
    )
    assert response.status_code == 201, response.text
    return response.json()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
