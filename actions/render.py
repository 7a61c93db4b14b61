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

# Who a signpost is for, in the order the person sees them.
_ORDER_FOR_CHILD = ("children_young_people", "everyone", "adults")
_ORDER_FOR_ADULT = ("adults", "everyone", "children_young_people")


def details(c: dict[str, Any]) -> str:
    """A contact's phone, email and website, as they are written in the pack."""
    labels = texts.raw("contact_labels")
    return ", ".join(f"{labels[k]} {c[k]}" for k in ("phone", "email", "url") if c.get(k))


def contact_line(c: dict[str, Any] | None) -> str:
    if not c:
        return ""
    rest = details(c)
    return f"{c['name']}, {rest}" if rest else str(c["name"])


def complaints_contact() -> dict[str, Any] | None:
    return triage_link.contact(("complaint", "customer", "feedback", "general"))


def signposts_of(decision: dict[str, Any], kind: str, *, about_child: bool) -> list[dict[str, Any]]:
    """The decision's signposts of one kind, those for the person's age group first."""
    order = _ORDER_FOR_CHILD if about_child else _ORDER_FOR_ADULT
    found = [s for s in decision.get("signposts", []) if s.get("kind", "support") == kind]
    return sorted(found, key=lambda s: order.index(s.get("audience", "everyone")))


def _lines(contacts: list[dict[str, Any]]) -> str:
    return "; ".join(contact_line(c) for c in contacts)


def procedure_names(decision: dict[str, Any]) -> tuple[str | None, str | None]:
    """The pack's public names for the decision's procedure and stage (None where it has none)."""
    pack = triage_link.pack_for(str(decision.get("authority") or triage_link.authority()))
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
    msgs.extend(_dates(decision, council))
    if "anonymous_no_response" in decision.get("flags", []) or not contact_given:
        msgs.append(texts.say("outcome_anonymous", council=council))
    else:
        team = contact_line(complaints_contact())
        if team:
            msgs.append(texts.say("outcome_follow_up", team=team))
        escalate = long_date((decision.get("deadlines") or {}).get("escalate_by"))
        if escalate:
            msgs.append(texts.say("outcome_escalate_by", date=escalate))
    return msgs


def _redirects(decision: dict[str, Any]) -> list[str]:
    lines = []
    for ex in decision.get("exclusions", []):
        where = ex.get("redirect_to")
        if not where or ex.get("code") == "not_eligible_statutory":
            continue
        entry = triage_link.directory_entry(where)
        target = contact_line(entry) if entry else str(where)
        lines.append(texts.say("outcome_redirect_line", reason=ex["reason"], target=target))
    return lines


def _plain_reasons(decision: dict[str, Any]) -> list[str]:
    return [
        str(ex["reason"])
        for ex in decision.get("exclusions", [])
        if not ex.get("redirect_to") and ex.get("code") != "not_eligible_statutory"
    ]


def _ombudsman(decision: dict[str, Any], council: str, young: bool) -> list[str]:
    ombudsmen = signposts_of(decision, "ombudsman", about_child=False)
    if not ombudsmen:
        return []
    named = _lines(ombudsmen)
    if decision["outcome"] in ("accept", "accept_discretionary"):
        return [texts.say("outcome_ombudsman", young, ombudsman=named)]
    return [texts.say("outcome_ombudsman_final", young, council=council, ombudsman=named)]


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
    msgs = _opening(council, reference, contact_given, saved_receipt, provisional)
    emergency = signposts_of(decision, "emergency", about_child=child)
    if emergency:
        msgs.append(texts.say("outcome_emergency", young, contacts=_lines(emergency)))
    advocates = signposts_of(decision, "advocacy", about_child=child)
    if advocates:
        msgs.append(texts.say("outcome_advocates", young, contacts=_lines(advocates)))
    if outcome in ("accept", "accept_discretionary"):
        msgs.extend(_accepted(decision, council, contact_given, young))
    elif outcome == "redirect":
        msgs.append(texts.say("outcome_redirect"))
        msgs.extend(_redirects(decision))
    elif outcome == "decline":
        msgs.append(texts.say("outcome_decline", council=council))
        msgs.extend(_plain_reasons(decision))
        team = contact_line(complaints_contact())
        if team:
            msgs.append(texts.say("outcome_decline_contact", team=team))
    others = signposts_of(decision, "support", about_child=child)
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
