"""Reads a message as the answer to the pending question, by the registry's parser name.

`reads(slot, text)` is how the form knows a message is an answer before any intent is
considered: "I'm their advocate" answers 'how do you know them?' even if the classifier
thought it was a request for help. The validators in forms.py turn the same words into slots
with the same people/services/dates functions, so the two cannot disagree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from . import circumstances, contact_details, people, reply_channel, services
from .dates import date_within, is_unsure
from .questions import question
from .triage_link import today

Reader = Callable[[str], bool]

# A bare command typed into a free-text answer: only these interrupt a story.
BARE_COMMAND = re.compile(
    r"^\W*(please )?(stop|cancel|quit|exit|end|abort|enough|forget it|never ?mind|"
    r"i want to stop|i give up|start (again|over|afresh)|restart|reset|begin again|"
    r"help|i need help|help me|why|why\?|why do (you|u|ya) (need|want) (this|that|to know|it)|"
    r"what for|(can i |i want to |let me )?(talk|speak) to (a |someone|a real )?(person|human)?|"
    r"(a |an |a real |real )?(person|human|adviser|advisor))"
    r"( (it|this|that|now|please|the (chat|complaint|conversation)|my complaint|everything))*"
    r"\W*$",
    re.IGNORECASE,
)


def _yes_no(text: str) -> bool:
    return people.yes_no(text) is not None


def _yes_no_unsure(text: str) -> bool:
    return people.yes_no(text) is not None or is_unsure(text)


def _who(text: str) -> bool:
    return people.who_from(text) is not None


def _relationship(text: str) -> bool:
    return people.relationship_in(text) is not None


def _is_child(text: str) -> bool:
    return people.age_in(text) is not None or people.yes_no(text) is not None


def _service(text: str) -> bool:
    return text in services.codes() or services.match_service(text) is not None


def _tenant(text: str) -> bool:
    return people.council_tenant(text) is not None


def _child_status(text: str) -> bool:
    return people.child_statuses(text) is not None or is_unsure(text)


def _date(text: str) -> bool:
    return date_within(text, today()) is not None or is_unsure(text)


def _channel(text: str) -> bool:
    return reply_channel.read_channel(text) is not None


def _legal(text: str) -> bool:
    return bool(re.search(r"\b(court|tribunal|solicitor|legal|police)\b", text, re.I)) or (
        _yes_no_unsure(text)
    )


def _contractor(text: str) -> bool:
    return bool(
        re.search(
            r"\b(not a company|no company|council staff|not yet|yes|no|they have)\b", text, re.I
        )
    )


def _consent(text: str) -> bool:
    return people.consent_in(text) is not None


def _affected_name(text: str) -> bool:
    name = contact_details.clean_name(text)
    return contact_details.rather_not_say(text) or contact_details.looks_like_name(name)


def _name(text: str) -> bool:
    return contact_details.wants_anonymous(text) or contact_details.looks_like_name(
        contact_details.clean_name(text)
    )


def _contact(text: str) -> bool:
    return contact_details.contact_from(text) is not None


def _confirm(text: str) -> bool:
    return people.yes_no(text) is not None or bool(
        re.search(r"\b(change|wrong|edit|fix|correct|update|send|submit)\b", text, re.I)
    )


def _feedback_reply(text: str) -> bool:
    return contact_details.contact_from(text) is not None or people.yes_no(text) is not None


def _circumstances(text: str) -> bool:
    # Any choice of any pack's list reads, as does "none of these": which choices were offered
    # is the validator's business (complaint_checks.py).
    everything = [(c.code, c.button) for c in circumstances.catalogue().values() if c.button]
    return circumstances.answer(text, everything) is not None


def _text(text: str) -> bool:
    return bool(text)


READERS: dict[str, Reader] = {
    "who": _who,
    "relationship": _relationship,
    "is_child": _is_child,
    "service": _service,
    "council_tenant": _tenant,
    "child_status": _child_status,
    "text": _text,
    "yes_no": _yes_no,
    "yes_no_unsure": _yes_no_unsure,
    "date": _date,
    "reply_channel": _channel,
    "legal": _legal,
    "circumstances": _circumstances,
    "contractor": _contractor,
    "consent": _consent,
    "affected_name": _affected_name,
    "name": _name,
    "contact": _contact,
    "confirm": _confirm,
    "feedback_reply": _feedback_reply,
}


def reads(slot: str, text: Any) -> bool:
    """Whether the words read as an answer to this slot's question."""
    q = question(slot)
    words = str(text or "").strip()
    if q is None or BARE_COMMAND.match(words):
        # "Stop" is not a name, nor "help" a story.
        return False
    return READERS[q.parser](words)
