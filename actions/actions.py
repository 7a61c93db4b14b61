# mypy: allow-subclassing-any
"""Custom actions: starting, asking, filing, and the things people can say at any point."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import uuid
from abc import ABCMeta, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import (
    ActionExecuted,
    ActiveLoop,
    EventType,
    FollowupAction,
    Restarted,
    SessionStarted,
    SlotSet,
)
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from . import outbox, people, render, services, stages, texts, triage_link
from .caseclient import file_case_async
from .facts import build_facts, contact_block
from .forms import SKIPPED, advocate_offer, answer_buttons, safety_said_this_turn, today, young
from .safety import assess_danger, in_danger, safety_reply
from .settings import settings
from .summary import summary

log = logging.getLogger(__name__)

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
    "desired_outcome",
    "consent",
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


def _channel(tracker: Tracker) -> str:
    name = tracker.get_latest_input_channel() or ""
    return {"socketio": "webchat", "cmdline": "shell"}.get(name, "api")


def _reset() -> list[EventType]:
    return [SlotSet(s, None) for s in FORM_SLOTS]


def _details_in(text: str) -> str | None:
    """The opening message, when it says more than 'I want to complain'."""
    rest = _GENERIC.sub(" ", text)
    return text.strip() if len(rest.split()) >= 8 else None


class ActionSessionStart(Action):
    def name(self) -> str:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        # Nothing is carried over: a new session is a new conversation about a new matter.
        return [SessionStarted(), ActionExecuted("action_listen")]


class ActionRestart(Action):
    def name(self) -> str:
        return "action_restart"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if (safe := safety_first(dispatcher, tracker)) is not None:
            return safe  # "I started cutting again" is not a request to start again
        dispatcher.utter_message(text=texts.say("restart"))
        # Rasa 3.6 does not run session start after a restart by itself.
        return [Restarted(), FollowupAction("action_session_start")]


class ReplyAction(Action, metaclass=ABCMeta):
    """A reply to something the person asked or said. Danger words come first, in this one
    place, so no reply can forget them (safety_first); abstract, so rasa_sdk skips it."""

    action_name = ""

    def name(self) -> str:
        return self.action_name

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        text = str(tracker.latest_message.get("text") or "")
        danger = None if tracker.active_loop_name else assess_danger(text)
        if danger is not None and tells_a_complaint(text, danger.category):
            # A story about the council, read as a question or a request: the safety reply
            # first, then the complaint with that story (data/rules.yml), not a dead end.
            return [FollowupAction("action_safeguarding")]
        if (safe := safety_first(dispatcher, tracker)) is not None:
            return safe
        return self.reply(dispatcher, tracker)

    @abstractmethod
    def reply(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]: ...


class ActionGreet(ReplyAction):
    action_name = "action_greet"

    def reply(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        dispatcher.utter_message(
            text=texts.say("greet", council=triage_link.council_name()),
            buttons=texts.buttons("menu_buttons"),
        )
        return []


class ActionStartComplaint(Action):
    """Starts the complaint form, keeping whatever the opening message already told us."""

    def name(self) -> str:
        return "action_start_complaint"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        safe = safety_first(dispatcher, tracker) or []
        text = str(tracker.latest_message.get("text") or "")
        events: list[EventType] = [
            *_reset(),
            SlotSet("kind", "complaint"),
            SlotSet("stage_requested", 1),
            SlotSet("case_key", uuid.uuid4().hex),
        ]
        who = people.who_from(text) if re.search(r"\bmy\b|\bi'?m\b|\bim\b", text, re.I) else None
        is_child = who.is_child if who else None
        young_now = bool(who and who.young_person) or bool(tracker.get_slot("young_person"))
        if who and who.relationship not in ("other", "self"):
            events += [
                SlotSet("who", text),
                SlotSet("relationship", who.relationship),
                SlotSet("affected_is_child", who.is_child),
            ]
        if young_now:
            events += [
                SlotSet("young_person", True),
                SlotSet("who", text),
                SlotSet("relationship", "self"),
                SlotSet("affected_is_child", True),
                SlotSet("complainant_age", people.age_in(text)),
            ]
        service = services.match_service(text, about_child=is_child)
        if service:
            events.append(SlotSet("service", service))
        details = _details_in(text)
        if details:
            events.append(SlotSet("what_happened", details))
        dispatcher.utter_message(text=texts.say("start_complaint", young_now))
        if young_now:
            dispatcher.utter_message(text=advocate_offer())
        return [*events, *safe]


class ActionStartEscalation(Action):
    def name(self) -> str:
        return "action_start_escalation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        safe = safety_first(dispatcher, tracker) or []
        text = str(tracker.latest_message.get("text") or "")
        stage = stages.stage_from(text)
        events: list[EventType] = [
            *_reset(),
            SlotSet("kind", "complaint"),
            SlotSet("stage_requested", stage),
            SlotSet("case_key", uuid.uuid4().hex),
        ]
        service = services.match_service(text)
        if service:
            events.append(SlotSet("service", service))
        dispatcher.utter_message(text=texts.say("start_escalation"))
        return [*events, *safe]


class ActionStartFeedback(Action):
    """Compliments, comments, service and information requests: recorded, not forced through
    the complaint form."""

    def name(self) -> str:
        return "action_start_feedback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        safe = safety_first(dispatcher, tracker) or []
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        kind = {
            "compliment": "compliment",
            "comment": "comment",
            "service_request": "service_request",
            "information_request": "information_request",
        }.get(str(intent), "comment")
        text = str(tracker.latest_message.get("text") or "")
        events: list[EventType] = [
            *_reset(),
            SlotSet("kind", kind),
            SlotSet("case_key", uuid.uuid4().hex),
        ]
        service = services.match_service(text)
        if service:
            events.append(SlotSet("service", service))
        details = _details_in(text)
        if details:
            events.append(SlotSet("feedback_text", details))
        return [*events, *safe]


class AskAction(Action):
    """Asks for one form slot, in the young person's wording when that applies."""

    slot = ""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    def key(self, tracker: Tracker) -> str:
        return f"ask_{self.slot}"

    def values(self, tracker: Tracker) -> dict[str, Any]:
        return {}

    def buttons(self, tracker: Tracker) -> list[dict[str, str]]:
        return texts.buttons(self.key(tracker))

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if reasked_this_turn(tracker, self.slot):
            return []
        key = self.key(tracker)
        dispatcher.utter_message(
            text=texts.say(key, young(tracker), **self.values(tracker)),
            buttons=self.buttons(tracker),
        )
        return []


