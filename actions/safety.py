"""Safety first (issue 16): does a message suggest someone is in danger, and what to say.

Two layers, either of which is enough (actions/safety_rules.py, actions/safety_model.py):
rules for clear phrases per category, and a small classifier trained on varied examples,
including text-speak and misspellings. Figures of speech ("these fines are killing me",
"dying to know", "a nightmare") are taken out before either looks.

Public API:
- `assess_danger(text) -> Danger | None`: the category and which layer fired;
- `safety_reply(danger, young) -> str`: the reply that fits the category (999 first for
  immediate danger, the council's children's safeguarding contact where its policy gives one,
  Samaritans with words to say, Childline for young people and children at risk (last, or not
  at all for an adult at risk, when the writer is not known to be young), the same-day flag);
- `safety_message(text, young) -> str | None`: both at once, for the form and reply actions;
- `is_safety_reply(text) -> bool`: whether a message the assistant sent is the safety reply;
- `in_danger(text) -> bool` and `emergency_contacts() -> list[str]`, as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from . import safety_model, safety_rules, texts, triage_link
from .render import contact_line

CATEGORIES = safety_rules.CATEGORIES
_CHILD = {"child_abuse", "child_exploitation"}
# Messages past this length are checked in overlapping pieces, so a long story with one line
# about danger in the middle is read as closely as a short message.
_PIECE = 400


@dataclass(frozen=True)
class Danger:
    category: str  # one of CATEGORIES
    layer: str  # "rules" or "model": which layer fired first
    text: str = ""  # the prepared text the layers read (for logs and tests, not for people)


def assess_danger(text: str | None) -> Danger | None:
    """The danger a message suggests, or None. Rules win the category when both fire."""
    if not text or not text.strip():
        return None
    return _assess(text)


# One message is checked by several steps of the same turn (the reply that decides, then
# safety_first, then the form's guard): the answer is the same, so it is worked out once.
# Only the last few messages are kept, in memory, never written anywhere.
@lru_cache(maxsize=64)
def _assess(text: str) -> Danger | None:
    prepared = safety_rules.prepare(text)
    if not prepared:
        return None
    category = safety_rules.match(prepared)
    if category:
        return Danger(category, "rules", prepared)
    for piece in _pieces(prepared):
        found = safety_model.classify(piece)
        if found:
            return Danger(found, "model", prepared)
    return None


def _pieces(prepared: str) -> list[str]:
    if len(prepared) <= _PIECE:
        return [prepared]
    words = prepared.split()
    out, start = [], 0
    while start < len(words):
        out.append(" ".join(words[start : start + 60]))
        start += 40
    return out


def in_danger(text: str | None) -> bool:
    return assess_danger(text) is not None


def warm_up() -> None:
    """Trains the classifier now rather than on the first message (the action server's start)."""
    safety_model.model()


def _national(words: tuple[str, ...]) -> str:
    return contact_line(triage_link.national(words))


def childrens_safeguarding_contact() -> dict[str, Any] | None:
    """The council's own contact for a child at risk, only where its policy gives one (the
    pack's `children_safeguarding` or `childrens_services` contact)."""
    return triage_link.contact(("children_safeguarding", "childrens_services"))


def adult_safeguarding_contact() -> dict[str, Any] | None:
    return triage_link.contact(("adult_safeguarding", "adult_services"))


def safety_reply(danger: Danger | None, young: bool = False) -> str:
    """What to say, in this order: 999 (first of all for immediate danger), the council's own
    contact for the category, Samaritans with words to say for suicidal thoughts, Childline
    for young people and whenever a child is at risk (after Samaritans for other categories, and
    not for an adult at risk unless the writer is young), then the same-day flag and an offer to
    carry on. `danger` None (the NLU alone said 'safeguarding') gives the general reply."""
    category = danger.category if danger else None
    lines: list[str] = []
    if category == "immediate_danger":
        lines.append(texts.say("safety_999_now", young))
        lines.append(texts.say("safety_open", young))
    else:
        lines.append(texts.say("safety_open", young))
        lines.append(texts.say("safety_999", young))
    if category in _CHILD:
        child = childrens_safeguarding_contact()
        if child:
            lines.append(texts.say("safety_child_contact", young, contact=contact_line(child)))
    if category == "adult_at_risk":
        adult = adult_safeguarding_contact()
        if adult:
            lines.append(texts.say("safety_adult_contact", young, contact=contact_line(adult)))
    samaritans = _national(("samaritans",))
    if category == "suicide_self_harm" and samaritans:
        lines.append(texts.say("safety_samaritans_words", young, contact=samaritans))
    childline = _national(("childline",))
    # Childline before Samaritans only where a child is at risk or the writer is young. For an
    # adult at risk (a son about his dad of 91 in a care home) it is not offered unless the
    # writer is young; anywhere else it comes last, as the writer may be a child who has not
    # said so ("If you're under 19, ...").
    child_first = young or category in _CHILD or category is None
    if childline and child_first:
        lines.append(texts.say("safety_childline", young, contact=childline))
    if samaritans and category != "suicide_self_harm":
        lines.append(texts.say("safety_samaritans", young, contact=samaritans))
    if childline and not child_first and category != "adult_at_risk":
        lines.append(texts.say("safety_childline", young, contact=childline))
    lines.append(texts.say("safety_flagged", young))
    lines.append(texts.say("safety_carry_on", young))
    return "\n".join(lines)


_SOUNDS_YOUNG = re.compile(
    r"\b(i am|im|i m|am) (aged )?([5-9]|1[0-8])( years old| yrs| yo| year old)?\b(?! (days|weeks|"
    r"months|pounds|quid|times|minutes|hours))|\b(my|our) (teacher|school|head teacher|form tutor|"
    r"foster (carer|mum|dad|parents))\b|\bin year ([3-9]|1[0-3])\b|\bat school\b.*\bme\b"
)


def sounds_young(text: str | None) -> bool:
    """The message itself suggests a child or young person wrote it ("im 14", "my teacher")."""
    return bool(text) and bool(_SOUNDS_YOUNG.search(safety_rules.normalise(str(text))))


def safety_message(text: str | None, young: bool = False) -> str | None:
    """The safety reply for a message that suggests danger, or None. The one call for forms,
    replies, the summary and after filing: if it returns text, say it, set the `safeguarding`
    slot, and ask nothing else in that turn. The young wording is used when the conversation
    knows the person is young or the message itself sounds like a young person's."""
    danger = assess_danger(text)
    return safety_reply(danger, young or sounds_young(text)) if danger else None


def is_safety_reply(text: str) -> bool:
    """Whether something the assistant said is the safety reply (the old `safeguarding` message
    or safety_reply()'s), so a form can flag the case once it has gone out."""
    starts = [
        texts.say("safeguarding", young, contacts="").split("\n")[0] for young in (False, True)
    ]
    starts += [
        texts.say(k, young) for k in ("safety_open", "safety_999_now") for young in (False, True)
    ]
    return any(text.startswith(s) for s in starts if s)


def emergency_contacts() -> list[str]:
    """999 first, then the authority's own contacts, then Childline and Samaritans."""
    lines = []
    emergency = triage_link.national(("emergency",))
    lines.append(f"Emergency: {contact_line(emergency)}" if emergency else "Emergency: 999")
    for role in (("childrens_services", "children"), ("adult_services", "adult")):
        c: dict[str, Any] | None = triage_link.contact(role)
        if c:
            lines.append(contact_line(c))
    if len(lines) == 1:
        # The pack gives no social care phone number: its safeguarding partnership instead.
        for entry in triage_link.pack().directory:
            if "safeguarding" in entry.id:
                found = triage_link.directory_entry(entry.id)
                if found:
                    lines.append(contact_line(found))
    for words in (("childline",), ("samaritans",)):
        c = triage_link.national(words)
        if c:
            lines.append(contact_line(c))
    return lines


# Train at start-up (under a second), so the first person to say something frightening does not
# wait for it.
warm_up()
