# mypy: allow-subclassing-any
"""Filing: the complaint or feedback goes to the case service through the outbox, and the
person is told the outcome.

The outbox (outbox.py) owns adding, holding, claiming and recording a case; this module builds
the case, asks the outbox to file it now, and words the result. Once filing succeeds the person
is told the case service's decision, the one staff see; only when the case is queued are they
told the decision worked out here, with its dates said to be provisional.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from . import caseclient, outbox, render, staff_notes, texts, triage_link
from .conversation import reset
from .facts import build_facts, contact_block
from .forms import SKIPPED
from .settings import settings
from .speaker import own_care, young

log = logging.getLogger(__name__)


class CaseRefused(Exception):
    """The case service refused the case for good (a 4xx other than a retryable one)."""


def saved_receipt(key: str) -> str:
    return outbox.receipt_of(key)


def channel(tracker: Tracker) -> str:
    name = tracker.get_latest_input_channel() or ""
    return {"socketio": "webchat", "cmdline": "shell"}.get(name, "api")


async def file_now(body: dict[str, Any], key: str) -> tuple[str | None, dict[str, Any] | None]:
    """Files the case through the outbox now: its reference and the case service's decision,
    (reference, None) when it was already delivered, or (None, None) when it waits in the
    outbox. CaseRefused when the service refused it for good."""
    box = outbox.shared()

    async def send(claimed: dict[str, Any]) -> caseclient.Filed:
        return await caseclient.file_case_async(settings(), key, claimed)

    result = await box.file_now(key, body, send)
    if result is None:
        return (box.status(key) or {}).get("reference"), None
    if result.permanent:
        # Retrying cannot help (the service refused this case): say so rather than promise.
        log.error("case refused by the case service (%s)", result.error)
        raise CaseRefused(result.error or "refused")
    if not result.ok:
        log.warning("filing deferred to the outbox (%s)", result.error)
        return None, None
    return result.reference, result.decision


def refused_message() -> str:
    team = render.contact_line(render.complaints_contact()) or triage_link.council_name()
    return texts.say("refused", contact=team)


def decide(slots: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The facts to file and the decision worked out here (used only while the case is
    queued). A bad fact must not lose the case: it is filed with the bare facts."""
    facts = build_facts(slots, authority=triage_link.authority(), today=triage_link.today())
    try:
        return facts, triage_link.assess(facts)
    except Exception as exc:
        log.error("triage failed on field %s", getattr(exc, "field", "?"))
        facts = {k: v for k, v in facts.items() if k in ("authority", "kind", "received")}
        return facts, triage_link.assess(facts)


def about_child(facts: dict[str, Any]) -> bool:
    """The complaint is about a child: help for children and young people comes first, and
    only then is it offered (Childline is not for an adult complaining about an adult)."""
    affected = facts.get("person_affected") or {}
    age = (facts.get("complainant") or {}).get("age")
    children = facts.get("service") == "childrens_social_care" or "cse" in (
        facts.get("circumstances") or []
    )
    return affected.get("is_child") is True or (isinstance(age, int) and age < 18) or children


class ActionFileComplaint(Action):
    def name(self) -> str:
        return "action_file_complaint"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        slots = dict(tracker.slots)
        facts, local = decide(slots)
        narrative = slots.get("what_happened") or ""
        if slots.get("why_dissatisfied") and slots.get("why_dissatisfied") != narrative:
            narrative = texts.say(
                "case_still_unhappy", narrative=narrative, why=slots["why_dissatisfied"]
            ).strip()
        narrative = staff_notes.written_into(
            narrative if narrative != SKIPPED else "", slots.get("staff_notes")
        )
        key = str(slots.get("case_key") or f"{tracker.sender_id}-complaint")
        body = {
            "facts": facts,
            "narrative": narrative,
            "desired_outcome": slots.get("desired_outcome") or None,
            "contact": contact_block(slots),
            "conversation_id": tracker.sender_id,
            "channel": channel(tracker),
        }
        try:
            reference, filed = await file_now(body, key)
        except CaseRefused:
            dispatcher.utter_message(text=refused_message())
            return [*reset(), SlotSet("filed_reference", None)]
        for message in render.complaint_outcome(
            filed or local,
            reference=reference,
            young=young(tracker) or own_care(tracker),
            contact_given=not slots.get("anonymous"),
            saved_receipt=saved_receipt(key),
            about_child=about_child(facts),
            provisional=filed is None,
        ):
            dispatcher.utter_message(text=message)
        return [*reset(), SlotSet("filed_reference", reference or saved_receipt(key))]


class ActionFileFeedback(Action):
    def name(self) -> str:
        return "action_file_feedback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        slots = dict(tracker.slots)
        kind = str(slots.get("kind") or "comment")
        facts, local = decide(slots)
        key = str(slots.get("case_key") or f"{tracker.sender_id}-{kind}")
        body = {
            "facts": facts,
            "narrative": slots.get("feedback_text") or "",
            "desired_outcome": None,
            "contact": None if slots.get("anonymous") else contact_block(slots),
            "conversation_id": tracker.sender_id,
            "channel": channel(tracker),
        }
        try:
            reference, filed = await file_now(body, key)
        except CaseRefused:
            dispatcher.utter_message(text=refused_message())
            return [*reset(), SlotSet("filed_reference", None)]
        if reference is None:
            dispatcher.utter_message(text=texts.say("saved_feedback"))
        for message in render.feedback_outcome(kind, filed or local, reference):
            dispatcher.utter_message(text=message)
        return [*reset(), SlotSet("filed_reference", reference or saved_receipt(key))]


if os.environ.get("OUTBOX_AUTOSTART", "1") == "1":
    # Deliver anything left from a previous run as soon as the action server starts.
    outbox.shared()
