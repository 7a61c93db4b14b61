"""`acknowledged_date` (issue 13): once the authority has acknowledged a complaint, every
deadline the policy counts from acknowledgement counts from that day, not from its deadline."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.calendar_oracle import working_days_after
from triage import FactsValidationError, assess

FACTS: dict[str, Any] = {
    "authority": "telford-wrekin",
    "kind": "complaint",
    "received": "2026-11-23",
    "service": "waste",
    "incident_date": "2026-10-30",
}


def test_without_it_the_clock_starts_at_the_acknowledgement_deadline() -> None:
    d = assess(FACTS).deadlines
    assert d.acknowledge_by == dt.date(2026, 11, 25)
    assert d.respond_by == working_days_after(dt.date(2026, 11, 25), 10)  # Telford 6.9.5


@pytest.mark.parametrize("acknowledged", ["2026-11-23", "2026-11-24", "2026-11-27"])
def test_deadlines_counted_from_acknowledgement_count_from_the_actual_day(
    acknowledged: str,
) -> None:
    decision = assess({**FACTS, "acknowledged_date": acknowledged})
    day = dt.date.fromisoformat(acknowledged)
    assert decision.deadlines.acknowledge_by == dt.date(2026, 11, 25)  # counted from receipt
    assert decision.deadlines.respond_by == working_days_after(day, 10)
    assert decision.deadlines.respond_by_extended == working_days_after(day, 20)
    assert any(f"acknowledgement on {acknowledged}" in r.text for r in decision.reasons)


def test_deadlines_counted_from_receipt_do_not_move() -> None:
    # Luton stage 1 counts its response from receipt; an acknowledgement date changes nothing.
    luton = {**FACTS, "authority": "luton"}
    plain = assess(luton).to_dict()["deadlines"]
    acked = assess({**luton, "acknowledged_date": "2026-11-30"}).to_dict()["deadlines"]
    assert plain == acked


def test_an_acknowledgement_before_receipt_is_refused_naming_the_field() -> None:
    with pytest.raises(FactsValidationError) as err:
        assess({**FACTS, "acknowledged_date": "2026-11-20"})
    assert err.value.field == "acknowledged_date"
    assert "before the complaint was received" in err.value.message
