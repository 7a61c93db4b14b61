"""/v1/cases: file a case, read it, list cases, record events."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path, Query, Response
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from .. import audit, lifecycle, references, views
from ..auth import Principal, require
from ..db import Database
from ..errors import ConflictError, InputError, NotFound, Unavailable
from ..models import Case
from ..schemas import (
    CODE_PATTERN,
    RECEIPT_PATTERN,
    CaseCreate,
    CaseCreated,
    CaseDetail,
    CaseList,
    ErrorResponse,
    EventCreate,
    Status,
)
from .deps import ERROR_RESPONSES, database

router = APIRouter(prefix="/v1/cases", tags=["cases"], responses=ERROR_RESPONSES)

Db = Annotated[Database, Depends(database)]
Reference = Annotated[
    str,
    Path(
        max_length=40,
        description="The case reference, e.g. TW-2026-7K3Q9M.",
        examples=["TW-2026-7K3Q9M"],
    ),
]
_NOT_FOUND = "no case with this reference"
_REFERENCE_ATTEMPTS = 8


def _request_hash(body: CaseCreate) -> str:
    canonical = json.dumps(body.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _by_key(session: Session, filed_by: str, key: str) -> Case | None:
    """Keys are scoped to the client that filed: another client's key is never found."""
    return session.scalars(
        select(Case)
        .where(Case.filed_by == filed_by, Case.idempotency_key == key)
        .options(selectinload(Case.events))
    ).first()


def _replay(db: Db, key: str, request_hash: str, who: Principal) -> CaseCreated | None:
    with db.read() as session:
        case = _by_key(session, who.name, key)
        if case is None:
            return None
        if case.request_hash != request_hash:
            raise ConflictError(
                "Idempotency-Key", "this key was already used to file a different case"
            )
        answer = views.created(case)
    with db.write() as session:
        audit.record(session, who.name, "case.file.replayed", answer.reference)
    return answer


@router.post(
    "",
    status_code=201,
    summary="File a case",
    description="Runs triage on the facts, stores the case with its decision and history, and "
    "returns its reference. A case triage does not accept is still stored (status `redirected`, "
    "`declined` or `feedback`), as the policies require contacts to be recorded. Retrying with "
    "the same Idempotency-Key and body returns the same case (200); the same key with a "
    "different body is refused (409).",
    responses={
        200: {"model": CaseCreated, "description": "Replay: this key already filed this case."},
        409: {"model": ErrorResponse, "description": "The key was used for a different body."},
        422: {"model": ErrorResponse, "description": "A field is wrong; `error.field` names it."},
    },
)
def file_case(
    body: CaseCreate,
    response: Response,
    db: Db,
    who: Annotated[Principal, require("cases:file")],
    idempotency_key: Annotated[
        str,
        Header(
            alias="Idempotency-Key",
            min_length=1,
            max_length=200,
            description="Unique per case the client means to file; reuse it on retries.",
        ),
    ],
) -> CaseCreated:
    request_hash = _request_hash(body)
    now = lifecycle.today()
    # Optimistic: insert straight away and let the unique key catch retries, so the usual
    # first request costs one transaction.
    for _ in range(_REFERENCE_ATTEMPTS):
        try:
            case, _decision = lifecycle.new_case(
                body, key=idempotency_key, request_hash=request_hash, actor=who.name, now=now
            )
        except InputError:
            # A retry must get its case back even if the packs changed since it was filed.
            replay = _replay(db, idempotency_key, request_hash, who)
            if replay is None:
                raise
            response.status_code = 200
            return replay
        try:
            with db.write() as session:
                lifecycle.store_pack_version(session, lifecycle.case_pack(case))
                session.add(case)
                session.flush()
                audit.record(session, who.name, "case.filed", case.reference, status=case.status)
                return views.created(case)
        except IntegrityError:
            # Either this key already filed a case (a retry, perhaps concurrent), or the
            # random reference collided: the first answers from that case, the second retries.
            replay = _replay(db, idempotency_key, request_hash, who)
            if replay is not None:
                response.status_code = 200
                return replay
    raise Unavailable(None, "could not allocate a unique reference; retry the request")


def _load(session: Session, reference: str, who: Principal, *, lock: bool = False) -> Case:
    ref = references.normalise(reference)
    if not references.is_valid(ref):
        raise NotFound("reference", _NOT_FOUND)
    query = select(Case).where(Case.reference == ref).options(selectinload(Case.events))
    if lock:
        query = query.with_for_update()
    case = session.scalars(query).first()
    if case is None:
        raise NotFound("reference", _NOT_FOUND)
    if case.restricted and not who.can("cases:restricted"):
        # Same answer as a missing case: the existence of a confidential case is itself private.
        raise _Denied(case.reference)
    return case


