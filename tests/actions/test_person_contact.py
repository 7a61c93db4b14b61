"""'Talk to a person' always says how to reach one: a phone, email or web address from the
pack, or, where the policy gives none, that the details are on the council's own website (a
tester at Tameside and at Birmingham Children's Trust was given a team name alone)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from actions import render, texts, triage_link

PACKS = sorted(
    p.stem for p in (Path(__file__).resolve().parents[2] / "triage" / "packs").glob("*.yaml")
)
AUTHORITIES = [a for a in PACKS if a != "national"]
REACHABLE = re.compile(r"\bphone\b|\bemail\b|\bwebsite\b|https?://|@")


@pytest.mark.parametrize("authority", AUTHORITIES)
def test_talk_to_a_person_says_how(authority: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUTHORITY", authority)
    said = render.person_contact()
    fallback = texts.say("person_no_details", council=triage_link.council_name())
    assert REACHABLE.search(said) or said == fallback, said
    # The fallback is used only where the pack really has no way to reach the team.
    assert (said == fallback) == (render.reachable(render.complaints_contact()) == "")


@pytest.mark.parametrize("authority", AUTHORITIES)
def test_help_never_promises_an_advocate_it_cannot_name(
    authority: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio

    from rasa_sdk.executor import CollectingDispatcher

    from actions.replies import ActionHelp
    from tests.support.tracker import tracker

    monkeypatch.setenv("AUTHORITY", authority)
    d = CollectingDispatcher()
    asyncio.run(ActionHelp().run(d, tracker({}, "can I have some help", intent="request_help"), {}))
    said = "\n".join(m.get("text") or "" for m in d.messages)
    named = triage_link.advocates(about_child=False)
    assert all(render.contact_line(a) in said for a in named)
    assert render.person_contact() in said
    if not named:
        assert "advocate is someone on your side" not in said, said
