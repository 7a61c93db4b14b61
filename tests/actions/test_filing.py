from __future__ import annotations

import asyncio
import dataclasses
import json
import time
from pathlib import Path
from typing import Any

import httpx

from actions.caseclient import Filed, file_case, file_case_async
from actions.outbox import Outbox
from actions.settings import settings

BODY: dict[str, Any] = {"facts": {"kind": "complaint"}, "narrative": "x", "channel": "api"}


def _settings(**kw: Any) -> Any:
    return dataclasses.replace(settings(), caseservice_url="http://cs.test", **kw)


def test_success_needs_a_2xx_and_a_reference() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(201, json={"reference": "TW-2026-AAAAAA"})

    got = file_case(
        _settings(caseservice_token="t0k"), "key-1", BODY, transport=httpx.MockTransport(handler)
    )
    assert got == Filed(ok=True, reference="TW-2026-AAAAAA", status=201)
    assert seen[0].headers["Idempotency-Key"] == "key-1"
    assert seen[0].headers["Authorization"] == "Bearer t0k"
    assert json.loads(seen[0].content) == BODY


def test_a_3xx_is_not_success() -> None:
    got = file_case(
        _settings(attempts=1),
        "k",
        BODY,
        transport=httpx.MockTransport(lambda r: httpx.Response(302)),
    )
    assert not got.ok


def test_retries_5xx_then_succeeds_with_the_same_key() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.headers["Idempotency-Key"])
        if len(calls) < 3:
            return httpx.Response(503)
        return httpx.Response(200, json={"reference": "TW-2026-BBBBBB"})

    got = asyncio.run(
        file_case_async(_settings(attempts=3), "same", BODY, transport=httpx.MockTransport(handler))
    )
    assert got.ok and got.reference == "TW-2026-BBBBBB"
    assert calls == ["same", "same", "same"]


def test_conflict_is_permanent_and_not_retried() -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(409, json={"error": {"field": "Idempotency-Key"}})

    got = file_case(_settings(attempts=3), "k", BODY, transport=httpx.MockTransport(handler))
    assert got.permanent and not got.ok and len(calls) == 1


def test_connection_errors_are_retried_and_reported() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    got = file_case(_settings(attempts=2), "k", BODY, transport=httpx.MockTransport(handler))
    assert not got.ok and not got.permanent and got.error == "ConnectError"


def test_outbox_delivers_each_case_exactly_once(tmp_path: Path) -> None:
    box = Outbox(tmp_path / "outbox.sqlite3")
    box.add("a", BODY)
    box.add("a", {"different": True})  # same key again: the first body is kept
    box.add("b", BODY)
    sent: list[str] = []
    up = False

    def send(key: str, body: dict[str, Any]) -> Filed:
        if not up:
            return Filed(ok=False, error="ConnectError")
        sent.append(key)
        assert body == BODY
        return Filed(ok=True, reference=f"REF-{key}", status=201)

    assert box.deliver_due(send) == 0
    assert box.pending_count() == 2
    up = True
    # Failed rows wait for their backoff; make them due now.
    with box._db() as db:
        db.execute("UPDATE outbox SET next_try = 0")
    assert box.deliver_due(send) == 2
    assert box.deliver_due(send) == 0
    assert sorted(sent) == ["a", "b"]
    assert box.status("a") == {
        "delivered": box.status("a")["delivered"],  # type: ignore[index]
        "reference": "REF-a",
        "failed": None,
        "attempts": 2,
    }


def test_a_delivered_case_leaves_only_a_receipt_in_the_outbox(tmp_path: Path) -> None:
    story = {**BODY, "narrative": "Jo Bloggs of 1 Plum Lane says the carer never came"}
    path = tmp_path / "o.sqlite3"
    box = Outbox(path)
    box.add("k", story)
    box.add("pending", BODY)
    box.deliver_due(lambda key, body: Filed(ok=key == "k", reference="R", error="down"))
    with box._db() as db:
        bodies = dict(db.execute("SELECT key, body FROM outbox").fetchall())
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert bodies == {"k": "{}", "pending": json.dumps(BODY)}
    assert box.status("k")["reference"] == "R"  # type: ignore[index]
    # secure_delete: the old row's bytes are overwritten, not left in a free page of the file.
    assert b"Plum Lane" not in path.read_bytes()
    box.add("k", story)  # a replayed add after delivery does not bring the body back
    with box._db() as db:
        assert db.execute("SELECT body FROM outbox WHERE key = 'k'").fetchone()[0] == "{}"


def test_the_background_pass_leaves_a_held_row_to_the_filing_action(tmp_path: Path) -> None:
    # The race the bot bench found: the thread claimed a new row between add and claim, so the
    # person was told "saved" while their case was being delivered.
    box = Outbox(tmp_path / "o.sqlite3")
    box.add("k", BODY, hold_seconds=30)
    box.add("free", BODY)
    sent: list[str] = []

    def send(key: str, body: dict[str, Any]) -> Filed:
        sent.append(key)
        return Filed(ok=True, reference="R", status=201)

    assert box.deliver_due(send) == 1 and sent == ["free"]
    assert box.claim("k") == BODY  # the filing action still gets its own attempt
    box.record("k", Filed(ok=False, error="ConnectError"))
    with box._db() as db:  # a failed attempt hands the row to the thread after its backoff
        db.execute("UPDATE outbox SET next_try = 0 WHERE next_try < ?", (time.time() + 60,))
    assert box.deliver_due(send) == 1 and sent == ["free", "k"]


def test_a_claimed_row_is_not_sent_twice(tmp_path: Path) -> None:
    box = Outbox(tmp_path / "o.sqlite3")
    box.add("k", BODY)
    assert box.claim("k") == BODY
    assert box.claim("k") is None  # the background pass skips what the action is sending
    box.record("k", Filed(ok=True, reference="R", status=201))
    assert box.claim("k") is None
