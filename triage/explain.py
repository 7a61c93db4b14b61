"""Plain-English account of a decision, for staff reading `triage explain`."""

from __future__ import annotations

import datetime as dt

from .decision import Decision
from .pack import Pack

_OUTCOME = {
    "accept": "Accept the complaint.",
    "accept_discretionary": "Accept only if the authority uses its discretion: it is late.",
    "redirect": "Do not take this under the complaints procedure: send it elsewhere.",
    "feedback": "Record as feedback (not a complaint).",
    "decline": "Do not take this under the complaints procedure.",
}
_STATUS = {
    "in_time": "in time",
    "late_discretionary": "late, but the policy allows discretion",
    "late": "late, and the policy gives no discretion",
    "no_limit": "no time limit applies",
    "unknown": "unknown: the date needed is missing",
}


def _day(d: dt.date | None) -> str:
    return d.strftime("%A %d %B %Y").replace(" 0", " ") if d else "none set"


def explain(decision: Decision, pack: Pack) -> str:
    d = decision
    lines = [f"{pack.name}: {_OUTCOME[d.outcome]}"]
    if d.pack is not None:
        since = f", in force from {_day(d.pack.effective_from)}" if d.pack.effective_from else ""
        lines.append(
            f"Policy version: {d.pack.version}{since} (pack {d.pack.id}, "
            f"content {d.pack.content_hash[:12]})."
        )
    if d.procedure != "none":
        proc = pack.procedures[d.procedure]
        lines.append(f"Procedure: {proc.name}, stage {d.stage} of {d.stages_total}.")
    status = _STATUS[d.time_limit.status]
    limit = f" (last day {_day(d.time_limit.limit_date)})" if d.time_limit.limit_date else ""
    lines.append(f"Time limit: {status}{limit}.")
    if any(
        (
            d.deadlines.acknowledge_by,
            d.deadlines.respond_by,
            d.deadlines.respond_by_extended,
            d.deadlines.escalate_by,
        )
    ):
        lines.append("Dates:")
        lines.append(f"  acknowledge by       {_day(d.deadlines.acknowledge_by)}")
        lines.append(f"  respond by           {_day(d.deadlines.respond_by)}")
        lines.append(f"  if extended, by      {_day(d.deadlines.respond_by_extended)}")
        lines.append(f"  next stage asked by  {_day(d.deadlines.escalate_by)}")
    for e in d.exclusions:
        where = f" Send to: {e.redirect_to}." if e.redirect_to else ""
        lines.append(f"Excluded ({e.code}): {e.reason}{where} [{e.ref}]")
    for s in d.suspensions:
        lines.append(f"May be put on hold ({s.code}): {s.reason} [{s.ref}]")
    if d.flags:
        lines.append("Flags: " + ", ".join(f.replace("_", " ") for f in d.flags) + ".")
    if d.signposts:
        lines.append("Tell them about:")
        for sp in d.signposts:
            how = ", ".join(x for x in (sp.phone, sp.email, sp.url) if x)
            lines.append(f"  - {sp.name}{' (' + how + ')' if how else ''}: {sp.why}")
    lines.append("Why:")
    lines.extend(f"  - {r.text} [{r.ref}]" for r in d.reasons)
    return "\n".join(lines)
