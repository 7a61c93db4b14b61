from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import caseclient, filing, render
from actions.replies import ActionTwoStrikeFallback, ReplyAction
from actions.session import ActionRestart, ActionStartEscalation
from tests.support.tracker import tracker


def _tracker(events: list[dict[str, Any]], slots: dict[str, Any] | None = None) -> Tracker:
    return tracker(slots, "x", intent="nlu_fallback", events=events)


def _run(action: Any, tracker: Tracker) -> tuple[list[dict[str, Any]], list[Any]]:
    d = CollectingDispatcher()
    events = asyncio.run(action.run(d, tracker, {}))
    return d.messages, events


def test_two_strike_fallback_offers_a_person_on_the_second_miss() -> None:
    first = [{"event": "action", "name": "action_listen"}, {"event": "user", "text": "asdf"}]
    msgs, _ = _run(ActionTwoStrikeFallback(), _tracker(first))
    assert msgs[0]["text"].startswith("Sorry, I didn't understand")
    second = [
        *first,
        {"event": "action", "name": "action_two_strike_fallback"},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "qwer"},
    ]
    msgs, _ = _run(ActionTwoStrikeFallback(), _tracker(second))
    assert "talk to a person" in msgs[0]["text"]
    assert "01952" in msgs[0]["text"]  # the pack's complaints phone number, not hard-coded text


def test_restart_runs_session_start_again() -> None:
    _, events = _run(ActionRestart(), _tracker([]))
    assert [e["event"] for e in events] == ["restart", "followup"]
    assert events[1]["name"] == "action_session_start"


def _decision(**kw: Any) -> dict[str, Any]:
    base = {
        "authority": "telford-wrekin",
        "procedure": "corporate",
        "outcome": "accept",
        "stage": 1,
        "stages_total": 2,
        "time_limit": {"status": "in_time"},
        "exclusions": [],
        "deadlines": {"acknowledge_by": "2026-11-25", "respond_by": "2026-12-09"},
        "signposts": [
            {
                "id": "lgsco",
                "name": "Local Government and Social Care Ombudsman",
                "phone": "0300 061 0614",
                "why": "x",
                "kind": "ombudsman",
                "audience": "everyone",
            }
        ],
        "flags": [],
    }
    return {**base, **kw}


def test_accepted_complaint_gives_reference_dates_and_ombudsman_in_plain_words() -> None:
    text = "\n".join(
        render.complaint_outcome(
            _decision(), reference="TW-2026-AAAAAA", young=False, contact_given=True
        )
    )
    assert "TW-2026-AAAAAA" in text
    assert "Wednesday 25 November 2026" in text and "Wednesday 9 December 2026" in text
    assert "independent ombudsman can look at it for free: Local Government and Social" in text
    assert "LGSCO" not in text and "statutory" not in text


def test_late_complaint_explains_discretion() -> None:
    text = "\n".join(
        render.complaint_outcome(
            _decision(outcome="accept_discretionary"),
            reference="R",
            young=False,
            contact_given=True,
        )
    )
    assert "time limit" in text and "good reason" in text


def test_saved_case_is_honest_about_the_outbox() -> None:
    text = "\n".join(
        render.complaint_outcome(
            _decision(), reference=None, young=False, contact_given=False, saved_receipt="AB12CD34"
        )
    )
    assert "saved" in text and "AB12CD34" in text and "Your reference is" not in text


def _complaint_slots() -> dict[str, Any]:
    return {
        "kind": "complaint",
        "stage_requested": 1,
        "service": "waste",
        "relationship": "self",
        "affected_is_child": False,
        "what_happened": "missed bin",
        "incident_date": "2026-11-20",
        "desired_outcome": "collect it",
        "name": "Jo",
        "anonymous": False,
        "contact_email": "jo@example.com",
        "contact_preferred": "email",
        "case_key": "k1",
    }


