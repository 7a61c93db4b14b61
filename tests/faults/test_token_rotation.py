"""The assistant's token is revoked in the middle of filing, then a new one is issued (issue 13):
no case is refused for good, the person is never told "trying again won't help", and after the
new token every case is delivered exactly once, including one the service had already stored
under the old token when the reply was lost."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from actions.caseclient import Filed, file_case
from actions.outbox import Outbox
from actions.settings import Settings
from caseservice.db import migrate
from tests.support.servers import REPO, CaseService

from .filing import case_body, integrity_problems, stored_keys

CASES = 6


def _caseservice(database_url: str, *args: str) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "caseservice.cli", *args],
        env={**os.environ, "DATABASE_URL": database_url},
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_revoking_the_token_mid_filing_then_issuing_a_new_one_delivers_each_case_once(
    database_url: str, tmp_path: Path
) -> None:
    migrate(database_url)
    token_file = tmp_path / "assistant.token"
    _caseservice(
        database_url, "tokens", "add", "assistant", "--scopes", "cases:file",
        "--token-file", str(token_file),
    )  # fmt: skip
    svc = CaseService(database_url, tmp_path / "caseservice.log")
    svc.start()
    box = Outbox(tmp_path / "outbox.sqlite3")
    s = Settings(
        authority="telford-wrekin",
        caseservice_url=svc.url,
        caseservice_token="",
        outbox_path=box.path,
        outbox_poll_seconds=0.2,
        connect_timeout=1.0,
        read_timeout=4.0,
        attempts=1,
        caseservice_token_file=token_file,
    )
    keys = [f"conv-{n}:complaint" for n in range(CASES)]

    def send(key: str, body: dict[str, object]) -> Filed:
        return file_case(s, key, dict(body), attempts=1)

    try:
        # Mid-filing: the service stores case 0 under the old token, but the reply is lost.
        box.add(keys[0], case_body(0))
        old = token_file.read_text().strip()
        first = httpx.post(
            f"{svc.url}/v1/cases",
            json=case_body(0),
            headers={"Authorization": f"Bearer {old}", "Idempotency-Key": keys[0]},
            timeout=10,
        )
        assert first.status_code == 201
        # Case 1 goes through before the revocation.
        box.add(keys[1], case_body(1))
        assert box.deliver_due(send) == 2  # case 0 replayed (200), case 1 filed (201)

        # Staff revoke the token; every attempt now gets 401.
        _caseservice(database_url, "tokens", "revoke", "assistant")
        refused: list[Filed] = []
        for n in range(2, CASES):
            box.add(keys[n], case_body(n))
            body = box.claim(keys[n])
            assert body is not None
            result = send(keys[n], body)
            box.record(keys[n], result)
            refused.append(result)
        assert all(r.auth_refused and not r.permanent and r.status == 401 for r in refused)
        assert box.pending_count() == CASES - 2  # waiting, not failed
        assert all(r["state"] == "pending" for r in box.rows() if r["key"] in keys[2:])

        # A new token is issued into the same file; the outbox picks it up without a restart.
        _caseservice(
            database_url, "tokens", "add", "assistant", "--scopes", "cases:file",
            "--token-file", str(token_file),
        )  # fmt: skip
        assert token_file.read_text().strip() != old
        with box._db() as db:  # skip the backoff the 401s earned, to keep the test short
            db.execute("UPDATE outbox SET next_try = 0 WHERE delivered IS NULL")
        deadline = time.monotonic() + 60
        while box.pending_count() and time.monotonic() < deadline:
            box.deliver_due(send)
            time.sleep(0.1)
        # A replay of case 0 under the new token answers with the same case, not a new one.
        again = httpx.post(
            f"{svc.url}/v1/cases",
            json=case_body(0),
            headers={"Authorization": f"Bearer {token_file.read_text().strip()}",
                     "Idempotency-Key": keys[0]},
            timeout=10,
        )  # fmt: skip
        assert again.status_code == 200
    finally:
        svc.stop()

    assert box.pending_count() == 0
    statuses = {k: box.status(k) for k in keys}
    assert all(st and st["delivered"] and st["failed"] is None for st in statuses.values())
    stored = stored_keys(database_url)
    assert len(stored) == CASES, f"{len(stored)} cases for {CASES} filings"
    for k in keys:
        assert stored[k] == statuses[k]["reference"]  # type: ignore[index]
    assert statuses[keys[0]]["reference"] == first.json()["reference"]  # type: ignore[index]
    assert again.json()["reference"] == first.json()["reference"]
    assert integrity_problems(database_url) == []
