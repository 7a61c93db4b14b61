# mypy: allow-subclassing-any
"""The complaint form (validate_complaint_form): which questions it asks is plan.py, how each
answer is read is here, and what a missed or unsafe answer gets is the shared AnswerForm
(forms.py)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from . import (
    circumstances,
    contact_details,
    people,
    reply_channel,
    services,
    staff_notes,
    texts,
)
from .complaint_checks import ComplaintChecks
from .conversation import details_in
from .date_answers import DateAnswers
from .dates import is_unsure
from .forms import AnswerForm, advocate_offer, validate_service_answer
from .plan import CHANGE_WORDS, SKIPPED, change_slots, complaint_plan
from .safety import in_danger


def _untold_story(value: Any, tracker: Tracker) -> str | None:
    """A story told in answer to another question, while what happened is not yet known."""
    return None if tracker.get_slot("what_happened") else details_in(str(value))


class ValidateComplaintForm(ComplaintChecks, DateAnswers, AnswerForm, FormValidationAction):
    """Reads the complaint form's answers: who, the service, the story, the dates, what
    they want, their contact details and the summary (the checks: complaint_checks.py)."""

    def name(self) -> str:
        return "validate_complaint_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        return complaint_plan(tracker.slots)

    def validate_who(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        guarded = self._guard("who", value, dispatcher, tracker)
        if guarded is not None:
            return guarded
        who = people.who_from(str(value))
        if who is None:
            if story := _untold_story(value, tracker):
                # They told the story first (after the "Make a complaint" button): it is kept,
                # so "what happened?" is not asked, and who it is about is asked again.
                dispatcher.utter_message(text=texts.say("story_kept"))
                kept: dict[str, Any] = {"who": None, "what_happened": story}
                service = services.match_service(story)
                if service and not tracker.get_slot("service"):
                    kept["service"] = service
                return kept
            return self._fail("who", dispatcher, tracker)
        out: dict[str, Any] = {
            "who": str(value),
            "relationship": None if who.relationship == "other" else who.relationship,
            "affected_is_child": who.is_child,
        }
        age = people.age_in(str(value))
        if age is not None and who.relationship == "self":
            # "my mum, she's 82" is the mum's age, not the complainant's.
            out["complainant_age"] = age
        if who.young_person:
            out["young_person"] = True
            if not tracker.get_slot("young_person"):
                # Offered once: the opening may have said "im 15" and offered it already.
                dispatcher.utter_message(text=advocate_offer())
        return out

    def validate_relationship(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        guarded = self._guard("relationship", value, dispatcher, tracker)
        if guarded is not None:
            return guarded
        rel = people.relationship_in(str(value))
        if rel is None:
            return self._fail("relationship", dispatcher, tracker)
        out: dict[str, Any] = {"relationship": rel}
        age = people.age_in(str(value))
        if age is not None:
            # "She's my nan, she's 80": the age answers the next question too.
            out["affected_is_child"] = age < 18
        return out

    def validate_affected_is_child(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if isinstance(value, bool):
            return {"affected_is_child": value}
        guarded = self._guard("affected_is_child", value, dispatcher, tracker)
        if guarded is not None:
            return guarded
        age = people.age_in(str(value)) or (
            int(m.group()) if (m := re.search(r"\b\d{1,2}\b", str(value))) else None
        )
        answer = people.yes_no(str(value)) if age is None else age < 18
        if answer is None:
            return self._fail("affected_is_child", dispatcher, tracker)
        return {"affected_is_child": answer}

    def validate_service(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        out = validate_service_answer(self, value, dispatcher, tracker)
        story = _untold_story(value, tracker)
        if story and out.get("service"):
            # "his blue badge renewal, they lost his form twice": the story too, not asked again.
            out["what_happened"] = story
        return out

    def validate_child_status(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if isinstance(value, list):
            return {"child_status": value}
        guarded = self._guard("child_status", value, dispatcher, tracker)
        if guarded is not None:
            return guarded
        statuses = people.child_statuses(str(value))
        if statuses is None:
            if is_unsure(str(value)):
                return {"child_status": []}
            return self._fail("child_status", dispatcher, tracker)
        return {"child_status": statuses}

    def validate_what_happened(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        guarded = self._guard("what_happened", value, dispatcher, tracker)
        if guarded is not None:
            return guarded
        text = str(value).strip()
        if len(text) < 3:
            return self._fail("what_happened", dispatcher, tracker)
        out: dict[str, Any] = {"what_happened": text}
        told = circumstances.read(text)
        if told:
            # "it's already with the ombudsman", "there are care proceedings": the engine
            # routes on these, and the person should not have to say them twice.
            out["circumstances"] = sorted({*(tracker.get_slot("circumstances") or []), *told})
        if tracker.get_slot("service") in (None, "other"):
            # "Something else", then "my son's EHCP review...": the story names the service.
            found = services.match_service(text, about_child=tracker.get_slot("affected_is_child"))
            if found:
                out["service"] = found
        return out

    def validate_previous_response_channel(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        guarded = self._guard("previous_response_channel", value, dispatcher, tracker)
        if guarded is not None:
            return guarded
        channel = reply_channel.read_channel(str(value))
        if channel is None:
            return self._fail("previous_response_channel", dispatcher, tracker)
        # "A letter" or "not sure" is an answer too: the channel stays unknown and the
        # engine uses its default, rather than asking again.
        return {"previous_response_channel": channel}

    def validate_why_dissatisfied(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        guarded = self._guard("why_dissatisfied", value, dispatcher, tracker)
        if guarded is not None:
            return guarded
        if len(str(value).strip()) < 3:
            return self._fail("why_dissatisfied", dispatcher, tracker)
        out: dict[str, Any] = {"why_dissatisfied": str(value).strip()}
        told = circumstances.read(str(value))
        if told:
            out["circumstances"] = sorted({*(tracker.get_slot("circumstances") or []), *told})
        return out

    def validate_desired_outcome(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        guarded = self._guard("desired_outcome", value, dispatcher, tracker)
        if guarded is not None:
            return guarded
        if len(str(value).strip()) < 2:
            return self._fail("desired_outcome", dispatcher, tracker)
        return {"desired_outcome": str(value).strip()}

    def validate_affected_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        guarded = self._guard("affected_name", value, dispatcher, tracker)
        if guarded is not None:
            return guarded
        text = str(value)
        if contact_details.rather_not_say(text):
            dispatcher.utter_message(text=texts.say("skipped"))
            return {"affected_name": SKIPPED}
        name = contact_details.clean_name(text)
        if not contact_details.looks_like_name(name):
            return self._fail("affected_name", dispatcher, tracker)
        return {"affected_name": name}

    def validate_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = str(value)
        if in_danger(text):
            return self._guard("name", value, dispatcher, tracker) or {}
        if contact_details.wants_anonymous(text):
            dispatcher.utter_message(text=texts.say("anonymous_meaning"))
            return {"name": "anonymous", "anonymous": True}
        if not contact_details.looks_like_name(contact_details.clean_name(text)):
            if split := staff_notes.name_and_rest(text):
                # "Rebecca Hart, Hart & Co Solicitors": the name, and the rest kept for staff.
                return {
                    "name": split[0],
                    "anonymous": False,
                    **staff_notes.add(tracker, "name", split[1]),
                }
            return self._fail("name", dispatcher, tracker)
        return {"name": contact_details.clean_name(text), "anonymous": False}

    def validate_contact(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        guarded = self._guard("contact", value, dispatcher, tracker)
        if guarded is not None:
            return {**guarded, "contact_preferred": "none"} if guarded.get("contact") else guarded
        choice = contact_details.contact_from(str(value))
        if choice is None:
            return self._fail("contact", dispatcher, tracker)
        given = {
            "contact": str(value),
            "contact_email": choice.email,
            "contact_phone": choice.phone,
            "contact_preferred": choice.preferred,
        }
        if not choice.post and staff_notes.beyond_contact(str(value)):
            given |= staff_notes.add(tracker, "contact", str(value))
        # "post please, 14 Oak Road…": the address came with the answer, so it is not asked.
        return {**given, "address": choice.address} if choice.address else given

    def validate_address(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        guarded = self._guard("address", value, dispatcher, tracker)
        if guarded is not None:
            return guarded
        if len(str(value).strip()) < 6:
            return self._fail("address", dispatcher, tracker)
        return {"address": str(value).strip()}

    def validate_confirm(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if in_danger(str(value)):
            # Danger at the summary (issue 16): the safety reply first, then the summary again;
            # the same words never send the complaint or change it.
            self._guard("confirm", value, dispatcher, tracker)
            return {"confirm": None, "safeguarding": True}
        text = str(value).lower()
        if re.search(r"\b(change|wrong|edit|fix|correct|update)\b", text):
            for pattern, group in CHANGE_WORDS:
                if re.search(pattern, text):
                    return {**dict.fromkeys(change_slots(group)), "confirm": None}
            return self._fail("confirm", dispatcher, tracker)
        answer = people.yes_no(text)
        if answer or re.search(r"\b(send|submit|looks good|that'?s it|all good)\b", text):
            return {"confirm": True}
        if answer is False:
            dispatcher.utter_message(text=texts.say("need_confirm"))
            return {"confirm": None}
        return self._fail("confirm", dispatcher, tracker)
