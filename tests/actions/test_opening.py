"""An opening that says plainly "I'm a council tenant" or "im 15 and in care" answers the
questions about them (a tester was asked both again after saying so)."""

from __future__ import annotations

import pytest

from actions.opening import answered_by


@pytest.mark.parametrize(
    ("said", "child", "answers"),
    [
        (
            "I'm a council tenant and my flat has had damp for months",
            False,
            {"council_tenant": True},
        ),
        (
            "my housing association wont fix the roof",
            False,
            {"council_tenant": False, "service": "housing_association"},
        ),
        ("I am a care leaver and my PA ignores me", False, {"child_status": ["care_leaver"]}),
        # "never" about something else is not a negation of the status (a tester's opening).
        (
            "Im 19 and a care leaver. My setting up home allowance was never paid",
            False,
            {"child_status": ["care_leaver"]},
        ),
        ("im 15 and in care and nobody listens", True, {"child_status": ["looked_after"]}),
    ],
)
def test_plain_words_answer_the_questions(
    said: str, child: bool, answers: dict[str, object]
) -> None:
    assert answered_by(said, child) == answers


@pytest.mark.parametrize(
    ("said", "child"),
    [
        # A social worker in an adult's story is not a child's status.
        ("my mum's social worker never calls her back", False),
        ("the council house next door is full of rubbish", False),
        ("my son is not in care and has no social worker", True),
    ],
)
def test_a_story_that_does_not_say_so_answers_nothing(said: str, child: bool) -> None:
    found = answered_by(said, child)
    assert "child_status" not in found or found["child_status"] == ["none"]
    assert found.get("council_tenant") is not True or "council house" not in said


def test_the_complaint_starts_with_what_the_opening_answered() -> None:
    import asyncio

    from rasa_sdk.executor import CollectingDispatcher

    from actions.session import ActionStartComplaint
    from tests.support.tracker import tracker

    said = "I'm a council tenant and the damp in my flat has been reported five times"
    t = tracker({}, said, intent="make_complaint")
    events = asyncio.run(ActionStartComplaint().run(CollectingDispatcher(), t, {}))
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots["council_tenant"] is True


def test_a_first_sentence_about_themselves_answers_who() -> None:
    import asyncio

    from rasa_sdk.executor import CollectingDispatcher

    from actions.session import ActionStartComplaint
    from tests.support.tracker import tracker

    said = (
        "Im 19 and a care leaver. My personal adviser hasnt replied to me in 2 months and my "
        "pathway plan hasnt been updated since I turned 18, and nobody answers the phone"
    )
    t = tracker({}, said, intent="make_complaint")
    events = asyncio.run(ActionStartComplaint().run(CollectingDispatcher(), t, {}))
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots["relationship"] == "self" and slots["affected_is_child"] is False
    assert slots["child_status"] == ["care_leaver"]
