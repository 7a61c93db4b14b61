"""What happens to a case: filing it and each event after. Deadlines always come from triage,
under the policy pack version the case was filed under; a client never supplies them. A
suspension pauses the clock and never re-judges the case."""

from __future__ import annotations

import datetime as dt
import functools
import logging
from typing import Any

from sqlalchemy.orm import Session, object_session

import triage
from triage.calendar import WorkingCalendar, today_in_england
from triage.pack import find_version, parse_pack, with_signpost_kinds

from . import retention
from .errors import ConflictError, InputError
from .models import Case, CaseEvent, PackVersionRow
from .references import new_reference
from .schemas import CaseCreate, EventCreate

log = logging.getLogger(__name__)

RESTRICTED_CIRCUMSTANCES = frozenset({"cse", "sexual_abuse"})
ACCEPTED = frozenset({"accept", "accept_discretionary"})
_STATUS_FOR_OUTCOME = {"redirect": "redirected", "decline": "declined", "feedback": "feedback"}
# Where each event may be recorded from.
_ALLOWED_FROM: dict[str, frozenset[str]] = {
    "acknowledged": frozenset({"open", "suspended"}),
    "extended": frozenset({"open", "suspended"}),
    "responded": frozenset({"open", "suspended"}),
    "escalation_requested": frozenset({"open", "responded", "closed"}),
    "suspended": frozenset({"open"}),
    "resumed": frozenset({"suspended"}),
    "withdrawn": frozenset({"open", "suspended", "responded"}),
    "closed": frozenset({"open", "suspended", "responded"}),
}
_DEADLINES = ("acknowledge_by", "respond_by", "respond_by_extended", "escalate_by")


def today() -> dt.date:
    """Today in England, where the councils' working days are counted (not the server's zone):
    the engine's own today_in_england(), so staff and the person count from the same day."""
    return today_in_england()


_STORED_VERSIONS: dict[str, triage.Pack] = {}


def case_pack(case: Case) -> triage.Pack:
    """The policy pack version a case is judged by, for life: the one recorded when it was filed
    (from the pack file if it still holds that version, else from the copy stored with the
    cases), or for a case filed before versions were recorded, the one in force on `received`."""
    if case.pack_hash is None:
        return triage.load_pack(case.authority, case.received)
    found = find_version(case.authority, case.pack_hash)
    if found is not None:
        return found
    pack = _STORED_VERSIONS.get(case.pack_hash)
    if pack is None:
        session = object_session(case)
        row = session.get(PackVersionRow, case.pack_hash) if session is not None else None
        if row is None:
            raise ConflictError(
                None,
                f"the policy version this case was filed under ({case.authority} "
                f"{case.pack_version}) is no longer available",
            )
        content = with_signpost_kinds(row.content, case.authority)  # stored before kinds
        pack = parse_pack(content, case.authority).model_copy(
            update={"content_hash": row.content_hash}
        )
        _STORED_VERSIONS[case.pack_hash] = pack
    return pack


def store_pack_version(session: Session, pack: triage.Pack) -> None:
    """Keeps a copy of a pack version's content the first time a case is filed under it."""
    if session.get(PackVersionRow, pack.content_hash) is None:
        session.add(
            PackVersionRow(
                content_hash=pack.content_hash,
                authority=pack.id,
                version=pack.version,
                effective_from=pack.effective_from,
                content=pack.model_dump(mode="json", by_alias=True, exclude={"content_hash"}),
            )
        )


@functools.lru_cache(maxsize=64)
def reference_prefix(authority: str) -> str:
    return triage.load_pack(authority).reference_prefix


def assess(facts: dict[str, Any], pack: triage.Pack | None = None) -> dict[str, Any]:
    """Runs triage (under `pack` if given); facts errors become a 422 naming `facts.<field>`."""
    try:
        return triage.assess(facts, pack=pack).to_dict()
    except triage.TriageError as exc:
        raise InputError(f"facts.{exc.field}", exc.message) from None
    except Exception:
        # Input must never produce a 500; keep the engine's failure visible in the log
        # (type and trace only: facts hold no personal data, but we still log no values).
        log.exception("triage failed on a facts object")
        raise InputError("facts", "the triage engine could not assess these facts") from None


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


