"""The decision (contract: "Decision (output)"); serialises to the contract's JSON exactly."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict

from .codes import ExclusionCode, Flag, Outcome, Procedure, SuspensionOnlyCode, TimeStatus


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class TimeLimit(_Out):
    status: TimeStatus
    limit_date: dt.date | None = None


class Exclusion(_Out):
    code: ExclusionCode
    reason: str
    redirect_to: str | None = None
    ref: str


class Suspension(_Out):
    code: ExclusionCode | SuspensionOnlyCode
    reason: str
    ref: str


class Deadlines(_Out):
    acknowledge_by: dt.date | None = None
    respond_by: dt.date | None = None
    respond_by_extended: dt.date | None = None
    escalate_by: dt.date | None = None


class Signpost(_Out):
    id: str
    name: str
    phone: str | None = None
    email: str | None = None
    url: str | None = None
    why: str


class Reason(_Out):
    text: str
    ref: str


class Decision(_Out):
    authority: str
    procedure: Procedure
    outcome: Outcome
    stage: int
    stages_total: int
    time_limit: TimeLimit
    exclusions: tuple[Exclusion, ...] = ()
    suspensions: tuple[Suspension, ...] = ()
    deadlines: Deadlines = Deadlines()
    signposts: tuple[Signpost, ...] = ()
    flags: tuple[Flag, ...] = ()
    reasons: tuple[Reason, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")
