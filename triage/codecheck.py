"""Compares a pack's timescales with the ombudsmen's Complaint Handling Codes (`triage
check-code`). The Codes' requirements are data (`data/complaint-handling-codes.yaml`, each with
its clause), so a revised Code is a data change.

For each Code, each procedure in scope and each requirement, the report gives the Code's
requirement and clause, the pack's value and its `ref`, and a result: `comply`, `differs`, or
`silent` (the policy sets nothing). Statutory procedures outside the Codes are reported as out of
scope, not flagged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .codes import PackProcedure
from .errors import PackError, pydantic_field
from .pack import ComplaintTimeLimit, Pack, ProcedureDef, Silent, Timescale

Result = Literal["comply", "differs", "silent", "out_of_scope"]
Check = Literal[
    "stages", "acknowledge", "respond", "respond_extended", "time_limit", "service_requests"
]
CODES_RESOURCE = "data/complaint-handling-codes.yaml"


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Requirement(_Data):
    id: str
    check: Check
    text: str
    clause: str | None
    checked_against: str | None = None
    unverified: str | None = None
    stage: int | None = None
    stages_total: int | None = None
    working_days: int | None = None
    from_: Literal["received", "acknowledged"] | None = Field(default=None, alias="from")

    @property
    def clause_label(self) -> str:
        return self.clause or "clause not verified"


class Code(_Data):
    id: str
    name: str
    short: str
    in_force: dt.date
    status: str
    applies_to: str
    url: str
    requirements: tuple[Requirement, ...]


class OutOfScope(_Data):
    procedure: PackProcedure
    why: str
    source: str


class Codes(_Data):
    codes: tuple[Code, ...]
    out_of_scope: tuple[OutOfScope, ...] = ()


def load_codes(path: Path | None = None) -> Codes:
    """The Codes' requirements from the data file (or another file with the same shape)."""
    name = str(path) if path else CODES_RESOURCE
    try:
        text = (
            path.read_text(encoding="utf-8")
            if path
            else resources.files("triage").joinpath(CODES_RESOURCE).read_text(encoding="utf-8")
        )
        raw = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as exc:
        raise PackError(name, f"cannot be read: {exc}") from None
    try:
        return Codes.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise PackError(f"{name}:{pydantic_field(err['loc'])}", str(err["msg"])) from None


@dataclass(frozen=True)
class Row:
    code: str
    procedure: str
    stage: int | None
    requirement: str
    clause: str
    policy: str
    ref: str
    result: Result
    note: str = ""


# -- comparing one requirement -------------------------------------------------------------------
def _wd_total(t: Timescale) -> int | None:
    """Working days in a timescale and its `then` parts, or None if any part is not in them."""
    parts = (t, *t.then)
    if any(p.working_days is None for p in parts):
        return None
    return sum(p.working_days or 0 for p in parts)


def _describe(t: Timescale) -> str:
    start = "receipt" if t.from_ == "received" else "the acknowledgement"
    return f"{' + '.join(p.words() for p in (t, *t.then))} from {start}"


def _within(t: Timescale, limit_wd: int, *, code_from: str) -> tuple[Result, str]:
    """Whether a pack clock is never later than the Code's: N working days from the Code's start
    (`received`, or `acknowledged`, when a pack counting from receipt is compared as if the
    acknowledgement were sent the day the complaint came)."""
    total = _wd_total(t)
    if total is None:
        if t.calendar_days is not None and not t.then and t.calendar_days <= limit_wd:
            return "comply", "calendar days are never more than as many working days"
        return "differs", "not counted in working days"
    if code_from == "received" and t.from_ != "received":
        return "differs", "counted from a later event than the Code"
    if total <= limit_wd:
        return "comply", ""
    return "differs", f"{total - limit_wd} working days longer"


def _r(
    code: Code, name: str, req: Requirement, policy: str, ref: str, result: Result, note: str = ""
) -> Row:
    return Row(code.short, name, req.stage, req.text, req.clause_label, policy, ref, result, note)


def _stage_rows(code: Code, name: str, proc: ProcedureDef, req: Requirement) -> Row:
    assert req.stage is not None
    if req.stage > len(proc.stages):
        return _r(
            code,
            name,
            req,
            policy=f"no stage {req.stage}",
            ref=proc.ref,
            result="differs",
            note=f"the procedure has {len(proc.stages)} stage(s)",
        )
    st = proc.stages[req.stage - 1]
    clock: Timescale | Silent = getattr(st, req.check)
    if isinstance(clock, Silent):
        return _r(code, name, req, policy=f"silent: {clock.silent}", ref=clock.ref, result="silent")
    assert req.working_days is not None
    limit = req.working_days
    code_from = req.from_ or "acknowledged"
    if req.check == "respond_extended":
        # the Code's latest date: its response time plus the extension, from the acknowledgement
        respond_req = next(
            (r for r in code.requirements if r.check == "respond" and r.stage == req.stage), None
        )
        if respond_req is not None and respond_req.working_days is not None:
            limit += respond_req.working_days
        code_from = "acknowledged"
    result, note = _within(clock, limit, code_from=code_from)
    if req.check == "respond_extended" and isinstance(st.respond, Timescale):
        ext, resp = _wd_total(clock), _wd_total(st.respond)
        if ext is not None and resp is not None and clock.from_ == st.respond.from_:
            note = "; ".join(n for n in (note, f"an extension of {ext - resp} working days") if n)
    return _r(code, name, req, policy=_describe(clock), ref=clock.ref, result=result, note=note)


