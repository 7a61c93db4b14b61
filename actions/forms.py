# mypy: allow-subclassing-any
"""What every form shares (AnswerForm): reading the message as the answer to each question,
danger first, "skip" and "talk to a person", dates, and what a missed answer gets. The forms
are complaint_form.py and feedback_form.py; which questions they ask is plan.py.

Two rules keep forms from looping: an unreadable answer gets one "sorry" with what is needed,
and a second gets an offer to skip, rephrase or stop (RasaHQ/financial-demo's
CustomFormValidationAction pattern); and "not sure" to a date gets a month-and-year question,
then is accepted as unknown.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from . import answers, circumstances, questions, services, texts, triage_link
from .date_words import spoken
from .dates import date_within, in_future, is_unsure
from .interrupts import answer_for
from .parsed_date import ParsedDate
from .plan import SKIPPED
from .render import contact_line, person_contact
from .safety import is_safety_reply, safety_message
from .speaker import could_be_staff, young
from .triage_link import today

__all__ = ["SKIPPED", "AnswerForm", "answer_buttons", "today", "young"]

_SKIP = re.compile(
    r"^\s*(skip|skip it|skip this|skip this question|skip that|skip question|pass|next|"
    r"leave (it|that|this) out)\s*[.!]?\s*$",
    re.IGNORECASE,
)
_PERSON = re.compile(
    r"^\W*(i'?d like to |i want to |can i |let me )?(talk|speak) to (a |someone|a real )?"
    r"(person|human|someone)\W*$",
    re.IGNORECASE,
)


def safety_said_this_turn(tracker: Tracker, dispatcher: CollectingDispatcher) -> bool:
    """Whether the safety reply already went out since the person's latest message."""
    if any(is_safety_reply(str(m.get("text") or "")) for m in dispatcher.messages):
        return True
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "bot" and is_safety_reply(str(event.get("text") or "")):
            return True
    return False


