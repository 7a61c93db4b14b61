"""Decides whether a message typed while a form is asking something is an answer or an
interrupt ("why do you need this?", "stop", "start again", danger).

A classifier alone is not enough: it labels any text with some intent, and "A new social
worker" can look like "start a new one". So words that read as an answer to the question
(actions/answers.py) are the answer; otherwise an interrupt needs an intent from a short list,
confidently, and the words that intent is made of.
"""

from __future__ import annotations

import re
from typing import Any

from . import answers
from .safety import in_danger

# Only these may interrupt a question (issue 10): a form's answer always comes first, and
# nothing else may take over a turn however the classifier labels it. Danger words are
# handled by the validators themselves (safety.in_danger), whatever the intent.
_WORDS = {
    "stop": r"\b(stop|cancel|quit|exit|enough|forget (it|about it)|never ?mind|give up|end|"
    r"don'?t send|changed my mind|abort|not now|later|pause|leave it|no more)\b",
    "start_again": r"\b(start|restart|reset|again|over|scratch|beginning|afresh|redo|clear|new "
    r"(complaint|conversation|one))\b",
    "ask_why_needed": r"\b(why|y|what for|reason|necessary|point|have to|got to do)\b",
    "request_help": r"\b(help|advocate|person|human|someone|support|interpreter|speak to)\b",
    "abuse": r".",
    # "It's not a complaint, it's a compliment": the complaint form gives way to feedback.
    "compliment": r"\b(compliment|thank|thanks|not a complaint|no complaint|praise|well done|"
    r"brilliant|fantastic|amazing|grateful)\b",
}
MIN_CONFIDENCE = 0.6
# Actions that run between a user's message and the form reading it: Rasa's own slot
# extraction, and the form itself (its validation sees a tracker ending with the form).
_NOT_REPLIES = {"action_extract_slots", "complaint_form", "feedback_form"}


def is_interrupt(slot: str, message: dict[str, Any]) -> bool:
    intent = message.get("intent") or {}
    name, confidence = intent.get("name"), float(intent.get("confidence") or 0.0)
    text = str(message.get("text") or "")
    if name == "safeguarding":
        # The classifier alone is not enough ("I'm dying to know..."): the safety check decides.
        return in_danger(text)
    if name not in _WORDS or confidence < MIN_CONFIDENCE:
        return False
    return re.search(_WORDS[name], text, re.IGNORECASE) is not None


def interrupts_question(slot: str, message: dict[str, Any]) -> bool:
    """An answer comes before any intent: only words that don't answer the question may
    interrupt it (a free-text answer only by a bare command: answers.BARE_COMMAND)."""
    text = str(message.get("text") or "")
    return not answers.reads(slot, text) and is_interrupt(slot, message)


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
    if interrupts_question(slot, tracker.latest_message):
        return {}
    return {slot: tracker.latest_message.get("text")}
