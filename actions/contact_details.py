"""Reads how a person wants the reply and who they are: an email, a UK phone number, a letter
(with the postal address when they give it in the same answer), a name, or staying anonymous.

"post please, 14 Oak Road, Wellington TF1 2AB" is an answer to two questions: a letter, and
where to send it. Asking for the address again would make the person repeat themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"(?:\+44\s?|0)(?:\d[\s-]?){9,10}\b")
_POST = re.compile(r"\b(post|letter|by mail|write to me|address)\b", re.IGNORECASE)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)
_STREET = (
    r"(?:road|rd|street|st|avenue|ave|lane|ln|close|drive|dr|way|court|ct|crescent|place|grove|"
    r"gardens|terrace|walk|rise|hill|view|park|square|mews|row|green|parade|fields|meadow|"
    r"meadows|bank|croft|end|vale|wharf|cottage|house|farm|lodge)"
)
# Where an address starts: a flat number, or a house number before a street.
_ADDRESS_START = re.compile(
    rf"\b(?:flat|apartment|unit|room)\s+\d+\w?\b|\b\d+[a-z]?,?\s+[a-z][a-z'-]+(?:\s+[a-z'-]+)*?"
    rf"\s+{_STREET}\b",
    re.IGNORECASE,
)
_LEAD = re.compile(r"^(?:\W|please|to|at|it'?s|is|my|address|send it|thanks?)+", re.IGNORECASE)


@dataclass(frozen=True)
class ContactChoice:
    email: str | None = None
    phone: str | None = None
    post: bool = False
    address: str | None = None  # given in the same answer as "by post"

    @property
    def preferred(self) -> str:
        return "email" if self.email else "phone" if self.phone else "post"


def address_in(text: str) -> str | None:
    """The postal address in an answer, when it gives one: from a house or flat number on, or a
    house name and street ending in a postcode. A postcode alone is not enough for a letter."""
    if start := _ADDRESS_START.search(text):
        return text[start.start() :].strip(" ,.;")
    postcode = _POSTCODE.search(text)
    if postcode is None:
        return None
    before = text[: postcode.end()]
    parts = _POST.split(before)
    found = _LEAD.sub("", parts[-1]).strip(" ,.:;-")
    named = re.search(rf"\b{_STREET}\b", found, re.IGNORECASE) or found.count(",") >= 2
    return found if named else None


def contact_from(text: str) -> ContactChoice | None:
    email = _EMAIL.search(text)
    phone = _PHONE.search(text)
    if email or phone:
        return ContactChoice(
            email=email.group(0) if email else None,
            phone=re.sub(r"[\s-]", "", phone.group(0)) if phone else None,
        )
    address = address_in(text)
    if _POST.search(text) or address:
        return ContactChoice(post=True, address=address)
    return None


def without_contact(text: str) -> str:
    """The answer with its email address and phone number taken out."""
    return _PHONE.sub(" ", _EMAIL.sub(" ", text))


# Not giving a name: said of their own ("stay anonymous") or of the person they complain for.
_REFUSING = r"rather not|prefer not|don'?t want to (say|give)|not saying|skip"
_ANONYMOUS = re.compile(rf"\b(anon\w*|anonymous(ly)?|no name|{_REFUSING})\b", re.IGNORECASE)


def wants_anonymous(text: str) -> bool:
    return _ANONYMOUS.search(text) is not None


def looks_like_name(text: str) -> bool:
    words = text.strip().split()
    return 0 < len(words) <= 6 and all(re.fullmatch(r"[A-Za-z'’.-]+", w) for w in words)


_NAME_LEAD = re.compile(
    r"^(my name is|my names|(his|her|their|my \w+'?s) name('?s| is)|(he|she|they)('?s| is| are) "
    r"called|i'?m|im|it'?s|name:?|call me)\s+",
    re.IGNORECASE,
)
_RATHER_NOT = re.compile(rf"\b({_REFUSING}|won'?t say|no thanks)\b", re.IGNORECASE)


def clean_name(text: str) -> str:
    t = _NAME_LEAD.sub("", text.strip())
    return t.strip(" .!").title() if t.islower() or t.isupper() else t.strip(" .!")


def rather_not_say(text: str) -> bool:
    """They would rather not give the name of the person the complaint is about."""
    return _RATHER_NOT.search(text) is not None
