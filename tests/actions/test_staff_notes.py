"""What a person adds to an answer with no field of its own reaches staff in the case (a tester
lost "dont ring my foster carer", "text me first i work nights", a power of attorney and a
firm's name)."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import staff_notes, texts
from actions.complaint_form import ValidateComplaintForm
from tests.support.tracker import tracker


def _validate(slot: str, value: str, slots: dict[str, Any] | None = None) -> dict[str, Any]:
    form = ValidateComplaintForm()
    t = tracker(slots or {}, value, form="complaint_form")
    out: dict[str, Any] = getattr(form, f"validate_{slot}")(value, CollectingDispatcher(), t, {})
    return out


@pytest.mark.parametrize(
    ("slot", "said", "about"),
    [
        ("contact", "07700 900123 but dont ring my foster carer", "contact"),
        ("contact", "text me first on 07700900123 i work nights", "contact"),
        ("consent", "she has dementia, I have lasting power of attorney", "consent"),
        ("name", "Rebecca Hart, Hart & Co Solicitors", "name"),
    ],
)
def test_what_an_answer_adds_is_kept_for_staff(slot: str, said: str, about: str) -> None:
    out = _validate(slot, said, {"relationship": "representative"})
    assert [about, said.split(", ", 1)[1] if slot == "name" else said] in out["staff_notes"]


@pytest.mark.parametrize(
    ("slot", "said"),
    [("contact", "email me at jo@example.com please"), ("contact", "07700 900123"), ("name", "Jo")],
)
def test_a_plain_answer_adds_no_note(slot: str, said: str) -> None:
    assert "staff_notes" not in _validate(slot, said)


def test_the_name_before_the_comma_is_the_name() -> None:
    out = _validate("name", "Grace Okafor, my mum is Margaret Okafor")
    assert out["name"] == "Grace Okafor"


def test_notes_are_written_under_the_story_with_their_labels() -> None:
    labels = texts.raw("case_note_labels")
    written = staff_notes.written_into("The bins.", [["contact", "text me first"]])
    assert written.startswith("The bins.") and f"{labels['contact']}: text me first" in written
    assert staff_notes.written_into("The bins.", None) == "The bins."