def test_filing_when_the_service_is_down_is_saved_and_said_honestly(
    tmp_path: Any, monkeypatch: Any
) -> None:
    from actions.caseclient import Filed

    monkeypatch.setenv("OUTBOX_PATH", str(tmp_path / "o.sqlite3"))
    monkeypatch.setenv("OUTBOX_POLL_SECONDS", "3600")
    monkeypatch.setenv("CASESERVICE_URL", "http://127.0.0.1:9")

    async def down(*a: Any, **k: Any) -> Filed:
        return Filed(ok=False, error="ConnectError")

    monkeypatch.setattr(caseclient, "file_case_async", down)
    msgs, _ = _run(filing.ActionFileComplaint(), _tracker([], _complaint_slots()))
    assert "Your complaint is saved" in msgs[0]["text"]
    assert filing.outbox.shared().pending_count() == 1

    async def refused(*a: Any, **k: Any) -> Filed:
        return Filed(ok=False, status=422, permanent=True, error="HTTP 422")

    monkeypatch.setattr(caseclient, "file_case_async", refused)
    slots = {**_complaint_slots(), "case_key": "k2"}
    msgs, _ = _run(filing.ActionFileComplaint(), _tracker([], slots))
    assert "couldn't send this" in msgs[0]["text"] and "01952" in msgs[0]["text"]


def test_danger_wins_over_a_misread_stop() -> None:
    from actions.replies import ActionStop

    t = Tracker(
        "t",
        {},
        {
            "text": "I can't cope any more and want to end it",
            "intent": {"name": "stop", "confidence": 0.9},
        },
        [],
        False,
        None,
        {},
        "action_listen",
    )
    msgs, events = _run(ActionStop(), t)
    assert "999" in msgs[0]["text"] and "116 123" in msgs[0]["text"]
    assert events == [{"event": "slot", "timestamp": None, "name": "safeguarding", "value": True}]


def test_starting_again_clears_every_form_answer_in_the_domain() -> None:
    from pathlib import Path

    import yaml

    from actions.conversation import FORM_SLOTS

    domain = yaml.safe_load((Path(__file__).parents[2] / "bot" / "domain.yml").read_text())
    asked = {s for form in domain["forms"].values() for s in form["required_slots"]}
    spoken = {s for s in domain["slots"] if s.endswith("_spoken")}
    assert "previous_response_channel" in asked
    assert asked | spoken <= set(FORM_SLOTS)


def _said(text: str) -> Tracker:
    return Tracker(
        "t",
        {},
        {"text": text, "intent": {"name": "escalate"}},
        [],
        False,
        None,
        {},
        "action_listen",
    )


def test_an_escalation_asks_for_the_stage_the_person_named() -> None:
    def stage(text: str) -> Any:
        _, events = _run(ActionStartEscalation(), _said(text))
        return next(e["value"] for e in events if e.get("name") == "stage_requested" and e["value"])

    assert stage("I want my complaint to go to stage 2") == 2  # was read as stage 3
    assert stage("I got the stage 2 reply and I'm still not happy") == 3
    assert stage("not happy with the answer") == 2


def _reply_actions() -> list[type[ReplyAction]]:
    found: list[type[ReplyAction]] = []
    todo: list[type[ReplyAction]] = list(ReplyAction.__subclasses__())
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return sorted(found, key=lambda c: c.__name__)


@pytest.mark.parametrize("action", _reply_actions(), ids=lambda c: c.__name__)
def test_every_reply_answers_danger_words_with_the_safety_message_first(action: Any) -> None:
    tracker = Tracker(
        "t",
        {},
        {"text": "my dad hits me and I'm scared to go home", "intent": {"name": "greet"}},
        [],
        False,
        None,
        {},
        "action_listen",
    )
    msgs, events = _run(action(), tracker)
    assert msgs and "999" in msgs[0]["text"], (action.__name__, msgs)
    assert {"event": "slot", "timestamp": None, "name": "safeguarding", "value": True} in events
