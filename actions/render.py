"""Turns a triage decision into plain English (docs/conversation-style.md).

Every sentence is in data/messages.yml (`outcome_*`, `feedback_*`); this module only chooses
which ones the decision calls for and fills them in. What a signpost is for comes from its
`kind` and who it is for from its `audience`, both declared in the pack, never from its name;
a procedure and a stage are named by the pack's `public_name`; every contact and date comes
from the decision or the authority's pack.
"""

from __future__ import annotations

from typing import Any

from . import texts, triage_link
from .date_words import long_date
from .outcome_parts import contact_line as contact_line
from .outcome_parts import details as details
from .outcome_parts import next_stage, reachable, redirect_contacts, redirects
from .outcome_parts import pack_of as pack_of

# Who a signpost is for, in the order the person sees them.
_ORDER_FOR_CHILD = ("children_young_people", "everyone", "adults")
_ORDER_FOR_ADULT = ("adults", "everyone", "children_young_people")


def complaints_contact() -> dict[str, Any] | None:
    return triage_link.contact(("complaint", "customer", "feedback", "general"))


def person_contact() -> str:
    """How to reach a person: the complaints team's phone, email or web address, or, where the
    pack has none, that they are on the council's own website (never a bare team name)."""
    return reachable(complaints_contact()) or texts.say(
        "person_no_details", council=triage_link.council_name()
    )


def signposts_of(decision: dict[str, Any], kind: str, *, about_child: bool) -> list[dict[str, Any]]:
    """The decision's signposts of one kind, those for the person's age group first."""
    order = _ORDER_FOR_CHILD if about_child else _ORDER_FOR_ADULT
    found = [s for s in decision.get("signposts", []) if s.get("kind", "support") == kind]
    return sorted(found, key=lambda s: order.index(s.get("audience", "everyone")))


def _for_them(found: list[dict[str, Any]], child: bool) -> list[dict[str, Any]]:
    """Help for children and young people (Childline) only where a child is involved or the
    person is young: a 91-year-old's son was offered Childline. Staff see every signpost."""
    return found if child else [s for s in found if s.get("audience") != "children_young_people"]


def _lines(contacts: list[dict[str, Any]]) -> str:
    return "; ".join(contact_line(c) for c in contacts)


def procedure_names(decision: dict[str, Any]) -> tuple[str | None, str | None]:
    """The pack's public names for the decision's procedure and stage (None where it has none)."""
    pack = pack_of(decision)
    proc = pack.procedures.get(decision.get("procedure"))
    if proc is None:
        return None, None
    stage = int(decision.get("stage") or 1)
    stage_def = next((s for s in proc.stages if s.stage == stage), None)
    return " ".join(proc.public_name.split()), stage_def.public_name if stage_def else None


def council_of(decision: dict[str, Any]) -> str:
    return str(triage_link.pack_for(str(decision.get("authority") or triage_link.authority())).name)


def _opening(
    council: str,
    reference: str | None,
    contact_given: bool,
    saved_receipt: str | None,
    provisional: bool,
) -> list[str]:
    if reference:
        msgs = [texts.say("outcome_sent", council=council, reference=reference)]
    else:
        how = (
            texts.say("outcome_saved_contact")
            if contact_given
            else texts.say("outcome_saved_receipt", receipt=saved_receipt)
        )
        msgs = [texts.say("outcome_saved", council=council, how=how)]
    if provisional:
        msgs.append(texts.say("outcome_provisional", council=council))
    return msgs


def _anonymous(decision: dict[str, Any], contact_given: bool) -> bool:
    return "anonymous_no_response" in decision.get("flags", []) or not contact_given


def _says_dates(decision: dict[str, Any], contact_given: bool) -> bool:
    deadlines = decision.get("deadlines") or {}
    return (
        decision["outcome"] in ("accept", "accept_discretionary")
        and not _anonymous(decision, contact_given)
        and bool(deadlines.get("acknowledge_by") or deadlines.get("respond_by"))
    )


def _dates(decision: dict[str, Any], council: str) -> list[str]:
    deadlines = decision.get("deadlines") or {}
    ack, reply = long_date(deadlines.get("acknowledge_by")), long_date(deadlines.get("respond_by"))
    if ack and reply:
        return [texts.say("outcome_dates_both", council=council, ack=ack, reply=reply)]
    if ack:
        return [texts.say("outcome_dates_ack", council=council, ack=ack)]
    if reply:
        return [texts.say("outcome_dates_reply", council=council, reply=reply)]
    return []


def _accepted(
    decision: dict[str, Any], council: str, contact_given: bool, young: bool
) -> list[str]:
    msgs: list[str] = []
    procedure, stage = procedure_names(decision)
    if procedure:
        msgs.append(texts.say("outcome_procedure", young, procedure=procedure))
    if stage:
        msgs.append(texts.say("outcome_stage", stage=stage))
    if decision["outcome"] == "accept_discretionary":
        limit = long_date((decision.get("time_limit") or {}).get("limit_date"))
        key = "outcome_discretionary" if limit else "outcome_discretionary_no_date"
        msgs.append(texts.say(key, council=council, limit=limit))
    if _anonymous(decision, contact_given):
        # No reply comes to someone who left no contact details: no dates are promised to them.
        msgs.append(texts.say("outcome_anonymous", council=council))
        return msgs
    dates = _dates(decision, council)
    msgs.extend(dates)
    team = reachable(complaints_contact())
    if team:
        key = "outcome_follow_up" if dates else "outcome_follow_up_no_date"
        msgs.append(texts.say(key, team=team))
    msgs.extend(next_stage(decision, council))
    return msgs


