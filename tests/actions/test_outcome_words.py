"""Generated from every scenario of every pack: the outcome message says exactly what the
decision says (issue 12), and nothing the decision does not make true.

For each scenario (triage/packs/scenarios/*.yaml, run through triage.assess) the message must
name every signpost in its place (advocate, ombudsman, other help or where a redirect goes,
emergency), name the procedure and stage by the pack's public names, give the decision's dates
as long dates, never mention a time limit where the decision sets none, and start every
sentence with a capital letter. And (the tester's defects): no "final reply" after a redirect
or decline; the next stage's window said as the rule, never "Ask by <date>"; no advocate
without a named service or how to ask for one, children's advocacy not offered as an adult's
own; no internal wording about the source document; an anonymous person promised no reply.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

import triage
from actions import render, texts
from tests.support.tracker import tracker
from triage.pack import Window

SCENARIOS = Path(__file__).resolve().parents[2] / "triage" / "packs" / "scenarios"
# Where each kind of signpost is said: the fixed words its sentences start with.
PLACES = {
    "advocacy": ("outcome_advocates", "outcome_advocates_child"),
    "ombudsman": (
        "outcome_ombudsman",
        "outcome_ombudsman_exhausted",
        "outcome_ombudsman_redirect",
        "outcome_ombudsman_decline",
    ),
    # An exclusion's signpost is where the matter goes instead: said with the redirect.
    "support": ("outcome_other_help", "outcome_redirect_contact"),
    "emergency": ("outcome_emergency",),
}
TIME_LIMIT_WORDS = re.compile(
    r"time limit|within a year|a year ago|more than a year|too late|in time", re.IGNORECASE
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
# Notes about the source document or the pack, never for the public.
INTERNAL_WORDS = re.compile(
    r"not in these pages|these pages|the pages|the document|file header|the guidance|"
    r"staff guidance|\bSection [A-C]\b|\bp\d+\b|\bsilent\b",
    re.IGNORECASE,
)
PROMISES_A_REPLY = re.compile(
    r"tell you it has your complaint|reply by|hear back|looked at again|Ask no later",
    re.IGNORECASE,
)


def _cases() -> list[Any]:
    found = []
    for path in sorted(SCENARIOS.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, sc in enumerate(doc["scenarios"]):
            found.append(pytest.param(doc["authority"], sc, id=f"{path.stem}-{i}"))
    return found


def _iso(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _iso(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_iso(v) for v in value]
    return value.isoformat() if hasattr(value, "isoformat") else value


def _starts(key: str) -> list[str]:
    entry = texts.raw(key)
    return [str(entry[w]).split("{", 1)[0] for w in ("text", "young") if entry.get(w)]


def _sentences(messages: list[str]) -> list[str]:
    return [s.strip() for m in messages for s in SENTENCE_END.split(m) if s.strip()]


@pytest.mark.parametrize(("authority", "scenario"), _cases())
def test_the_outcome_says_what_the_decision_says(
    authority: str, scenario: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AUTHORITY", authority)
    facts = {"authority": authority, **_iso(scenario["facts"])}
    try:
        decision = triage.assess(facts, authority=authority).to_dict()
    except triage.TriageError:
        pytest.skip("a scenario of invalid facts")
    if facts.get("kind", "complaint") != "complaint":
        messages = render.feedback_outcome(str(facts["kind"]), decision, "AB-2026-AAAAAA")
    else:
        affected = (facts.get("person_affected") or {}).get("is_child") is True
        messages = render.complaint_outcome(
            decision,
            reference="AB-2026-AAAAAA",
            young=False,
            contact_given=True,
            about_child=affected,
        )
        _check_complaint(decision, messages, about_child=affected)
        _check_advocates(decision, messages)
        anonymous = render.complaint_outcome(
            decision,
            reference="AB-2026-AAAAAA",
            young=False,
            contact_given=False,
            about_child=affected,
        )
        _check_anonymous(decision, anonymous)
        young = render.complaint_outcome(
            decision, reference=None, young=True, contact_given=True, saved_receipt="R-1"
        )
        _check_advocates(decision, young, young=True)
        messages = [*messages, *anonymous, *young]
    for sentence in _sentences(messages):
        first = sentence.lstrip("\"'“(")[:1]
        assert not first.isalpha() or first.isupper(), sentence
        assert not INTERNAL_WORDS.search(sentence), sentence


def _check_complaint(
    decision: dict[str, Any], messages: list[str], about_child: bool = True
) -> None:
    text = "\n".join(messages)
    for sp in decision["signposts"]:
        if (
            not about_child
            and sp.get("audience") == "children_young_people"
            and sp["kind"] in ("support", "emergency")
        ):
            # Childline is not offered to an adult about an adult; staff still see it.
            assert sp["name"] not in text, (sp["name"], messages)
            continue
        starts = [s for key in PLACES[sp["kind"]] for s in _starts(key)]
        placed = [m for m in messages if any(s and s in m for s in starts)]
        assert any(sp["name"] in m for m in placed), (sp["kind"], sp["name"], messages)
    deadlines = decision["deadlines"]
    if decision["outcome"] in ("accept", "accept_discretionary"):
        procedure, stage = render.procedure_names(decision)
        assert procedure and procedure in text, (decision["procedure"], messages)
        assert stage and stage in text, messages
        if "anonymous_no_response" in decision["flags"]:
            _check_anonymous(decision, messages)
        else:
            for key in ("acknowledge_by", "respond_by"):
                if deadlines.get(key):
                    assert render.long_date(deadlines[key]) in text, (key, messages)
            _check_next_stage(decision, text)
    else:
        # No reply comes from the council's process after a redirect or decline.
        assert "final reply" not in text, messages
    if "by then" in text:
        assert deadlines.get("acknowledge_by") or deadlines.get("respond_by"), messages
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text), messages  # no ISO dates
    if decision["time_limit"]["status"] == "no_limit":
        assert not TIME_LIMIT_WORDS.search(text), messages


def _check_next_stage(decision: dict[str, Any], text: str) -> None:
    """The window to ask for the next stage is said as the rule, not as a date counted from the
    latest possible reply (the decision keeps escalate_by for the case service)."""
    assert "Ask by" not in text, text
    escalate = decision["deadlines"].get("escalate_by")
    if escalate:
        assert render.long_date(escalate) not in text, text
    if decision["stage"] >= decision["stages_total"]:
        assert "looked at again" not in text, text
        return
    assert _starts("outcome_escalate_no_limit")[0] in text, text
    pack = render.pack_of(decision)
    window = pack.procedures[decision["procedure"]].stages[decision["stage"]].request
    if isinstance(window, Window):
        words = window.words().replace("1 year", "a year")
        assert words in text, (words, text)


def _check_advocates(decision: dict[str, Any], messages: list[str], young: bool = False) -> None:
    """Every mention of an advocate names a service or says how to ask for one; children's
    advocacy is not offered to an adult as their own; the children's procedure always says it."""
    advocates = [s for s in decision["signposts"] if s["kind"] == "advocacy"]
    how = [s for key in ("outcome_advocacy_ask_team", "outcome_advocacy_ask") for s in _starts(key)]
    for m in messages:
        if "advocate" in m.lower():
            assert any(a["name"] in m for a in advocates) or any(h in m for h in how), m
    own = [m for m in messages if any(s in m for s in _starts("outcome_advocates"))]
    for a in advocates:
        if a["audience"] == "children_young_people" and not young:
            assert not any(a["name"] in m for m in own), (a["name"], own)
    if decision["procedure"] == "childrens_statutory":
        assert any("advocate" in m for m in messages), messages


