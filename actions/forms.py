# mypy: allow-subclassing-any
"""Form logic: which questions to ask (only what triage needs) and how answers are read.

Two rules keep forms from looping: an unreadable answer gets one "sorry" with what is needed,
and a second gets an offer to skip, rephrase or stop (RasaHQ/financial-demo's
CustomFormValidationAction pattern); and "not sure" to a date gets a month-and-year question,
then is accepted as unknown.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from . import answers, people, questions, reply_channel, services, texts, triage_link
from .dates import ParsedDate, is_unsure, parse_date
from .interrupts import answer_for
from .safety import in_danger, is_safety_reply, safety_message

SKIPPED = "skipped"
NEEDS_CONSENT = {"relative_or_friend", "advocate", "representative", "partner_agency", "other"}
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
_BEFORE = re.compile(
    r"\b(again|already complained|complained (before|already)|last complaint|"
    r"previous complaint|still not|still hasn'?t|still haven'?t|not happy with (the|their) "
    r"(reply|response|answer))\b",
    re.IGNORECASE,
)
_CONTRACTOR = re.compile(r"\b(contractor|contractors|the company|a company|firm)\b", re.I)

# The summary's change groups: the words that pick one, most specific first. Which questions
# a group clears comes from the registry (data/questions.yml, `change`); GROUP_EXTRAS are the
# slots a group's answers set besides their own.
CHANGE_WORDS: list[tuple[str, str]] = [
    (r"\bwho\b|(?<!in )\bperson\b|\bfor\b", "who"),
    (r"\bservice\b|\blandlord\b|\btenant\b", "service"),
    (r"\bhappened\b|\bstory\b|(?<!contact )\bdetails\b|\bwhy\b", "story"),
    (r"\bdate\b|\bwhen\b", "date"),
    # How the council's reply came ("change how the reply was sent", "it was second class"):
    # after "date" ("the date it was sent"), before "contact", which also has "reply".
    (r"\b(sent|class|delivered|in person|by hand|how (it|the reply|the letter) came)\b", "channel"),
    (r"\bwant\b|\boutcome\b|\bput right\b", "outcome"),
    (r"\bcontact\b|\bname\b|\bemail\b|\bphone\b|\baddress\b|\breply\b", "contact"),
]
GROUP_EXTRAS: dict[str, list[str]] = {
    "service": ["circumstances"],
    "date": ["incident_date_spoken", "aware_date_spoken", "previous_response_date_spoken"],
    "contact": ["anonymous", "contact_email", "contact_phone", "contact_preferred"],
}


def change_slots(group: str) -> list[str]:
    asked = [q.slot for q in questions.registry().values() if q.change == group]
    return [*asked, *GROUP_EXTRAS.get(group, [])]


def today() -> dt.date:
    return dt.date.today()


def over_a_year_ago(iso: Any) -> bool:
    """Before the same day last year (from 29 February, 28 February): then the form asks
    when they found out."""
    if not (isinstance(iso, str) and iso[:4].isdigit()):
        return False
    now = today()
    try:
        year_ago = now.replace(year=now.year - 1)
    except ValueError:
        year_ago = now.replace(year=now.year - 1, day=28)
    return dt.date.fromisoformat(iso) < year_ago


def young(tracker: Tracker) -> bool:
    return bool(tracker.get_slot("young_person"))


def complaint_plan(slots: dict[str, Any]) -> list[str]:
    """The questions this complaint needs, in order; filled ones are skipped by the form.

    A question stays in the plan once its condition holds, whatever its own answer: rasa_sdk
    validates only slots in the plan, so a condition on a question's own slot ("ask while
    empty") would drop its answer and reject the turn.
    """
    plan = ["who"]
    rel = slots.get("relationship")
    if slots.get("who") not in (None, SKIPPED):
        plan.append("relationship")
    if rel not in (None, "self", SKIPPED):
        plan.append("affected_is_child")
    plan.append("service")
    service = slots.get("service")
    if questions.pack_asks("council_tenant", service):
        plan.append("council_tenant")
    child, childrens_care = (
        slots.get("affected_is_child") is True,
        service == "childrens_social_care",
    )
    if (child and childrens_care) or (
        questions.pack_asks("child_status", service) and (child or childrens_care)
    ):
        # A child's status decides the Children Act procedure wherever children's care is
        # concerned; where the pack reads it, care leavers (up to 25) and adopted adults
        # complaining about children's social care are asked too, and so is a child about
        # another service the pack's rules turn on it for.
        plan.append("child_status")
    stage = int(slots.get("stage_requested") or 1)
    if stage == 1:
        plan.append("what_happened")
        if _BEFORE.search(str(slots.get("what_happened") or "")):
            plan.append("complained_before")
    if int(slots.get("stage_requested") or 1) == 1:
        plan.append("incident_date")
        if over_a_year_ago(slots.get("incident_date")):
            plan.append("aware_date")
    else:
        plan.append("previous_response_date")
        # How the reply came matters only where the pack counts from its deemed receipt,
        # and only when there is a date to count from.
        if reply_channel.asks_channel() and slots.get("previous_response_date") not in (
            "unknown",
            SKIPPED,
        ):
            plan.append("previous_response_channel")
        plan.append("why_dissatisfied")
    if services.asks_legal_question(service) or questions.pack_asks("legal_check", service):
        plan.append("legal_check")
    if services.appeal_question(service):
        plan.append("appeal_check")
    narrative = f"{slots.get('what_happened') or ''} {slots.get('why_dissatisfied') or ''}"
    if service == "contractor" or _CONTRACTOR.search(narrative):
        plan.append("contractor_check")
    plan.append("desired_outcome")
    if rel not in (None, "self", SKIPPED) and (
        rel in NEEDS_CONSENT
        or (rel == "parent" and slots.get("affected_is_child") is False)
        or questions.pack_asks("consent", service)
    ):
        # Always where it is someone else's information by law; and wherever the pack's
        # rules turn on consent (BCT 7.4 and 7.8, Telford), for anyone complaining for another.
        plan.append("consent")
    plan.append("name")
    if not slots.get("anonymous"):
        plan.append("contact")
        if slots.get("contact_preferred") == "post":
            plan.append("address")
    plan.append("confirm")
    return plan


def feedback_plan(slots: dict[str, Any]) -> list[str]:
    plan = ["feedback_text"]
    if slots.get("kind") in ("service_request", "information_request"):
        plan.append("service")
    plan.append("feedback_reply")
    return plan


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


class _Strikes:
    """Shared answer handling: extraction, safety check, skip, and the two-strike explanation."""

    def __getattr__(self, name: str) -> Any:
        # rasa_sdk calls extract_<slot>() for each required slot with a custom mapping.
        if name.startswith("extract_"):
            slot = name.removeprefix("extract_")

            def extract(
                dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
            ) -> dict[str, Any]:
                return answer_for(slot, tracker)

            return extract
        raise AttributeError(name)

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
        if any(is_safety_reply(str(m.get("text") or "")) for m in dispatcher.messages):
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
                text=texts.say("strike_two", need=need, contact=_person()),
                buttons=[*answer_buttons(slot), *texts.buttons("strike_two_buttons")],
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
        is_button = text in {b["payload"] for b in answer_buttons(slot)}
        # A button we offered is an answer, never a cry for help. Otherwise safety comes
        # first, and the answer is kept when it reads as one, so no question loops.
        message = None if is_button else safety_message(text, young(tracker))
        if message is not None:
            # One message can fill several slots (the opening story is also what happened):
            # the person hears the safety reply once per turn, not once per slot.
            if not safety_said_this_turn(tracker, dispatcher):
                dispatcher.utter_message(text=message)
            q = questions.question(slot)
            if q is not None and answers.reads(slot, text):
                if not q.free:
                    return None  # read on: run() flags the case, seeing the safety reply
                if len(text.split()) > 3:
                    return {slot: text.strip(), "safeguarding": True}
            return {slot: None, "safeguarding": True}
        if _PERSON.match(text) and slot != "confirm":
            dispatcher.utter_message(text=texts.say("talk_to_person", contact=_person()))
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
        parsed: ParsedDate | None = parse_date(text, today())
        unsure = dict(tracker.get_slot("date_unsure") or {})
        if parsed is None:
            if is_unsure(text) or text.strip().lower() in ("unknown", "no"):
                if unsure.get(slot):
                    dispatcher.utter_message(text=texts.say("date_unknown"))
                    return {slot: "unknown"}
                unsure[slot] = True
                dispatcher.utter_message(text=texts.say("ask_incident_date_month"))
                return {slot: None, "date_unsure": unsure}
            if re.search(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\b(19|20)\d{2}\b", text):
                dispatcher.utter_message(
                    text="That date looks like it's in the future. When did it happen?"
                )
                return {slot: None}
            return self._fail(slot, dispatcher, tracker)
        if read_back:
            dispatcher.utter_message(text=texts.say("date_read_back", date=parsed.spoken()))
        return {slot: parsed.date.isoformat(), f"{slot}_spoken": parsed.spoken()}


class ValidateComplaintForm(_Strikes, FormValidationAction):
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
            return self._fail("who", dispatcher, tracker)
        out: dict[str, Any] = {
            "who": str(value),
            "relationship": None if who.relationship == "other" else who.relationship,
            "affected_is_child": who.is_child,
        }
        age = people.age_in(str(value))
        if age is not None:
            out["complainant_age"] = age
        if who.young_person:
            out["young_person"] = True
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
        return validate_service_answer(self, value, dispatcher, tracker)

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
        if tracker.get_slot("service") is None:
            found = services.match_service(text, about_child=tracker.get_slot("affected_is_child"))
            if found:
                out["service"] = found
        return out

    def validate_incident_date(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        out = self._date("incident_date", value, dispatcher, tracker, read_back=False)
        spoken = out.get("incident_date_spoken")
        # An old date is read back by the next question ("Got it — ... That's more than a
        # year ago."), so saying it here too would repeat it.
        if spoken and not over_a_year_ago(out.get("incident_date")):
            dispatcher.utter_message(text=texts.say("date_read_back", date=spoken))
        return out

    def validate_aware_date(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = str(value).lower()
        if re.search(r"\b(same time|at the time|straight away|when it happened|then)\b", text):
            return {"aware_date": tracker.get_slot("incident_date")}
        return self._date("aware_date", value, dispatcher, tracker)

    def validate_previous_response_date(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._date("previous_response_date", value, dispatcher, tracker)

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
        return {"why_dissatisfied": str(value).strip()}

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

    def validate_desired_outcome(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        guarded = self._guard("desired_outcome", value, dispatcher, tracker)
        if guarded is not None:
            return guarded
        if len(str(value).strip()) < 2:
            return self._fail("desired_outcome", dispatcher, tracker)
        return {"desired_outcome": str(value).strip()}

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
        if consent == "unknown":
            # Not known is not a refusal: the council asks them (the consent_required flag).
            dispatcher.utter_message(text=texts.say("consent_unknown"))
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

    def validate_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = str(value)
        if in_danger(text):
            return self._guard("name", value, dispatcher, tracker) or {}
        if people.wants_anonymous(text):
            dispatcher.utter_message(text=texts.say("anonymous_meaning"))
            return {"name": "anonymous", "anonymous": True}
        if not people.looks_like_name(people.clean_name(text)):
            return self._fail("name", dispatcher, tracker)
        return {"name": people.clean_name(text), "anonymous": False}

    def validate_contact(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        guarded = self._guard("contact", value, dispatcher, tracker)
        if guarded is not None:
            return {**guarded, "contact_preferred": "none"} if guarded.get("contact") else guarded
        choice = people.contact_from(str(value))
        if choice is None:
            return self._fail("contact", dispatcher, tracker)
        return {
            "contact": str(value),
            "contact_email": choice.email,
            "contact_phone": choice.phone,
            "contact_preferred": choice.preferred,
        }

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


def _person() -> str:
    from .render import complaints_contact, contact_line

    return contact_line(complaints_contact()) or triage_link.council_name()


# Values a validator itself produces, for the questions whose answers are codes.
_READ_VALUES: dict[str, frozenset[Any]] = {
    "relationship": triage_link.codes_of("Relationship"),
    "consent": triage_link.codes_of("Consent"),
    "council_tenant": frozenset({True, False, "unknown"}),
}


def _already_read(slot: str, value: Any) -> bool:
    return isinstance(value, (str, bool)) and value in _READ_VALUES.get(slot, frozenset())


def answer_buttons(slot: str) -> list[dict[str, str]]:
    """The question's own answers as buttons (the service list for the service question)."""
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
    from . import triage_link
    from .render import contact_line

    names = "; ".join(contact_line(a) for a in triage_link.advocates()[:2])
    return texts.say("help", True, advocates=names)


def validate_service_answer(
    form: _Strikes, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
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
    if found is None:
        return form._fail("service", dispatcher, tracker)
    return {"service": found}


class ValidateFeedbackForm(_Strikes, FormValidationAction):
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
        choice = people.contact_from(str(value))
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
