"""The case service SIGKILLed in the middle of 50 concurrent filings and started again: every
filing a client saw a 2xx for is stored, each case once, whole (SQLite and PostgreSQL)."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.support.servers import CaseService, prepare_caseservice_db

from .filing import file_until_ok, integrity_problems, stored_keys

FILINGS = 50


def test_fifty_filings_across_kill_and_restart_lose_nothing(
    database_url: str, tmp_path: Path
) -> None:
    auth = prepare_caseservice_db(database_url)
    svc = CaseService(database_url, tmp_path / "caseservice.log")
    svc.start()
    kills = 0
    try:
        with ThreadPoolExecutor(max_workers=FILINGS) as pool:
            futures = [
                # A killed server is a transport error to the client, which retries its key.
                pool.submit(file_until_ok, svc.url, auth, n, 120.0)
                for n in range(FILINGS)
            ]
            for pause in (0.3, 0.6):  # kill twice while filings are in flight
                time.sleep(pause)
                svc.kill()
                kills += 1
                svc.start()
            results = [f.result() for f in futures]
    finally:
        svc.stop()

    assert kills == 2
    unfinished = [r.key for r in results if r.reference is None]
    assert not unfinished, f"{len(unfinished)} filings never got a 2xx: {results[0].seen}"
    interrupted = [r for r in results if len(r.seen) > 1]
    assert interrupted, "no filing was interrupted by the kills; the test tested nothing"
    stored = stored_keys(database_url)
    lost = [r.key for r in results if stored.get(r.key) != r.reference]
    assert lost == [], f"cases answered 2xx but not stored (or stored under another ref): {lost}"
    assert len(stored) == FILINGS, f"{len(stored)} cases stored for {FILINGS} distinct filings"
    assert integrity_problems(database_url) == []
