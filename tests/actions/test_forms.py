from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import plan as planning
from actions import texts, triage_link
from actions.complaint_form import ValidateComplaintForm
from tests.support.tracker import tracker


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(triage_link, "today", lambda: dt.date(2026, 11, 27))


def _tracker(slots: dict[str, Any], text: str = "") -> Tracker:
    return tracker(slots, text, form="complaint_form")


def _validate(slot: str, value: str, slots: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    d = CollectingDispatcher()
    form = ValidateComplaintForm()
    out = getattr(form, f"validate_{slot}")(value, d, _tracker(slots, value), {})
    return out, [m.get("text") or "" for m in d.messages]


def test_not_sure_gets_a_month_question_then_is_accepted_never_a_loop() -> None:
    out, said = _validate("incident_date", "not sure", {})
    assert out["incident_date"] is None and "month and year" in said[0]
    out, said = _validate("incident_date", "no idea", {"date_unsure": out["date_unsure"]})
    assert out == {"incident_date": "unknown"}


def test_dates_are_read_back() -> None:
    out, said = _validate("incident_date", "last March", {})
    assert out["incident_date"] == "2026-03-31"
    assert said == ["Got it — March 2026."]


def test_two_failed_answers_explain_and_offer_skip_or_stop() -> None:
    out, said = _validate("who", "purple", {})
    assert out["who"] is None and said[0].startswith("Sorry, I didn't get that.")
    out, said = _validate("who", "purple", {"strikes": out["strikes"]})
    assert "skip" in said[0] and "talk to a person" in said[0] and "01952 382006" in said[0]
    assert out["reasked"] == "who"  # the offer replaces the question this turn
    out, said = _validate("who", "skip", {"strikes": out["strikes"]})
    assert out == {"who": planning.SKIPPED}


def test_a_third_miss_leaves_the_question_out() -> None:
    out, _ = _validate("who", "purple", {})
    out, _ = _validate("who", "purple", {"strikes": out["strikes"]})
    out, said = _validate("who", "purple", {"strikes": out["strikes"]})
    assert out["who"] == planning.SKIPPED and "leave that question out" in said[0]


def test_talk_to_a_person_gives_the_contact_and_carries_on() -> None:
    out, said = _validate("relationship", "Talk to a person", {})
    assert out == {"relationship": planning.SKIPPED} and "01952 382006" in said[0]


def test_danger_words_in_an_answer_stop_for_safety_first() -> None:
    out, said = _validate("what_happened", "my dad hits me", {})
    # The story is kept and read (nothing the person told us is lost), and safety comes
    # first; the form's run() flags the case, having seen the safety reply this turn.
    assert out["what_happened"] == "my dad hits me"
    assert "999" in said[0] and "0800 1111" in said[0] and "116 123" in said[0]
    out, said = _validate("who", "he hits me", {})
    assert out == {"who": None, "safeguarding": True} and "999" in said[0]


def test_summary_change_clears_only_that_part() -> None:
    out, _ = _validate("confirm", "Change the date", {})
    assert out["incident_date"] is None and out["confirm"] is None
    assert "desired_outcome" not in out
    out, _ = _validate("confirm", "yes, send it", {})
    assert out == {"confirm": True}


def test_complained_before_turns_into_an_escalation() -> None:
    out, _ = _validate("complained_before", "yes", {"what_happened": "still broken again"})
    assert out["stage_requested"] == 2 and out["why_dissatisfied"] == "still broken again"


def test_young_person_is_offered_an_advocate_early() -> None:
    out, said = _validate("who", "me, im 14", {})
    assert out["young_person"] is True and out["complainant_age"] == 14
    assert "advocate" in said[0].lower()


def test_a_vague_date_is_read_back_as_said_with_the_date_used() -> None:
    out, said = _validate("incident_date", "in the summer", {})
    assert out["incident_date"] == "2026-08-31"  # the latest day the summer could mean
    assert said == ["Got it — the summer of 2026 (I'll note it as August 2026)."]
    # The summary and the later questions repeat the same honest words.
    assert out["incident_date_spoken"] == "the summer of 2026 (I'll note it as August 2026)"


def test_change_contact_details_clears_the_contact_not_the_story() -> None:
    # "details" also means the story ("change the details"), but not after "contact".
    out, _ = _validate("confirm", "Change contact details", {})
    assert out["contact"] is None and out["name"] is None
    assert "what_happened" not in out
    out, _ = _validate("confirm", "change the details", {})
    assert out["what_happened"] is None and "contact" not in out


def test_an_old_date_is_read_back_once_by_the_question_that_follows() -> None:
    from actions.asks import ActionAskAwareDate

    out, said = _validate("incident_date", "about two years ago", {})
    assert out["incident_date"] == "2024-11-30" and said == []
    assert planning.complaint_plan({"incident_date": out["incident_date"]}).count("aware_date") == 1
    d = CollectingDispatcher()
    asyncio.run(ActionAskAwareDate().run(d, _tracker(out, ""), {}))
    assert d.messages[0]["text"].startswith(
        "Got it — about two years ago (I'll note it as November 2024). That's more than a year ago."
    )


def test_a_year_ago_from_29_february(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(triage_link, "today", lambda: dt.date(2028, 2, 29))
    assert planning.over_a_year_ago("2027-02-27") and not planning.over_a_year_ago("2027-02-28")


def test_prefilled_codes_are_kept_when_the_form_starts() -> None:
    """Rasa validates pre-filled slots as a form starts: 'my daughter's social worker' set
    relationship 'parent', which must not be read again as if the person had typed it."""
    out, said = _validate("relationship", "parent", {})
    assert out == {"relationship": "parent"} and said == []
    out, said = _validate("consent", "unknown", {})
    assert out == {"consent": "unknown"} and said == []


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("her name is Mary Smith", "Mary Smith"),
        ("alex jones", "Alex Jones"),
        ("He's called Tom O'Neill", "Tom O'Neill"),
        ("I'd rather not say", "skipped"),
    ],
)
def test_the_name_of_the_person_complained_for_is_kept(said: str, kept: str) -> None:
    slots = {"who": "someone else", "relationship": "relative_or_friend"}
    out, _ = _validate("affected_name", said, slots)
    assert out["affected_name"] == kept


