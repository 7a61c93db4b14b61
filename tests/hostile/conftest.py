"""The live case service the hostile-input tests hit: SQLite and a throwaway PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.faults.filing import case_body
from tests.support.servers import CaseService, PgCluster, prepare_caseservice_db

TIMEOUT = httpx.Timeout(20.0, connect=5.0)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def api(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[httpx.Client, dict[str, str], str]]:
    tmp = tmp_path_factory.mktemp(request.param)
    cluster = PgCluster() if request.param == "postgresql" else None
    try:
        url = cluster.create_database("hostile") if cluster else f"sqlite:///{tmp / 'cases.db'}"
        auth = prepare_caseservice_db(url)
        svc = CaseService(url, tmp / "caseservice.log")
        svc.start()
        try:
            with httpx.Client(base_url=svc.url, timeout=TIMEOUT) as client:
                seed = client.post(
                    "/v1/cases", json=case_body(0), headers={**auth, "Idempotency-Key": "seed"}
                )
                assert seed.status_code == 201, seed.text
                yield client, auth, seed.json()["reference"]
        finally:
            svc.stop()
            assert "Traceback" not in svc.log_text(), "the service logged a traceback"
    finally:
        if cluster:
            cluster.close()