def _check_anonymous(decision: dict[str, Any], messages: list[str]) -> None:
    """Someone who left no contact details is promised no acknowledgement or reply."""
    text = "\n".join(messages)
    assert not PROMISES_A_REPLY.search(text), messages
    for key in ("acknowledge_by", "respond_by", "escalate_by"):
        day = decision["deadlines"].get(key)
        if day:
            assert render.long_date(day) not in text, (key, messages)


def _tracker(slots: dict[str, Any], text: str = "why?") -> Any:
    return tracker(slots, text, intent="why")


@pytest.mark.parametrize(
    ("authority", "slots", "limit"),
    [
        ("tameside", {"requested_slot": "incident_date", "service": "waste"}, False),
        ("telford-wrekin", {"requested_slot": "incident_date", "service": "waste"}, True),
        ("luton", {"requested_slot": "previous_response_date", "stage_requested": 2}, False),
        ("tameside", {"requested_slot": "previous_response_date", "stage_requested": 2}, False),
    ],
)
def test_why_a_date_is_asked_mentions_a_time_limit_only_where_the_decision_has_one(
    authority: str, slots: dict[str, Any], limit: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio

    from rasa_sdk.executor import CollectingDispatcher

    from actions.replies import ActionExplainWhy

    monkeypatch.setenv("AUTHORITY", authority)
    d = CollectingDispatcher()
    asyncio.run(ActionExplainWhy().run(d, _tracker({"kind": "complaint", **slots}), {}))
    assert bool(TIME_LIMIT_WORDS.search(d.messages[0]["text"])) is limit, d.messages


def test_an_old_date_is_not_called_old_where_there_is_no_time_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from actions import plan

    slots = {"kind": "complaint", "service": "waste", "incident_date": "2020-01-01"}
    monkeypatch.setenv("AUTHORITY", "tameside")
    assert "aware_date" not in plan.complaint_plan(slots)
    monkeypatch.setenv("AUTHORITY", "telford-wrekin")
    assert "aware_date" in plan.complaint_plan(slots)


def _filing_slots() -> dict[str, Any]:
    return {
        "kind": "complaint",
        "stage_requested": 1,
        "service": "waste",
        "relationship": "self",
        "what_happened": "missed bin",
        "name": "Jo",
        "anonymous": False,
        "contact_email": "jo@example.com",
        "contact_preferred": "email",
    }


def test_once_filed_the_person_is_told_the_case_services_decision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio

    from rasa_sdk.executor import CollectingDispatcher

    from actions import caseclient, filing

    monkeypatch.setenv("AUTHORITY", "telford-wrekin")
    monkeypatch.setenv("OUTBOX_PATH", str(tmp_path / "o.sqlite3"))
    local = triage.assess(
        {"kind": "complaint", "service": "waste", "received": "2026-11-23"},
        authority="telford-wrekin",
    ).to_dict()
    # The case service's decision differs (it decided on another day): that one is said.
    service = {**local, "deadlines": {**local["deadlines"], "respond_by": "2026-12-11"}}

    async def filed(*a: Any, **k: Any) -> caseclient.Filed:
        return caseclient.Filed(ok=True, reference="TW-2026-AAAAAA", status=201, decision=service)

    monkeypatch.setattr(caseclient, "file_case_async", filed)
    d = CollectingDispatcher()
    slots = {**_filing_slots(), "case_key": "filed-1"}
    asyncio.run(filing.ActionFileComplaint().run(d, _tracker(slots, "yes"), {}))
    text = "\n".join(m["text"] for m in d.messages)
    assert "Friday 11 December 2026" in text and "provisional" not in text

    async def down(*a: Any, **k: Any) -> caseclient.Filed:
        return caseclient.Filed(ok=False, error="ConnectError")

    monkeypatch.setattr(caseclient, "file_case_async", down)
    d = CollectingDispatcher()
    slots = {**_filing_slots(), "case_key": "queued-1"}
    asyncio.run(filing.ActionFileComplaint().run(d, _tracker(slots, "yes"), {}))
    text = "\n".join(m["text"] for m in d.messages)
    assert "saved" in text and "provisional" in text


def test_the_case_client_keeps_the_decision_the_service_returned() -> None:
    import dataclasses

    import httpx

    from actions.caseclient import file_case
    from actions.settings import settings

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(201, json={"reference": "TW-1", "decision": {"outcome": "accept"}})

    s = dataclasses.replace(settings(), caseservice_url="http://cs.test")
    got = file_case(s, "k", {}, transport=httpx.MockTransport(handler))
    assert got.ok and got.decision == {"outcome": "accept"}


# Pieces used inside a sentence, never said on their own.
FRAGMENTS = ("contact_labels", "that_date", "date_words", "outcome_window_from")


def test_every_sentence_in_messages_yml_starts_with_a_capital() -> None:
    data = yaml.safe_load((Path(texts.__file__).parent / "data" / "messages.yml").read_text())

    def strings(value: Any) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [s for v in value.values() for s in strings(v)]
        if isinstance(value, list):
            return [s for v in value for s in strings(v)]
        return []

    for key, value in data.items():
        if key in FRAGMENTS:
            continue
        for sentence in _sentences(strings(value)):
            first = sentence.lstrip("\"'“(•").strip()[:1]
            assert not first.isalpha() or first.isupper(), (key, sentence)
