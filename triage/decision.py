"""The decision (contract: "Decision (output)"); `to_dict()` gives the contract's JSON exactly.

Plain frozen dataclasses rather than pydantic models: every value is built by the engine from
validated facts and a validated pack, and building pydantic models was half the cost of a
decision.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .codes import (
    Audience,
    ExclusionCode,
    Flag,
    Outcome,
    Procedure,
    SignpostKind,
    SuspensionOnlyCode,
    TimeStatus,
)


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


@dataclass(frozen=True, slots=True)
class TimeLimit:
    status: TimeStatus
    limit_date: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "limit_date": _iso(self.limit_date)}


@dataclass(frozen=True, slots=True)
class Exclusion:
    code: ExclusionCode
    reason: str
    redirect_to: str | None
    ref: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "reason": self.reason,
            "redirect_to": self.redirect_to,
            "ref": self.ref,
        }


@dataclass(frozen=True, slots=True)
class Suspension:
    code: ExclusionCode | SuspensionOnlyCode
    reason: str
    ref: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "reason": self.reason, "ref": self.ref}


@dataclass(frozen=True, slots=True)
class Deadlines:
    acknowledge_by: dt.date | None = None
    respond_by: dt.date | None = None
    respond_by_extended: dt.date | None = None
    escalate_by: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "acknowledge_by": _iso(self.acknowledge_by),
            "respond_by": _iso(self.respond_by),
            "respond_by_extended": _iso(self.respond_by_extended),
            "escalate_by": _iso(self.escalate_by),
        }


@dataclass(frozen=True, slots=True)
class Signpost:
    id: str
    name: str
    phone: str | None
    email: str | None
    url: str | None
    why: str
    kind: SignpostKind = "support"
    audience: Audience = "everyone"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "phone": self.phone,
            "email": self.email,
            "url": self.url,
            "why": self.why,
            "kind": self.kind,
            "audience": self.audience,
        }


@dataclass(frozen=True, slots=True)
class Reason:
    text: str
    ref: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "ref": self.ref}


@dataclass(frozen=True, slots=True)
class PackVersion:
    """Which rules a decision was made under: the pack, its version, the day that version came
    into force (None: the pack's first version) and a hash of its content."""

    id: str
    version: str
    effective_from: dt.date | None
    content_hash: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "effective_from": _iso(self.effective_from),
            "content_hash": self.content_hash,
        }


@dataclass(frozen=True, slots=True)
class Decision:
    authority: str
    procedure: Procedure
    outcome: Outcome
    stage: int
    stages_total: int
    time_limit: TimeLimit
    exclusions: tuple[Exclusion, ...] = ()
    suspensions: tuple[Suspension, ...] = ()
    deadlines: Deadlines = field(default_factory=Deadlines)
    signposts: tuple[Signpost, ...] = ()
    flags: tuple[Flag, ...] = ()
    reasons: tuple[Reason, ...] = ()
    pack: PackVersion | None = None

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON shape: ISO dates, lists for arrays, every field present."""
        return {
            "authority": self.authority,
            "procedure": self.procedure,
            "outcome": self.outcome,
            "stage": self.stage,
            "stages_total": self.stages_total,
            "time_limit": self.time_limit.to_dict(),
            "exclusions": [e.to_dict() for e in self.exclusions],
            "suspensions": [s.to_dict() for s in self.suspensions],
            "deadlines": self.deadlines.to_dict(),
            "signposts": [s.to_dict() for s in self.signposts],
            "flags": list(self.flags),
            "reasons": [r.to_dict() for r in self.reasons],
            "pack": self.pack.to_dict() if self.pack is not None else None,
        }

    # The contract also names pydantic's spelling; keep callers of either working.
    def model_dump(self, mode: str = "json") -> dict[str, Any]:
        return self.to_dict()
