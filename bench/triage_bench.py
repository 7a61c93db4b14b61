"""Triage throughput and latency: N generated facts in one process, then through `--jsonl`.

Prints decisions per second and p50/p99 per-decision latency (in-process), as the median of
several runs because these machines are noisy. Usage: python bench/triage_bench.py [N] [RUNS]
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from triage import assess, authority_ids
from triage.codes import CHILD_STATUSES, CIRCUMSTANCES, KINDS, RELATIONSHIPS, SERVICES


def generate(n: int, seed: int = 7) -> list[dict[str, Any]]:
    rnd = random.Random(seed)
    authorities = authority_ids()
    out = []
    for _ in range(n):
        received = f"2026-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        f: dict[str, Any] = {
            "authority": rnd.choice(authorities),
            "kind": "complaint" if rnd.random() < 0.85 else rnd.choice(KINDS),
            "received": received,
            "service": rnd.choice(SERVICES),
            "incident_date": f"{rnd.randint(2023, 2025)}-{rnd.randint(1, 12):02d}-"
            f"{rnd.randint(1, 28):02d}",
            "complainant": {"relationship": rnd.choice(RELATIONSHIPS)},
            "person_affected": {
                "is_child": rnd.random() < 0.4,
                "child_status": [rnd.choice(CHILD_STATUSES)],
            },
            "circumstances": rnd.sample(CIRCUMSTANCES, rnd.choice((0, 0, 0, 1, 2))),
        }
        if rnd.random() < 0.25:
            f["stage_requested"] = rnd.choice((2, 3))
            f["previous_response_date"] = received
        out.append(f)
    return out


def in_process(facts: list[dict[str, Any]]) -> tuple[float, float, float]:
    latencies = []
    start = time.perf_counter()
    for f in facts:
        t = time.perf_counter()
        assess(f)
        latencies.append(time.perf_counter() - t)
    total = time.perf_counter() - start
    q = statistics.quantiles(latencies, n=100)
    return len(facts) / total, q[49] * 1e3, q[98] * 1e3


def via_jsonl(facts: list[dict[str, Any]]) -> float:
    triage = str(Path(sys.executable).with_name("triage"))
    data = "\n".join(json.dumps(f) for f in facts) + "\n"
    start = time.perf_counter()
    proc = subprocess.run(
        [triage, "assess", "--jsonl"], input=data, capture_output=True, text=True, check=False
    )
    total = time.perf_counter() - start
    lines = proc.stdout.count("\n")
    if proc.returncode != 0 or lines != len(facts):
        raise SystemExit(f"--jsonl failed: exit {proc.returncode}, {lines} lines")
    return len(facts) / total


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    facts = generate(n)
    assess(facts[0])  # load packs and the calendar once, outside the timing
    results = [in_process(facts) for _ in range(runs)]
    rate = statistics.median(r[0] for r in results)
    p50 = statistics.median(r[1] for r in results)
    p99 = statistics.median(r[2] for r in results)
    jsonl = statistics.median(via_jsonl(facts) for _ in range(runs))
    print(f"triage bench: {n} generated facts, median of {runs} runs")
    print(f"  in-process: {rate:,.0f} decisions/s, p50 {p50:.3f} ms, p99 {p99:.3f} ms")
    print(f"  --jsonl   : {jsonl:,.0f} decisions/s (whole process, including start-up and JSON)")


if __name__ == "__main__":
    main()
