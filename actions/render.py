"""Turns a triage decision into plain English (shared/conversation-style.md).

The engine's words stay inside: procedures, exclusions and time limits are described, never
named. Every contact and date comes from the decision or the authority's pack.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from . import triage_link

PROCEDURE_WORDS = {
    "childrens_statutory": "the complaints process for children and young people who get help "
    "from children's services",
    "adults_statutory": "the complaints process for adult social care",
    "corporate": "the council's complaints process",
}
OMBUDSMAN_WORDS = (
    "the Local Government and Social Care Ombudsman, an independent service that's free"
)


def long_date(iso: str | None) -> str | None:
    if not iso:
        return None
    d = dt.date.fromisoformat(iso)
    return f"{d:%A} {d.day} {d:%B %Y}"


def contact_line(c: dict[str, Any] | None) -> str:
    if not c:
        return ""
    parts = [str(c["name"])]
    for key, label in (("phone", "phone"), ("email", "email"), ("url", "website")):
        if c.get(key):
            parts.append(f"{label} {c[key]}")
    return ", ".join(parts)


def complaints_contact() -> dict[str, Any] | None:
    return triage_link.contact(("complaint", "customer", "feedback", "general"))


def _signposts(decision: dict[str, Any], *, advocacy: bool) -> list[dict[str, Any]]:
    out = []
    for s in decision.get("signposts", []):
        ident = f"{s.get('id', '')} {s.get('name', '')}".lower()
        is_advocacy = "advoca" in ident or "ncyl" in ident or "voice" in ident
        if is_advocacy == advocacy and "ombudsman" not in ident and "lgsco" not in ident:
            out.append(s)
    return out


def _ombudsman(decision: dict[str, Any]) -> dict[str, Any] | None:
    for s in decision.get("signposts", []):
        ident = f"{s.get('id', '')} {s.get('name', '')}".lower()
        if "ombudsman" in ident or "lgsco" in ident:
            return dict(s)
    return None


def _redirects(decision: dict[str, Any]) -> list[str]:
    lines = []
    for ex in decision.get("exclusions", []):
        where = ex.get("redirect_to")
        if not where or ex.get("code") == "not_eligible_statutory":
            continue
        entry = triage_link.directory_entry(where)
        target = contact_line(entry) if entry else str(where)
        lines.append(f"{ex['reason']} You can go here instead: {target}.")
    return lines


def _plain_reasons(decision: dict[str, Any]) -> list[str]:
    return [
        str(ex["reason"])
        for ex in decision.get("exclusions", [])
        if not ex.get("redirect_to") and ex.get("code") != "not_eligible_statutory"
    ]


def complaint_outcome(
    decision: dict[str, Any],
    *,
    reference: str | None,
    young: bool,
    contact_given: bool,
    saved_receipt: str | None = None,
) -> list[str]:
    """The closing messages for a complaint: what happens, when, and where to get help."""
    msgs: list[str] = []
    outcome = decision["outcome"]
    deadlines = decision.get("deadlines") or {}
    ack, reply = long_date(deadlines.get("acknowledge_by")), long_date(deadlines.get("respond_by"))
    team = contact_line(complaints_contact())
    if reference:
        msgs.append(
            f"I've sent your complaint to {triage_link.council_name()}. "
            f"Your reference is {reference}."
        )
    else:
        how = (
            "They'll send you your reference."
            if contact_given
            else f"Keep this receipt number so you can ask about it: {saved_receipt}."
        )
        msgs.append(
            "Your complaint is saved. The council's system isn't answering right now, so "
            "I'll send it automatically as soon as it's back. You don't need to do "
            f"anything. {how}"
        )
    advocates = _signposts(decision, advocacy=True)
    if advocates and (young or "advocacy_offered" in decision.get("flags", [])):
        msgs.append(
            "An advocate is someone on your side who can help you say what you want. "
            "It's free and private: " + "; ".join(contact_line(a) for a in advocates)
        )
    if outcome in ("accept", "accept_discretionary"):
        procedure = PROCEDURE_WORDS.get(decision["procedure"], "the council's complaints process")
        if decision.get("stage", 1) > 1:
            msgs.append(
                f"It will go through {procedure}. This time someone who wasn't involved "
                "looks at it again."
            )
        else:
            msgs.append(f"It will go through {procedure}.")
        if outcome == "accept_discretionary":
            msgs.append(
                "This happened more than a year ago. The council can still decide to "
                "look at it if there's a good reason it wasn't raised sooner. "
                "I've sent it with a note saying so."
            )
        if ack or reply:
            when = []
            if ack:
                when.append(f"The council will tell you it has your complaint by {ack}")
            if reply:
                when.append(f"it will reply by {reply}")
            msgs.append(" and ".join(when) + ".")
        if "anonymous_no_response" in decision.get("flags", []) or not contact_given:
            msgs.append(
                "You chose not to leave contact details, so the council can't reply "
                "to you, but it will still look into it."
            )
        elif team:
            msgs.append(f"If you don't hear back by then, contact {team}.")
    elif outcome == "redirect":
        msgs.append("This is dealt with somewhere else — here's where.")
        msgs.extend(_redirects(decision))
    elif outcome == "decline":
        msgs.append("The council can't look at this as a complaint.")
        msgs.extend(_plain_reasons(decision))
        if team:
            msgs.append(f"If you want to talk about it, contact {team}.")
    others = _signposts(decision, advocacy=False)
    if others:
        msgs.append("Other help: " + "; ".join(contact_line(s) for s in others[:3]))
    ombudsman = _ombudsman(decision)
    if ombudsman:
        msgs.append(
            f"If you're still unhappy after the council's final reply, you can go to "
            f"{OMBUDSMAN_WORDS}: {contact_line(ombudsman)}."
        )
    return msgs


def feedback_outcome(kind: str, decision: dict[str, Any], reference: str | None) -> list[str]:
    msgs = []
    what = triage_link.feedback_text(kind)
    thanks = {
        "compliment": "Thank you. I've passed on your kind words.",
        "comment": "Thank you. I've passed on your comments.",
        "service_request": "Thank you. I've passed on your request to the right team.",
        "information_request": "Thank you. I've passed on your question.",
    }.get(kind, "Thank you. I've passed this on.")
    msgs.append(thanks + (f" Your reference is {reference}." if reference else ""))
    if what:
        msgs.append(what)
    reply = long_date((decision.get("deadlines") or {}).get("respond_by"))
    if reply and kind != "compliment":
        msgs.append(f"You should hear back by {reply}.")
    if kind == "service_request":
        msgs.append("If it isn't sorted out, you can come back and make a complaint.")
    return msgs
