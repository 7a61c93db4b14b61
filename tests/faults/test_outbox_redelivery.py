"""The action server's outbox (actions/outbox.py) against a real case service that is killed
while it delivers: after the restart every case is delivered exactly once, including one whose
201 reply was lost on the way back."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from actions.caseclient import file_case
from actions.outbox import Outbox
from actions.settings import Settings
from tests.support.servers import CaseService, prepare_caseservice_db

from .filing import case_body, integrity_problems, stored_keys

CASES = 30


def _settings(svc: CaseService, auth: dict[str, str], box: Path) -> Settings:
    return Settings(
        authority="telford-wrekin",
        caseservice_url=svc.url,
        caseservice_token=auth["Authorization"].removeprefix("Bearer "),
        outbox_path=box,
        outbox_poll_seconds=0.2,
        connect_timeout=1.0,
        read_timeout=4.0,
        attempts=1,
    )


def test_outbox_delivers_each_case_exactly_once_across_a_kill(
    database_url: str, tmp_path: Path
) -> None:
    auth = prepare_caseservice_db(database_url)
    svc = CaseService(database_url, tmp_path / "caseservice.log")
    svc.start()
    box = Outbox(tmp_path / "outbox.sqlite3")
    s = _settings(svc, auth, box.path)
    keys = [f"conv-{n}:complaint" for n in range(CASES)]

    # A reply lost in transit: the service stored the case, the outbox never heard back.
    lost_reply = keys[0]
    box.add(lost_reply, case_body(0))
    first = httpx.post(
        f"{svc.url}/v1/cases",
        json=case_body(0),
        headers={**auth, "Idempotency-Key": lost_reply},
        timeout=10,
    )
    assert first.status_code == 201

    def send(key: str, body: dict[str, object]) -> object:
        return file_case(s, key, dict(body), attempts=1)

    # Every action stores its case first, then tries to deliver at once (as actions._file does),
    # while a background deliverer runs too; the service dies in the middle.
    stop = threading.Event()

    def background() -> None:
        while not stop.is_set():
            box.deliver_due(send)  # type: ignore[arg-type]
            time.sleep(0.05)

    def inline(n: int) -> None:
        box.add(keys[n], case_body(n))
        body = box.claim(keys[n])
        if body is not None:
            box.record(keys[n], file_case(s, keys[n], body, attempts=1))

    try:
        with ThreadPoolExecutor(max_workers=12) as pool:
            bg = [pool.submit(background) for _ in range(2)]
            work = [pool.submit(inline, n) for n in range(1, CASES)]
            time.sleep(0.2)
            svc.kill()
            for w in work:
                w.result()
            pending_while_down = box.pending_count()
            svc.start()
            deadline = time.monotonic() + 90
            while box.pending_count() and time.monotonic() < deadline:
                time.sleep(0.2)
            stop.set()
            for b in bg:
                b.result()
    finally:
        stop.set()
        svc.stop()

    assert pending_while_down > 0, "nothing was pending while the service was down"
    assert box.pending_count() == 0
    statuses = {k: box.status(k) for k in keys}
    assert all(st and st["delivered"] and st["reference"] for st in statuses.values()), statuses
    assert all(st and st["failed"] is None for st in statuses.values())
    stored = stored_keys(database_url)
    assert len(stored) == CASES, f"{len(stored)} cases for {CASES} outbox rows"
    for k in keys:
        assert stored[k] == statuses[k]["reference"]  # type: ignore[index]
    assert statuses[lost_reply]["reference"] == first.json()["reference"]  # type: ignore[index]
    assert integrity_problems(database_url) == []