class AnswerForm:
    """Shared answer handling: reading the answers, safety check, skip, and the two-strike
    explanation. Mixed in before rasa_sdk's FormValidationAction."""

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """The message read as the answer to each question in the plan (interrupts.answer_for),
        in order, each seeing the ones before, as rasa_sdk does with extract_<slot> methods."""
        found: dict[str, Any] = {}
        plan = await self.required_slots(  # type: ignore[attr-defined]
            self.domain_slots(domain),  # type: ignore[attr-defined]
            dispatcher,
            tracker,
            domain,
        )
        for slot in plan:
            read = answer_for(slot, tracker)
            found.update(read)
            tracker.slots.update(read)
        return [SlotSet(slot, value) for slot, value in found.items()]

    def _text(self, tracker: Tracker) -> str:
        return str(tracker.latest_message.get("text") or "")

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        events: list[dict[str, Any]] = await super().run(  # type: ignore[misc]
            dispatcher, tracker, domain
        )
        # An answered question starts afresh if it is asked again ("Change who").
        strikes = dict(tracker.get_slot("strikes") or {})
        answered = {
            e["name"] for e in events if e.get("event") == "slot" and e.get("value") is not None
        }
        if strikes and answered & set(strikes):
            events.append(
                SlotSet("strikes", {k: v for k, v in strikes.items() if k not in answered})
            )
        if safety_said_this_turn(tracker, dispatcher):
            # This message set off the safety reply (here, or in an action before the form).
            events.append(SlotSet("safeguarding", True))
        return events

    def _fail(
        self, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        """No dead ends: the first miss says what is needed and the question comes again; the
        second offers the answers as buttons, 'skip' or a person instead of asking a third
        time; a third leaves the question out and carries on."""
        strikes = dict(tracker.get_slot("strikes") or {})
        strikes[slot] = strikes.get(slot, 0) + 1
        need = texts.say(f"need_{slot}")
        if strikes[slot] == 1:
            dispatcher.utter_message(text=texts.say("strike_one", need=need))
            return {slot: None, "strikes": strikes}
        if strikes[slot] == 2 or slot == "confirm":
            dispatcher.utter_message(
                text=texts.say(
                    "strike_two_confirm" if slot == "confirm" else "strike_two",
                    need=need,
                    contact=person_contact(),
                ),
                buttons=[
                    *answer_buttons(
                        slot, tracker.get_slot("service"), staff=could_be_staff(tracker)
                    ),
                    # The summary cannot be skipped: only a person is offered there.
                    *[
                        b
                        for b in texts.buttons("strike_two_buttons")
                        if slot != "confirm" or not _SKIP.match(b["title"])
                    ],
                ],
            )
            # This replaces the question this turn (AskAction reads "reasked").
            return {slot: None, "strikes": strikes, "reasked": slot}
        dispatcher.utter_message(text=texts.say("strike_skip"))
        return {slot: SKIPPED, "strikes": strikes}

    def _guard(
        self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any] | None:
        """Handles danger, 'skip' and 'talk to a person'; None means: go on and read the
        answer. Danger is answered first; a story that told of it is kept, a short answer is
        asked for again."""
        if _already_read(slot, value):
            # Rasa validates pre-filled slots when a form starts: the start action has read
            # these from the opening message already ("my daughter's social worker": parent).
            return {slot: value}
        text = str(value or "")
        is_button = text in {
            b["payload"]
            for b in answer_buttons(
                slot, tracker.get_slot("service"), staff=could_be_staff(tracker)
            )
        }
        # A button we offered is an answer, never a cry for help. Otherwise safety comes
        # first, and the answer is kept when it reads as one, so no question loops.
        message = None if is_button else safety_message(text, young(tracker))
        if message is not None:
            # One message can fill several slots (the opening story is also what happened):
            # the person hears the safety reply once per turn, not once per slot.
            if not safety_said_this_turn(tracker, dispatcher):
                dispatcher.utter_message(text=message)
            q = questions.question(slot)
            if (
                q is not None
                and answers.reads(slot, text)
                and (not q.free or len(text.split()) > 3)
            ):
                # Read on (a story is read for circumstances too): run() flags the case.
                return None
            return {slot: None, "safeguarding": True}
        if _PERSON.match(text) and slot != "confirm":
            dispatcher.utter_message(text=texts.say("talk_to_person", contact=person_contact()))
            return {slot: SKIPPED}
        if _SKIP.match(text) and slot != "confirm":
            dispatcher.utter_message(text=texts.say("skipped"))
            return {slot: SKIPPED}
        return None

    def _date(
        self,
        slot: str,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        *,
        read_back: bool = True,
    ) -> dict[str, Any]:
        guarded = self._guard(slot, value, dispatcher, tracker)
        if guarded is not None:
            return guarded
        text = str(value)
        parsed: ParsedDate | None = date_within(text, triage_link.today())
        unsure = dict(tracker.get_slot("date_unsure") or {})
        if parsed is None:
            if is_unsure(text) or text.strip().lower() in ("unknown", "no"):
                if unsure.get(slot):
                    dispatcher.utter_message(text=texts.say("date_unknown"))
                    return {slot: "unknown"}
                unsure[slot] = True
                dispatcher.utter_message(text=texts.say("ask_incident_date_month"))
                return {slot: None, "date_unsure": unsure}
            if in_future(text, triage_link.today()):
                dispatcher.utter_message(text=texts.say("date_in_future"))
                return {slot: None}
            return self._fail(slot, dispatcher, tracker)
        if read_back:
            dispatcher.utter_message(text=texts.say("date_read_back", date=spoken(parsed)))
        return {slot: parsed.date.isoformat(), f"{slot}_spoken": spoken(parsed)}


# Values a validator itself produces, for the questions whose answers are codes.
_READ_VALUES: dict[str, frozenset[Any]] = {
    "relationship": triage_link.codes_of("Relationship"),
    "consent": triage_link.codes_of("Consent"),
    "council_tenant": frozenset({True, False, "unknown"}),
}


def _already_read(slot: str, value: Any) -> bool:
    return isinstance(value, (str, bool)) and value in _READ_VALUES.get(slot, frozenset())


def answer_buttons(slot: str, service: Any = None, *, staff: bool = True) -> list[dict[str, str]]:
    """The question's own answers as buttons (the service list for the service question, the
    pack's circumstances for this service for 'is any of these part of it?')."""
    if slot == "circumstance_check":
        choices = circumstances.offered(service, staff=staff)
        offered = [{"title": b, "payload": b} for _, b in choices]
        return [*offered, *texts.buttons("ask_circumstance_check")]
    if slot == "service":
        return [
            {"title": services.label(code), "payload": services.label(code)}
            for code in services.button_codes()
        ]
    q = questions.question(slot)
    if q is None or not isinstance(texts.raw(q.ask), dict):
        return []
    return texts.buttons(q.ask)


def advocate_offer() -> str:
    """For a young person: the advocates for children and young people, from the pack."""
    names = "; ".join(contact_line(a) for a in triage_link.advocates(about_child=True))
    return texts.say("help", True, advocates=names)


def validate_service_answer(
    form: AnswerForm, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
) -> dict[str, Any]:
    text = str(value)
    if text in services.codes():
        return {"service": text}
    guarded = form._guard("service", value, dispatcher, tracker)
    if guarded is not None:
        return guarded
    found = services.match_service(text, about_child=tracker.get_slot("affected_is_child"))
    if (
        found is None
        and services.social_care_context(text) is None
        and re.search(r"social|care", text, re.I)
    ):
        dispatcher.utter_message(
            text=texts.say("ask_service_social_care"),
            buttons=texts.buttons("ask_service_social_care"),
        )
        return {"service": None}
    strikes = dict(tracker.get_slot("strikes") or {})
    likely = services.suggest_services(text, about_child=tracker.get_slot("affected_is_child"))
    if found is None and likely and not strikes.get("service"):
        # Not sure, but two or three services stand out: offer them (once, so no loop).
        dispatcher.utter_message(
            text=texts.say("ask_service_likely", young(tracker)),
            buttons=services.likely_buttons(likely),
        )
        strikes["service"] = 1
        return {"service": None, "strikes": strikes, "reasked": "service"}
    if found is None:
        return form._fail("service", dispatcher, tracker)
    return {"service": found}