class _Denied(NotFound):
    def __init__(self, reference: str) -> None:
        super().__init__("reference", _NOT_FOUND)
        self.reference = reference


def _audit_denied(db: Database, who: Principal, denied: _Denied) -> NotFound:
    with db.write() as session:
        audit.record(session, who.name, "case.read.denied", denied.reference)
    return NotFound("reference", _NOT_FOUND)


@router.get(
    "/{reference}",
    summary="Read a case",
    description="The case with its facts, decision, deadlines and history. Cases about child "
    "sexual exploitation or sexual abuse answer 404 unless the token has cases:restricted.",
    responses={404: {"model": ErrorResponse}},
)
def read_case(
    reference: Reference, db: Db, who: Annotated[Principal, require("cases:read")]
) -> CaseDetail:
    try:
        with db.write() as session:
            case = _load(session, reference, who)
            audit.record(session, who.name, "case.read", case.reference)
            return views.detail(case, lifecycle.today())
    except _Denied as denied:
        raise _audit_denied(db, who, denied) from None


@router.get(
    "",
    summary="List cases",
    description="Newest first. Filters combine with AND. Lists carry no narrative or contact "
    "details; read a case for those.",
)
def list_cases(
    db: Db,
    who: Annotated[Principal, require("cases:read")],
    authority: Annotated[
        str | None, Query(max_length=64, pattern=CODE_PATTERN, examples=["telford-wrekin"])
    ] = None,
    status: Status | None = None,
    stage: Annotated[int | None, Query(ge=1, le=3)] = None,
    service: Annotated[
        str | None, Query(max_length=64, pattern=CODE_PATTERN, examples=["waste"])
    ] = None,
    overdue: Annotated[
        bool | None, Query(description="true: only open cases past their due date")
    ] = None,
    due_before: Annotated[
        dt.date | None, Query(description="Only cases due on or before this date")
    ] = None,
    receipt: Annotated[
        str | None,
        Query(
            min_length=8,
            max_length=8,
            pattern=RECEIPT_PATTERN,
            description="The receipt number the assistant gave a person when filing was "
            "delayed (the first 8 characters of the case's Idempotency-Key, any case). A case "
            "still waiting in the assistant's outbox is not here yet: "
            "`python -m actions.outbox status --receipt` finds it there.",
            examples=["3F9A0C1D"],
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> CaseList:
    now = lifecycle.today()
    query = select(Case)
    if not who.can("cases:restricted"):
        query = query.where(Case.restricted.is_(False))
    if authority is not None:
        query = query.where(Case.authority == authority)
    if status is not None:
        query = query.where(Case.status == status)
    if stage is not None:
        query = query.where(Case.stage == stage)
    if service is not None:
        query = query.where(Case.service == service)
    if overdue is True:
        query = query.where(Case.overdue_on(now))
    elif overdue is False:
        query = query.where(~Case.overdue_on(now))
    if due_before is not None:
        query = query.where(Case.due <= due_before)
    if receipt is not None:
        query = query.where(references.receipt_matches(Case.idempotency_key, receipt))
    with db.write() as session:
        total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        rows = session.scalars(
            query.order_by(Case.created_at.desc(), Case.id.desc()).limit(limit).offset(offset)
        ).all()
        items = [views.summary(c, now) for c in rows]
        audit.record(
            session,
            who.name,
            "case.list",
            None,
            count=len(items),
            references=[c.reference for c in items],
        )
    return CaseList(items=items, total=total, limit=limit, offset=offset)


@router.post(
    "/{reference}/events",
    status_code=201,
    summary="Record an event on a case",
    description="acknowledged, extended, responded, escalation_requested, suspended, resumed, "
    "withdrawn or closed (with outcome upheld, partly_upheld or not_upheld). Deadlines are "
    "recomputed by triage on the case's updated facts; the event is appended to the history. "
    "Returns the updated case.",
    responses={
        404: {"model": ErrorResponse},
        409: {"model": ErrorResponse, "description": "The event does not fit the case's state."},
        422: {"model": ErrorResponse},
    },
)
def record_event(
    reference: Reference,
    event: EventCreate,
    db: Db,
    who: Annotated[Principal, require("cases:write")],
) -> CaseDetail:
    now = lifecycle.today()
    try:
        with db.write() as session:
            case = _load(session, reference, who, lock=True)
            record = lifecycle.apply_event(case, event, actor=who.name, now=now)
            session.flush()
            audit.record(session, who.name, "case.event", case.reference, type=record.type)
            return views.detail(case, now)
    except _Denied as denied:
        raise _audit_denied(db, who, denied) from None
    except IntegrityError:
        raise ConflictError(None, "the case changed at the same moment; retry") from None
