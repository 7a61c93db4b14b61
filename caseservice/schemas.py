"""The HTTP API's request and response shapes (pydantic), kept apart from the database models.

Other systems integrate on these: add fields, never rename or remove them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)

# Authority ids and service codes: lower-case words joined by - or _.
CODE_PATTERN = r"^[a-z0-9_-]+$"
# A receipt number: the first 8 characters of an Idempotency-Key (hex from the assistant).
RECEIPT_PATTERN = r"^[A-Za-z0-9_.:-]{8}$"

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date(value: Any) -> Any:
    # Only YYYY-MM-DD: pydantic alone would also take Unix timestamps and datetimes.
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValueError("must be a date written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value} is not a real date") from None


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]

Status = Literal[
    "open", "suspended", "responded", "closed", "withdrawn", "redirected", "declined", "feedback"
]
EventType = Literal[
    "acknowledged",
    "extended",
    "responded",
    "escalation_requested",
    "suspended",
    "resumed",
    "withdrawn",
    "closed",
]
ClosureOutcome = Literal["upheld", "partly_upheld", "not_upheld"]
Channel = Literal["webchat", "shell", "api"]
ResponseChannel = Literal["email", "first_class_post", "second_class_post", "in_person"]

Text = Annotated[str, StringConstraints(max_length=20_000)]
Short = Annotated[str, StringConstraints(max_length=500)]

FACTS_EXAMPLE: dict[str, Any] = {
    "authority": "telford-wrekin",
    "kind": "complaint",
    "received": "2026-11-23",
    "service": "waste",
    "incident_date": "2026-10-30",
    "complainant": {"relationship": "self"},
}


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_has_nul(v) for v in value)
    return False


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        # PostgreSQL cannot store NUL in text; refuse it here rather than fail at the database.
        if _has_nul(value):
            raise ValueError("must not contain NUL characters")
        return value


class Contact(_In):
    name: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None
    email: (
        Annotated[str, StringConstraints(max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
        | None
    ) = None
    phone: (
        Annotated[str, StringConstraints(max_length=40, pattern=r"^[0-9+() .-]{3,40}$")] | None
    ) = None
    address: Annotated[str, StringConstraints(max_length=500)] | None = None
    preferred: Literal["email", "phone", "post"] | None = None
    # Whose records to look at when someone complains for another person (a child, a parent
    # in a care home, a client): kept with the contact, so it is shown and erased with it.
    on_behalf_of: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None


class CaseCreate(_In):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "facts": FACTS_EXAMPLE,
                    "narrative": "My bin has not been collected for three weeks.",
                    "desired_outcome": "Collect the bin and tell me why it was missed.",
                    "contact": {
                        "name": "A. Resident",
                        "email": "resident@example.org",
                        "phone": "01952 000000",
                        "address": None,
                        "preferred": "email",
                    },
                    "conversation_id": "b9f6c1e2",
                    "channel": "webchat",
                }
            ]
        },
    )

    facts: dict[str, Any] = Field(
        description="Triage facts, per the triage contract; the service runs triage on them.",
        examples=[FACTS_EXAMPLE],
    )
    narrative: Text = Field("", description="The complaint in the person's own words.")
    desired_outcome: Text | None = None
    contact: Contact | None = Field(None, description="Null when the person stays anonymous.")
    conversation_id: Annotated[str, StringConstraints(max_length=200)] | None = None
    channel: Channel = "api"


class Deadlines(BaseModel):
    acknowledge_by: dt.date | None
    respond_by: dt.date | None
    respond_by_extended: dt.date | None
    escalate_by: dt.date | None
    due: dt.date | None = Field(
        description="When the current stage's response is due (respond_by, or "
        "respond_by_extended once extended); null when nothing is owed."
    )


class CaseCreated(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "reference": "TW-2026-7K3Q9M",
                    "status": "open",
                    "decision": {
                        "authority": "telford-wrekin",
                        "procedure": "corporate",
                        "outcome": "accept",
                        "stage": 1,
                        "stages_total": 2,
                        "time_limit": {"status": "in_time", "limit_date": "2027-10-30"},
                        "deadlines": {
                            "acknowledge_by": "2026-11-25",
                            "respond_by": "2026-12-09",
                            "respond_by_extended": "2026-12-23",
                            "escalate_by": "2027-01-11",
                        },
                        "exclusions": [],
                        "suspensions": [],
                        "signposts": [],
                        "flags": [],
                        "reasons": [],
                    },
                    "created_at": "2026-11-23T10:15:00Z",
                }
            ]
        }
    )

    reference: str = Field(examples=["TW-2026-7K3Q9M"])
    status: Status
    decision: dict[str, Any] = Field(description="The triage decision, per the triage contract.")
    created_at: dt.datetime


class Event(BaseModel):
    seq: int
    type: EventType | Literal["filed"]
    date: dt.date
    note: str | None
    data: dict[str, Any]
    actor: str
    created_at: dt.datetime


class CaseSummary(BaseModel):
    reference: str
    authority: str
    status: Status
    kind: str
    service: str | None
    procedure: str
    outcome: str
    stage: int
    stages_total: int
    received: dt.date
    due: dt.date | None
    overdue: bool
    restricted: bool
    created_at: dt.datetime
    updated_at: dt.datetime


class CasePack(BaseModel):
    id: str
    version: str | None = Field(
        description="The policy pack version the case is judged by, for life (null: filed "
        "before versions were recorded; judged by the version in force on `received`)."
    )
    content_hash: str | None


class CaseDetail(CaseSummary):
    pack: CasePack
    facts: dict[str, Any]
    decision: dict[str, Any]
    narrative: str
    desired_outcome: str | None
    contact: dict[str, Any] | None
    conversation_id: str | None
    channel: str
    deadlines: Deadlines
    extended: bool
    suspended_since: dt.date | None
    acknowledged_on: dt.date | None
    responded_on: dt.date | None
    responded_in_time: bool | None
    closed_on: dt.date | None
    closure_outcome: ClosureOutcome | None
    referred_onwards: bool
    retain_until: dt.date
    retention_rule: str | None = Field(
        description="The retention rule behind retain_until, with its pack and section."
    )
    history: list[Event]


class CaseList(BaseModel):
    items: list[CaseSummary]
    total: int
    limit: int
    offset: int


class EventCreate(_In):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"type": "acknowledged", "date": "2026-11-24"},
                {"type": "extended", "date": "2026-12-01", "note": "Complex; needs site visit."},
                {"type": "responded", "date": "2026-12-08"},
                {"type": "escalation_requested", "date": "2026-12-15"},
                {"type": "closed", "date": "2026-12-08", "outcome": "partly_upheld"},
            ]
        },
    )

    type: EventType
    date: IsoDate | None = Field(None, description="When it happened; default today.")
    note: Text | None = Field(None, description="Staff note; kept in the case history.")
    outcome: ClosureOutcome | None = Field(None, description="Required for `closed`.")
    referred_to_ombudsman: bool | None = Field(
        None, description="For `closed`: the complainant has gone on to the ombudsman."
    )
    previous_response_date: IsoDate | None = Field(
        None,
        description="For `escalation_requested`: date of the response being escalated from, "
        "when no `responded` event was recorded.",
    )
    previous_response_channel: ResponseChannel | None = Field(
        None, description="For `escalation_requested` and `responded`: how it was sent."
    )


class ErrorBody(BaseModel):
    field: str
    message: str


class ErrorResponse(BaseModel):
    error: ErrorBody


class Health(BaseModel):
    status: Literal["ok", "unavailable"]
    database: str
    schema_revision: str | None


class Summary(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "description": "What the policies say councils monitor (e.g. Telford 13.2): cases "
            "by stage and service, refused, upheld, timeliness, referred onwards."
        }
    )

    from_: dt.date = Field(alias="from")
    to: dt.date
    authority: str | None
    restricted_included: bool
    total: int
    by_stage: dict[str, int]
    by_service: dict[str, int]
    by_status: dict[str, int]
    by_outcome: dict[str, int]
    accepted: int
    refused: int
    feedback: int
    responded: int
    responded_within_deadline: int
    responded_late: int
    closed: int
    upheld: int
    partly_upheld: int
    not_upheld: int
    referred_onwards: int
    overdue_now: int