def status_for(decision: dict[str, Any]) -> str:
    outcome = decision["outcome"]
    return "open" if outcome in ACCEPTED else _STATUS_FOR_OUTCOME[outcome]


def prepare_facts(raw: dict[str, Any], now: dt.date) -> dict[str, Any]:
    facts = dict(raw)
    if facts.get("received") is None:
        facts["received"] = now.isoformat()
    received = facts["received"]
    if isinstance(received, str) and (day := _safe_date(received)) and day > now:
        raise InputError("facts.received", f"{received} is in the future")
    return facts


def _safe_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def snapshot(case: Case) -> dict[str, Any]:
    return {
        "status": case.status,
        "stage": case.stage,
        "outcome": case.outcome,
        "due": _iso(case.due),
        **{name: _iso(getattr(case, name)) for name in _DEADLINES},
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _set_deadlines(case: Case, decision: dict[str, Any]) -> None:
    deadlines = decision.get("deadlines") or {}
    for name in _DEADLINES:
        setattr(case, name, _date(deadlines.get(name)))
    case.due = case.respond_by_extended if case.extended else case.respond_by
    if case.status != "open" and case.status != "suspended":
        case.due = None


def _take_decision(case: Case, decision: dict[str, Any]) -> None:
    case.decision = decision
    case.procedure = decision["procedure"]
    case.outcome = decision["outcome"]
    case.stage = decision["stage"]
    case.stages_total = decision["stages_total"]
    case.status = status_for(decision)
    case.referred_onwards = case.referred_onwards or decision["outcome"] == "redirect"
    case.childrens_file = case.childrens_file or retention.has_childrens_file(case.facts, decision)
    _set_deadlines(case, decision)


def new_case(
    body: CaseCreate, *, key: str, request_hash: str, actor: str, now: dt.date
) -> tuple[Case, dict[str, Any]]:
    facts = prepare_facts(body.facts, now)
    decision = assess(facts)
    received = dt.date.fromisoformat(str(facts["received"]))
    authority = decision["authority"]
    facts["authority"] = authority
    circumstances = set(facts.get("circumstances") or ())
    pack = find_version(authority, decision["pack"]["content_hash"])
    assert pack is not None  # the decision was just made under it
    case = Case(
        reference=new_reference(reference_prefix(authority), received.year),
        filed_by=actor,
        pack_version=pack.version,
        pack_hash=pack.content_hash,
        idempotency_key=key,
        request_hash=request_hash,
        authority=authority,
        kind=str(facts["kind"]),
        service=facts.get("service"),
        restricted=bool(circumstances & RESTRICTED_CIRCUMSTANCES),
        childrens_file=False,
        facts=facts,
        narrative=body.narrative,
        desired_outcome=body.desired_outcome,
        contact=body.contact.model_dump(mode="json") if body.contact else None,
        conversation_id=body.conversation_id,
        channel=body.channel,
        received=received,
        extended=False,
        paused_days=0,
        referred_onwards=False,
    )
    _take_decision(case, decision)
    _keep_until(case, received, pack)
    case.events.append(
        CaseEvent(
            seq=0,
            type="filed",
            date=received,
            note=None,
            data={"after": snapshot(case), "decision": decision},
            actor=actor,
        )
    )
    return case, decision


def apply_event(case: Case, event: EventCreate, *, actor: str, now: dt.date) -> CaseEvent:
    """Changes `case` as `event` says and appends the event to its history."""
    day = event.date or now
    if day > now:
        raise InputError("date", f"{day.isoformat()} is in the future")
    if day < case.received:
        raise InputError(
            "date", f"{day.isoformat()} is before the case was received ({case.received})"
        )
    if event.outcome is not None and event.type != "closed":
        raise InputError("outcome", "only applies to an event of type closed")
    if case.status not in _ALLOWED_FROM[event.type]:
        raise ConflictError(
            "type", f"cannot record {event.type} on a case whose status is {case.status}"
        )
    before = snapshot(case)
    extra = _HANDLERS[event.type](case, event, day)
    last = max(case.events, key=lambda e: e.seq, default=None)
    _keep_until(case, day, case_pack(case))
    record = CaseEvent(
        seq=(last.seq + 1) if last else 1,
        type=event.type,
        date=day,
        note=event.note,
        data={"before": before, "after": snapshot(case), **extra},
        actor=actor,
    )
    case.events.append(record)
    return record


def _paused_since(case: Case, start: dt.date, cal: WorkingCalendar) -> int:
    """Working days the case was paused after `start`, over the suspensions already ended (a
    clock that starts after a pause is not moved by it)."""
    total, since = 0, None
    for event in sorted(case.events, key=lambda e: e.seq):
        if event.type == "suspended":
            since = event.date
        elif event.type == "resumed" and since is not None:
            total += cal.working_days_between(max(since, start), event.date)
            since = None
    return total


def _keep_until(case: Case, last_activity: dt.date, pack: triage.Pack) -> None:
    until, rule = retention.retain_until(last_activity, case.childrens_file, pack)
    if case.retain_until is None or until >= case.retain_until:
        case.retain_until = until
        case.retention_rule = rule[:300]


def _acknowledged(case: Case, event: EventCreate, day: dt.date) -> dict[str, Any]:
    """Records the acknowledgement; deadlines the policy counts from acknowledgement now count
    from this day (the `acknowledged_date` fact), moved on by any working days already paused.
    Nothing else is re-judged."""
    if case.acknowledged_on is not None:
        raise ConflictError("type", f"already acknowledged on {case.acknowledged_on}")
    in_time = case.acknowledge_by is None or day <= case.acknowledge_by
    case.acknowledged_on = day
    facts = {**case.facts, "acknowledged_date": day.isoformat()}
    moved: dict[str, list[str | None]] = {}
    if case.decision.get("outcome") in ACCEPTED:
        recount = assess(facts, case_pack(case))
        deadlines = recount.get("deadlines") or {}
        cal = case_pack(case).working_calendar()
        for name in ("respond_by", "respond_by_extended"):
            new = _date(deadlines.get(name))
            original = _date((case.decision.get("deadlines") or {}).get(name))
            if new is None or new == original:
                continue  # this deadline does not count from acknowledgement
            new = cal.add_working_days(new, _paused_since(case, day, cal))
            old = getattr(case, name)
            setattr(case, name, new)
            moved[name] = [_iso(old), new.isoformat()]
        if moved:
            case.due = case.respond_by_extended if case.extended else case.respond_by
    case.facts = facts
    return {"in_time": in_time, "moved": moved}


def _extended(case: Case, event: EventCreate, day: dt.date) -> dict[str, Any]:
    if case.extended:
        raise ConflictError("type", "the response deadline has already been extended")
    if case.respond_by_extended is None:
        raise ConflictError("type", "the policy gives no extension at this stage")
    case.extended = True
    case.due = case.respond_by_extended
    return {}


def _responded(case: Case, event: EventCreate, day: dt.date) -> dict[str, Any]:
    case.responded_on = day
    case.responded_in_time = case.due is None or day <= case.due
    case.status = "responded"
    case.suspended_since = None
    case.due = None
    channel = event.previous_response_channel
    case.escalate_by = _escalation_limit(case, day, channel)
    return {"in_time": case.responded_in_time, "channel": channel}


def _escalation_limit(case: Case, responded: dt.date, channel: str | None) -> dt.date | None:
    """Last day to ask for the next stage, given the actual response date (triage's own
    escalate_by assumes the response comes on the last allowed day)."""
    if case.stage >= case.stages_total:
        return None
    facts = _escalation_facts(case, responded, responded, channel)
    try:
        decision = triage.assess(facts, pack=case_pack(case)).to_dict()
    except Exception:
        log.warning("could not work out the escalation window for a case", exc_info=True)
        return case.escalate_by
    if decision["outcome"] not in ACCEPTED:
        return None
    return _date(decision["time_limit"].get("limit_date"))


def _escalation_facts(
    case: Case, received: dt.date, previous: dt.date, channel: str | None
) -> dict[str, Any]:
    facts = dict(case.facts)
    facts.pop("acknowledged_date", None)  # the new stage has its own acknowledgement
    facts["received"] = received.isoformat()
    facts["stage_requested"] = case.stage + 1
    facts["previous_response_date"] = previous.isoformat()
    if case.stage == 1:
        facts["stage1_response_date"] = previous.isoformat()
    if channel:
        facts["previous_response_channel"] = channel
    return facts


def _escalation_requested(case: Case, event: EventCreate, day: dt.date) -> dict[str, Any]:
    previous = event.previous_response_date or case.responded_on
    if previous is None:
        raise InputError(
            "previous_response_date",
            "no response has been recorded on this case; give the date of the response "
            "being escalated from",
        )
    if previous > day:
        raise InputError("previous_response_date", "is after the escalation request")
    channel = event.previous_response_channel
    if channel is None:
        for past in reversed(case.events):
            if past.type == "responded":
                channel = past.data.get("channel")
                break
    facts = _escalation_facts(case, day, previous, channel)
    decision = assess(facts, case_pack(case))
    extra: dict[str, Any] = {"decision": decision}
    if decision["outcome"] in ACCEPTED:
        case.facts = facts
        case.extended = False
        case.paused_days = 0
        case.suspended_since = None
        case.acknowledged_on = None
        case.responded_on = None
        case.responded_in_time = None
        case.closed_on = None
        case.closure_outcome = None
        _take_decision(case, decision)
    else:
        # The request is recorded with where it was sent; the case keeps its stage.
        case.decision = decision
        case.outcome = decision["outcome"]
        case.status = status_for(decision)
        case.referred_onwards = case.referred_onwards or decision["outcome"] == "redirect"
        case.due = None
        case.escalate_by = None
    return extra


def _suspended(case: Case, event: EventCreate, day: dt.date) -> dict[str, Any]:
    case.status = "suspended"
    case.suspended_since = day
    return {}


def _resumed(case: Case, event: EventCreate, day: dt.date) -> dict[str, Any]:
    """The clock stops while a case is suspended; it never re-judges the case. Every deadline
    still ahead when the case was suspended moves on by the working days it was paused, so
    eligibility and time limits stay as first decided."""
    assert case.suspended_since is not None
    since = case.suspended_since
    cal = case_pack(case).working_calendar()
    paused = cal.working_days_between(since, day)
    case.paused_days += paused
    case.suspended_since = None
    case.status = "open"
    moved: dict[str, list[str | None]] = {}
    for name in _DEADLINES:
        old = getattr(case, name)
        if old is not None and old >= since:
            new = cal.add_working_days(old, paused)
            setattr(case, name, new)
            moved[name] = [old.isoformat(), new.isoformat()]
    case.due = case.respond_by_extended if case.extended else case.respond_by
    return {"paused_days": paused, "total_paused_days": case.paused_days, "moved": moved}


def _withdrawn(case: Case, event: EventCreate, day: dt.date) -> dict[str, Any]:
    case.status = "withdrawn"
    case.closed_on = day
    case.suspended_since = None
    case.due = None
    return {}


def _closed(case: Case, event: EventCreate, day: dt.date) -> dict[str, Any]:
    if event.outcome is None:
        raise InputError(
            "outcome", "is required to close a case: upheld, partly_upheld or not_upheld"
        )
    if case.responded_on is None:
        case.responded_on = day
        case.responded_in_time = case.due is None or day <= case.due
    case.status = "closed"
    case.closed_on = day
    case.closure_outcome = event.outcome
    case.suspended_since = None
    case.due = None
    if event.referred_to_ombudsman:
        case.referred_onwards = True
    return {"outcome": event.outcome, "referred_to_ombudsman": bool(event.referred_to_ombudsman)}


_HANDLERS = {
    "acknowledged": _acknowledged,
    "extended": _extended,
    "responded": _responded,
    "escalation_requested": _escalation_requested,
    "suspended": _suspended,
    "resumed": _resumed,
    "withdrawn": _withdrawn,
    "closed": _closed,
}


def is_overdue(case: Case, now: dt.date) -> bool:
    return bool(case.overdue_on(now))
