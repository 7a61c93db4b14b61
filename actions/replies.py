# mypy: allow-subclassing-any
"""Replies to what people can say at any point: hello, what happens next, how long, help, the
status of a complaint, stop, abuse, out of scope, goodbye, "why do you ask", the two-strike
fallback and the safeguarding reply. Danger words are answered first (conversation.py)."""

from __future__ import annotations

import logging
from abc import ABCMeta, abstractmethod

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from . import render, texts, triage_link
from .conversation import ABOUT_SERVICES, NO_QUESTIONS_AFTER, details_in, reset, safety_first
from .date_words import long_date
from .plan import no_time_limit
from .safety import assess_danger, safety_message
from .session import resume_complaint
from .speaker import young

log = logging.getLogger(__name__)


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
        if (resumed := resume_complaint(dispatcher, tracker)) is not None:
            # "carry on", "ok", "I'm ready" after the safety reply, however it was classified
            # ('stop', 'yes', not understood): the complaint, with the story kept.
            return resumed
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
        text = str(tracker.latest_message.get("text") or "")
        dispatcher.utter_message(text=safety_message(text, young(tracker)))
        held = not tracker.active_loop_name and tells_a_complaint(text, danger.category)
        return [SlotSet("safeguarding", True), SlotSet("story_held", held)]


def tells_a_complaint(text: str, category: str) -> bool:
    """Whether a message that set off the safety reply also tells of something the council or
    its services did wrong, at some length: then the complaint starts with it as the story."""
    if category in NO_QUESTIONS_AFTER or details_in(text) is None:
        return False
    return bool(ABOUT_SERVICES.search(text))


class ActionExplainWhy(Action):
    def name(self) -> str:
        return "action_explain_why"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        # Danger first here too: "I don't see why I should keep going" reads as 'why?' (issue 16).
        if (safe := safety_first(dispatcher, tracker)) is not None:
            return safe
        slot = str(tracker.get_slot("requested_slot"))
        why: dict[str, str] = texts.raw("why")
        if slot in texts.raw("why_no_limit") and no_time_limit(dict(tracker.slots)):
            # Where the decision sets no time limit, no sentence may mention one.
            why = texts.raw("why_no_limit")
        dispatcher.utter_message(text=why.get(slot, why.get("none", "")))
        return []


def timescales() -> str:
    """The dates a complaint made today would get, from the engine."""
    try:
        facts = {
            "kind": "complaint",
            "received": triage_link.today().isoformat(),
            "service": "other",
            "complainant": {"relationship": "self"},
        }
        d = triage_link.assess({"authority": triage_link.authority(), **facts})["deadlines"]
    except Exception:
        log.exception("could not work out timescales")
        return ""
    ack, reply = long_date(d.get("acknowledge_by")), long_date(d.get("respond_by"))
    council = triage_link.council_name()
    if ack and reply:
        return texts.say("timescales", council=council, ack=ack, reply=reply)
    if reply:
        return texts.say("timescales_reply", council=council, reply=reply)
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
        advocates = triage_link.advocates(about_child=young(tracker))
        if not advocates:
            # No advocacy service in the pack: say who can find one, never an unnamed promise.
            council = triage_link.council_name()
            contact = render.person_contact()
            said = texts.say("help_no_advocate", young(tracker), council=council, contact=contact)
            dispatcher.utter_message(text=said)
            return []
        names = "\n".join(render.contact_line(a) for a in advocates)
        names += "\n" + texts.say("help_person", contact=render.person_contact())
        dispatcher.utter_message(text=texts.say("help", young(tracker), advocates=names))
        return []


class ActionStatus(ReplyAction):
    action_name = "action_status"

    def reply(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        dispatcher.utter_message(text=texts.say("status", contact=render.person_contact()))
        return []


class ActionStop(ReplyAction):
    action_name = "action_stop"

    def reply(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        dispatcher.utter_message(text=texts.say("stop"))
        return [ActiveLoop(None), SlotSet("requested_slot", None), *reset()]


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
            dispatcher.utter_message(
                text=texts.say("fallback_two", contact=render.person_contact())
            )
        else:
            dispatcher.utter_message(
                text=texts.say("fallback_one"), buttons=texts.buttons("menu_buttons")
            )
        return []
