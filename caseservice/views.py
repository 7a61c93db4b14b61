"""Turns database rows into API shapes."""

from __future__ import annotations

import datetime as dt

from .lifecycle import is_overdue
from .models import Case
from .schemas import CaseCreated, CaseDetail, CaseSummary, Deadlines, Event


def created(case: Case) -> CaseCreated:
    return CaseCreated.model_validate(
        {
            "reference": case.reference,
            "status": _first_status(case),
            "decision": _first_decision(case),
            "created_at": case.created_at,
        }
    )


def _first_decision(case: Case) -> dict[str, object]:
    # A replayed POST returns what the first one did, even if events have happened since.
    filed = next((e for e in case.events if e.type == "filed"), None)
    if filed is not None and "decision" in filed.data:
        return dict(filed.data["decision"])
    return dict(case.decision)


def _first_status(case: Case) -> str:
    filed = next((e for e in case.events if e.type == "filed"), None)
    if filed is not None:
        return str(filed.data["after"]["status"])
    return case.status


def summary(case: Case, now: dt.date) -> CaseSummary:
    return CaseSummary.model_validate(_summary_fields(case, now))


def _summary_fields(case: Case, now: dt.date) -> dict[str, object]:
    return {
        "reference": case.reference,
        "authority": case.authority,
        "status": case.status,
        "kind": case.kind,
        "service": case.service,
        "procedure": case.procedure,
        "outcome": case.outcome,
        "stage": case.stage,
        "stages_total": case.stages_total,
        "received": case.received,
        "due": case.due,
        "overdue": is_overdue(case, now),
        "restricted": case.restricted,
        "created_at": case.created_at,
        "updated_at": case.updated_at,
    }


def detail(case: Case, now: dt.date) -> CaseDetail:
    return CaseDetail.model_validate(
        {
            **_summary_fields(case, now),
            "pack": {
                "id": case.authority,
                "version": case.pack_version,
                "content_hash": case.pack_hash,
            },
            "facts": case.facts,
            "decision": case.decision,
            "narrative": case.narrative,
            "desired_outcome": case.desired_outcome,
            "contact": case.contact,
            "conversation_id": case.conversation_id,
            "channel": case.channel,
            "deadlines": Deadlines(
                acknowledge_by=case.acknowledge_by,
                respond_by=case.respond_by,
                respond_by_extended=case.respond_by_extended,
                escalate_by=case.escalate_by,
                due=case.due,
            ),
            "extended": case.extended,
            "suspended_since": case.suspended_since,
            "acknowledged_on": case.acknowledged_on,
            "responded_on": case.responded_on,
            "responded_in_time": case.responded_in_time,
            "closed_on": case.closed_on,
            "closure_outcome": case.closure_outcome,
            "referred_onwards": case.referred_onwards,
            "retain_until": case.retain_until,
            "retention_rule": case.retention_rule,
            "history": [
                Event(
                    seq=e.seq,
                    type=e.type,  # type: ignore[arg-type]
                    date=e.date,
                    note=e.note,
                    data=e.data,
                    actor=e.actor,
                    created_at=e.created_at,
                )
                for e in sorted(case.events, key=lambda e: e.seq)
            ],
        }
    )
