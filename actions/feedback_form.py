# mypy: allow-subclassing-any
"""The feedback form (validate_feedback_form): compliments, comments and requests. What they
want to say, the service where it matters (plan.py) and whether they want a reply."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from . import contact_details, people, services
from .forms import AnswerForm, validate_service_answer
from .plan import feedback_plan


class ValidateFeedbackForm(AnswerForm, FormValidationAction):
    def name(self) -> str:
        return "validate_feedback_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        return feedback_plan(tracker.slots)

    def validate_feedback_text(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        guarded = self._guard("feedback_text", value, dispatcher, tracker)
        if guarded is not None:
            return guarded
        text = str(value).strip()
        if len(text) < 3:
            return self._fail("feedback_text", dispatcher, tracker)
        out: dict[str, Any] = {"feedback_text": text}
        if tracker.get_slot("service") is None and (found := services.match_service(text)):
            out["service"] = found
        return out

    def validate_service(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return validate_service_answer(self, value, dispatcher, tracker)

    def validate_feedback_reply(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        guarded = self._guard("feedback_reply", value, dispatcher, tracker)
        if guarded is not None:
            return guarded
        choice = contact_details.contact_from(str(value))
        if choice and (choice.email or choice.phone):
            return {
                "feedback_reply": str(value),
                "contact_email": choice.email,
                "contact_phone": choice.phone,
                "contact_preferred": choice.preferred,
                "anonymous": False,
            }
        if people.yes_no(str(value)) is False or re.search(r"\bno\b", str(value), re.I):
            return {"feedback_reply": "none", "anonymous": True}
        return self._fail("feedback_reply", dispatcher, tracker)
