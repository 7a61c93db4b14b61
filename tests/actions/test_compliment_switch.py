"""A person who started a complaint but means a compliment ("it's not a complaint, it's a
compliment") is taken to feedback, keeping what they already said (a tester at Dacorum had to
say "start again" and tell it all twice)."""

from __future__ import annotations

import asyncio

from rasa_sdk.executor import CollectingDispatcher

from actions.interrupts import is_interrupt
from actions.session import ActionStartFeedback
from tests.support.tracker import tracker

STORY = "the bin men on Gadebridge Road are brilliant, Darren helped my husband with the bin"


def test_a_compliment_interrupts_the_complaint_questions() -> None:
    for said in ("its not a complaint its a compliment", "I want to say thank you"):
        message = {"text": said, "intent": {"name": "compliment", "confidence": 0.9}}
        assert is_interrupt("who", message), said
    # The classifier alone is not enough: the words must say it.
    message = {"text": "my son", "intent": {"name": "compliment", "confidence": 0.9}}
    assert not is_interrupt("who", message)


def test_the_story_already_told_becomes_the_compliment() -> None:
    t = tracker(
        {"what_happened": STORY, "service": "waste", "kind": "complaint"},
        "its not a complaint its a compliment",
        intent="compliment",
        form="complaint_form",
    )
    events = asyncio.run(ActionStartFeedback().run(CollectingDispatcher(), t, {}))
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert {"event": "active_loop", "name": None} in [
        {"event": e.get("event"), "name": e.get("name")} for e in events
    ]
    assert slots["kind"] == "compliment"
    assert slots["feedback_text"] == STORY
    assert slots["service"] == "waste"
