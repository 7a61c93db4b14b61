"""The question registry (actions/data/questions.yml) against the domain, the wording and the
readers, so a question cannot exist in one place and be missing in another."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from actions import answers, forms, questions, texts
from actions import plan as planning

ROOT = Path(__file__).resolve().parents[2]
DOMAIN: dict[str, Any] = yaml.safe_load((ROOT / "bot" / "domain.yml").read_text())
REGISTRY = questions.registry()


@pytest.mark.parametrize("slot", sorted(REGISTRY))
def test_each_question_is_in_the_domain_with_its_wording_and_reader(slot: str) -> None:
    q = REGISTRY[slot]
    assert slot in DOMAIN["slots"], f"{slot}: no slot in bot/domain.yml"
    conditions = [c for m in DOMAIN["slots"][slot]["mappings"] for c in (m.get("conditions") or [])]
    for form in q.forms:
        assert slot in DOMAIN["forms"][f"{form}_form"]["required_slots"]
        assert {"active_loop": f"{form}_form", "requested_slot": slot} in conditions
    assert f"action_ask_{slot}" in DOMAIN["actions"]
    assert texts.raw(q.ask), f"{q.ask} missing from messages.yml"
    assert texts.raw(q.need), f"{q.need} missing from messages.yml"
    assert q.parser in answers.READERS
    groups = {group for _, group in planning.CHANGE_WORDS}
    assert q.change is None or q.change in groups


def test_every_form_slot_in_the_domain_is_a_registered_question() -> None:
    for form, spec in DOMAIN["forms"].items():
        for slot in spec["required_slots"]:
            assert slot in REGISTRY, f"{form} asks {slot}, which questions.yml does not list"


def test_every_button_of_every_question_reads_as_its_answer() -> None:
    """A button the assistant shows is accepted where it is shown."""
    for slot, q in REGISTRY.items():
        for button in forms.answer_buttons(slot):
            if slot == "confirm":
                continue  # "Change who" and "Yes, send it" are read by the summary's own rules
            assert answers.reads(slot, button["payload"]), f"{slot}: {button['payload']!r}"
        # Each question's buttons are that question's own
        assert q.ask in ("ask_service",) or isinstance(texts.raw(q.ask), (dict, list))


def test_pack_facts_decide_pack_questions() -> None:
    reads = questions.pack_reads("telford-wrekin")
    assert "housing_landlord" in reads["council_tenant"]
    assert questions.pack_asks("council_tenant", "housing_landlord", "luton")
    assert not questions.pack_asks("council_tenant", "waste", "luton")
    assert questions.pack_asks("child_status", "childrens_social_care", "tameside")
    assert not questions.pack_asks("child_status", "childrens_social_care", "luton")