def _plain_reasons(decision: dict[str, Any]) -> list[str]:
    return [
        str(ex["reason"])
        for ex in decision.get("exclusions", [])
        if not ex.get("redirect_to") and ex.get("code") != "not_eligible_statutory"
    ]


def _ombudsman(decision: dict[str, Any], council: str, young: bool) -> list[str]:
    """The ombudsman the decision names: after the council's final reply only where the
    complaint goes through its process; after a redirect or decline no final reply comes."""
    ombudsmen = signposts_of(decision, "ombudsman", about_child=False)
    if not ombudsmen:
        return []
    named = _lines(ombudsmen)
    outcome = decision["outcome"]
    if outcome in ("accept", "accept_discretionary"):
        return [texts.say("outcome_ombudsman", young, ombudsman=named)]
    codes = {ex.get("code") for ex in decision.get("exclusions", [])}
    if "procedure_exhausted" in codes:
        key = "outcome_ombudsman_exhausted"
    elif outcome == "redirect":
        key = "outcome_ombudsman_redirect"
    else:
        key = "outcome_ombudsman_decline"
    return [texts.say(key, young, council=council, ombudsman=named)]


def _advocacy(decision: dict[str, Any], council: str, young: bool, child: bool) -> list[str]:
    """Advocates: the person's own first; children's advocacy offered to the child (not as the
    adult's own); where the procedure gives a child the right to one and the pack names no
    service, how to ask for one. Never the word advocate without a way to get one."""
    found = signposts_of(decision, "advocacy", about_child=child or young)
    if young:
        own, for_child = found, []
    else:
        own = [s for s in found if s.get("audience") != "children_young_people"]
        for_child = [s for s in found if s.get("audience") == "children_young_people"]
    msgs = []
    if own:
        msgs.append(texts.say("outcome_advocates", young, contacts=_lines(own)))
    if for_child:
        msgs.append(texts.say("outcome_advocates_child", contacts=_lines(for_child)))
    statutory = decision.get("procedure") == "childrens_statutory"
    if not found and (statutory or "advocacy_offered" in decision.get("flags", [])):
        team = reachable(complaints_contact())
        how = (
            texts.say("outcome_advocacy_ask_team", team=team, council=council)
            if team
            else texts.say("outcome_advocacy_ask", council=council)
        )
        key = "outcome_advocacy_right" if statutory else "outcome_advocacy_help"
        msgs.append(texts.say(key, young, how=how))
    return msgs


def complaint_outcome(
    decision: dict[str, Any],
    *,
    reference: str | None,
    young: bool,
    contact_given: bool,
    saved_receipt: str | None = None,
    about_child: bool | None = None,
    provisional: bool | None = None,
) -> list[str]:
    """The closing messages for a complaint: what happens, when, and where to get help.

    Once filed, the decision is the case service's (what staff see). While the case is queued
    (no reference), or when the decision was worked out here, the dates are provisional and
    said to be; `provisional` defaults to "no reference"."""
    child = young if about_child is None else about_child or young
    council = council_of(decision)
    outcome = decision["outcome"]
    if provisional is None:
        provisional = reference is None
    provisional = provisional and _says_dates(decision, contact_given)
    msgs = _opening(council, reference, contact_given, saved_receipt, provisional)
    emergency = _for_them(signposts_of(decision, "emergency", about_child=child), child)
    if emergency:
        msgs.append(texts.say("outcome_emergency", young, contacts=_lines(emergency)))
    msgs.extend(_advocacy(decision, council, young, child))
    said_with_redirect: set[str] = set()
    if outcome in ("accept", "accept_discretionary"):
        msgs.extend(_accepted(decision, council, contact_given, young))
    elif outcome == "redirect":
        msgs.append(texts.say("outcome_redirect", council=council))
        msgs.extend(redirects(decision, council))
        said_with_redirect = redirect_contacts(decision)
    elif outcome == "decline":
        msgs.append(texts.say("outcome_decline", council=council))
        msgs.extend(_plain_reasons(decision))
        team = reachable(complaints_contact())
        if team:
            msgs.append(texts.say("outcome_decline_contact", team=team))
    others = [
        s
        for s in _for_them(signposts_of(decision, "support", about_child=child), child)
        if s.get("id") not in said_with_redirect
    ]
    if others:
        msgs.append(texts.say("outcome_other_help", contacts=_lines(others)))
    msgs.extend(_ombudsman(decision, council, young))
    return msgs


def feedback_outcome(kind: str, decision: dict[str, Any], reference: str | None) -> list[str]:
    thanks: dict[str, str] = texts.raw("feedback_thanks")
    first = thanks.get(kind, thanks["other"])
    if reference:
        first = f"{first} {texts.say('feedback_reference', reference=reference)}"
    msgs = [first]
    what = triage_link.feedback_text(kind)
    if what:
        msgs.append(what)
    reply = long_date((decision.get("deadlines") or {}).get("respond_by"))
    if reply and kind != "compliment":
        msgs.append(texts.say("feedback_hear_back", reply=reply))
    if kind == "service_request":
        msgs.append(texts.say("feedback_come_back"))
    return msgs
