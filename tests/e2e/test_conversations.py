"""Real Rasa server, action server and case service; conversations over the REST channel,
each checked in the case service's database and API."""

from __future__ import annotations

import datetime as dt
import json
import time
import uuid

import pytest

from tests.calendar_oracle import working_days_after
from tests.support.chat import Chat
from tests.support.stack import Stack

pytestmark = pytest.mark.e2e

ADULT_EMAIL = {"name": "Jo Bloggs", "contact": "jo@example.com", "confirm": "yes"}


def _sender(tag: str) -> str:
    return f"e2e-{tag}-{uuid.uuid4().hex[:8]}"


def _one_case(stack: Stack, sender: str) -> dict:
    cases = stack.cases(sender)
    assert len(cases) == 1, cases
    case = cases[0]
    case["facts"] = json.loads(case["facts"])
    return case


def test_statutory_childrens_complaint(stack: Stack) -> None:
    chat = Chat(stack.rest_url, _sender("children"))
    final = chat.run(
        "I want to complain about my daughter's social worker",
        {
            "who": "My child",
            "service": "Children's social care",
            "child_status": "Has a social worker",
            "what_happened": "She keeps cancelling visits and never rings back",
            "incident_date": "about 2 months ago",
            "legal_check": "No",
            "desired_outcome": "A social worker who keeps appointments",
            **ADULT_EMAIL,
        },
    )
    case = _one_case(stack, chat.sender)
    assert case["procedure"] == "childrens_statutory" and case["outcome"] == "accept"
    assert case["facts"]["person_affected"] == {"is_child": True, "child_status": ["child_in_need"]}
    assert case["channel"] == "api"
    text = "\n".join(final)
    assert case["reference"] in text
    assert "children and young people who get help from children's services" in text
    # the API shows the same case to staff
    assert stack.read_case(case["reference"])["reference"] == case["reference"]


def test_corporate_complaint(stack: Stack) -> None:
    chat = Chat(stack.rest_url, _sender("corporate"))
    final = chat.run(
        "I want to make a complaint",
        {
            "who": "Me",
            "service": "Bins and recycling",
            "what_happened": "My bin has been missed three weeks running",
            "incident_date": "last week",
            "desired_outcome": "Collect it and say sorry",
            **ADULT_EMAIL,
        },
    )
    case = _one_case(stack, chat.sender)
    assert (case["kind"], case["service"], case["procedure"], case["outcome"]) == (
        "complaint",
        "waste",
        "corporate",
        "accept",
    )
    assert json.loads(case["contact"])["email"] == "jo@example.com"
    assert case["desired_outcome"] == "Collect it and say sorry"
    assert "will reply by" in "\n".join(final)


def test_parking_appeal_is_sent_to_the_appeal_route(stack: Stack) -> None:
    chat = Chat(stack.rest_url, _sender("parking"))
    final = chat.run(
        "I want to complain about a parking ticket",
        {
            "who": "Me",
            "service": "Parking",
            "what_happened": "I got a ticket even though I had a valid permit on display",
            "incident_date": "3/11/26",
            "appeal_check": "Yes",
            "desired_outcome": "Cancel the ticket",
            **ADULT_EMAIL,
        },
    )
    case = _one_case(stack, chat.sender)
    assert case["outcome"] == "redirect"
    assert "right_of_appeal" in case["facts"]["circumstances"]
    assert "dealt with somewhere else" in "\n".join(final)


def test_late_complaint_is_filed_for_discretion(stack: Stack) -> None:
    chat = Chat(stack.rest_url, _sender("late"))
    final = chat.run(
        "I want to complain",
        {
            "who": "Me",
            "service": "Council housing repairs and tenancy",
            "what_happened": "The damp in my flat was never fixed after the repair visit",
            "incident_date": "June 2024",
            "aware_date": "at the same time",
            "legal_check": "No",
            "desired_outcome": "Fix the damp",
            **ADULT_EMAIL,
        },
    )
    case = _one_case(stack, chat.sender)
    assert case["outcome"] == "accept_discretionary"
    assert case["facts"]["incident_date"] == "2024-06-30"
    said = "\n".join(final)
    assert "The time limit for this complaint was" in said and "good reason" in said


