"""Circumstances no other question finds: read from people's words, offered where a pack
routes on them (actions/circumstances.py, data/circumstances.yml)."""

from __future__ import annotations

import pytest

from actions import circumstances
from actions.forms import answer_buttons


@pytest.mark.parametrize(
    ("words", "code"),
    [
        ("I think older men are grooming her", "cse"),
        ("it has already been looked at by the council last year", "previously_considered"),
        ("I've already gone to the ombudsman about it", "referred_to_ombudsman"),
        ("there are care proceedings in the family court", "public_law_proceedings"),
        ("the social worker's report for the court was wrong", "court_report"),
        ("they want to move her placement next week", "placement_change_proposed"),
        ("my appeal was turned down", "appeal_outcome"),
        ("I've put in an insurance claim", "insurance_claim"),
        ("it's been passed between two different departments", "multiple_services"),
    ],
)
def test_a_circumstance_is_read_from_the_persons_own_words(words: str, code: str) -> None:
    assert code in circumstances.read(words)


@pytest.mark.parametrize(
    "words",
    [
        "My bin wasn't emptied for three weeks",
        "I keep getting passed around and nobody calls back",
        "The social worker never visits",
        "An apology and for it to be put right",
    ],
)
def test_an_everyday_story_tells_of_no_circumstance(words: str) -> None:
    assert circumstances.read(words) == []


def test_the_choices_follow_the_pack_and_the_service() -> None:
    # Warwickshire routes on child protection conferences for any service; Tameside does not.
    warks = dict(circumstances.offered("childrens_social_care", "warwickshire"))
    assert "child_protection_conference" in warks
    assert "child_protection_conference" not in dict(
        circumstances.offered("childrens_social_care", "tameside")
    )
    # A choice about children's care is not offered for the bins.
    assert "child_protection_conference" not in dict(circumstances.offered("waste", "warwickshire"))


@pytest.mark.parametrize(
    "code", sorted(c for c, e in circumstances.catalogue().items() if e.button)
)
def test_every_choice_reads_as_itself(code: str) -> None:
    button = circumstances.catalogue()[code].button
    assert button is not None
    assert circumstances.answer(button, [(code, button)]) == [code]


def test_none_of_these_is_an_answer_and_nonsense_is_not() -> None:
    offered = circumstances.offered("waste", "telford-wrekin")
    assert circumstances.answer("None of these", offered) == []
    assert circumstances.answer("no", offered) == []
    assert circumstances.answer("purple", offered) is None


def test_the_buttons_shown_are_the_packs_choices_and_none() -> None:
    titles = [b["title"] for b in answer_buttons("circumstance_check", "waste")]
    assert titles[-1] == "None of these"
    assert len(titles) == len(circumstances.offered("waste")) + 1


def test_a_young_person_is_not_asked_whether_they_work_for_the_council() -> None:
    # Seen in Chromium: a 15-year-old in care was offered "I work for the council and it's
    # about my job" among eleven choices.
    adult = dict(circumstances.offered("childrens_social_care", "birmingham-childrens-trust"))
    young = dict(
        circumstances.offered("childrens_social_care", "birmingham-childrens-trust", staff=False)
    )
    staff = {c.code for c in circumstances.catalogue().values() if c.staff}
    assert staff and staff & set(adult)
    assert not staff & set(young) and set(young) == set(adult) - staff


def test_every_choice_has_its_words_in_messages() -> None:
    from actions import texts

    words = texts.template("circumstance_choices")
    choices = [c for c in circumstances.catalogue().values() if c.button]
    assert choices and all(c.button == words[c.code] for c in choices)


def test_someone_complaining_for_another_is_not_asked_about_their_own_job() -> None:
    from actions.speaker import could_be_staff
    from tests.support.tracker import tracker

    assert could_be_staff(tracker({"relationship": "self"}))
    assert not could_be_staff(tracker({"relationship": "relative_or_friend"}))
    assert not could_be_staff(tracker({"relationship": "self", "young_person": True}))
    # A 19-year-old care leaver complaining about their own care.
    assert not could_be_staff(tracker({"relationship": "self", "child_status": ["care_leaver"]}))
