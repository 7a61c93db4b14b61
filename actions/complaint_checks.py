# mypy: allow-subclassing-any
"""The complaint form's checks: court or police, a right of appeal, a contractor, an earlier
reply, consent and the council as landlord. Each answer may add a circumstance the engine
reads (legal_proceedings, right_of_appeal, contractor_first) or turn the complaint into a
request for a second look."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from . import circumstances, people, staff_notes, texts
from .dates import is_unsure
from .forms import AnswerForm
from .speaker import could_be_staff


class ComplaintChecks(AnswerForm):
    """Mixed into ValidateComplaintForm (complaint_form.py)."""

    def _add_circumstances(self, tracker: Tracker, *codes: str) -> list[str]:
        return sorted({*(tracker.get_slot("circumstances") or []), *codes})

    def validate_legal_check(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        guarded = self._guard("legal_check", value, dispatcher, tracker)
        if guarded is not None:
            return guarded
        text = str(value).lower()
        codes = []
        if re.search(r"\b(court|tribunal|solicitor|legal)\b", text):
            codes.append("legal_proceedings")
        if re.search(r"\b(police|crime|criminal)\b", text):
            codes.append("criminal_investigation")
        if not codes and people.yes_no(text) is None and not is_unsure(text):
            return self._fail("legal_check", dispatcher, tracker)
        if not codes and people.yes_no(text) is True:
            codes.append("legal_proceedings")
        return {"legal_check": text, "circumstances": self._add_circumstances(tracker, *codes)}

    def validate_appeal_check(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        guarded = self._guard("appeal_check", value, dispatcher, tracker)
        if guarded is not None:
            return guarded
        answer = people.yes_no(str(value))
        if answer is None and not is_unsure(str(value)):
            return self._fail("appeal_check", dispatcher, tracker)
        codes = ["right_of_appeal"] if answer else []
        return {
            "appeal_check": str(value),
            "circumstances": self._add_circumstances(tracker, *codes),
        }

    def validate_contractor_check(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        guarded = self._guard("contractor_check", value, dispatcher, tracker)
        if guarded is not None:
            return guarded
        text = str(value).lower()
        if re.search(r"\bnot a company\b|\bno company\b|\bcouncil staff\b", text):
            return {"contractor_check": text}
        if re.search(r"\b(not yet|no)\b", text):
            return {
                "contractor_check": text,
                "circumstances": self._add_circumstances(tracker, "contractor_first"),
            }
        if re.search(r"\b(yes|they have|they've|had a chance)\b", text):
            return {"contractor_check": text}
        return self._fail("contractor_check", dispatcher, tracker)

    def validate_circumstance_check(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        guarded = self._guard("circumstance_check", value, dispatcher, tracker)
        if guarded is not None:
            return guarded
        offered = circumstances.offered(tracker.get_slot("service"), staff=could_be_staff(tracker))
        codes = circumstances.answer(str(value), offered)
        if codes is None:
            return self._fail("circumstance_check", dispatcher, tracker)
        return {
            "circumstance_check": str(value),
            "circumstances": self._add_circumstances(tracker, *codes),
        }

    def validate_complained_before(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        guarded = self._guard("complained_before", value, dispatcher, tracker)
        if guarded is not None:
            return guarded
        answer = people.yes_no(str(value))
        if answer is None:
            return self._fail("complained_before", dispatcher, tracker)
        if answer:
            # An answered complaint that is still wrong is an escalation, not a new complaint.
            return {
                "complained_before": True,
                "stage_requested": 2,
                "why_dissatisfied": tracker.get_slot("what_happened"),
            }
        return {"complained_before": False}

    def validate_consent(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        guarded = self._guard("consent", value, dispatcher, tracker)
        if guarded is not None:
            return guarded
        consent = people.consent_in(str(value))
        if consent is None and is_unsure(str(value)):
            consent = "unknown"
        if consent is None:
            return self._fail("consent", dispatcher, tracker)
        if consent == "unknown" and not people.cannot_agree(str(value)):
            # Not known is not a refusal: the council asks them (the consent_required flag).
            dispatcher.utter_message(text=texts.say("consent_unknown"))
        if str(value) not in texts.raw("ask_consent")["buttons"] and len(str(value).split()) >= 4:
            # "She has dementia, I have lasting power of attorney": the code alone loses it.
            return {"consent": consent, **staff_notes.add(tracker, "consent", str(value))}
        return {"consent": consent}

    def validate_council_tenant(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        guarded = self._guard("council_tenant", value, dispatcher, tracker)
        if guarded is not None:
            return guarded
        read = people.council_tenant(str(value))
        if read is None:
            return self._fail("council_tenant", dispatcher, tracker)
        tenant, service = read
        out: dict[str, Any] = {"council_tenant": "unknown" if tenant is None else tenant}
        if service:
            out["service"] = service
        return out
