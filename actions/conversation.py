"""What every action shares about the conversation: the slots a new matter clears, the
opening message's details, and danger words answered first (safety_first)."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from .forms import safety_said_this_turn
from .safety import is_safety_reply, safety_message
from .speaker import young

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


ABOUT_SERVICES = re.compile(
    r"\b(complain\w*|council|trust|social ?workers?|carers?|care home|foster\w*|"
    r"children'?s home|school|housing|staff|advocate)\b",
    re.IGNORECASE,
)

# "carry on", "ok", "I'm ready", "yes please, let's continue": the answer to the safety reply's
# "We can carry on with your complaint when you're ready, or say 'stop'". Read as a whole
# message (lower case, no apostrophes or punctuation), so "I don't want to carry on" is not one,
# nor "ok thanks" (a goodbye as often as not).
_CARRY_ON = re.compile(
    r"(?:(?:yes|yeah|yep|yh|ye|ok|okay|k|alright|right|sure|fine)(?: then| please)? ?)*"
    r"(?:(?:please |yes )?(?:carry on|continue|go on|go ahead|keep going|lets (?:carry on|"
    r"continue|go|go on|do it|start|get on with it)|(?:i m|i am|im) ready(?: now)?(?: to (?:carry "
    r"on|continue|go on|start))?|ready(?: now)?|(?:i )?(?:want|would like|d like) to (?:carry on|"
    r"continue|go on)|start(?: it)?)(?: with (?:my|the) complaint| with it)?"
    r"(?: please| then| now)*)?"
)


def says_carry_on(text: str) -> bool:
    """Whether a whole message says 'carry on' (or 'ok', 'yes', 'I'm ready')."""
    plain = re.sub(r"[^a-z ]+", " ", text.lower().replace("'", "").replace("\u2019", ""))
    plain = re.sub(r"\s+", " ", plain).strip()
    return bool(plain) and _CARRY_ON.fullmatch(plain) is not None


def after_safety_reply(tracker: Tracker) -> tuple[bool, str | None]:
    """Whether the assistant's reply to the person's previous message was the safety reply, and
    if so the story that message told where it told of a complaint (at some length, read as a
    complaint or about a council service), to be kept when the person carries on."""
    events = list(tracker.events)
    users = [i for i, e in enumerate(events) if e.get("event") == "user"]
    if len(users) < 2:
        return False, None
    before, latest = users[-2], users[-1]
    answered = any(
        e.get("event") == "bot" and is_safety_reply(str(e.get("text") or ""))
        for e in events[before + 1 : latest]
    )
    if not answered:
        return False, None
    told = str(events[before].get("text") or "")
    intent = ((events[before].get("parse_data") or {}).get("intent") or {}).get("name")
    complaint = intent in ("make_complaint", "escalate") or ABOUT_SERVICES.search(told)
    return True, (told.strip() if complaint and details_in(told) else None)
