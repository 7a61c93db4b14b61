"""/v1/reports: the figures the policies say councils monitor (e.g. Telford and Wrekin 13.2)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse, Response
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from .. import audit, lifecycle
from ..auth import Principal, require
from ..db import Database
from ..errors import InputError
from ..models import Case
from ..schemas import CODE_PATTERN, ErrorResponse, Summary
from .deps import ERROR_RESPONSES, database

router = APIRouter(prefix="/v1/reports", tags=["reports"], responses=ERROR_RESPONSES)


def _grouped(session: Session, base: Select[Any], column: Any) -> dict[str, int]:
    sub = base.subquery()
    rows = session.execute(
        select(sub.c[column], func.count()).group_by(sub.c[column]).order_by(sub.c[column])
    ).all()
    return {str(key) if key is not None else "unknown": int(n) for key, n in rows}


def _count(session: Session, base: Select[Any], *conditions: Any) -> int:
    return int(
        session.scalar(select(func.count()).select_from(base.where(*conditions).subquery())) or 0
    )


def build_summary(
    session: Session,
    start: dt.date,
    end: dt.date,
    authority: str | None,
    include_restricted: bool,
    now: dt.date,
) -> Summary:
    base = select(Case).where(Case.received >= start, Case.received <= end)
    if authority is not None:
        base = base.where(Case.authority == authority)
    if not include_restricted:
        base = base.where(Case.restricted.is_(False))
    return Summary.model_validate(
        {
            "from": start,
            "to": end,
            "authority": authority,
            "restricted_included": include_restricted,
            "total": _count(session, base),
            "by_stage": _grouped(session, base, "stage"),
            "by_service": _grouped(session, base, "service"),
            "by_status": _grouped(session, base, "status"),
            "by_outcome": _grouped(session, base, "outcome"),
            "accepted": _count(session, base, Case.outcome.in_(lifecycle.ACCEPTED)),
            "refused": _count(session, base, Case.outcome.in_(("redirect", "decline"))),
            "feedback": _count(session, base, Case.outcome == "feedback"),
            "responded": _count(session, base, Case.responded_in_time.is_not(None)),
            "responded_within_deadline": _count(session, base, Case.responded_in_time.is_(True)),
            "responded_late": _count(session, base, Case.responded_in_time.is_(False)),
            "closed": _count(session, base, Case.status == "closed"),
            "upheld": _count(session, base, Case.closure_outcome == "upheld"),
            "partly_upheld": _count(session, base, Case.closure_outcome == "partly_upheld"),
            "not_upheld": _count(session, base, Case.closure_outcome == "not_upheld"),
            "referred_onwards": _count(session, base, Case.referred_onwards.is_(True)),
            "overdue_now": _count(session, base, Case.overdue_on(now)),
        }
    )


def summary_csv(summary: Summary) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["measure", "key", "value"])
    for name, value in summary.model_dump(by_alias=True, mode="json").items():
        if isinstance(value, dict):
            for key, n in value.items():
                writer.writerow([name, key, n])
        else:
            writer.writerow([name, "", "" if value is None else value])
    return out.getvalue()


@router.get(
    "/summary",
    summary="Complaints performance summary",
    description="Cases received between `from` and `to` inclusive: by stage, service, status "
    "and triage outcome; accepted vs refused; responded within deadline; upheld; referred "
    "onwards. Confidential (CSE, sexual abuse) cases are counted only for tokens with "
    "cases:restricted. `format=csv` gives the same figures as CSV (measure,key,value).",
    response_model=Summary,
    responses={
        200: {"content": {"text/csv": {"example": "measure,key,value\ntotal,,12\n"}}},
        422: {"model": ErrorResponse},
    },
)
def summary(
    db: Annotated[Database, Depends(database)],
    who: Annotated[Principal, require("cases:read")],
    start: Annotated[
        dt.date | None, Query(alias="from", description="First day (default: a year before `to`)")
    ] = None,
    end: Annotated[
        dt.date | None, Query(alias="to", description="Last day (default: today)")
    ] = None,
    authority: Annotated[str | None, Query(max_length=64, pattern=CODE_PATTERN)] = None,
    format: Literal["json", "csv"] = "json",
) -> Response:
    now = lifecycle.today()
    end = end or now
    start = start or end - dt.timedelta(days=365)
    if start > end:
        raise InputError("from", f"{start} is after to ({end})")
    with db.write() as session:
        result = build_summary(session, start, end, authority, who.can("cases:restricted"), now)
        audit.record(
            session, who.name, "report.summary", None, start=start.isoformat(), end=end.isoformat()
        )
    if format == "csv":
        return Response(summary_csv(result), media_type="text/csv; charset=utf-8")
    return JSONResponse(result.model_dump(by_alias=True, mode="json"))