def reasked_this_turn(tracker: Tracker, slot: str) -> bool:
    """The validator has just offered this question's answers after a second miss: asking it
    again in the same turn would be the third time in a row."""
    for e in reversed(tracker.events):
        if e.get("event") == "user":
            return False
        if e.get("event") == "slot" and e.get("name") == "reasked" and e.get("value") == slot:
            return True
    return False


def _simple_asks() -> list[type[AskAction]]:
    made = []
    for slot in (
        "who",
        "relationship",
        "affected_is_child",
        "council_tenant",
        "what_happened",
        "previous_response_channel",
        "why_dissatisfied",
        "legal_check",
        "contractor_check",
        "complained_before",
        "desired_outcome",
        "consent",
        "name",
        "contact",
        "address",
    ):
        made.append(type(f"AskAction_{slot}", (AskAction,), {"slot": slot}))
    return made


ASK_ACTIONS = _simple_asks()
for _cls in ASK_ACTIONS:
    globals()[_cls.__name__] = _cls


class ActionAskChildStatus(AskAction):
    """An adult complaining about their own time in care (a care leaver, an adopted adult)
    is asked about themselves, not about 'the child'."""

    slot = "child_status"

    def key(self, tracker: Tracker) -> str:
        adult_self = tracker.get_slot("relationship") == "self" and not young(tracker)
        return "ask_child_status_self" if adult_self else "ask_child_status"


class ActionAskService(AskAction):
    slot = "service"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if reasked_this_turn(tracker, self.slot):
            return []
        dispatcher.utter_message(
            text=texts.say("ask_service", young(tracker)), buttons=answer_buttons("service")
        )
        return []


