"""Bot bench: 20 concurrent scripted conversations over Rasa's REST channel.

Starts the real stack (case service, action server, Rasa; bot/tools/stack.py), runs a simple
corporate complaint per conversation from start to filing, and prints per-turn latency
(p50/p95 over all turns, median of several runs) and conversations per minute.
Target from issue 4: p95 under 300 ms on this machine.

    .venv/bin/python bench/bot_bench.py [--conversations 20] [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
import uuid
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bot" / "tools"))

from stack import Stack  # noqa: E402

SCRIPT = [
    "I want to make a complaint",
    "Me",
    "Bins and recycling",
    "My bin has been missed three weeks running",
    "last week",
    "Collect it and say sorry",
    "Jo Bloggs",
    "jo@example.com",
    "yes",
]


async def conversation(client: httpx.AsyncClient, url: str, latencies: list[float]) -> bool:
    sender = f"bench-{uuid.uuid4().hex[:12]}"
    last: list[dict[str, str]] = []
    for text in SCRIPT:
        start = time.perf_counter()
        resp = await client.post(url, json={"sender": sender, "message": text})
        latencies.append(time.perf_counter() - start)
        if not 200 <= resp.status_code < 300:
            return False
        last = resp.json()
    return any("Your reference is" in str(m.get("text", "")) for m in last)


async def one_run(url: str, n: int) -> tuple[list[float], float, int]:
    latencies: list[float] = []
    async with httpx.AsyncClient(timeout=60) as client:
        start = time.perf_counter()
        results = await asyncio.gather(*(conversation(client, url, latencies) for _ in range(n)))
        elapsed = time.perf_counter() - start
    return latencies, elapsed, sum(results)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    stack = Stack("telford-wrekin")
    try:
        stack.start()
        asyncio.run(one_run(stack.rest_url, 2))  # warm up models and connections
        # Baseline: one conversation at a time, so queueing is not counted.
        alone: list[float] = []
        for _ in range(3):
            alone += asyncio.run(one_run(stack.rest_url, 1))[0]
        print(
            f"one at a time: per-turn p50 {pct(alone, 0.5) * 1000:.0f} ms, "
            f"p95 {pct(alone, 0.95) * 1000:.0f} ms ({len(alone)} turns)"
        )
        p50s, p95s, rates = [], [], []
        for i in range(args.runs):
            lat, elapsed, ok = asyncio.run(one_run(stack.rest_url, args.conversations))
            p50, p95 = pct(lat, 0.5) * 1000, pct(lat, 0.95) * 1000
            rate = ok / elapsed * 60
            p50s.append(p50)
            p95s.append(p95)
            rates.append(rate)
            print(
                f"run {i + 1}: {ok}/{args.conversations} filed, {len(lat)} turns, "
                f"p50 {p50:.0f} ms, p95 {p95:.0f} ms, {rate:.1f} conversations/min"
            )
        print(
            f"median of {args.runs} runs: per-turn p50 {statistics.median(p50s):.0f} ms, "
            f"p95 {statistics.median(p95s):.0f} ms, "
            f"{statistics.median(rates):.1f} conversations/min "
            f"({args.conversations} concurrent; target p95 < 300 ms)"
        )
    finally:
        stack.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
