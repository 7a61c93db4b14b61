"""Load ramp: how many conversations and case filings this machine sustains with p95 <= 1 s.

Starts the real assistant (case service, action server, Rasa; tests/support/stack.py) once per
case-service backend (SQLite, then a throwaway PostgreSQL), then ramps:

* conversations: N concurrent people each completing complaints back to back over Rasa's REST
  channel (every turn is one request; a completed conversation files a case), N = 1, 2, 4, ...
  until the p95 turn latency passes 1 s;
* filings: M concurrent clients posting cases straight to the case service, M = 1, 2, 4, ...
  until the p95 request latency passes 1 s.

The sustained figure is the highest level whose p95 stayed within 1 s, re-run --repeats times
and reported as the median. Usage:

    .venv/bin/python bench/load.py [--backends sqlite,postgresql] [--level-seconds 20]
"""

from __future__ import annotations

import argparse
import asyncio
import re
import shutil
import statistics
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from tests.faults.filing import case_body
from tests.support.chat import COMPLAINT, REFERENCE, RestChat
from tests.support.servers import PgCluster, rasa_stack

P95_LIMIT = 1.0


@dataclass
class Level:
    kind: str
    concurrency: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    done: int = 0  # conversations completed or cases filed
    errors: int = 0

    @property
    def p95(self) -> float:
        if len(self.latencies) < 2:
            return float("inf")
        return statistics.quantiles(self.latencies, n=20)[-1]

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies) if self.latencies else float("inf")

    @property
    def per_second(self) -> float:
        return self.done / self.seconds

    def rate(self) -> str:
        if self.kind == "conversations":
            return f"{self.per_second * 60:7.1f} conversations/min"
        return f"{self.per_second:7.1f} cases/s"

    def line(self, backend: str) -> str:
        return (
            f"{backend:10} {self.kind:13} x{self.concurrency:<4} {self.done:5} done "
            f"{self.errors:3} errors  {self.rate()}  p50 {self.p50 * 1000:6.0f} ms  "
            f"p95 {self.p95 * 1000:6.0f} ms"
        )


async def _conversation(
    client: httpx.AsyncClient, rasa: str, level: Level, deadline: float
) -> None:
    """One person completing complaints until the deadline; counts only finished ones."""
    while time.monotonic() < deadline:
        sender = f"load-{uuid.uuid4().hex[:12]}"
        text = "I want to make a complaint"
        for _ in range(40):
            started = time.monotonic()
            try:
                resp = await client.post(
                    f"{rasa}/webhooks/rest/webhook", json={"sender": sender, "message": text}
                )
            except httpx.HTTPError:
                level.errors += 1
                break
            level.latencies.append(time.monotonic() - started)
            if not 200 <= resp.status_code < 300:
                level.errors += 1
                break
            messages: list[dict[str, Any]] = resp.json()
            said = "\n".join(m.get("text") or "" for m in messages)
            if REFERENCE.search(said):
                if time.monotonic() <= deadline + 5:
                    level.done += 1
                break
            answer = next((a for pattern, a in COMPLAINT if re.search(pattern, said)), None)
            if answer is None:
                level.errors += 1
                break
            text = RestChat._answer_text(answer, messages)


async def _filer(
    client: httpx.AsyncClient, cases: str, auth: dict[str, str], level: Level, deadline: float
) -> None:
    n = 0
    while time.monotonic() < deadline:
        n += 1
        started = time.monotonic()
        try:
            resp = await client.post(
                f"{cases}/v1/cases",
                json=case_body(n),
                headers={**auth, "Idempotency-Key": uuid.uuid4().hex},
            )
        except httpx.HTTPError:
            level.errors += 1
            continue
        level.latencies.append(time.monotonic() - started)
        if 200 <= resp.status_code < 300:
            level.done += 1
        else:
            level.errors += 1


