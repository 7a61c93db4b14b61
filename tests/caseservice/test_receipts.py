"""A receipt number given to a person when filing was delayed can be looked up (issue 13)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

from fastapi.testclient import TestClient

from caseservice.db import Database

from .helpers import case_body


def _file(client: TestClient, filer: dict[str, str], key: str) -> str:
    response = client.post("/v1/cases", json=case_body(), headers={**filer, "Idempotency-Key": key})
    assert response.status_code == 201, response.text
    return str(response.json()["reference"])


def test_staff_find_a_case_by_its_receipt_over_the_api(
    client: TestClient, filer: dict[str, str], staff: dict[str, str]
) -> None:
    key = uuid.uuid4().hex
    ref = _file(client, filer, key)
    _file(client, filer, uuid.uuid4().hex)  # another case, not to be found
    receipt = key[:8].upper()  # as the assistant shows it (actions.outbox.receipt_of)
    found = client.get(f"/v1/cases?receipt={receipt}", headers=staff).json()
    assert [c["reference"] for c in found["items"]] == [ref]
    lower = client.get(f"/v1/cases?receipt={receipt.lower()}", headers=staff).json()
    assert [c["reference"] for c in lower["items"]] == [ref]
    none = client.get("/v1/cases?receipt=ZZZZZZZZ", headers=staff).json()
    assert none["total"] == 0


def test_a_malformed_receipt_is_a_clear_422(client: TestClient, staff: dict[str, str]) -> None:
    for bad in ("ABC", "ABCDEFGHIJ", "AB%DEFGH", "AB'--;XY"):
        response = client.get("/v1/cases", params={"receipt": bad}, headers=staff)
        assert response.status_code == 422, bad
        assert response.json()["error"]["field"] == "receipt"


def test_the_cli_finds_a_case_by_receipt_or_says_where_else_to_look(
    client: TestClient, filer: dict[str, str], db: Database
) -> None:
    key = uuid.uuid4().hex
    ref = _file(client, filer, key)
    env = {**os.environ, "DATABASE_URL": db.url}
    run = [sys.executable, "-m", "caseservice.cli", "cases", "receipt"]
    out = subprocess.run([*run, key[:8].upper()], env=env, capture_output=True, text=True)
    assert out.returncode == 0 and ref in out.stdout
    missing = subprocess.run([*run, "ZZZZZZZZ"], env=env, capture_output=True, text=True)
    assert missing.returncode == 1 and "python -m actions.outbox status" in missing.stderr
    bad = subprocess.run([*run, "x%"], env=env, capture_output=True, text=True)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