class DateAskAction(AskAction):
    """After "not sure" the validator has just asked for a month and year: one question only."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if (tracker.get_slot("date_unsure") or {}).get(self.slot):
            return []
        return await super().run(dispatcher, tracker, domain)


class ActionAskIncidentDate(DateAskAction):
    slot = "incident_date"


class ActionAskPreviousResponseDate(DateAskAction):
    slot = "previous_response_date"


class ActionAskAwareDate(DateAskAction):
    slot = "aware_date"

    def values(self, tracker: Tracker) -> dict[str, Any]:
        return {"date": tracker.get_slot("incident_date_spoken") or "that date"}


class ActionAskAppealCheck(AskAction):
    slot = "appeal_check"

    def values(self, tracker: Tracker) -> dict[str, Any]:
        return {"question": services.appeal_question(tracker.get_slot("service")) or ""}


class ActionAskConfirm(AskAction):
    slot = "confirm"

    def values(self, tracker: Tracker) -> dict[str, Any]:
        return {"summary": summary(tracker.slots)}

    def buttons(self, tracker: Tracker) -> list[dict[str, str]]:
        buttons = texts.buttons("ask_confirm")
        if tracker.get_slot("previous_response_channel"):
            # Only when the summary shows how the reply came: right after "Change the date".
            extra = texts.buttons("change_channel_button")
            at = next((i + 1 for i, b in enumerate(buttons) if "date" in b["title"]), len(buttons))
            buttons[at:at] = extra
        return buttons


class ActionAskFeedbackText(AskAction):
    slot = "feedback_text"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if reasked_this_turn(tracker, self.slot):
            return []
        asks: dict[str, str] = texts.raw("feedback_ask_text")
        dispatcher.utter_message(text=asks.get(str(tracker.get_slot("kind")), asks["comment"]))
        return []


class ActionAskFeedbackReply(AskAction):
    slot = "feedback_reply"

    def key(self, tracker: Tracker) -> str:
        return "feedback_ask_reply"


def safety_first(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Danger words win over whatever the classifier said ("I want to end it" is not 'stop')."""
    if (tracker.latest_message.get("intent") or {}).get("name") == "safeguarding":
        return None
    if safety_said_this_turn(tracker, dispatcher):
        return []  # action_safeguarding has answered this message already
    text = str(tracker.latest_message.get("text") or "")
    if not in_danger(text):
        return None
    dispatcher.utter_message(text=safety_reply(assess_danger(text), young(tracker)))
    return [SlotSet("safeguarding", True)]


def _saved_receipt(key: str) -> str:
    return key[:8].upper()


async def _file(tracker: Tracker, body: dict[str, Any], key: str) -> str | None:
    """Stores the case in the outbox, then tries to deliver it now; the reference or None."""
    box = outbox.shared()
    box.add(key, body, hold_seconds=outbox.CLAIM_SECONDS)
    claimed = box.claim(key)
    if claimed is None:
        status = box.status(key) or {}
        return status.get("reference")
    result = await file_case_async(settings(), key, claimed)
    box.record(key, result)
    if result.permanent:
        # Retrying cannot help (the service refused this case): say so rather than promise.
        log.error("case refused by the case service (%s)", result.error)
        raise CaseRefused(result.error or "refused")
    if not result.ok:
        log.warning("filing deferred to the outbox (%s)", result.error)
    return result.reference if result.ok else None


class CaseRefused(Exception):
    """The case service refused the case for good (a 4xx other than a retryable one)."""


def _refused_message() -> str:
    team = render.contact_line(render.complaints_contact()) or triage_link.council_name()
    return texts.say("refused", contact=team)


