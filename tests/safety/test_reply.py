"""Issue 16: the safety reply fits what was said, and says only what messages.yml and the packs
give (no sentence or number made up in code)."""

from __future__ import annotations

import re

import pytest

import triage
from actions import texts
from actions.safety import CATEGORIES, Danger, is_safety_reply, safety_message, safety_reply
from triage.pack import load_national

AUTHORITIES = ["telford-wrekin", "luton", "warwickshire", "tameside"]


def _lines(danger: Danger | None, young: bool = False) -> list[str]:
    return safety_reply(danger, young).split("\n")


def _d(category: str) -> Danger:
    return Danger(category, "rules")


@pytest.fixture(params=AUTHORITIES)
def authority(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("AUTHORITY", request.param)
    return str(request.param)


def test_immediate_danger_puts_999_first(authority: str) -> None:
    lines = _lines(_d("immediate_danger"))
    assert "999" in lines[0] and lines[0] == texts.say("safety_999_now")


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_reply_has_999_samaritans_the_flag_and_carry_on(
    authority: str, category: str
) -> None:
    reply = safety_reply(_d(category), young=False)
    assert "999" in reply and "116 123" in reply
    assert texts.say("safety_flagged") in reply and texts.say("safety_carry_on") in reply
    assert reply.index("999") < reply.index("116 123")


def test_suicidal_thoughts_get_samaritans_with_words_to_say(authority: str) -> None:
    reply = safety_reply(_d("suicide_self_harm"))
    assert "116 123" in reply and "I'm having thoughts of ending my life" in reply


def test_young_people_get_childline_whatever_the_category(authority: str) -> None:
    for category in CATEGORIES:
        assert "0800 1111" in safety_reply(_d(category), young=True), category


def test_a_child_at_risk_gets_childline_and_the_councils_own_contact_where_given(
    authority: str,
) -> None:
    for category in ("child_abuse", "child_exploitation"):
        reply = safety_reply(_d(category))
        assert "0800 1111" in reply
        if authority == "telford-wrekin":
            # Section 16 of its policy: Safeguarding Shropshire Children.
            assert "Safeguarding Shropshire Children" in reply and "0808 8005 792" in reply
        else:
            assert "0808 8005 792" not in reply


def test_no_childrens_contact_is_invented_where_the_policy_gives_none(authority: str) -> None:
    pack = triage.load_pack(authority)
    reply = safety_reply(_d("child_abuse"))
    if authority != "telford-wrekin":
        assert texts.say("safety_child_contact", contact="X").split("X")[0] not in reply, pack.id


def test_every_number_said_comes_from_the_pack_or_the_national_pack(authority: str) -> None:
    pack = triage.load_pack(authority)
    known = {
        re.sub(r"\D", "", c.phone or "")
        for c in (*pack.directory, *load_national().directory)
        if getattr(c, "phone", None)
    }
    for category in (*CATEGORIES, None):
        for young in (False, True):
            danger = _d(category) if category else None
            for number in re.findall(r"\d[\d ]{1,14}\d|\d{3}", safety_reply(danger, young)):
                assert re.sub(r"\D", "", number) in known, (category, number)


def test_every_sentence_comes_from_messages_yml(authority: str) -> None:
    keys = [k for k in texts._messages() if k.startswith("safety_")]
    for category in (*CATEGORIES, None):
        for young in (False, True):
            danger = _d(category) if category else None
            for line in _lines(danger, young):
                templates = [
                    str(texts.raw(k).get("young" if young else "text") or texts.raw(k)["text"])
                    for k in keys
                ]
                assert any(
                    re.fullmatch(re.escape(t).replace(r"\{contact\}", ".+"), line)
                    for t in templates
                ), line


def test_safety_message_is_none_for_calm_and_a_reply_for_danger() -> None:
    assert safety_message("my bin wasn't collected again") is None
    assert safety_message("I'm dying to know when you'll reply") is None
    reply = safety_message("theres a man with a knife trying to get in my house")
    assert reply and reply.startswith(texts.say("safety_999_now"))


def test_is_safety_reply_knows_every_safety_reply(authority: str) -> None:
    for category in (*CATEGORIES, None):
        for young in (False, True):
            danger = _d(category) if category else None
            assert is_safety_reply(safety_reply(danger, young))
    assert is_safety_reply(texts.say("safeguarding", contacts="999"))
    assert not is_safety_reply(texts.say("what_next", timescales=""))


def test_every_reply_offers_childline_to_under_19s(authority: str) -> None:
    # Not for an adult at risk, unless the writer is young (test_tester_messages.py).
    for category in (*[c for c in CATEGORIES if c != "adult_at_risk"], None):
        assert "0800 1111" in safety_reply(_d(category) if category else None, young=False)


def test_a_message_that_sounds_young_gets_the_young_wording() -> None:
    reply = safety_message("im 14 and my stepdad hits me")
    assert reply and reply.startswith(texts.say("safety_open", young=True))
    adult = safety_message("my partner hits me and I'm 45")
    assert adult and adult.startswith(texts.say("safety_open", young=False))