def test_whose_name_is_asked_only_for_someone_else() -> None:
    for_self = planning.complaint_plan({"relationship": "self", "service": "waste"})
    for_mum = planning.complaint_plan({"relationship": "relative_or_friend", "service": "waste"})
    assert "affected_name" not in for_self
    assert for_mum.index("affected_name") < for_mum.index("name")


def test_the_name_of_the_person_complained_for_goes_with_the_contact() -> None:
    from actions.facts import contact_block

    slots = {"name": "Sam", "contact_email": "s@example.com", "affected_name": "Mary Smith"}
    assert (contact_block(slots) or {})["on_behalf_of"] == "Mary Smith"
    anonymous = contact_block({"anonymous": True, "affected_name": "Mary Smith"})
    assert anonymous == {"on_behalf_of": "Mary Smith"}
    assert "on_behalf_of" not in (contact_block({**slots, "affected_name": "skipped"}) or {})


def test_a_story_told_at_the_who_question_is_kept_not_refused() -> None:
    story = (
        "I got a towing charge 18 months ago after my car was taken from outside my own house "
        "and nobody has ever answered my letters about it"
    )
    out, said = _validate("who", story, {})
    assert out["who"] is None and out["what_happened"] == story
    assert out.get("service") == "parking"
    assert said == [texts.say("story_kept")]
    assert "strikes" not in out
    # Told once: a second story at the same question is a misunderstanding as before.
    again, said_again = _validate("who", story, {"what_happened": story})
    assert "what_happened" not in again and said_again[0].startswith("Sorry")


def test_a_corrected_date_at_the_found_out_question_corrects_when_it_happened() -> None:
    # "the summer of 2025 ... That's more than a year ago. When did you find out?" - "no i
    # meant this summer, july 2026": the tester's correction was filed as when they found out.
    slots = {"who": "me", "relationship": "self", "incident_date": "2025-08-31"}
    out, said = _validate("aware_date", "no i meant this summer, july 2026", slots)
    assert out["incident_date"] == "2026-07-31" and out["aware_date"] is None
    assert said and "July 2026" in said[0]
    kept, _ = _validate("aware_date", "no idea, maybe march", slots)
    assert "incident_date" not in kept


def test_the_advocate_is_offered_once_to_a_young_person() -> None:
    # The opening "im 15 n in care..." offered it; the form reading that opening must not.
    said = "im 15 n in care and my social worker keeps cancelling"
    _, first = _validate("who", said, {})
    _, again = _validate("who", said, {"young_person": True})
    assert len(first) == 1 and again == []


def test_a_story_in_the_service_answer_is_kept_as_what_happened() -> None:
    # Seen in Chromium: the story given with the service was asked for again and lost.
    said = "his blue badge renewal, they lost his form twice and now hes got no badge"
    out, _ = _validate("service", said, {"relationship": "relative_or_friend"})
    assert out["service"] == "blue_badge" and out["what_happened"] == said
    short, _ = _validate("service", "blue badge", {})
    assert "what_happened" not in short


def test_a_story_names_the_service_after_something_else() -> None:
    # Seen in Chromium: "Something else", then a SEND story, was filed as "Something else".
    said = "my sons EHCP annual review was 5 months ago and we still havent had the amended plan"
    out, _ = _validate("what_happened", said, {"service": "other", "relationship": "parent"})
    assert out["service"] == "special_educational_needs"
