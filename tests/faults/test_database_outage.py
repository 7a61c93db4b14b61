"""PostgreSQL taken away under a running case service: every request answers 503 (never 500),
filings retried by their clients all land once the database is back, and nothing is half-written.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.support.servers import CaseService, PgCluster, prepare_caseservice_db, wait_until

from .filing import (
    TIMEOUT,
    Attempts,
    case_body,
    file_until_ok,
    integrity_problems,
    stored_keys,
)

OUTAGE_SECONDS = 4.0
# What the action server's client retries on (actions/caseclient.py RETRYABLE): with it, a 500
# during an outage is survivable, but it is still wrong (see the 503 test below).
CLIENT_RETRIES = frozenset({408, 425, 429, 500, 502, 503, 504})


@pytest.fixture
def service(pg: PgCluster, tmp_path: Path) -> Iterator[tuple[CaseService, dict[str, str]]]:
    url = pg.create_database("outage")
    auth = prepare_caseservice_db(url)
    svc = CaseService(url, tmp_path / "caseservice.log")
    svc.start()
    try:
        yield svc, auth
    finally:
        svc.stop()


def _probe_everything(base: str, auth: dict[str, str], reference: str) -> dict[str, str]:
    """One request of each kind the service offers; returns status (or transport error) and
    the start of the body."""
    requests = {
        "POST /v1/cases": ("POST", "/v1/cases", case_body(999), {"Idempotency-Key": "outage-x"}),
        "GET /v1/cases": ("GET", "/v1/cases", None, {}),
        "GET /v1/cases/{ref}": ("GET", f"/v1/cases/{reference}", None, {}),
        "POST /v1/cases/{ref}/events": (
            "POST",
            f"/v1/cases/{reference}/events",
            {"type": "acknowledged", "date": "2026-11-24"},
            {},
        ),
        "GET /v1/reports/summary": ("GET", "/v1/reports/summary", None, {}),
        "GET /healthz": ("GET", "/healthz", None, {}),
    }
    seen: dict[str, str] = {}
    for name, (method, path, body, extra) in requests.items():
        try:
            with httpx.Client(base_url=base, timeout=TIMEOUT) as c:
                r = c.request(method, path, json=body, headers={**auth, **extra})
            seen[name] = f"{r.status_code} {r.text[:120]}"
        except httpx.HTTPError as exc:
            seen[name] = f"transport error {type(exc).__name__}"
    return seen


def _outage(pg: PgCluster, svc: CaseService, mode: str, during: object) -> None:
    pg.stop(mode)  # "immediate" is a database crash: no clean shutdown, recovery on start
    down_at = time.monotonic()
    assert callable(during)
    during()
    time.sleep(max(0.0, OUTAGE_SECONDS - (time.monotonic() - down_at)))
    pg.start()
    wait_until(
        lambda: httpx.get(f"{svc.url}/healthz", timeout=2).status_code == 200,
        timeout=30,
        what="the case service reporting healthy after the database came back",
    )


@pytest.mark.parametrize("mode", ["fast", "immediate"])
def test_outage_loses_nothing_and_leaves_nothing_half_written(
    pg: PgCluster, service: tuple[CaseService, dict[str, str]], mode: str
) -> None:
    svc, auth = service
    first = file_until_ok(svc.url, auth, 0, give_up_after=20)
    assert first.reference, first.seen

    # Clients keep filing across the outage, each retrying its own key until it gets a 2xx.
    stop_filing = threading.Event()
    results: list[Attempts] = []

    def keep_filing(worker: int) -> None:
        n = 0
        while not stop_filing.is_set():
            results.append(
                file_until_ok(
                    svc.url, auth, worker * 1000 + n, give_up_after=60, retry_on=CLIENT_RETRIES
                )
            )
            n += 1

    with ThreadPoolExecutor(max_workers=8) as pool:
        workers = [pool.submit(keep_filing, w) for w in range(1, 9)]
        time.sleep(1.0)
        _outage(pg, svc, mode, lambda: None)
        time.sleep(1.0)
        stop_filing.set()
        for w in workers:
            w.result()

    unfinished = [r.key for r in results if r.reference is None]
    assert not unfinished, f"{len(unfinished)} filings never got a 2xx"
    saw_outage = [r for r in results if any(not s.startswith("20") for s in r.seen)]
    assert saw_outage, "no filing saw the outage; the test did not test anything"
    stored = stored_keys(svc.database_url)
    for r in [first, *results]:
        assert stored.get(r.key) == r.reference, f"{r.key}: answered {r.reference}"
    assert len(stored) == len(results) + 1, "a case was stored that no client asked for"
    assert integrity_problems(svc.database_url) == []


def test_outage_answers_503_to_every_request_not_500(
    pg: PgCluster, service: tuple[CaseService, dict[str, str]]
) -> None:
    svc, auth = service
    first = file_until_ok(svc.url, auth, 0, give_up_after=20)
    assert first.reference
    probes: dict[str, str] = {}
    _outage(
        pg, svc, "fast", lambda: probes.update(_probe_everything(svc.url, auth, first.reference))
    )
    wrong = {name: seen for name, seen in probes.items() if not seen.startswith("503 ")}
    assert not wrong, f"while the database was down these did not answer 503: {wrong}"
    # Recovered: the same requests work again, and the refused filing was not stored.
    again = file_until_ok(svc.url, auth, 1, give_up_after=20)
    assert again.seen == ["201"]
    assert "outage-x" not in stored_keys(svc.database_url)
    assert integrity_problems(svc.database_url) == []
