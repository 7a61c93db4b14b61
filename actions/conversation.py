"""What every action shares about the conversation: the slots a new matter clears, the
opening message's details, and danger words answered first (safety_first)."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from .forms import safety_said_this_turn, young
from .safety import safety_message

FORM_SLOTS = [
    "who",
    "relationship",
    "affected_is_child",
    "council_tenant",
    "reasked",
    "service",
    "child_status",
    "what_happened",
    "complained_before",
    "incident_date",
    "aware_date",
    "previous_response_date",
    "previous_response_channel",
    "why_dissatisfied",
    "legal_check",
    "appeal_check",
    "contractor_check",
    "circumstance_check",
    "desired_outcome",
    "consent",
    "affected_name",
    "name",
    "contact",
    "address",
    "confirm",
    "feedback_text",
    "feedback_reply",
    "incident_date_spoken",
    "aware_date_spoken",
    "previous_response_date_spoken",
    "circumstances",
    "strikes",
    "date_unsure",
    "anonymous",
    "contact_email",
    "contact_phone",
    "contact_preferred",
    "staff_notes",
    "complainant_age",
    "stage_requested",
    "kind",
    "case_key",
]


_GENERIC = re.compile(
    r"\b(i|we)?\s*(want|would like|wanna|need|wish|like|have|got)?\s*(to)?\s*"
    r"(make|raise|file|put in|log|submit)?\s*(a|an)?\s*(formal)?\s*"
    r"(complain(t|ts)?|moan|report|compliment|say thanks?|thank you)\s*(about|regarding|re|for)?",
    re.IGNORECASE,
)


def reset() -> list[EventType]:
    return [SlotSet(s, None) for s in FORM_SLOTS]


def details_in(text: str) -> str | None:
    """The opening message, when it says more than 'I want to complain'."""
    rest = _GENERIC.sub(" ", text)
    return text.strip() if len(rest.split()) >= 8 else None


# Danger to the person themselves right now comes before any complaint: no questions follow.
NO_QUESTIONS_AFTER = frozenset({"immediate_danger", "suicide_self_harm"})


def safety_first(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Danger words win over whatever the classifier said ("I want to end it" is not 'stop')."""
    if (tracker.latest_message.get("intent") or {}).get("name") == "safeguarding":
        return None
    if safety_said_this_turn(tracker, dispatcher):
        return []  # action_safeguarding has answered this message already
    text = str(tracker.latest_message.get("text") or "")
    message = safety_message(text, young(tracker))
    if message is None:
        return None
    dispatcher.utter_message(text=message)
    return [SlotSet("safeguarding", True)]
