"""Councils onboarded from their policy text alone (issue 15): the assistant, with no code
change, files a complaint for each through the REST channel, decided by that council's pack.

Each council needs its own stack (the action server serves one AUTHORITY), so this module starts
one per council rather than using the session's Warwickshire stack."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator

import pytest

from tests.calendar_oracle import working_days_after
from tests.support.chat import Chat
from tests.support.stack import Stack

pytestmark = pytest.mark.e2e

ANSWERS = {
    "who": "Me",
    "service": "Bins and recycling",
    "what_happened": "My bin has been missed three weeks running",
    "incident_date": "last week",
    "aware_date": "at the same time",
    "legal_check": "No",
    "circumstance_check": "None of these",
    "contractor_check": "No",
    "appeal_check": "No",
    "desired_outcome": "Collect it and say sorry",
    "name": "Jo Bloggs",
    "contact": "jo@example.com",
    "confirm": "yes",
}

# Worked out from each council's text, not from the engine: acknowledge within 5 working days
# and respond within 10 working days of the acknowledgement (Thurrock p2 Stage 1; Dacorum p1
# Stage One 2-3), so the reply is due 15 working days after the day the complaint arrives.
COUNCILS = {
    "thurrock": {"prefix": "THC-", "respond_wd": 15},
    "dacorum": {"prefix": "DBC-", "respond_wd": 15},
}


@pytest.fixture(scope="module", params=sorted(COUNCILS))
def council_stack(request: pytest.FixtureRequest) -> Iterator[Stack]:
    s = Stack(request.param)
    try:
        s.start()
        yield s
    finally:
        s.stop()


def test_new_council_files_a_corporate_complaint(council_stack: Stack) -> None:
    council = COUNCILS[council_stack.authority]
    chat = Chat(council_stack.rest_url, f"e2e-{council_stack.authority}-{uuid.uuid4().hex[:8]}")
    today = dt.date.today()
    final = chat.run("I want to make a complaint", ANSWERS)

    cases = council_stack.cases(chat.sender)
    assert len(cases) == 1, chat.log()
    case = cases[0]
    assert (case["kind"], case["service"], case["procedure"], case["outcome"], case["stage"]) == (
        "complaint",
        "waste",
        "corporate",
        "accept",
        1,
    ), chat.log()
    assert case["reference"].startswith(council["prefix"]), case["reference"]
    assert json.loads(case["contact"])["email"] == "jo@example.com"
    decision = json.loads(case["decision"])
    assert decision["authority"] == council_stack.authority
    want = working_days_after(today, council["respond_wd"])
    assert decision["deadlines"]["respond_by"] == want.isoformat(), decision["deadlines"]

    text = "\n".join(final)
    assert case["reference"] in text, chat.log()
    # the person is told the reply date the council's own policy gives
    assert want.strftime("%B") in text and str(want.day) in text, chat.log()
    # staff see the same case through the API
    assert council_stack.read_case(case["reference"])["reference"] == case["reference"]
