"""Decides whether a message typed while a form is asking something is an answer or an
interrupt ("why do you need this?", "stop", "start again", danger).

A classifier alone is not enough: it labels any text with some intent, and "A new social
worker" can look like "start a new one". So an interrupt needs a confident intent, the words
that intent is made of, and, for a free-text question, a short message.
"""

from __future__ import annotations

import re
from typing import Any

from . import reply_channel
from .safety import in_danger

_WORDS = {
    "stop": r"\b(stop|cancel|quit|exit|enough|forget (it|about it)|never ?mind|give up|end|"
    r"don'?t send|changed my mind|abort|not now|later|pause|leave it|no more)\b",
    "start_again": r"\b(start|restart|reset|again|over|scratch|beginning|afresh|redo|clear|new "
    r"(complaint|conversation|one))\b",
    "ask_why_needed": r"\b(why|y|what for|reason|necessary|point|have to|got to do)\b",
    "ask_what_next": r"\b(what happens|next|process|what will|then what|and then|stages?)\b",
    "request_help": r"\b(help|advocate|person|human|someone|support|interpreter|speak to)\b",
    "ask_how_long": r"\b(how long|when will|when do|timescales?|how quick|how soon|how fast|"
    r"how many (days|weeks))\b",
    "ask_on_behalf": r"\b(behalf|can i complain for|someone else|represent|instead of)\b",
    "check_status": r"\b(status|update|progress|chase|track|any news)\b",
}
# In a free-text answer ("Cancel the ticket", "Start again with a new social worker") only a
# bare command counts as stopping or starting again.
_COMMAND = {
    "stop": r"^\W*(please )?(stop|cancel|quit|exit|end|abort|enough|forget it|never ?mind|"
    r"i want to stop|i give up)( (it|this|that|now|please|the (chat|complaint|conversation)|"
    r"my complaint|everything))*\W*$",
    "start_again": r"^\W*(can we |let'?s |i want to |please )?(start (again|over|afresh)|"
    r"restart|reset|begin again|start from the (beginning|start))( please)?\W*$",
}
FREE_TEXT = {"what_happened", "why_dissatisfied", "desired_outcome", "feedback_text", "address"}
MIN_CONFIDENCE = 0.6
# Actions that run between a user's message and the form reading it: Rasa's own slot
# extraction, and the form itself (its validation sees a tracker ending with the form).
_NOT_REPLIES = {"action_extract_slots", "complaint_form", "feedback_form"}


def is_interrupt(slot: str, message: dict[str, Any]) -> bool:
    intent = message.get("intent") or {}
    name, confidence = intent.get("name"), float(intent.get("confidence") or 0.0)
    text = str(message.get("text") or "")
    if name == "safeguarding":
        return confidence >= 0.5
    if name not in _WORDS or confidence < MIN_CONFIDENCE:
        return False
    if slot in FREE_TEXT and len(text.split()) > 10:
        return False
    if slot in FREE_TEXT and name in _COMMAND:
        return re.search(_COMMAND[name], text, re.IGNORECASE) is not None
    return re.search(_WORDS[name], text, re.IGNORECASE) is not None


def _plain_answer(slot: str, text: str) -> bool:
    """Words that can only be an answer to this question, whatever the classifier says
    ("Given to me in person" is not a request for a person)."""
    if slot == "previous_response_channel":
        return reply_channel.read_channel(text) in reply_channel.CHANNELS
    return False


def answer_for(slot: str, tracker: Any) -> dict[str, Any]:
    """The slot's value from the latest message, or {} so the form rejects and a rule runs."""
    if tracker.get_slot("requested_slot") != slot:
        return {}
    # Only a message typed in reply to the question: after an interrupt's answer the form
    # runs again with the same latest message, which must not become the answer.
    last_action = next(
        (
            e.get("name")
            for e in reversed(tracker.events)
            if e.get("event") == "action" and e.get("name") not in _NOT_REPLIES
        ),
        None,
    )
    if last_action != "action_listen":
        return {}
    text = str(tracker.latest_message.get("text") or "")
    if in_danger(text):
        # The validator answers danger first, whatever the classifier thought it was.
        return {slot: text}
    if not _plain_answer(slot, text) and is_interrupt(slot, tracker.latest_message):
        return {}
    return {slot: tracker.latest_message.get("text")}
