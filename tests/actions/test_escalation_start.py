"""Asking for a second look keeps what the opening said: the first reply's reference and the
story are how staff link the stages (a tester's Dacorum stage 2 request lost both)."""

from __future__ import annotations

import asyncio

from rasa_sdk.executor import CollectingDispatcher

from actions.session import ActionStartEscalation
from tests.support.tracker import tracker

OPENING = (
    "I had a stage 1 response from you on 10 November, reference DBC-2026-AB12CD. It just said "
    "sorry for the delay and the boiler is still broken"
)


def test_the_opening_of_an_escalation_is_kept_as_the_story() -> None:
    t = tracker({}, OPENING, intent="escalate")
    events = asyncio.run(ActionStartEscalation().run(CollectingDispatcher(), t, {}))
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots["what_happened"] == OPENING
    assert slots["stage_requested"] == 2
