"""Words that suggest someone is in danger now, and the contacts to give first.

NLU has a `safeguarding` intent; this pattern is the safety net for answers typed into a form,
where free text would otherwise be stored as an answer and the danger missed.
"""

from __future__ import annotations

import re
from typing import Any

from . import triage_link
from .render import contact_line

_DANGER = re.compile(
    r"\b(kill (my ?self|me)|killing myself|end (it all|my life)|(want|going|gonna) to end it|"
    r"can'?t cope any ?more|don'?t want to (live|be alive|be here)|no reason to live|"
    r"suicid\w*|self.?harm\w*|"
    r"cut(ting)? myself|hurt(ing)? myself|want to die|wanna die|overdose|"
    r"in danger|not safe (at home|here|now)|unsafe at home|scared to go home|"
    r"(hits|hitting|beats|beating|hurts|hurting|punch(es|ing)|kicks|kicking|abus(es|ing)|"
    r"touch(es|ing)|threaten(s|ing)) (me|us|my (son|daughter|child|kids|mum|nan|gran|brother|"
    r"sister))\b|going to hurt|going to kill|has a knife|being abused|sexually abused|groomed|"
    r"grooming)",
    re.IGNORECASE,
)


def in_danger(text: str | None) -> bool:
    return bool(text and _DANGER.search(text))


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
