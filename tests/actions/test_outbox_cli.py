"""Refused tokens are retried, never fatal to the person (issue 13), and the outbox's own
command, `python -m actions.outbox status|retry|purge`."""

from __future__ import annotations

import dataclasses
import logging
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from actions.caseclient import file_case
from actions.outbox import Outbox, receipt_of
from actions.settings import settings

BODY: dict[str, Any] = {"facts": {"kind": "complaint"}, "narrative": "x", "channel": "api"}
KEY = "abcdef12-3456-conv"


def _settings(**kw: Any) -> Any:
    return dataclasses.replace(settings(), caseservice_url="http://cs.test", **kw)


@pytest.mark.parametrize("status", [401, 403])
def test_a_refused_token_is_retried_with_backoff_and_raised_as_an_alert(
    status: int, caplog: pytest.LogCaptureFixture
) -> None:
    calls: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(time.monotonic())
        return httpx.Response(status, json={"error": {"field": None, "message": "no"}})

    with caplog.at_level(logging.ERROR, logger="actions.alerts"):
        got = file_case(_settings(attempts=3), "k", BODY, transport=httpx.MockTransport(handler))
    assert not got.ok and not got.permanent and got.auth_refused
    assert len(calls) == 3  # retried, not given up on the first answer
    assert calls[1] - calls[0] >= 0.2 and calls[2] - calls[1] >= 0.4  # with backoff
    alerts = [r for r in caplog.records if r.name == "actions.alerts"]
    assert alerts and all("ALERT" in r.getMessage() for r in alerts)
    assert f"HTTP {status}" in alerts[0].getMessage()


def test_a_refused_token_leaves_the_case_pending_in_the_outbox(tmp_path: Path) -> None:
    box = Outbox(tmp_path / "outbox.sqlite3")
    box.add(KEY, BODY)
    body = box.claim(KEY)
    assert body is not None
    refused = file_case(
        _settings(attempts=1),
        KEY,
        body,
        transport=httpx.MockTransport(lambda r: httpx.Response(401)),
    )
    box.record(KEY, refused)
    assert box.status(KEY) == {"delivered": None, "reference": None, "failed": None, "attempts": 1}
    assert box.rows()[0]["state"] == "pending" and box.rows()[0]["error"] == "HTTP 401"


def test_the_token_file_is_read_on_every_request(tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("old-token\n")
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["Authorization"])
        if request.headers["Authorization"] == "Bearer old-token":
            return httpx.Response(401)
        return httpx.Response(201, json={"reference": "TW-2026-AAAAAA"})

    s = _settings(attempts=1, caseservice_token="env-token", caseservice_token_file=token_file)
    assert not file_case(s, "k", BODY, transport=httpx.MockTransport(handler)).ok
    token_file.write_text("new-token\n")  # rotated: no restart needed
    assert file_case(s, "k", BODY, transport=httpx.MockTransport(handler)).ok
    assert seen == ["Bearer old-token", "Bearer new-token"]


def _cli(box: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "actions.outbox", "--path", str(box), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )


def _filled(tmp_path: Path) -> Outbox:
    box = Outbox(tmp_path / "outbox.sqlite3")
    for key in ("old-delivered", "new-delivered", "old-pending", "failed-one"):
        box.add(key, {"narrative": f"personal story {key}"})
    now = time.time()
    with sqlite3.connect(box.path) as db:
        db.execute(
            "UPDATE outbox SET delivered=?, reference='TW-1', body='{}' WHERE key='old-delivered'",
            (now - 40 * 86400,),
        )
        db.execute(
            "UPDATE outbox SET delivered=?, reference='TW-2', body='{}' WHERE key='new-delivered'",
            (now - 86400,),
        )
        db.execute("UPDATE outbox SET created=? WHERE key='old-pending'", (now - 40 * 86400,))
        db.execute("UPDATE outbox SET failed='HTTP 422' WHERE key='failed-one'")
    return box


def test_status_lists_waiting_and_failed_cases_without_their_bodies(tmp_path: Path) -> None:
    box = _filled(tmp_path)
    out = _cli(box.path, "status")
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0] == "1 pending, 1 failed, 2 delivered"
    assert receipt_of("old-pending") in out.stdout and "HTTP 422" in out.stdout
    assert "personal story" not in out.stdout
    assert "TW-2" not in out.stdout  # delivered rows only with --all
    one = _cli(box.path, "status", "--receipt", receipt_of("new-delivered").lower())
    assert one.returncode == 0 and "TW-2" in one.stdout and "delivered" in one.stdout
    missing = _cli(box.path, "status", "--receipt", "ZZZZZZZZ")
    assert missing.returncode == 1


def test_retry_puts_failed_cases_back_to_be_sent(tmp_path: Path) -> None:
    box = _filled(tmp_path)
    assert "failed-one" not in box.due()
    out = _cli(box.path, "retry")
    assert out.returncode == 0 and "1 case queued" in out.stdout
    assert box.status("failed-one") == {
        "delivered": None,
        "reference": None,
        "failed": None,
        "attempts": 0,
    }
    assert "failed-one" in box.due()


def test_purge_deletes_only_old_delivered_rows(tmp_path: Path) -> None:
    box = _filled(tmp_path)
    dry = _cli(box.path, "purge", "--older-than-days", "30", "--dry-run")
    assert dry.returncode == 0 and "would delete 1 delivered rows" in dry.stdout
    assert box.status("old-delivered") is not None
    out = _cli(box.path, "purge", "--older-than-days", "30")
    assert out.returncode == 0 and "deleted 1 delivered rows" in out.stdout
    assert box.status("old-delivered") is None
    assert box.status("new-delivered") is not None
    assert box.status("old-pending") is not None  # never drop a case not yet delivered
    assert box.status("failed-one") is not None


def test_bad_input_is_a_clear_error(tmp_path: Path) -> None:
    missing = _cli(tmp_path / "nope.sqlite3", "status")
    assert missing.returncode == 2 and "no outbox at" in missing.stderr
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    bad = _cli(junk, "status")
    assert bad.returncode == 2 and "is not an outbox" in bad.stderr
    assert "Traceback" not in bad.stderr
