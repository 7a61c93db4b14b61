"""Database tables (SQLAlchemy 2 typed ORM). Every change here needs an Alembic migration."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    ColumnElement,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    and_,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.hybrid import hybrid_method
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timestamps stored in UTC and read back timezone-aware (SQLite forgets the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(dt.timezone.utc) if value is not None else None

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=dt.timezone.utc)
        return value


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class Case(Base):
    __tablename__ = "cases"
    # One key, one case, whatever the number of retries racing each other. Keys are scoped to
    # the client that filed (the token's name, which survives rotating its secret), so two
    # clients can never collide on, or read back, each other's keys.
    __table_args__ = (
        UniqueConstraint("filed_by", "idempotency_key", name="uq_cases_filed_by_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(24), unique=True)
    filed_by: Mapped[str] = mapped_column(String(100))
    idempotency_key: Mapped[str] = mapped_column(String(200))
    request_hash: Mapped[str] = mapped_column(String(64))

    authority: Mapped[str] = mapped_column(String(64), index=True)
    # The policy pack version the case is judged by, for life: the one in force on `received`
    # (null only for cases filed before versions were recorded). Its content is in pack_versions.
    pack_version: Mapped[str | None] = mapped_column(String(40))
    pack_hash: Mapped[str | None] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))
    service: Mapped[str | None] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(24), index=True)
    procedure: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[str] = mapped_column(String(32))
    stage: Mapped[int] = mapped_column(Integer)
    stages_total: Mapped[int] = mapped_column(Integer)
    restricted: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    childrens_file: Mapped[bool] = mapped_column(Boolean, default=False)

    facts: Mapped[dict[str, Any]] = mapped_column(JSON)
    decision: Mapped[dict[str, Any]] = mapped_column(JSON)
    narrative: Mapped[str] = mapped_column(Text)
    desired_outcome: Mapped[str | None] = mapped_column(Text)
    contact: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    conversation_id: Mapped[str | None] = mapped_column(String(200))
    channel: Mapped[str] = mapped_column(String(16))

    received: Mapped[dt.date] = mapped_column(Date, index=True)
    acknowledge_by: Mapped[dt.date | None] = mapped_column(Date)
    respond_by: Mapped[dt.date | None] = mapped_column(Date)
    respond_by_extended: Mapped[dt.date | None] = mapped_column(Date)
    escalate_by: Mapped[dt.date | None] = mapped_column(Date)
    # The date the current stage's response is due: respond_by, or the extended date once
    # an extension is recorded; null when nothing is owed.
    due: Mapped[dt.date | None] = mapped_column(Date, index=True)
    extended: Mapped[bool] = mapped_column(Boolean, default=False)
    suspended_since: Mapped[dt.date | None] = mapped_column(Date)
    paused_days: Mapped[int] = mapped_column(Integer, default=0)

    acknowledged_on: Mapped[dt.date | None] = mapped_column(Date)
    responded_on: Mapped[dt.date | None] = mapped_column(Date)
    responded_in_time: Mapped[bool | None] = mapped_column(Boolean)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    closure_outcome: Mapped[str | None] = mapped_column(String(24))
    referred_onwards: Mapped[bool] = mapped_column(Boolean, default=False)
    retain_until: Mapped[dt.date] = mapped_column(Date, index=True)
    # The retention rule behind retain_until, with the pack and section it comes from.
    retention_rule: Mapped[str | None] = mapped_column(String(300))

    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    @hybrid_method
    def overdue_on(self, day: dt.date) -> bool:
        """The one definition of overdue: open, with a due date before `day`. A suspended case
        is not overdue (its clock is stopped). Works on a row and in a query."""
        return self.status == "open" and self.due is not None and self.due < day

    @overdue_on.expression
    @classmethod
    def _overdue_on(cls, day: dt.date) -> ColumnElement[bool]:
        return and_(cls.status == "open", cls.due.is_not(None), cls.due < day)

    events: Mapped[list[CaseEvent]] = relationship(
        back_populates="case",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="CaseEvent.seq",
    )


class CaseEvent(Base):
    __tablename__ = "case_events"
    __table_args__ = (UniqueConstraint("case_id", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(32))
    date: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    # What the event changed (status, stage, deadlines before and after) and its parameters.
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    actor: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)

    case: Mapped[Case] = relationship(back_populates="events")


class PackVersionRow(Base):
    """The content of every pack version a case was judged by, keyed by its hash, so a case
    keeps its rules even after the pack file is edited in place."""

    __tablename__ = "pack_versions"

    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    authority: Mapped[str] = mapped_column(String(64))
    version: Mapped[str] = mapped_column(String(40))
    effective_from: Mapped[dt.date | None] = mapped_column(Date)
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    first_used: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class AuditEntry(Base):
    """Who read or changed what, when. Keeps only references, never personal data, and
    outlives the case it names (no foreign key) so purges stay accountable."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_reference", "reference"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    reference: Mapped[str | None] = mapped_column(String(24))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    scopes: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
