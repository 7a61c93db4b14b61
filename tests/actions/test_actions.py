from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import render
from actions.actions import ActionRestart, ActionTwoStrikeFallback


def _tracker(events: list[dict[str, Any]], slots: dict[str, Any] | None = None) -> Tracker:
    return Tracker(
        "t",
        slots or {},
        {"text": "x", "intent": {"name": "nlu_fallback"}},
        events,
        False,
        None,
        {},
        "action_listen",
    )


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
    assert "Local Government and Social Care Ombudsman, an independent service" in text
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
    assert "more than a year ago" in text and "good reason" in text


def test_saved_case_is_honest_about_the_outbox() -> None:
    text = "\n".join(
        render.complaint_outcome(
            _decision(), reference=None, young=False, contact_given=False, saved_receipt="AB12CD34"
        )
    )
    assert "saved" in text and "AB12CD34" in text and "Your reference is" not in text
