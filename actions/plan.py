"""Which questions a form asks: only what triage needs for this complaint, in order, and the
summary's change groups. The questions themselves are the registry (questions.py and
data/questions.yml); reading the answers is the forms' job (complaint_form.py,
feedback_form.py)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from . import questions, reply_channel, services, triage_link
from .facts import build_facts

SKIPPED = "skipped"


NEEDS_CONSENT = {"relative_or_friend", "advocate", "representative", "partner_agency", "other"}


_BEFORE = re.compile(
    r"\b(again|already complained|complained (before|already)|last complaint|"
    r"previous complaint|still not|still hasn'?t|still haven'?t|not happy with (the|their) "
    r"(reply|response|answer)|(got|had|received) (a|their|the|your) (reply|response|answer)|"
    r"(replied|responded) to my complaint)\b",
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


def over_a_year_ago(iso: Any) -> bool:
    """Before the same day last year (from 29 February, 28 February): then the form asks
    when they found out."""
    if not (isinstance(iso, str) and iso[:4].isdigit()):
        return False
    now = triage_link.today()
    try:
        year_ago = now.replace(year=now.year - 1)
    except ValueError:
        year_ago = now.replace(year=now.year - 1, day=28)
    return dt.date.fromisoformat(iso) < year_ago


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
        if slots.get("aware_date") is not None or late_on_these_facts(slots):
            # When they found out matters only where the date told is past the pack's own
            # limit (a year at most councils, 90 days at Dacorum, none at Tameside).
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
    if questions.pack_asks("circumstance_check", service):
        plan.append("circumstance_check")
    plan.append("desired_outcome")
    if rel not in (None, "self", SKIPPED) and (
        rel in NEEDS_CONSENT
        or (rel == "parent" and slots.get("affected_is_child") is False)
        or questions.pack_asks("consent", service)
    ):
        # Always where it is someone else's information by law; and wherever the pack's
        # rules turn on consent (BCT 7.4 and 7.8, Telford), for anyone complaining for another.
        plan.append("consent")
    if rel not in (None, "self", SKIPPED):
        # Staff need to know whose records to look at; the story may not say.
        plan.append("affected_name")
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


def late_on_these_facts(slots: dict[str, Any]) -> bool:
    """The incident date told so far is past the pack's time limit."""
    incident = slots.get("incident_date")
    if not incident or incident in ("unknown", SKIPPED):
        return False
    try:
        facts = build_facts(slots, authority=triage_link.authority(), today=triage_link.today())
        status = triage_link.assess(facts)["time_limit"]["status"]
    except Exception:
        return over_a_year_ago(incident)
    return status in ("late", "late_discretionary")


def no_time_limit(slots: dict[str, Any]) -> bool:
    """The decision for what is known so far sets no time limit (Tameside; Luton and Tameside
    for a second look): then no question or sentence mentions one."""
    try:
        facts = build_facts(slots, authority=triage_link.authority(), today=triage_link.today())
        return bool(triage_link.assess(facts)["time_limit"]["status"] == "no_limit")
    except Exception:
        return False
