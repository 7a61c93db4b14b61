"""How the council's earlier reply was sent: asked only where the pack has deemed-receipt rules
(Warwickshire), read from free text, carried into the facts, and changing the decision."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import asks, filing, triage_link
from actions import plan as planning
from actions.complaint_form import ValidateComplaintForm
from actions.facts import build_facts
from actions.interrupts import answer_for
from actions.reply_channel import UNKNOWN, read_channel
from actions.summary import summary
from tests.calendar_oracle import working_days_after
from tests.support.tracker import tracker, typed

SENT = dt.date(2026, 10, 1)  # a Thursday, with no bank holiday for the next six weeks


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(triage_link, "today", lambda: dt.date(2026, 11, 27))


@pytest.fixture
def warwickshire(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUTHORITY", "warwickshire")


@pytest.fixture
def telford(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUTHORITY", "telford-wrekin")


def _stage2() -> dict[str, Any]:
    return {"who": "Me", "relationship": "self", "service": "highways", "stage_requested": 2}


@pytest.mark.usefixtures("warwickshire")
def test_warwickshire_asks_how_the_reply_came_right_after_its_date() -> None:
    plan = planning.complaint_plan(_stage2())
    at = plan.index("previous_response_date")
    assert plan[at + 1] == "previous_response_channel"
    assert plan[at + 2] == "why_dissatisfied"


@pytest.mark.usefixtures("warwickshire")
def test_not_asked_for_a_new_complaint_or_without_a_reply_date() -> None:
    assert "previous_response_channel" not in planning.complaint_plan(
        {"who": "Me", "relationship": "self", "service": "highways", "stage_requested": 1}
    )
    for date in ("unknown", planning.SKIPPED):
        plan = planning.complaint_plan({**_stage2(), "previous_response_date": date})
        assert "previous_response_channel" not in plan


@pytest.mark.usefixtures("telford")
def test_not_asked_where_the_pack_is_silent_on_deemed_receipt() -> None:
    plan = planning.complaint_plan(_stage2())
    assert "previous_response_date" in plan and "previous_response_channel" not in plan


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("Email", "email"),
        ("First class post", "first_class_post"),
        ("Second class post", "second_class_post"),
        ("Given to me in person", "in_person"),
        ("they emailed me", "email"),
        ("it came by e-mail", "email"),
        ("2nd class", "second_class_post"),
        ("a second-class letter", "second_class_post"),
        ("1st class letter", "first_class_post"),
        ("by hand", "in_person"),
        ("someone hand delivered it", "in_person"),
        ("they gave it to me at a meeting", "in_person"),
        ("letter", UNKNOWN),
        ("it came in the post", UNKNOWN),
        ("Not sure", UNKNOWN),
        ("don't know", UNKNOWN),
        ("they rang me", UNKNOWN),
        ("banana", None),
        ("yes", None),
    ],
)
def test_free_text_maps_to_a_channel(text: str, channel: str | None) -> None:
    assert read_channel(text) == channel


def _tracker(
    slots: dict[str, Any],
    text: str,
    intent: str = "inform",
    requested: str = "previous_response_channel",
) -> Tracker:
    return tracker(
        {**slots, "requested_slot": requested},
        text,
        intent=intent,
        confidence=0.9,
        events=typed(text),
        form="complaint_form",
    )


def _validate(value: str, slots: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    d = CollectingDispatcher()
    out = ValidateComplaintForm().validate_previous_response_channel(
        value, d, _tracker(slots, value), {}
    )
    return out, [m.get("text") or "" for m in d.messages]


def test_a_letter_or_not_sure_is_accepted_without_asking_again() -> None:
    for text in ("a letter", "not sure"):
        out, said = _validate(text, {})
        assert out == {"previous_response_channel": UNKNOWN} and said == []


def test_two_unreadable_answers_explain_and_offer_skip_never_a_loop() -> None:
    out, said = _validate("purple", {})
    assert out["previous_response_channel"] is None
    assert said[0].startswith("Sorry, I didn't get that.") and "Second class post" in said[0]
    out, said = _validate("purple", {"strikes": out["strikes"]})
    assert "skip" in said[0] and "talk to a person" in said[0]
    out, _ = _validate("skip", {"strikes": out["strikes"]})
    assert out == {"previous_response_channel": planning.SKIPPED}


def test_a_button_answer_is_not_taken_for_a_request_for_a_person() -> None:
    # "person" is one of the words of "I want someone to help me"; here it is an answer.
    tracker = _tracker({}, "Given to me in person", intent="request_help")
    assert answer_for("previous_response_channel", tracker) == {
        "previous_response_channel": "Given to me in person"
    }
    # The same words to another question stay a request for help.
    other = _tracker({}, "a person please", intent="request_help", requested="name")
    assert answer_for("name", other) == {}


def test_the_question_has_plain_words_and_buttons() -> None:
    d = CollectingDispatcher()
    ask = next(a for a in asks.ASK_ACTIONS if a.slot == "previous_response_channel")()
    asyncio.run(ask.run(d, _tracker({}, ""), {}))
    assert d.messages[0]["text"] == "How did the council send you its reply?"
    assert [b["title"] for b in d.messages[0]["buttons"]] == [
        "Email",
        "First class post",
        "Second class post",
        "Given to me in person",
        "Not sure",
    ]


def test_facts_carry_the_channel_only_for_an_escalation_and_only_when_known() -> None:
    slots = {**_stage2(), "previous_response_date": SENT.isoformat()}
    today = dt.date(2026, 11, 2)
    facts = build_facts(
        {**slots, "previous_response_channel": "second_class_post"},
        authority="warwickshire",
        today=today,
    )
    assert facts["previous_response_channel"] == "second_class_post"
    assert facts["previous_response_date"] == SENT.isoformat()
    for unset in (UNKNOWN, planning.SKIPPED, None):
        facts = build_facts(
            {**slots, "previous_response_channel": unset}, authority="warwickshire", today=today
        )
        assert "previous_response_channel" not in facts
    stage1 = {**slots, "stage_requested": 1, "previous_response_channel": "email"}
    assert "previous_response_channel" not in build_facts(
        stage1, authority="warwickshire", today=today
    )


def test_summary_shows_it_and_it_can_be_changed_on_its_own() -> None:
    slots = {**_stage2(), "previous_response_channel": "second_class_post"}
    assert "• How the council sent its reply: By second class post" in summary(slots)
    assert "How the council sent" not in summary(_stage2())
    d = CollectingDispatcher()
    out = ValidateComplaintForm().validate_confirm(
        "Change how the reply was sent", d, _tracker(slots, "x"), {}
    )
    assert out == {"previous_response_channel": None, "confirm": None}
    out = ValidateComplaintForm().validate_confirm(
        "change the date it was sent", d, _tracker(slots, "x"), {}
    )
    assert out["previous_response_date"] is None and "previous_response_channel" not in out


def test_the_change_button_is_offered_only_when_the_summary_shows_it() -> None:
    def titles(slots: dict[str, Any]) -> list[str]:
        return [b["title"] for b in asks.ActionAskConfirm().buttons(_tracker(slots, ""))]

    shown = titles({**_stage2(), "previous_response_channel": "email"})
    assert shown[shown.index("Change the date") + 1] == "Change how the reply was sent"
    assert "Change how the reply was sent" not in titles(_stage2())


@pytest.mark.usefixtures("warwickshire")
def test_second_class_post_moves_the_escalation_window_on_a_boundary_date() -> None:
    # Warwickshire: ask for stage 2 within 20 (working) days of receiving the reply; email is
    # received the day it is sent, second class post on the third working day after posting.
    email_limit = working_days_after(SENT, 20)
    post_limit = working_days_after(working_days_after(SENT, 3), 20)
    received = working_days_after(email_limit, 1)  # one working day too late by email
    assert email_limit < received <= post_limit

    def decide(channel: str) -> dict[str, Any]:
        slots = {
            **_stage2(),
            "previous_response_date": SENT.isoformat(),
            "previous_response_channel": channel,
        }
        return triage_link.assess(build_facts(slots, authority="warwickshire", today=received))

    by_email, by_post = decide("email"), decide("second_class_post")
    assert by_email["time_limit"] == {"status": "late", "limit_date": email_limit.isoformat()}
    assert by_email["outcome"] != "accept"
    assert by_post["time_limit"] == {"status": "in_time", "limit_date": post_limit.isoformat()}
    assert by_post["outcome"] == "accept" and by_post["stage"] == 2


@pytest.mark.usefixtures("warwickshire")
def test_filing_sends_the_channel_to_triage_and_the_case(monkeypatch: pytest.MonkeyPatch) -> None:
    email_limit = working_days_after(SENT, 20)
    received = working_days_after(email_limit, 1)
    monkeypatch.setattr(triage_link, "today", lambda: received)
    bodies: list[dict[str, Any]] = []

    async def filed(body: dict[str, Any], key: str) -> tuple[str, None]:
        bodies.append(body)
        return "WCC-2026-AAAAAA", None

    monkeypatch.setattr(filing, "file_now", filed)
    said: dict[str, str] = {}
    for channel in ("email", "second_class_post"):
        slots = {
            **_stage2(),
            "kind": "complaint",
            "previous_response_date": SENT.isoformat(),
            "previous_response_channel": channel,
            "why_dissatisfied": "The pothole is still there",
            "desired_outcome": "Fix it",
            "name": "Jo",
            "anonymous": False,
            "contact_email": "jo@example.com",
            "case_key": channel,
        }
        d = CollectingDispatcher()
        asyncio.run(filing.ActionFileComplaint().run(d, _tracker(slots, "yes"), {}))
        said[channel] = "\n".join(m.get("text") or "" for m in d.messages)
    assert [b["facts"]["previous_response_channel"] for b in bodies] == [
        "email",
        "second_class_post",
    ]
    assert "can't look at this as a complaint" in said["email"]
    assert "the Customer Relations Team reviews" in said["second_class_post"]


def test_not_sure_of_the_reply_date_gets_one_month_question_not_two() -> None:
    d = CollectingDispatcher()
    out = ValidateComplaintForm().validate_previous_response_date(
        "not sure", d, _tracker({}, "not sure", requested="previous_response_date"), {}
    )
    assert "month and year" in d.messages[0]["text"]
    ask = asks.ActionAskPreviousResponseDate()
    d = CollectingDispatcher()
    slots = {"date_unsure": out["date_unsure"]}
    asyncio.run(ask.run(d, _tracker(slots, "", requested="previous_response_date"), {}))
    assert d.messages == []  # the month question above is the only question
    d = CollectingDispatcher()
    asyncio.run(ask.run(d, _tracker({}, "", requested="previous_response_date"), {}))
    assert d.messages[0]["text"].startswith("When did you get the council's reply")
