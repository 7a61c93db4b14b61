"""Properties that must hold for any well-typed facts, for every pack (hypothesis)."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from triage import assess, authority_ids, load_pack
from triage.codes import (
    CHANNELS,
    CHILD_STATUSES,
    CIRCUMSTANCES,
    KINDS,
    RELATIONSHIPS,
    SERVICES,
)

EXAMPLES = int(os.environ.get("TRIAGE_HYPOTHESIS_EXAMPLES", "300"))
dates = st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2030, 12, 31))


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


@st.composite
def facts(draw: st.DrawFn) -> dict[str, Any]:
    f: dict[str, Any] = {
        "authority": draw(st.sampled_from(authority_ids())),
        "kind": draw(st.sampled_from(KINDS)),
        "received": draw(dates).isoformat(),
        "complainant": {
            "relationship": draw(maybe(st.sampled_from(RELATIONSHIPS))),
            "anonymous": draw(maybe(st.booleans())),
            "age": draw(maybe(st.integers(0, 100))),
            "council_tenant": draw(maybe(st.booleans())),
            "consent": draw(maybe(st.sampled_from(("given", "not_given", "unknown")))),
        },
        "person_affected": {
            "is_child": draw(maybe(st.booleans())),
            "child_status": draw(maybe(st.lists(st.sampled_from(CHILD_STATUSES), max_size=3))),
        },
        "circumstances": draw(st.lists(st.sampled_from(CIRCUMSTANCES), max_size=4, unique=True)),
    }
    optional = {
        "stage_requested": st.integers(1, 3),
        "previous_response_date": dates.map(dt.date.isoformat),
        "previous_response_channel": st.sampled_from(CHANNELS),
        "stage1_response_date": dates.map(dt.date.isoformat),
        "service": st.sampled_from(SERVICES),
        "incident_date": dates.map(dt.date.isoformat),
        "aware_date": dates.map(dt.date.isoformat),
    }
    for key, strategy in optional.items():
        value = draw(maybe(strategy))
        if value is not None:
            f[key] = value
    return f


@settings(max_examples=EXAMPLES, deadline=None)
@given(facts())
def test_deadlines_are_working_days_on_or_after_received(f: dict[str, Any]) -> None:
    d = assess(f)  # never raises on well-typed facts
    cal = load_pack(d.authority).working_calendar()
    received = dt.date.fromisoformat(f["received"])
    for name in ("acknowledge_by", "respond_by", "respond_by_extended", "escalate_by"):
        day = getattr(d.deadlines, name)
        if day is not None:
            # A window or a longest time may be in calendar days or months (Thurrock: 28 days
            # to escalate, 3 months at the latest for adult social care), so those can fall on
            # any day; the standard clocks end on working days.
            assert name in ("escalate_by", "respond_by_extended") or cal.is_working_day(day), (
                name,
                day,
            )
            assert day >= received, (name, day)
    ext, respond = d.deadlines.respond_by_extended, d.deadlines.respond_by
    if ext is not None and respond is not None:
        assert ext >= respond


NOT_FOR_THE_LGSCO = frozenset(
    {
        "legal_proceedings",
        "decided_by_court_or_tribunal",
        "right_of_appeal",
        "appeal_outcome",
        "public_law_proceedings",
        "court_report",
        "referred_to_ombudsman",
        "staff_grievance",
    }
)


@settings(max_examples=EXAMPLES, deadline=None)
@given(facts())
def test_decision_rules_hold(f: dict[str, Any]) -> None:
    d = assess(f)
    codes = {e.code for e in d.exclusions}
    if f["kind"] != "complaint":
        assert d.outcome == "feedback"
    elif codes - {"not_eligible_statutory"}:
        assert d.outcome in ("redirect", "decline")
        assert d.procedure == "none"
    else:
        assert d.outcome in ("accept", "accept_discretionary")
        assert d.procedure != "none"
        assert (d.outcome == "accept_discretionary") == (
            d.time_limit.status == "late_discretionary"
        )
    assert ("out_of_time" in codes) == (d.time_limit.status == "late")
    assert all(r.ref for r in d.reasons)
    ombudsmen = {"lgsco", "housing_ombudsman"} & {s.id for s in d.signposts}
    if d.outcome in ("accept", "accept_discretionary"):
        assert ombudsmen
    if d.outcome in ("redirect", "decline"):
        # An ombudsman only where it can look at the matter (national.yaml ombudsman rules).
        no_ombudsman = f.get("service") in ("councillor_conduct", "schools") or not set(
            f.get("circumstances") or ()
        ).isdisjoint(NOT_FOR_THE_LGSCO)
        assert ombudsmen or no_ombudsman, (f, d.signposts)
        if f.get("service") == "housing_association" and "procedure_exhausted" not in codes:
            assert "lgsco" not in ombudsmen
