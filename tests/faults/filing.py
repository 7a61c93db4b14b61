"""Filing cases the way a careful client does (retry with the same Idempotency-Key until a 2xx),
and checking afterwards that the database holds each case once, whole."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx
from sqlalchemy import create_engine, text

TIMEOUT = httpx.Timeout(10.0, connect=2.0)


def case_body(n: int) -> dict[str, Any]:
    return {
        "facts": {
            "authority": "telford-wrekin",
            "kind": "complaint",
            "received": "2026-11-23",
            "service": "waste",
            "incident_date": "2026-10-30",
            "complainant": {"relationship": "self"},
        },
        "narrative": f"Fault test case {n}: my bin has not been collected for three weeks.",
        "desired_outcome": "Collect it.",
        "contact": {"name": f"Resident {n}", "email": f"r{n}@example.org", "preferred": "email"},
        "conversation_id": f"fault-{n}",
        "channel": "webchat",
    }


@dataclass
class Attempts:
    """What one logical filing saw: every status (or transport error) until it got a 2xx."""

    key: str
    seen: list[str] = field(default_factory=list)
    reference: str | None = None


def file_until_ok(
    base_url: str | list[str],
    auth: dict[str, str],
    n: int,
    give_up_after: float = 90,
    key: str | None = None,
    retry_on: frozenset[int] = frozenset({502, 503, 504}),
) -> Attempts:
    """Retries one case with one key until 2xx; base_url may be a list to rotate across.
    A status outside `retry_on` (e.g. a 500 where a 503 belongs) fails the caller."""
    bases = [base_url] if isinstance(base_url, str) else base_url
    result = Attempts(key=key or f"fault-{n}-{uuid.uuid4().hex[:8]}")
    deadline = time.monotonic() + give_up_after
    i = 0
    while time.monotonic() < deadline:
        base = bases[i % len(bases)]
        i += 1
        try:
            resp = httpx.post(
                f"{base}/v1/cases",
                json=case_body(n),
                headers={**auth, "Idempotency-Key": result.key},
                timeout=TIMEOUT,
            )
        except httpx.HTTPError as exc:
            result.seen.append(type(exc).__name__)
            time.sleep(0.2)
            continue
        result.seen.append(str(resp.status_code))
        if 200 <= resp.status_code < 300:
            result.reference = resp.json()["reference"]
            return result
        assert resp.status_code in retry_on, (resp.status_code, resp.text[:300])
        time.sleep(0.2)
    return result


def integrity_problems(database_url: str) -> list[str]:
    """Every stored case must be whole: its `filed` event (seq 0) and its audit entry."""
    engine = create_engine(database_url)
    problems: list[str] = []
    with engine.connect() as conn:
        no_event = conn.execute(
            text(
                "SELECT c.reference FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_events e "
                "WHERE e.case_id = c.id AND e.seq = 0 AND e.type = 'filed')"
            )
        ).scalars()
        problems += [f"{ref}: no filed event" for ref in no_event]
        no_audit = conn.execute(
            text(
                "SELECT c.reference FROM cases c WHERE NOT EXISTS (SELECT 1 FROM audit_log a "
                "WHERE a.reference = c.reference AND a.action = 'case.filed')"
            )
        ).scalars()
        problems += [f"{ref}: no audit entry" for ref in no_audit]
        orphans = conn.execute(
            text(
                "SELECT COUNT(*) FROM case_events e LEFT JOIN cases c ON c.id = e.case_id "
                "WHERE c.id IS NULL"
            )
        ).scalar_one()
        if orphans:
            problems.append(f"{orphans} events without a case")
    engine.dispose()
    return problems


def stored_keys(database_url: str) -> dict[str, str]:
    """idempotency key -> reference for every stored case."""
    engine = create_engine(database_url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT idempotency_key, reference FROM cases")).all()
    engine.dispose()
    return {k: r for k, r in rows}
