"""After the safety reply for immediate danger no question follows in the same turn; the
person's next message saying they want to carry on ("carry on", "ok", "I'm ready", "yes",
"continue", "go on") starts the complaint with the story they told kept, however the classifier
read it ('stop', 'yes', not understood). "stop" still stops. (A tester found "carry on" read as
'stop', "ok" and "I'm ready" sent back to the greeting, and the story lost.)"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import texts
from actions.complaint_form import ValidateComplaintForm
from actions.conversation import says_carry_on
from actions.replies import ActionGoodbye, ActionGreet, ActionStop, ActionTwoStrikeFallback
from actions.safety import assess_danger, is_safety_reply, safety_message
from actions.session import ActionStartComplaint
from tests.support.tracker import tracker

STORY = (
    "I want to complain about the housing officer. My ex is outside my flat with a knife right "
    "now and they never moved us like they promised"
)


def _run(action: Any, t: Tracker) -> tuple[list[str], list[dict[str, Any]]]:
    d = CollectingDispatcher()
    events = asyncio.run(action.run(d, t, {}))
    return [str(m.get("text") or "") for m in d.messages], events


def _user(text: str, intent: str) -> dict[str, Any]:
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}}


def _after_the_safety_reply(
    text: str, intent: str, story: str = STORY, read_as: str = "make_complaint"
) -> Tracker:
    """The story told (read as `read_as`) and answered with the safety reply, then `text`."""
    events = [
        {"event": "action", "name": "action_listen"},
        _user(story, read_as),
        {"event": "action", "name": "action_start_complaint"},
        {"event": "bot", "text": safety_message(story)},
        {"event": "slot", "name": "safeguarding", "value": True},
        {"event": "action", "name": "action_listen"},
        _user(text, intent),
    ]
    return tracker({"safeguarding": True}, text, intent=intent, events=events)


def _slots(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def _followups(events: list[dict[str, Any]]) -> list[str]:
    return [e["name"] for e in events if e.get("event") == "followup"]


def test_the_story_is_immediate_danger_and_no_question_follows_it() -> None:
    found = assess_danger(STORY)
    assert found is not None and found.category == "immediate_danger"
    t = tracker({}, STORY, intent="make_complaint", events=[_user(STORY, "make_complaint")])
    said, events = _run(ActionStartComplaint(), t)
    assert len(said) == 1 and is_safety_reply(said[0])
    assert _followups(events) == ["action_listen"]


@pytest.mark.parametrize(
    ("text", "intent", "action"),
    [
        ("carry on", "stop", ActionStop),  # as the classifier once read it
        ("carry on", "affirm", ActionGreet),
        ("ok", "affirm", ActionGreet),
        ("I'm ready", "nlu_fallback", ActionTwoStrikeFallback),
        ("yes", "affirm", ActionGreet),
        ("continue", "stop", ActionStop),
        ("go on", "nlu_fallback", ActionTwoStrikeFallback),
        ("Yes please, let's carry on", "affirm", ActionGreet),
    ],
)
def test_carry_on_after_the_safety_reply_starts_the_complaint_with_the_story_kept(
    text: str, intent: str, action: type
) -> None:
    said, events = _run(action(), _after_the_safety_reply(text, intent))
    slots = _slots(events)
    assert slots["what_happened"] == STORY  # never asked again
    assert slots["kind"] == "complaint" and slots["safeguarding"] is True
    assert _followups(events) == ["complaint_form"]
    assert texts.say("stop") not in said and texts.say("start_complaint") in said
    # A reminder of 999 first, which the form's check knows as the safety reply given.
    assert is_safety_reply(said[0])


def test_asking_to_carry_on_with_the_complaint_keeps_the_story_too() -> None:
    text = "I'm ready to carry on with my complaint"
    said, events = _run(ActionStartComplaint(), _after_the_safety_reply(text, "make_complaint"))
    assert _slots(events)["what_happened"] == STORY
    assert texts.say("start_complaint") in said


def test_the_form_reads_the_kept_story_without_saying_the_safety_reply_again() -> None:
    t = _after_the_safety_reply("carry on", "stop")
    said, events = _run(ActionStop(), t)
    bot = [{"event": "bot", "text": s} for s in said]
    form = tracker(
        _slots(events),
        "carry on",
        intent="stop",
        events=[*t.events, *bot, *events],
        form="complaint_form",
    )
    d = CollectingDispatcher()
    out = ValidateComplaintForm().validate_what_happened(STORY, d, form, {})
    assert out["what_happened"] == STORY
    assert d.messages == []


def test_stop_after_the_safety_reply_still_stops() -> None:
    said, events = _run(ActionStop(), _after_the_safety_reply("stop", "stop"))
    assert said == [texts.say("stop")]
    assert "complaint_form" not in _followups(events)
    assert _slots(events).get("what_happened") is None


def test_no_after_the_safety_reply_is_not_carrying_on() -> None:
    said, events = _run(ActionGoodbye(), _after_the_safety_reply("no", "deny"))
    assert said == [texts.say("goodbye")] and not _followups(events)


def test_a_danger_story_not_about_a_complaint_starts_one_without_it() -> None:
    story = "there's a man with a knife outside my front door right now"
    t = _after_the_safety_reply("ok", "affirm", story, read_as="safeguarding")
    said, events = _run(ActionGreet(), t)
    slots = _slots(events)
    assert slots["what_happened"] is None and _followups(events) == ["complaint_form"]
    assert said == [texts.say("start_complaint")]


def test_ok_without_a_safety_reply_before_it_is_the_greeting_as_before() -> None:
    events = [
        {"event": "action", "name": "action_listen"},
        _user("hello", "greet"),
        {"event": "bot", "text": "Hello"},
        {"event": "action", "name": "action_listen"},
        _user("ok", "affirm"),
    ]
    said, out = _run(ActionGreet(), tracker({}, "ok", intent="affirm", events=events))
    assert not _followups(out) and texts.say("start_complaint") not in said


@pytest.mark.parametrize(
    ("text", "carry_on"),
    [
        ("carry on", True),
        ("OK.", True),
        ("I'm ready", True),
        ("go on then", True),
        ("i want to continue", True),
        ("I don't want to carry on", False),
        ("stop", False),
        ("ok thanks", False),
        ("not now", False),
    ],
)
def test_what_counts_as_carrying_on(text: str, carry_on: bool) -> None:
    assert says_carry_on(text) is carry_on
