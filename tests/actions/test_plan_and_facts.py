from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from actions import forms
from actions.facts import build_facts, contact_block
from actions.interrupts import is_interrupt


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forms, "today", lambda: dt.date(2026, 11, 27))


def test_simple_complaint_asks_little() -> None:
    slots: dict[str, Any] = {
        "who": "Me",
        "relationship": "self",
        "affected_is_child": False,
        "service": "waste",
    }
    assert forms.complaint_plan(slots) == [
        "who",
        "service",
        "what_happened",
        "incident_date",
        "desired_outcome",
        "name",
        "contact",
        "confirm",
    ]


def test_childrens_complaint_asks_status_and_legal_question() -> None:
    slots = {
        "who": "my son",
        "relationship": "parent",
        "affected_is_child": True,
        "service": "childrens_social_care",
    }
    plan = forms.complaint_plan(slots)
    assert "child_status" in plan and "legal_check" in plan and "consent" not in plan


def test_someone_else_needs_relationship_child_question_and_consent() -> None:
    plan = forms.complaint_plan({"who": "Someone else", "relationship": None})
    assert plan[:2] == ["who", "relationship"]
    plan = forms.complaint_plan({"who": "my mum", "relationship": "relative_or_friend"})
    assert "affected_is_child" in plan and "consent" in plan


def test_old_incident_asks_when_they_found_out() -> None:
    plan = forms.complaint_plan({"service": "waste", "incident_date": "2024-06-30"})
    assert "aware_date" in plan
    plan = forms.complaint_plan({"service": "waste", "incident_date": "2026-06-30"})
    assert "aware_date" not in plan


def test_parking_asks_about_the_appeal_route() -> None:
    assert "appeal_check" in forms.complaint_plan({"service": "parking"})


def test_escalation_asks_for_the_reply_date_not_the_story() -> None:
    plan = forms.complaint_plan({"stage_requested": 2, "service": "waste"})
    assert "previous_response_date" in plan and "why_dissatisfied" in plan
    assert "what_happened" not in plan and "incident_date" not in plan


def test_anonymous_skips_contact() -> None:
    plan = forms.complaint_plan({"anonymous": True})
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
    assert is_interrupt("desired_outcome", _msg("why do you need this?", "ask_why_needed"))
    assert is_interrupt("name", _msg("start again", "start_again"))
    # a confident but wrong label on an answer is not an interrupt
    assert not is_interrupt("desired_outcome", _msg("A new social worker", "start_again"))
    assert not is_interrupt("what_happened", _msg("stop " + "word " * 12, "stop"))
    assert not is_interrupt("name", _msg("stop", "stop", confidence=0.3))
    assert is_interrupt("what_happened", _msg("my dad hits me", "safeguarding", 0.7))


def test_free_text_answers_that_sound_like_commands_are_answers() -> None:
    assert not is_interrupt("desired_outcome", _msg("Cancel the ticket", "stop"))
    assert is_interrupt("desired_outcome", _msg("stop", "stop"))
    assert is_interrupt("what_happened", _msg("start again please", "start_again"))
    assert not is_interrupt("what_happened", _msg("start again with a new worker", "start_again"))