def test_escalation_counts_from_when_a_second_class_reply_arrived(stack: Stack) -> None:
    # Warwickshire: 20 working days to ask for stage 2, counted from receipt; second class
    # post counts as received on the third working day after posting. Pick a posting date
    # for which an emailed reply would now be too late but a second class letter is not.
    today = dt.date.today()
    sent = today - dt.timedelta(days=1)
    while not working_days_after(sent, 20) < today:
        sent -= dt.timedelta(days=1)
    post_limit = working_days_after(working_days_after(sent, 3), 20)
    assert today <= post_limit
    chat = Chat(stack.rest_url, _sender("stage2"))
    chat.run(
        "I'm not happy with the response to my complaint",
        {
            "who": "Me",
            "service": "Roads and pavements",
            "previous_response_date": f"{sent.day}/{sent.month}/{sent.year}",
            "previous_response_channel": "Second class post",
            "why_dissatisfied": "They said they would fix the pothole and nothing happened",
            "legal_check": "No",
            "desired_outcome": "Fix the pothole",
            **ADULT_EMAIL,
        },
    )
    case = _one_case(stack, chat.sender)
    assert case["facts"]["previous_response_channel"] == "second_class_post", chat.log()
    assert case["facts"]["previous_response_date"] == sent.isoformat()
    decision = json.loads(case["decision"])
    assert decision["time_limit"] == {"status": "in_time", "limit_date": post_limit.isoformat()}
    assert (case["stage"], case["outcome"]) == (2, "accept")
    assert any("How the council sent its reply: By second class post" in t for t in chat.transcript)


def test_service_request_is_recorded_not_forced_through_the_complaint_form(stack: Stack) -> None:
    chat = Chat(stack.rest_url, _sender("service"))
    final = chat.run(
        "my bin wasn't collected",
        {
            "feedback_text": "my bin wasn't collected on Tuesday, 12 High Street",
            "feedback_reply": "no thanks",
        },
    )
    case = _one_case(stack, chat.sender)
    assert (case["kind"], case["outcome"], case["service"]) == (
        "service_request",
        "feedback",
        "waste",
    )
    assert not any("Who is the complaint about" in line for line in chat.transcript)
    assert "Your reference is" in "\n".join(final)


def test_simple_corporate_complaint_takes_at_most_eleven_messages(stack: Stack) -> None:
    # Ten, plus Telford's "Is any of these part of it?" (its policy turns away insurance and
    # compensation claims and more for any service, 5.2-5.3: a pothole that damaged a tyre is
    # exactly where that matters).
    chat = Chat(stack.rest_url, _sender("count"))
    chat.run(
        "I want to make a complaint",
        {
            "who": "Me",
            "service": "Roads and pavements",
            "what_happened": "The pothole outside my house damaged my tyre",
            "incident_date": "yesterday",
            "desired_outcome": "Fix the pothole",
            **ADULT_EMAIL,
        },
    )
    assert len(stack.cases(chat.sender)) == 1
    assert chat.sent <= 11, chat.log()


def test_case_survives_a_case_service_outage_and_arrives_once(stack: Stack) -> None:
    chat = Chat(stack.rest_url, _sender("outage"))
    answers = {
        "who": "Me",
        "service": "Bins and recycling",
        "what_happened": "The recycling crew leave rubbish all over the road",
        "incident_date": "last week",
        "desired_outcome": "Tidy up after collections",
        "name": "Jo Bloggs",
        "contact": "jo@example.com",
        "legal_check": "No",  # Warwickshire's pack excludes legal proceedings for any service
        "circumstance_check": "None of these",  # ...and routes on fraud, insurance and more
    }
    replies = chat.say("I want to make a complaint")
    while (slot := chat.question(replies)) != "confirm":
        assert slot in answers, chat.log()
        replies = chat.say(answers[slot])
    stack.stop_caseservice()
    try:
        replies = chat.say("yes")
        text = "\n".join(replies)
        assert "Your complaint is saved" in text, chat.log()
        assert stack.cases(chat.sender) == []
    finally:
        stack.start_caseservice()
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and not stack.cases(chat.sender):
        time.sleep(0.5)
    assert len(stack.cases(chat.sender)) == 1
    time.sleep(3)  # any duplicate delivery would land in this window
    assert len(stack.cases(chat.sender)) == 1
