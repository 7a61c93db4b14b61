# mypy: allow-subclassing-any
"""Asking the form's questions: one action per question (action_ask_<slot>), in the young
person's wording when that applies. Which questions are asked is the forms' plan (plan.py);
what each says is data/messages.yml."""

from __future__ import annotations

from abc import ABCMeta, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from . import services, texts
from .forms import answer_buttons
from .speaker import could_be_staff, young
from .summary import summary


class AskAction(Action, metaclass=ABCMeta):
    """Asks for one form slot, in the young person's wording when that applies. Abstract until
    a subclass names its `slot`, so rasa_sdk registers no `action_ask_` of its own."""

    @property
    @abstractmethod
    def slot(self) -> str: ...

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


# The questions asked exactly as data/messages.yml words them (ask_<slot>).


class ActionAskWho(AskAction):
    slot = "who"


class ActionAskRelationship(AskAction):
    slot = "relationship"


class ActionAskAffectedIsChild(AskAction):
    slot = "affected_is_child"


class ActionAskCouncilTenant(AskAction):
    slot = "council_tenant"

    def key(self, tracker: Tracker) -> str:
        # An MP's caseworker or a daughter is asked about the other person's home, not theirs.
        rel = tracker.get_slot("relationship")
        return (
            "ask_council_tenant" if rel in (None, "self", "parent") else "ask_council_tenant_other"
        )


class ActionAskWhatHappened(AskAction):
    slot = "what_happened"


class ActionAskPreviousResponseChannel(AskAction):
    slot = "previous_response_channel"


class ActionAskWhyDissatisfied(AskAction):
    slot = "why_dissatisfied"


class ActionAskLegalCheck(AskAction):
    slot = "legal_check"


class ActionAskContractorCheck(AskAction):
    slot = "contractor_check"


class ActionAskComplainedBefore(AskAction):
    slot = "complained_before"


class ActionAskDesiredOutcome(AskAction):
    slot = "desired_outcome"


class ActionAskConsent(AskAction):
    slot = "consent"


class ActionAskAffectedName(AskAction):
    slot = "affected_name"


class ActionAskName(AskAction):
    slot = "name"


class ActionAskContact(AskAction):
    slot = "contact"


class ActionAskAddress(AskAction):
    slot = "address"


ASK_ACTIONS: tuple[type[AskAction], ...] = (
    ActionAskWho,
    ActionAskRelationship,
    ActionAskAffectedIsChild,
    ActionAskCouncilTenant,
    ActionAskWhatHappened,
    ActionAskPreviousResponseChannel,
    ActionAskWhyDissatisfied,
    ActionAskLegalCheck,
    ActionAskContractorCheck,
    ActionAskComplainedBefore,
    ActionAskDesiredOutcome,
    ActionAskConsent,
    ActionAskAffectedName,
    ActionAskName,
    ActionAskContact,
    ActionAskAddress,
)


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
        # The story so far may point at two or three services: offer those first (issue 11).
        story = str(tracker.get_slot("what_happened") or "")
        asked = (tracker.get_slot("strikes") or {}).get(self.slot)
        about_child = tracker.get_slot("affected_is_child")
        likely = [] if asked else services.suggest_services(story, about_child=about_child)
        if likely:
            dispatcher.utter_message(
                text=texts.say("ask_service_likely", young(tracker)),
                buttons=services.likely_buttons(likely),
            )
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
        return {"date": tracker.get_slot("incident_date_spoken") or texts.say("that_date")}


class ActionAskAppealCheck(AskAction):
    slot = "appeal_check"

    def values(self, tracker: Tracker) -> dict[str, Any]:
        return {"question": services.appeal_question(tracker.get_slot("service")) or ""}


class ActionAskCircumstanceCheck(AskAction):
    """The choices are the circumstances the pack routes on for this service."""

    slot = "circumstance_check"

    def buttons(self, tracker: Tracker) -> list[dict[str, str]]:
        return answer_buttons(self.slot, tracker.get_slot("service"), staff=could_be_staff(tracker))


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
