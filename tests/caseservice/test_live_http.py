"""The real server over real HTTP: concurrent retries, and a schemathesis run of the schema."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select

from caseservice.db import Database
from caseservice.models import Case

from ..schemathesis_run import run_schemathesis
from .conftest import TokenMaker
from .helpers import case_body

TIMEOUT = httpx.Timeout(30.0, connect=5.0)


Request = tuple[dict[str, str], dict[str, Any]]


def _post_all(base: str, requests: list[Request]) -> list[httpx.Response]:
    """Sends every request at once, each from its own thread, over one connection pool."""
    limits = httpx.Limits(max_connections=64)
    with (
        httpx.Client(base_url=base, timeout=TIMEOUT, limits=limits) as client,
        ThreadPoolExecutor(max_workers=len(requests)) as pool,
    ):
        return list(pool.map(lambda r: client.post("/v1/cases", json=r[1], headers=r[0]), requests))


def test_fifty_concurrent_retries_create_exactly_one_case(
    live_server: str, token: TokenMaker, db: Database
) -> None:
    headers = {**token("cases:file"), "Idempotency-Key": "conv-42:complaint-1"}
    responses = _post_all(live_server, [(headers, case_body())] * 50)
    codes = sorted(r.status_code for r in responses)
    assert codes == [200] * 49 + [201], (codes, responses[0].text)
    assert len({r.json()["reference"] for r in responses}) == 1
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Case)) == 1


def test_concurrent_distinct_cases_all_land(
    live_server: str, token: TokenMaker, db: Database
) -> None:
    filer = token("cases:file")
    work = [({**filer, "Idempotency-Key": f"k{i}"}, case_body()) for i in range(40)]
    responses = _post_all(live_server, work)
    assert [r.status_code for r in responses] == [201] * 40
    assert len({r.json()["reference"] for r in responses}) == 40
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Case)) == 40


def test_schemathesis_finds_no_server_errors(
    live_server: str, token: TokenMaker, tmp_path: Path
) -> None:
    everything = token("cases:file", "cases:read", "cases:write", "cases:restricted")
    # A real case, so the per-case operations reach their logic rather than answering 404.
    seeded = _post_all(live_server, [({**everything, "Idempotency-Key": "seed"}, case_body())])
    result = run_schemathesis(
        live_server,
        authorization=everything["Authorization"],
        reference=seeded[0].json()["reference"],
        max_examples=40,
        seed=20261127,
        workdir=tmp_path,
    )
    print(result.stdout[-3000:])
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
