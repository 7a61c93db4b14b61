"""What a person adds to an answer that has no field of its own, kept for staff in the case:
"she has dementia, I have lasting power of attorney" with the consent answer, "text me first,
I work nights" or "dont ring my foster carer" with a phone number, "Hart & Co Solicitors"
with a name. Losing these would lose what the person told us; they are written under the
story, each with its label from messages.yml (`case_note_labels`)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from . import contact_details, texts

# Words that only say how to reply: with the email or number taken out, what is left of
# "email me at jo@x.com please" is nothing worth a note.
_REPLY_WORDS = re.compile(
    r"\b(e-?mail|me|at|on|is|my|mobile|number|phone|ring|call|text|please|thanks|thank you|"
    r"by|post|letter|it'?s|its|the|best|reach|contact|you|can|via|or|and|to)\b",
    re.IGNORECASE,
)


def add(tracker: Tracker, about: str, said: str) -> dict[str, Any]:
    """The slot update that keeps `said` as the note about `about` (one note per subject)."""
    notes = [n for n in (tracker.get_slot("staff_notes") or []) if n[0] != about]
    return {"staff_notes": [*notes, [about, said.strip()]]}


def beyond_contact(text: str) -> bool:
    """Whether a contact answer says more than the email or number."""
    rest = contact_details.without_contact(text)
    return len(_REPLY_WORDS.sub(" ", rest).split()) >= 2


def name_and_rest(text: str) -> tuple[str, str] | None:
    """ "Grace Okafor, my mum is Margaret Okafor" -> the name, and the rest for staff."""
    first, _, rest = text.partition(",")
    name = contact_details.clean_name(first)
    if rest.strip() and contact_details.looks_like_name(name):
        return name, rest.strip()
    return None


def written_into(narrative: str, notes: list[list[str]] | None) -> str:
    labels: dict[str, str] = texts.raw("case_note_labels")
    for about, note in notes or []:
        narrative = texts.say("case_note", narrative=narrative, label=labels[about], note=note)
    return narrative.strip()
