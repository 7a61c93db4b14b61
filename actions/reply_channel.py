"""How the council sent its earlier reply, in the person's words -> a contract channel.

Some policies count the time to ask for a second look from when a reply is received, not
from when it was sent (a second-class letter arrives days later). The question is asked only
where the authority's pack defines those deemed-receipt rules; answers that say "a letter" but
not which class, or "not sure", leave the channel unset so the engine uses its own default.
"""

from __future__ import annotations

import re
from typing import Literal

from . import texts, triage_link
from .dates import is_unsure

Channel = Literal["email", "first_class_post", "second_class_post", "in_person"]
UNKNOWN = "unknown"  # understood, but not one the rules tell apart
CHANNELS: tuple[Channel, ...] = ("email", "first_class_post", "second_class_post", "in_person")

# Most specific first: "a second class letter" is second class, not just "a letter".
_WORDS: tuple[tuple[str, Channel], ...] = (
    (r"\b(2nd|second|2)[\s-]*class\b", "second_class_post"),
    (r"\b(1st|first|1)[\s-]*class\b", "first_class_post"),
    (
        r"\b(in person|by hand|hand[\s-]*delivered|delivered (it )?by hand|handed (it )?(to|over)|"
        r"gave (it )?(to )?me|given to me|face[\s-]*to[\s-]*face|at (a|the) meeting|"
        r"in a meeting|dropped (it )?(off|round)|brought (it )?round)\b",
        "in_person",
    ),
    (r"\b(e-?mail(ed|s)?|e mail(ed)?|inbox|gmail|hotmail|outlook)\b", "email"),
)
# Understood, but the rules can't use them: a letter of unknown class, a call, a text.
_OTHER = re.compile(
    r"\b(letter|post|posted|by post|in the post|mail|mailed|through the (door|letterbox)|"
    r"phone|phoned|rang|called|call|text|texted|sms|online|website|portal|app|"
    r"not sure|unsure|can'?t remember|don'?t know)\b",
    re.IGNORECASE,
)


def read_channel(text: str) -> str | None:
    """A contract channel, UNKNOWN when the words are an answer the rules can't use, or None
    when they are not an answer at all (the form then explains what it needs)."""
    low = " ".join(str(text).lower().split())
    for pattern, channel in _WORDS:
        if re.search(pattern, low):
            return channel
    if _OTHER.search(low) or is_unsure(low):
        return UNKNOWN
    return None


def asks_channel() -> bool:
    """Only where the deployment's pack says when a reply counts as received."""
    return triage_link.deemed_receipt_defined()


def spoken(value: object) -> str | None:
    """How the summary says it back (data/messages.yml, `channel_spoken`)."""
    said: dict[str, str] = texts.raw("channel_spoken")
    return said.get(value) if isinstance(value, str) else None
