"""The outcome's parts that read the pack: contacts as written, the next stage's window in
words, and where a redirected matter goes (split from render.py, which chooses the sentences)."""

from __future__ import annotations

from typing import Any

from triage.pack import DeemedReceipt, Window, find_version

from . import texts, triage_link


def details(c: dict[str, Any]) -> str:
    """A contact's phone, email and website, as they are written in the pack."""
    labels = texts.raw("contact_labels")
    return ", ".join(f"{labels[k]} {c[k]}" for k in ("phone", "email", "url") if c.get(k))


def contact_line(c: dict[str, Any] | None) -> str:
    if not c:
        return ""
    rest = details(c)
    return f"{c['name']}, {rest}" if rest else str(c["name"])


def reachable(c: dict[str, Any] | None) -> str:
    """A contact the person can actually use (a phone, email or web address), or ""."""
    return contact_line(c) if c and details(c) else ""


def pack_of(decision: dict[str, Any]) -> Any:
    """The pack version the decision was made under where the file still has it, else the
    authority's pack in force today."""
    authority = str(decision.get("authority") or triage_link.authority())
    content_hash = (decision.get("pack") or {}).get("content_hash")
    found = find_version(authority, content_hash) if content_hash else None
    return found or triage_link.pack_for(authority)


def window_words(window: Any, pack: Any, stage: int) -> dict[str, str]:
    """How long the person has to ask for the next stage, and the ideal time where the pack
    gives one, in the pack's own terms: never a date, as the reply's day is not known yet. The
    ideal counts from the reply they are waiting for; the longest time from what the pack
    counts it from (BCT: the stage 1 reply)."""
    anchors = texts.raw("outcome_window_from")
    if window.counts_from == "sent" or not isinstance(pack.deemed_receipt, DeemedReceipt):
        reply = anchors["sent"]
    else:
        reply = anchors["received"]

    def plain(period: Any) -> str:
        words = str(period.words())
        return "a " + words[2:] if words.startswith("1 ") else words

    first = window.from_ == "stage1_response" and stage > 1
    return {
        "period": plain(window),
        "anchor": anchors["first"] if first else reply,
        "ideal": plain(window.ideal) if window.ideal else "",
        "reply_anchor": reply,
    }


def next_stage(decision: dict[str, Any], council: str) -> list[str]:
    """Whether and how long the person can ask for the reply to be looked at again."""
    stage = int(decision.get("stage") or 1)
    if stage >= int(decision.get("stages_total") or 0):
        return []
    pack = pack_of(decision)
    proc = pack.procedures.get(decision.get("procedure"))
    nxt = proc.stages[stage].request if proc and len(proc.stages) > stage else None
    if not isinstance(nxt, Window):
        return [texts.say("outcome_escalate_no_limit")]
    words = window_words(nxt, pack, stage)
    key = "outcome_escalate_ideal" if words["ideal"] else "outcome_escalate_window"
    return [texts.say(key, False, council=council, **words)]


def exclusion_rule(pack: Any, ex: dict[str, Any]) -> Any:
    return next(
        (
            r
            for r in pack.exclusions
            if r.code == ex.get("code") and r.redirect_to == ex.get("redirect_to")
        ),
        None,
    )


def redirect_contacts(decision: dict[str, Any]) -> set[str]:
    """The ids of the signposts said as where a redirected matter goes (not as other help)."""
    pack = pack_of(decision)
    ids = set()
    for ex in decision.get("exclusions", []):
        rule = exclusion_rule(pack, ex) if ex.get("redirect_to") else None
        if rule is not None and rule.signpost and not rule.forwarded:
            ids.add(rule.signpost)
    return ids


def redirects(decision: dict[str, Any], council: str) -> list[str]:
    pack = pack_of(decision)
    signposts = {s.get("id"): s for s in decision.get("signposts", [])}
    lines = []
    for ex in decision.get("exclusions", []):
        where = ex.get("redirect_to")
        if not where or ex.get("code") == "not_eligible_statutory":
            continue
        if ex.get("code") == "procedure_exhausted":
            lines.append(texts.say("outcome_exhausted", council=council))
            continue
        rule = exclusion_rule(pack, ex)
        if rule is not None and rule.forwarded:
            lines.append(
                texts.say(
                    "outcome_redirect_forwarded", reason=ex["reason"], council=council, target=where
                )
            )
            continue
        line = texts.say("outcome_redirect_line", reason=ex["reason"], target=where)
        contact = signposts.get(rule.signpost) if rule is not None and rule.signpost else None
        if contact and details(contact):
            line += " " + texts.say("outcome_redirect_contact", contact=contact_line(contact))
        lines.append(line)
    return lines