def _row(code: Code, pack: Pack, name: str, proc: ProcedureDef, req: Requirement) -> Row:
    if req.check == "stages":
        n = len(proc.stages)
        ok = n == req.stages_total
        return _r(
            code,
            name,
            req,
            policy=f"{n} stage{'s' if n != 1 else ''}",
            ref=proc.ref,
            result="comply" if ok else "differs",
        )
    if req.check == "time_limit":
        tl = proc.time_limit
        if isinstance(tl, Silent):
            return _r(code, name, req, policy=f"silent: {tl.silent}", ref=tl.ref, result="silent")
        assert isinstance(tl, ComplaintTimeLimit)
        start = {"incident": "the matter", "aware": "awareness"}.get(tl.from_, tl.from_)
        policy = f"{tl.words()} from {start}"
        if tl.discretion:
            policy += f"; exceptions: {tl.discretion_text or 'discretion'}"
            return _r(code, name, req, policy=policy, ref=tl.ref, result="comply")
        return _r(
            code,
            name,
            req,
            policy=policy + "; no exceptions",
            ref=tl.ref,
            result="differs",
            note="no exceptions to the time limit",
        )
    if req.check == "service_requests":
        said = pack.feedback.what_happens.get("service_request")
        if said:
            return _r(code, name, req, policy=said, ref=pack.feedback.ref, result="comply")
        return _r(code, name, req, policy="silent", ref=pack.feedback.ref, result="silent")
    return _stage_rows(code, name, proc, req)


def check_pack(pack: Pack, codes: Codes) -> list[Row]:
    """Every requirement of every Code against every procedure of the pack."""
    outside = {o.procedure: o for o in codes.out_of_scope}
    rows: list[Row] = []
    for code in codes.codes:
        for name, proc in pack.procedures.items():
            if name in outside:
                rows.append(
                    Row(
                        code=code.short,
                        procedure=name,
                        stage=None,
                        requirement="(the whole procedure)",
                        clause="out of scope",
                        policy=proc.name,
                        ref=proc.ref,
                        result="out_of_scope",
                        note=outside[name].why,
                    )
                )
                continue
            rows.extend(_row(code, pack, name, proc, req) for req in code.requirements)
    return rows


# -- the report ----------------------------------------------------------------------------------
_RESULT = {
    "comply": "comply",
    "differs": "DIFFERS",
    "silent": "silent",
    "out_of_scope": "out of scope",
}


def _where(row: Row) -> str:
    return f"{row.procedure}, stage {row.stage}" if row.stage else row.procedure


def report_text(pack: Pack, codes: Codes, rows: list[Row]) -> str:
    out = [
        f"{pack.name} ({pack.id}, pack version {pack.version}): timescales against the "
        "Complaint Handling Codes"
    ]
    for code in codes.codes:
        out.append("")
        out.append(f"{code.name} — {code.status}. Applies to: {code.applies_to}.")
        for r in (r for r in rows if r.code == code.short):
            out.append(f"  [{_RESULT[r.result]}] {_where(r)}: {r.requirement} ({r.clause})")
            out.append(f"      policy: {r.policy} [{pack.cite}, {r.ref}]")
            if r.note:
                out.append(f"      note: {r.note}")
    counts = {k: sum(r.result == k for r in rows) for k in _RESULT}
    out.append("")
    out.append(
        f"{counts['comply']} comply, {counts['differs']} differ, {counts['silent']} silent, "
        f"{counts['out_of_scope']} out of scope"
    )
    return "\n".join(out)


def _cell(s: str) -> str:
    return " ".join(s.split()).replace("|", "\\|")


def report_markdown(pack: Pack, codes: Codes, rows: list[Row]) -> str:
    out = [
        f"## {pack.name}",
        "",
        f"Pack `{pack.id}` version {pack.version}, encoded from `{pack.source}` "
        f"({pack.document_date}). Timescales only; each row cites the Code's clause and the "
        "policy's section. \"Clause not verified\" means the requirement's clause could not be "
        "checked against the Code's own text (see the data file).",
    ]
    for code in codes.codes:
        mine = [r for r in rows if r.code == code.short]
        out += [
            "",
            f"### {code.name}",
            "",
            f"{code.status[:1].upper()}{code.status[1:]}. Applies to: {code.applies_to}.",
            "",
            "| Procedure, stage | Code requirement | Clause | Policy | Policy ref | Result |",
            "|---|---|---|---|---|---|",
        ]
        for r in mine:
            result = _RESULT[r.result] + (f" ({_cell(r.note)})" if r.note else "")
            out.append(
                f"| {_cell(_where(r))} | {_cell(r.requirement)} | {_cell(r.clause)} | "
                f"{_cell(r.policy)} | {_cell(r.ref)} | {result} |"
            )
    counts = {k: sum(r.result == k for r in rows) for k in _RESULT}
    out += [
        "",
        f"Summary: {counts['comply']} comply, {counts['differs']} differ, "
        f"{counts['silent']} silent, {counts['out_of_scope']} out of scope.",
    ]
    return "\n".join(out)
