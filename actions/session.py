# mypy: allow-subclassing-any
"""The start of a session and of each matter: a new session, starting again, and starting a
complaint, an escalation (a second look) or feedback, keeping what the opening message said."""

from __future__ import annotations

import re
import uuid

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

from . import opening, people, services, stages, texts
from .conversation import (
    NO_QUESTIONS_AFTER,
    after_safety_reply,
    details_in,
    reset,
    safety_first,
    says_carry_on,
)
from .forms import advocate_offer
from .safety import assess_danger
from .speaker import young


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


class ActionStartComplaint(Action):
    """Starts the complaint form, keeping whatever the opening message already told us."""

    def name(self) -> str:
        return "action_start_complaint"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        safe = safety_first(dispatcher, tracker) or []
        text = str(tracker.latest_message.get("text") or "")
        danger = assess_danger(text) if safe else None
        if danger is not None and danger.category in NO_QUESTIONS_AFTER:
            # Danger to the person themselves, now: the safety reply, and no question after it
            # ("I've been cutting myself again" read as a complaint). They can carry on later:
            # their next message ("carry on", "I'm ready") starts it with this story kept.
            return [*safe, FollowupAction("action_listen")]
        if not safe and details_in(text) is None:
            # "I'm ready to carry on with my complaint" after the safety reply: the story told
            # with the danger words is the complaint's, not asked for again.
            after, story = after_safety_reply(tracker)
            if after:
                return start_complaint(dispatcher, tracker, story or text, resumed=story)
        return [*start_complaint(dispatcher, tracker, text), *safe]


def resume_complaint(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """'carry on', 'ok', 'I'm ready' in answer to the safety reply, outside a form: the complaint
    starts, with the story told with the danger words kept (None: not such an answer). For any
    action the message reached (read as 'stop', 'yes', a question or not understood)."""
    if tracker.active_loop_name:
        return None
    if not says_carry_on(str(tracker.latest_message.get("text") or "")):
        return None
    after, story = after_safety_reply(tracker)
    if not after:
        return None
    events = start_complaint(dispatcher, tracker, story or "", resumed=story)
    # The form straight after, in this action's turn (no rule follows a reply with the form).
    return [*events, FollowupAction("complaint_form")]


def start_complaint(
    dispatcher: CollectingDispatcher, tracker: Tracker, text: str, resumed: str | None = None
) -> list[EventType]:
    """The slots a complaint starts with, read from its opening `text`, and the opening words.
    `resumed`: the story kept from before the safety reply, now the opening."""
    events: list[EventType] = [
        *reset(),
        SlotSet("kind", "complaint"),
        SlotSet("stage_requested", 1),
        SlotSet("case_key", uuid.uuid4().hex),
    ]
    if resumed:
        # The story set off the safety reply last turn. The form reads it again when it starts;
        # its reminder of 999 first (the safety reply's own first line) tells the form's check
        # the safety reply has been given, so it is not all said again (forms.safety_said_this_turn)
        # and the complaint is still flagged for same-day attention.
        dispatcher.utter_message(text=texts.say("safety_999_now", young(tracker)))
        events.append(SlotSet("safeguarding", True))
    # Who it is about is read from the opening only when it says so plainly ("about my son's
    # social worker", "I'm her advocate", "for my mum"): in a long story, "my kids can't
    # play outside" or "my neighbour is disabled" does not say who is complaining for whom.
    plain = len(text.split()) <= 14 or re.search(_FOR_SOMEONE, text, re.I)
    personal = re.search(r"\bmy\b|\bi'?m\b|\bim\b", text, re.I)
    read = people.who_from(text) if personal else None
    who = read if plain else None
    is_child = who.is_child if who else None
    # "im 15 and ..." is the person's own age, however long the story.
    young_now = bool(read and read.young_person) or bool(tracker.get_slot("young_person"))
    if who and who.relationship not in ("other", "self"):
        events += [
            SlotSet("who", text),
            SlotSet("relationship", who.relationship),
            SlotSet("affected_is_child", who.is_child),
        ]
    elif (me := _about_themselves(text)) and not young_now:
        # "Im 19 and a care leaver. My PA hasn't replied...": the first sentence says plainly
        # that it is their own complaint, however long the story after it.
        events += [
            SlotSet("who", text),
            SlotSet("relationship", "self"),
            SlotSet("affected_is_child", me.is_child),
            SlotSet("complainant_age", people.age_in(text)),
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
    # "I'm a council tenant", "im 15 and in care": not asked again.
    child = bool(young_now or (who and who.is_child))
    events += [SlotSet(k, v) for k, v in opening.answered_by(text, child).items()]
    details = details_in(text)
    if details:
        events.append(SlotSet("what_happened", details))
    dispatcher.utter_message(text=texts.say("start_complaint", young_now))
    if young_now:
        dispatcher.utter_message(text=advocate_offer())
    return events


def _about_themselves(text: str) -> people.Who | None:
    """The person themselves, when the first sentence says so plainly ("I'm 19 and a care
    leaver.", "I'm a council tenant in Brookside.")."""
    first = re.split(r"(?<=[.!?])\s+", text.strip())[0]
    if len(first.split()) > 14 or not re.match(r"^\W*(hi|hello)?\W*(i'?m|im|i am)\b", first, re.I):
        return None
    who = people.who_from(re.sub(r"^\W*(hi|hello)?\W*", "", first, flags=re.I))
    return who if who and who.relationship == "self" else None


_FOR_SOMEONE = (
    r"\b(complain\w* (about|for|on behalf of) my|on behalf of|complaining for|for my (mum|dad|"
    r"mother|father|son|daughter|child|nan|gran|grandad|brother|sister|wife|husband|partner|"
    r"client|constituent)|i'?m (his|her|their|an?) (advocate|solicitor|foster carer|"
    r"social worker|support worker|guardian|caseworker|carer|mum|dad|daughter|son))\b"
)


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
            *reset(),
            SlotSet("kind", "complaint"),
            SlotSet("stage_requested", stage),
            SlotSet("case_key", uuid.uuid4().hex),
        ]
        service = services.match_service(text)
        if service:
            events.append(SlotSet("service", service))
        details = details_in(text)
        if details:
            # The first reply's reference and what it said: staff link the stages by them.
            events.append(SlotSet("what_happened", details))
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
        # "It's not a complaint, it's a compliment" part-way through the complaint form: what
        # they already told us is the compliment, so it is kept, not asked for again.
        told = (
            str(tracker.get_slot("what_happened") or tracker.get_slot("feedback_text") or "")
            if tracker.active_loop_name
            else ""
        )
        events: list[EventType] = [
            ActiveLoop(None),
            *reset(),
            SlotSet("kind", kind),
            SlotSet("case_key", uuid.uuid4().hex),
        ]
        service = services.match_service(text) or (tracker.get_slot("service") if told else None)
        if service:
            events.append(SlotSet("service", service))
        details = details_in(text) or (told if told and told != "skipped" else None)
        if details:
            events.append(SlotSet("feedback_text", details))
        return [*events, *safe]