async def _run_level(
    kind: str, concurrency: int, seconds: float, worker: Callable[..., Awaitable[None]], *args: Any
) -> Level:
    level = Level(kind, concurrency, seconds)
    limits = httpx.Limits(max_connections=concurrency + 4)
    timeout = httpx.Timeout(30.0, connect=5.0)
    async with httpx.AsyncClient(limits=limits, timeout=timeout) as client:
        deadline = time.monotonic() + seconds
        await asyncio.gather(*(worker(client, *args, level, deadline) for _ in range(concurrency)))
    return level


def ramp(
    backend: str,
    kind: str,
    seconds: float,
    max_concurrency: int,
    repeats: int,
    worker: Callable[..., Awaitable[None]],
    *args: Any,
) -> tuple[Level | None, list[Level]]:
    """Doubles concurrency until p95 passes the limit; re-runs the last good level."""
    seen: list[Level] = []
    good: Level | None = None
    concurrency = 1
    while concurrency <= max_concurrency:
        level = asyncio.run(_run_level(kind, concurrency, seconds, worker, *args))
        seen.append(level)
        print(level.line(backend), flush=True)
        if level.p95 > P95_LIMIT or level.done == 0:
            break
        good = level
        concurrency *= 2
    if good is None:
        return None, seen
    runs = [good]
    for _ in range(repeats - 1):
        again = asyncio.run(_run_level(kind, good.concurrency, seconds, worker, *args))
        print(again.line(backend) + "  (repeat)", flush=True)
        runs.append(again)
    runs.sort(key=lambda lv: lv.per_second)
    return runs[len(runs) // 2], seen


def bench_backend(backend: str, args: argparse.Namespace) -> dict[str, Level | None]:
    pg = PgCluster() if backend == "postgresql" else None
    stack = rasa_stack().Stack()
    if pg:
        stack.env["DATABASE_URL"] = pg.create_database("load")
    try:
        started = time.monotonic()
        stack.start()
        print(f"{backend}: stack up in {time.monotonic() - started:.0f} s", flush=True)
        rasa = f"http://127.0.0.1:{stack.rasa_port}"
        # Warm up: the first turns load the model's lazy parts.
        RestChat([rasa], f"warmup-{uuid.uuid4().hex[:8]}").complete()
        conv, _ = ramp(
            backend,
            "conversations",
            args.level_seconds,
            args.max_conversations,
            args.repeats,
            _conversation,
            rasa,
        )
        auth = {"Authorization": f"Bearer {stack.token}"}
        cases, _ = ramp(
            backend,
            "filings",
            args.level_seconds / 2,
            args.max_filers,
            args.repeats,
            _filer,
            stack.cs_url,
            auth,
        )
        return {"conversations": conv, "filings": cases}
    finally:
        stack.stop()
        shutil.rmtree(stack.dir, ignore_errors=True)
        if pg:
            pg.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--level-seconds", type=float, default=20.0)
    parser.add_argument("--max-conversations", type=int, default=64)
    parser.add_argument("--max-filers", type=int, default=256)
    parser.add_argument("--repeats", type=int, default=3, help="runs of the sustained level")
    args = parser.parse_args()
    results = {b: bench_backend(b, args) for b in args.backends.split(",")}
    print(f"\nSustained with p95 <= {P95_LIMIT:g} s (median of {args.repeats} runs):")
    for backend, found in results.items():
        conv, cases = found["conversations"], found["filings"]
        conv_text = (
            f"{conv.per_second * 60:.1f} conversations/min at {conv.concurrency} concurrent "
            f"(p95 turn {conv.p95 * 1000:.0f} ms)"
            if conv
            else "no level met the target"
        )
        case_text = (
            f"{cases.per_second:.1f} cases/s at {cases.concurrency} concurrent "
            f"(p95 {cases.p95 * 1000:.0f} ms)"
            if cases
            else "no level met the target"
        )
        print(f"  {backend:10} {conv_text}; {case_text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
