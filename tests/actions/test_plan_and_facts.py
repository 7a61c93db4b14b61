from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from actions import plan as planning
from actions import triage_link
from actions.facts import build_facts, contact_block
from actions.interrupts import interrupts_question


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(triage_link, "today", lambda: dt.date(2026, 11, 27))


def test_simple_complaint_asks_little() -> None:
    slots: dict[str, Any] = {
        "who": "Me",
        "relationship": "self",
        "affected_is_child": False,
        "service": "waste",
    }
    # Filled questions stay in the plan (rasa_sdk validates only planned slots) and are not
    # asked again; these are the ones left to ask.
    asked = [q for q in planning.complaint_plan(slots) if slots.get(q) is None]
    assert asked == [
        "what_happened",
        "incident_date",
        # Telford's pack excludes legal proceedings for any service (5.3), so it is asked.
        "legal_check",
        # ...and it routes on insurance claims, fraud, an earlier complaint and more for any
        # service (5.2, 5.3): one question with those as choices, and "None of these".
        "circumstance_check",
        "desired_outcome",
        "name",
        "contact",
        "confirm",
    ]


def test_childrens_complaint_asks_status_and_legal_question(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    slots = {
        "who": "my son",
        "relationship": "parent",
        "affected_is_child": True,
        "service": "childrens_social_care",
    }
    plan = planning.complaint_plan(slots)
    assert "child_status" in plan and "legal_check" in plan
    # Telford's rules turn on consent, so a parent is asked; Luton's do not.
    assert "consent" in plan
    monkeypatch.setattr(triage_link, "authority", lambda: "luton")
    assert "consent" not in planning.complaint_plan(slots)


def test_a_planned_question_stays_planned_once_answered() -> None:
    """The loop behind 'Is the person under 18?' asked for ever: a question dropped from the
    plan by its own answer is never validated, so the form rejects the turn."""
    before = {"who": "Someone else", "relationship": None}
    after = {**before, "relationship": "relative_or_friend"}
    assert "relationship" in planning.complaint_plan(before)
    assert "relationship" in planning.complaint_plan(after)
    assert "affected_is_child" in planning.complaint_plan({**after, "affected_is_child": False})


def test_care_leaver_adult_is_asked_about_care_and_tenant_about_landlord() -> None:
    adult = {"who": "Me", "relationship": "self", "affected_is_child": False}
    plan = planning.complaint_plan({**adult, "service": "childrens_social_care"})
    assert "child_status" in plan
    assert "child_status" not in planning.complaint_plan({**adult, "service": "waste"})
    assert "council_tenant" in planning.complaint_plan({**adult, "service": "housing_landlord"})
    assert "council_tenant" not in planning.complaint_plan({**adult, "service": "parking"})


def test_someone_else_needs_relationship_child_question_and_consent() -> None:
    plan = planning.complaint_plan({"who": "Someone else", "relationship": None})
    assert plan[:2] == ["who", "relationship"]
    plan = planning.complaint_plan({"who": "my mum", "relationship": "relative_or_friend"})
    assert "affected_is_child" in plan and "consent" in plan


def test_old_incident_asks_when_they_found_out() -> None:
    plan = planning.complaint_plan({"service": "waste", "incident_date": "2024-06-30"})
    assert "aware_date" in plan
    plan = planning.complaint_plan({"service": "waste", "incident_date": "2026-06-30"})
    assert "aware_date" not in plan


def test_parking_asks_about_the_appeal_route() -> None:
    assert "appeal_check" in planning.complaint_plan({"service": "parking"})


def test_escalation_asks_for_the_reply_date_not_the_story() -> None:
    plan = planning.complaint_plan({"stage_requested": 2, "service": "waste"})
    assert "previous_response_date" in plan and "why_dissatisfied" in plan
    assert "what_happened" not in plan and "incident_date" not in plan


def test_anonymous_skips_contact() -> None:
    plan = planning.complaint_plan({"anonymous": True})
    assert "contact" not in plan and plan[-1] == "confirm"


def test_facts_follow_the_contract() -> None:
    slots = {
        "kind": "complaint",
        "stage_requested": 1,
        "service": "childrens_social_care",
        "incident_date": "2026-09-30",
        "relationship": "parent",
        "affected_is_child": True,
        "child_status": ["child_in_need"],
        "circumstances": ["legal_proceedings"],
        "safeguarding": True,
        "anonymous": False,
        "name": "Sam",
        "contact_email": "s@example.com",
        "contact_preferred": "email",
    }
    facts = build_facts(slots, authority="telford-wrekin", today=dt.date(2026, 11, 27))
    assert facts == {
        "authority": "telford-wrekin",
        "kind": "complaint",
        "received": "2026-11-27",
        "service": "childrens_social_care",
        "stage_requested": 1,
        "incident_date": "2026-09-30",
        "complainant": {"relationship": "parent", "anonymous": False, "consent": "unknown"},
        "person_affected": {"is_child": True, "child_status": ["child_in_need"]},
        "circumstances": ["legal_proceedings", "safeguarding_risk"],
    }
    assert contact_block(slots) == {
        "name": "Sam",
        "email": "s@example.com",
        "phone": None,
        "address": None,
        "preferred": "email",
    }
    assert contact_block({"anonymous": True}) is None


def test_unknown_dates_are_left_out() -> None:
    facts = build_facts({"incident_date": "unknown"}, authority="luton", today=dt.date.today())
    assert "incident_date" not in facts


def _msg(text: str, intent: str, confidence: float = 0.95) -> dict[str, Any]:
    return {"text": text, "intent": {"name": intent, "confidence": confidence}}


def test_interrupts_need_the_intent_and_its_words() -> None:
    assert interrupts_question("desired_outcome", _msg("why do you need this?", "ask_why_needed"))
    assert interrupts_question("name", _msg("start again", "start_again"))
    # a confident but wrong label on an answer is not an interrupt
    assert not interrupts_question("desired_outcome", _msg("A new social worker", "start_again"))
    assert not interrupts_question("what_happened", _msg("stop " + "word " * 12, "stop"))
    assert not interrupts_question("name", _msg("stop", "stop", confidence=0.3))


def test_free_text_answers_that_sound_like_commands_are_answers() -> None:
    assert not interrupts_question("desired_outcome", _msg("Cancel the ticket", "stop"))
    assert interrupts_question("desired_outcome", _msg("stop", "stop"))
    assert interrupts_question("what_happened", _msg("start again please", "start_again"))
    assert not interrupts_question(
        "what_happened", _msg("start again with a new worker", "start_again")
    )


def test_a_skipped_reply_question_still_files_a_valid_contact() -> None:
    """'Skip this question' at "How should we reply?" leaves a name and no way to reply: the
    contact sent must still be one the case service accepts (a refused case loses it)."""
    from caseservice.schemas import Contact

    block = contact_block({"name": "Sam Taylor", "contact": "skipped", "contact_preferred": None})
    assert block is not None and block["preferred"] is None
    Contact.model_validate(block)
    block = contact_block(
        {"name": "Sam", "contact_phone": "07700 900123", "contact_preferred": "email"}
    )
    assert block is not None and block["preferred"] == "phone"
    Contact.model_validate(block)