class ActionFileComplaint(Action):
    def name(self) -> str:
        return "action_file_complaint"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        slots = dict(tracker.slots)
        facts = build_facts(slots, authority=triage_link.authority(), today=today())
        try:
            decision = triage_link.assess(facts)
        except Exception as exc:  # a bad fact must not lose the case: file it, tell staff
            log.error("triage failed on field %s", getattr(exc, "field", "?"))
            facts = {k: v for k, v in facts.items() if k in ("authority", "kind", "received")}
            decision = triage_link.assess(facts)
        narrative = slots.get("what_happened") or ""
        if slots.get("why_dissatisfied") and slots.get("why_dissatisfied") != narrative:
            narrative = f"{narrative}\n\nStill unhappy because: {slots['why_dissatisfied']}".strip()
        key = str(slots.get("case_key") or f"{tracker.sender_id}-complaint")
        body = {
            "facts": facts,
            "narrative": narrative if narrative != SKIPPED else "",
            "desired_outcome": slots.get("desired_outcome") or None,
            "contact": contact_block(slots),
            "conversation_id": tracker.sender_id,
            "channel": _channel(tracker),
        }
        try:
            reference = await _file(tracker, body, key)
        except CaseRefused:
            dispatcher.utter_message(text=_refused_message())
            return [*_reset(), SlotSet("filed_reference", None)]
        for message in render.complaint_outcome(
            decision,
            reference=reference,
            young=young(tracker),
            contact_given=not slots.get("anonymous"),
            saved_receipt=_saved_receipt(key),
        ):
            dispatcher.utter_message(text=message)
        return [*_reset(), SlotSet("filed_reference", reference or _saved_receipt(key))]


class ActionFileFeedback(Action):
    def name(self) -> str:
        return "action_file_feedback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        slots = dict(tracker.slots)
        kind = str(slots.get("kind") or "comment")
        facts = build_facts(slots, authority=triage_link.authority(), today=today())
        try:
            decision = triage_link.assess(facts)
        except Exception as exc:  # record it anyway; staff see the bare facts
            log.error("triage failed on field %s", getattr(exc, "field", "?"))
            facts = {k: v for k, v in facts.items() if k in ("authority", "kind", "received")}
            decision = triage_link.assess(facts)
        key = str(slots.get("case_key") or f"{tracker.sender_id}-{kind}")
        body = {
            "facts": facts,
            "narrative": slots.get("feedback_text") or "",
            "desired_outcome": None,
            "contact": None if slots.get("anonymous") else contact_block(slots),
            "conversation_id": tracker.sender_id,
            "channel": _channel(tracker),
        }
        try:
            reference = await _file(tracker, body, key)
        except CaseRefused:
            dispatcher.utter_message(text=_refused_message())
            return [*_reset(), SlotSet("filed_reference", None)]
        if reference is None:
            dispatcher.utter_message(text=texts.say("saved_feedback"))
        for message in render.feedback_outcome(kind, decision, reference):
            dispatcher.utter_message(text=message)
        return [*_reset(), SlotSet("filed_reference", reference or _saved_receipt(key))]


class ActionSafeguarding(Action):
    def name(self) -> str:
        return "action_safeguarding"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        danger = assess_danger(str(tracker.latest_message.get("text") or ""))
        if danger is None:
            # The classifier alone said 'safeguarding' ("I'm dying to know..."): the safety check
            # finds no danger. Outside a form: what I can do; inside one the form goes on.
            # (A FollowupAction into a complaint left the rules with no next step, and the
            # fallback then ran until Rasa's prediction limit.)
            if not tracker.active_loop_name:
                dispatcher.utter_message(
                    text=texts.say("fallback_one"), buttons=texts.buttons("menu_buttons")
                )
            return [SlotSet("story_held", False)]
        dispatcher.utter_message(text=safety_reply(danger, young(tracker)))
        text = str(tracker.latest_message.get("text") or "")
        held = not tracker.active_loop_name and tells_a_complaint(text, danger.category)
        return [SlotSet("safeguarding", True), SlotSet("story_held", held)]


# Danger to the person themselves right now comes before any complaint: no questions follow.
_NO_QUESTIONS_AFTER = {"immediate_danger", "suicide_self_harm"}
_ABOUT_SERVICES = re.compile(
    r"\b(complain\w*|council|trust|social ?workers?|carers?|care home|foster\w*|"
    r"children'?s home|school|housing|staff|advocate)\b",
    re.IGNORECASE,
)


def tells_a_complaint(text: str, category: str) -> bool:
    """Whether a message that set off the safety reply also tells of something the council or
    its services did wrong, at some length: then the complaint starts with it as the story."""
    if category in _NO_QUESTIONS_AFTER or _details_in(text) is None:
        return False
    return bool(_ABOUT_SERVICES.search(text))


