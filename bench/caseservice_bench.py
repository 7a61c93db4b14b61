"""Case service throughput: files N cases with C concurrent clients over real HTTP.

    .venv/bin/python bench/caseservice_bench.py [--cases 5000] [--clients 32] [--runs 3]

Runs against SQLite (a fresh WAL file per run) and PostgreSQL (a throwaway server started by
scripts/with-postgres.sh, a fresh database per run), each time with `caseservice serve` in its own
process. Prints cases/s and p50/p95 request latency per run and the median over the runs.
Every request carries its own Idempotency-Key and a realistic body; every answer must be 201.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable

SERVICES = ["waste", "highways", "council_tax", "parking", "housing_landlord", "planning"]


def body(i: int) -> dict[str, Any]:
    return {
        "facts": {
            "authority": "telford-wrekin",
            "kind": "complaint",
            "received": "2026-11-23",
            "service": SERVICES[i % len(SERVICES)],
            "incident_date": "2026-10-30",
            "complainant": {"relationship": "self"},
        },
        "narrative": "The collection was missed again and nobody called me back. " * 4,
        "desired_outcome": "Fix it and explain what went wrong.",
        "contact": {"name": "Bench Resident", "email": f"r{i}@example.org", "preferred": "email"},
        "conversation_id": f"bench-{i}",
        "channel": "webchat",
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cli(url: str, *args: str) -> str:
    env = {**os.environ, "DATABASE_URL": url}
    out = subprocess.run(
        [PY, "-m", "caseservice.cli", *args], env=env, capture_output=True, text=True, check=True
    )
    return out.stdout


async def load(base: str, token: str, cases: int, clients: int) -> tuple[float, list[float], int]:
    latencies: list[float] = []
    retries: list[int] = []
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(cases):
        queue.put_nowait(i)
    bodies = [json.dumps(body(i)).encode() for i in range(cases)]
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    timeout = httpx.Timeout(60.0, connect=5.0)

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=timeout) as client:

        async def worker() -> None:
            while True:
                try:
                    i = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                key = uuid.uuid4().hex
                started = time.perf_counter()
                for attempt in range(4):
                    try:
                        response = await client.post(
                            "/v1/cases",
                            content=bodies[i],
                            headers={**headers, "Idempotency-Key": key},
                        )
                        break
                    except httpx.TransportError:
                        # What a real client does: retry with the same key (safe by design).
                        retries.append(i)
                        if attempt == 3:
                            raise
                latencies.append(time.perf_counter() - started)
                if response.status_code not in (200, 201):
                    raise RuntimeError(f"case {i}: {response.status_code} {response.text[:200]}")

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        elapsed = time.perf_counter() - started
    return elapsed, latencies, len(retries)


def count_cases(url: str) -> int:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        n = int(conn.execute(text("SELECT count(*) FROM cases")).scalar_one())
    engine.dispose()
    return n


def one_run(url: str, cases: int, clients: int, workers: int) -> dict[str, float]:
    cli(url, "migrate")
    token_file = Path(tempfile.mkdtemp()) / "token"
    cli(url, "tokens", "add", "bench", "--scopes", "cases:file", "--token-file", str(token_file))
    token = token_file.read_text().strip()
    port = free_port()
    server = subprocess.Popen(
        [
            PY,
            "-m",
            "caseservice.cli",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        env={**os.environ, "DATABASE_URL": url},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("caseservice serve did not start")
            time.sleep(0.1)
        elapsed, latencies, retries = asyncio.run(load(base, token, cases, clients))
        stored = count_cases(url)
        if stored != cases:
            raise RuntimeError(f"{cases} cases filed but {stored} stored")
    finally:
        server.terminate()
        server.wait(timeout=30)
    latencies.sort()
    return {
        "cases_per_s": cases / elapsed,
        "p50_ms": 1000 * latencies[len(latencies) // 2],
        "p95_ms": 1000 * latencies[int(len(latencies) * 0.95) - 1],
        "seconds": elapsed,
        "retries": retries,
    }


def fresh_url(backend: str, run: int, tmp: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp / f'bench-{run}.db'}"
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    server = os.environ["DATABASE_URL"]
    name = f"bench_{run}_{uuid.uuid4().hex[:6]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(server).set(database=name).render_as_string(hide_password=False)


def bench(backend: str, args: argparse.Namespace) -> None:
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            url = fresh_url(backend, run, Path(tmp))
            result = one_run(url, args.cases, args.clients, args.workers)
            results.append(result)
            print(
                f"{backend:10} run {run + 1}: {result['cases_per_s']:7.1f} cases/s  "
                f"p50 {result['p50_ms']:6.1f} ms  p95 {result['p95_ms']:6.1f} ms  "
                f"({args.cases} cases in {result['seconds']:.1f} s, all stored once; "
                f"{result['retries']:.0f} transport retries)",
                flush=True,
            )
    med = {k: statistics.median(r[k] for r in results) for k in results[0]}
    print(
        f"{backend:10} MEDIAN of {args.runs}: {med['cases_per_s']:7.1f} cases/s  "
        f"p50 {med['p50_ms']:6.1f} ms  p95 {med['p95_ms']:6.1f} ms  "
        f"[{args.cases} cases, {args.clients} clients, {args.workers} server worker(s)]",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument(
        "--backend",
        choices=["all", "sqlite", "postgresql"],
        default="all",
        help="postgresql alone expects DATABASE_URL from scripts/with-postgres.sh",
    )
    args = parser.parse_args()
    if args.backend in ("all", "sqlite"):
        bench("sqlite", args)
    if args.backend == "postgresql":
        bench("postgresql", args)
    elif args.backend == "all":
        # PostgreSQL with its default (durable) settings, like SQLite's synchronous=FULL.
        forwarded = [a for a in sys.argv[1:] if not a.startswith("--backend")]
        subprocess.run(
            [
                str(ROOT / "scripts/with-postgres.sh"),
                PY,
                __file__,
                *forwarded,
                "--backend",
                "postgresql",
            ],
            check=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