class ActionExplainWhy(Action):
    def name(self) -> str:
        return "action_explain_why"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        why: dict[str, str] = texts.raw("why")
        slot = tracker.get_slot("requested_slot")
        dispatcher.utter_message(text=why.get(str(slot), why["none"]))
        return []


def timescales() -> str:
    try:
        facts = {
            "kind": "complaint",
            "received": today().isoformat(),
            "service": "other",
            "complainant": {"relationship": "self"},
        }
        d = triage_link.assess({"authority": triage_link.authority(), **facts})["deadlines"]
        ack, reply = (
            render.long_date(d.get("acknowledge_by")),
            render.long_date(d.get("respond_by")),
        )
        if ack and reply:
            return texts.say("timescales", ack=ack, reply=reply)
    except Exception:
        log.exception("could not work out timescales")
    return ""


class ActionWhatNext(ReplyAction):
    action_name = "action_what_next"

    def reply(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        dispatcher.utter_message(text=texts.say("what_next", timescales=timescales()))
        return []


class ActionHowLong(ReplyAction):
    action_name = "action_how_long"

    def reply(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        dispatcher.utter_message(text=texts.say("how_long", timescales=timescales()))
        return []


class ActionOnBehalf(ReplyAction):
    action_name = "action_on_behalf"

    def reply(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        dispatcher.utter_message(text=texts.say("on_behalf"))
        return []


class ActionHelp(ReplyAction):
    action_name = "action_help"

    def reply(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        names = "\n".join(render.contact_line(a) for a in triage_link.advocates()[:3])
        team = render.contact_line(render.complaints_contact())
        if team:
            names += f"\nOr talk to a person: {team}"
        dispatcher.utter_message(text=texts.say("help", young(tracker), advocates=names))
        return []


class ActionStatus(ReplyAction):
    action_name = "action_status"

    def reply(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        team = render.contact_line(render.complaints_contact()) or triage_link.council_name()
        dispatcher.utter_message(text=texts.say("status", contact=team))
        return []


class ActionStop(ReplyAction):
    action_name = "action_stop"

    def reply(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        dispatcher.utter_message(text=texts.say("stop"))
        return [ActiveLoop(None), SlotSet("requested_slot", None), *_reset()]


class ActionAbuse(ReplyAction):
    action_name = "action_abuse"

    def reply(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        dispatcher.utter_message(text=texts.say("abuse"))
        return []


class ActionOutOfScope(ReplyAction):
    action_name = "action_out_of_scope"

    def reply(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        dispatcher.utter_message(
            text=texts.say("out_of_scope", council=triage_link.council_name()),
            buttons=texts.buttons("menu_buttons"),
        )
        return []


class ActionGoodbye(ReplyAction):
    action_name = "action_goodbye"

    def reply(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        dispatcher.utter_message(text=texts.say("goodbye"))
        return []


class ActionTwoStrikeFallback(ReplyAction):
    """First miss: say what I can do. Second miss in a row: offer a person."""

    action_name = "action_two_strike_fallback"

    def reply(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        # The second miss in a row: the bot's last reply before this message was this action.
        previous = None
        seen_user = False
        for e in reversed(tracker.events):
            if e.get("event") == "user":
                if seen_user:
                    break
                seen_user = True
            elif (
                seen_user
                and e.get("event") == "action"
                and e.get("name")
                not in (
                    "action_listen",
                    "action_extract_slots",
                )
            ):
                previous = e.get("name")
                break
        if previous == self.name():
            team = render.contact_line(render.complaints_contact()) or triage_link.council_name()
            dispatcher.utter_message(text=texts.say("fallback_two", contact=team))
        else:
            dispatcher.utter_message(
                text=texts.say("fallback_one"), buttons=texts.buttons("menu_buttons")
            )
        return []


if os.environ.get("OUTBOX_AUTOSTART", "1") == "1":
    # Deliver anything left from a previous run as soon as the action server starts.
    outbox.shared()

_ = dt  # dates come from forms.today() so tests can pin them
