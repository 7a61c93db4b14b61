"""Policy packs: the schema a pack file must follow, and the loader that enforces it.

A pack is data (YAML) encoded from one authority's complaints policy; every rule in it carries
the section (`ref`) it comes from. Loading fails loudly, naming the key, on anything malformed:
a typo'd key is an error, not a silently ignored rule.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import os
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .calendar import (
    WorkingCalendar,
    add_calendar_days,
    add_months,
    add_years,
    calendar_for,
    today_in_england,
)
from .codes import (
    EXCLUSION_CODES,
    Audience,
    Channel,
    ChildStatus,
    Circumstance,
    Consent,
    ExclusionCode,
    Flag,
    Kind,
    Outcome,
    PackProcedure,
    Relationship,
    Service,
    SignpostKind,
    SuspensionOnlyCode,
)
from .errors import PackError, TriageError, UnknownAuthorityError, pydantic_field

PACKS_PACKAGE = "triage.packs"
NATIONAL_ID = "national"


class _Pack(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


_UNITS = ("working_days", "calendar_days", "months", "years")


class Period(_Pack):
    """A length of time: exactly one unit is given."""

    working_days: Annotated[int, Field(ge=0)] | None = None
    calendar_days: Annotated[int, Field(ge=0)] | None = None
    months: Annotated[int, Field(ge=0)] | None = None
    years: Annotated[int, Field(ge=0)] | None = None

    @model_validator(mode="after")
    def _one_unit(self) -> Period:
        given = [u for u in _UNITS if getattr(self, u) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of working_days, calendar_days, months, years")
        return self

    def add_to(self, day: dt.date, cal: WorkingCalendar) -> dt.date:
        if self.working_days is not None:
            return cal.add_working_days(day, self.working_days)
        if self.calendar_days is not None:
            return add_calendar_days(day, self.calendar_days)
        if self.months is not None:
            return add_months(day, self.months)
        assert self.years is not None
        return add_years(day, self.years)

    def words(self) -> str:
        for unit, label in (
            ("working_days", "working day"),
            ("calendar_days", "day"),
            ("months", "month"),
            ("years", "year"),
        ):
            n = getattr(self, unit)
            if n is not None:
                return f"{n} {label}{'' if n == 1 else 's'}"
        return ""  # pragma: no cover - the validator guarantees a unit


class Silent(_Pack):
    """The document sets no such timescale or limit; the engine returns null and says why."""

    silent: str
    ref: str


class Timescale(Period):
    """A staff-side clock: a period counted from an event, optionally followed by more periods
    added in turn (a review panel: panel, then report, then response)."""

    from_: Literal["received", "acknowledge_by"] = Field(alias="from")
    then: tuple[Period, ...] = ()
    ref: str
    note: str | None = None


class Window(Period):
    """A customer-side window: how long the person has to complain or to escalate."""

    from_: Literal["incident", "aware", "previous_response", "stage1_response"] = Field(
        alias="from"
    )
    discretion: bool
    discretion_text: str | None = None
    counts_from: Literal["deemed_receipt", "sent"] | None = None
    ideal: Period | None = None
    ref: str
    note: str | None = None


class Stage(_Pack):
    stage: int
    name: str
    public_name: str
    ref: str
    request: Window | Silent | None = None  # None only for stage 1
    acknowledge: Timescale | Silent
    respond: Timescale | Silent
    respond_extended: Timescale | Silent
    independent: bool = False


class Condition(_Pack):
    """All given keys must hold; within a list, any value matches."""

    kinds: tuple[Kind, ...] | None = None
    services: tuple[Service, ...] | None = None
    circumstances: tuple[Circumstance, ...] | None = None
    all_circumstances: tuple[Circumstance, ...] | None = None
    relationships: tuple[Relationship, ...] | None = None
    consent: tuple[Consent, ...] | None = None
    anonymous: bool | None = None
    council_tenant: bool | None = None
    is_child: bool | None = None
    child_statuses: tuple[ChildStatus, ...] | None = None
    statutory_child: bool | None = None
    procedures: tuple[PackProcedure, ...] | None = None
    stages: tuple[int, ...] | None = None
    incident_before: dt.date | None = None
    age_under: int | None = None
    outcomes: tuple[Outcome, ...] | None = None  # only flags and signposts, decided after it


Conditions = Condition | tuple[Condition, ...]


class _Rule(_Pack):
    when: Conditions | None = None
    unless: Conditions | None = None
    ref: str


class TimeLimitOverride(_Rule):
    limit: Literal["none"]
    reason: str


class ComplaintTimeLimit(Window):
    overrides: tuple[TimeLimitOverride, ...] = ()


class ProcedureDef(_Pack):
    name: str
    public_name: str
    ref: str
    time_limit: ComplaintTimeLimit | Silent
    stages: tuple[Stage, ...]

    @model_validator(mode="after")
    def _stages_in_order(self) -> ProcedureDef:
        for i, st in enumerate(self.stages, start=1):
            if st.stage != i:
                raise ValueError(f"stages must be numbered 1, 2, 3 in order (found {st.stage})")
            if i > 1 and st.request is None:
                raise ValueError(f"stage {i} needs `request` (a window, or silent: why)")
            for name in ("respond", "respond_extended"):
                clock = getattr(st, name)
                if (
                    isinstance(clock, Timescale)
                    and clock.from_ == "acknowledge_by"
                    and isinstance(st.acknowledge, Silent)
                ):
                    raise ValueError(f"stage {i} {name} counts from an acknowledgement it lacks")
        return self


class Route(_Rule):
    procedure: PackProcedure
    reason: str


class ExclusionRule(_Rule):
    code: ExclusionCode | SuspensionOnlyCode
    effect: Literal["exclude", "suspend", "exclude_and_suspend"] = "exclude"
    redirect_to: str | None = None
    signpost: str | None = None
    # The document says the authority itself passes the matter on to `redirect_to` ("will
    # forward", "will be referred"): the person is told so instead of being sent there.
    forwarded: bool = False
    reason: str

    @model_validator(mode="after")
    def _exclusions_use_contract_codes(self) -> ExclusionRule:
        if self.effect != "suspend" and self.code not in EXCLUSION_CODES:
            raise ValueError(f"{self.code!r} is not an exclusion code of the contract")
        if self.forwarded and not self.redirect_to:
            raise ValueError("forwarded needs redirect_to: where the authority passes it on")
        return self


class FlagRule(_Rule):
    flag: Flag
    reason: str


class SignpostRule(_Rule):
    id: str
    # What it is for and who it is for: the assistant words a signpost from these alone.
    kind: SignpostKind
    audience: Audience
    why: str
    ref: str = ""  # the contact's own entry carries the section it comes from


CONTACT_DETAILS = ("phone", "email", "url", "address")


class SourceText(_Pack):
    """The document's own form of the details an entry corrects."""

    phone: str | None = None
    email: str | None = None
    url: str | None = None
    address: str | None = None

    def get(self, detail: str) -> str | None:
        value: str | None = getattr(self, detail)
        return value


class Contact(_Pack):
    id: str
    name: str
    phone: str | None = None
    email: str | None = None
    url: str | None = None
    address: str | None = None
    advocacy: bool = False
    ref: str
    note: str | None = None
    # Where the entry corrects the document (a misprint, a scanning error), the document's own
    # form of each corrected detail: the contact check finds this in the source, and `note`
    # says why the entry differs.
    source_text: SourceText | None = None

    @model_validator(mode="after")
    def _corrections_are_explained(self) -> Contact:
        if self.source_text is None:
            return self
        for detail in CONTACT_DETAILS:
            if getattr(self.source_text, detail) is not None and getattr(self, detail) is None:
                raise ValueError(f"source_text.{detail}: the entry has no {detail} to correct")
        if not self.note:
            raise ValueError("source_text needs a `note` saying why the entry differs")
        return self


class ChildrensEligibility(_Pack):
    statuses: tuple[ChildStatus, ...]
    relationships: tuple[Relationship, ...]
    anonymous_allowed: bool
    ref: str


class Retention(_Pack):
    """How long a case record is kept after its last activity (receipt, response or closure),
    and for longer where there is a children's social care file (None: no longer)."""

    years: Annotated[int, Field(ge=1, le=100)]
    childrens_file_years: Annotated[int, Field(ge=1, le=100)] | None = None
    ref: str

    def words(self) -> str:
        text = f"{self.years} years from the last activity"
        if self.childrens_file_years is not None:
            text += f", {self.childrens_file_years} with a children's social care file"
        return text


class Feedback(_Pack):
    ref: str
    acknowledge: Timescale | Silent
    respond: Timescale | Silent
    what_happens: dict[Kind, str]


class CalendarDef(_Pack):
    closure_days: tuple[dt.date, ...] = ()
    ref: str


class DeemedReceipt(_Pack):
    # working days after sending on which a response counts as received
    days: dict[Channel, int]
    ref: str


class Pack(_Pack):
    id: str
    name: str
    # How a sentence names the body ("What would you like the council to do?"): a trust is
    # "the Trust", not "the council".
    called: str = "the council"
    # Which version of the policy this is, and the day it came into force (None: always). A
    # file may hold later versions under `versions:`; see `pack_versions`.
    version: str = "1"
    effective_from: dt.date | None = None
    # SHA-256 of the version's resolved content, set by the loader: two decisions with the same
    # hash were made under exactly the same rules.
    content_hash: str = ""
    cite: str
    reference_prefix: Annotated[str, Field(pattern=r"^[A-Z]{2,4}$")]
    source: str
    document_date: str
    # role (complaints, childrens_services, ...) -> a directory id, or why the document has none
    contacts: dict[str, str | Silent]
    directory: tuple[Contact, ...] = ()
    calendar: CalendarDef
    deemed_receipt: DeemedReceipt | Silent
    childrens_eligibility: ChildrensEligibility | None = None
    feedback: Feedback
    procedures: dict[PackProcedure, ProcedureDef]
    routing: tuple[Route, ...]
    exclusions: tuple[ExclusionRule, ...] = ()
    flags: tuple[FlagRule, ...] = ()
    signposts: tuple[SignpostRule, ...] = ()
    # The authority's own retention rule; absent, the national default applies.
    retention: Retention | None = None

    def contact(self, role: str) -> Contact | Silent | None:
        """The authority's own contact for a role, the document's silence, or None if unknown."""
        entry = self.contacts.get(role)
        if isinstance(entry, str):
            return next(c for c in self.directory if c.id == entry)
        return entry

    def working_calendar(self) -> WorkingCalendar:
        return calendar_for(tuple(sorted(self.calendar.closure_days)))


class NationalPack(_Pack):
    """Contacts well known and stable across England, and the rules every pack shares."""

    directory: tuple[Contact, ...]
    flags: tuple[FlagRule, ...] = ()
    safety_signposts: tuple[SignpostRule, ...] = ()
    ombudsman_signposts: tuple[SignpostRule, ...] = ()
    retention: Retention


def _pack_dirs() -> list[Path]:
    """Extra pack folders from TRIAGE_PACK_PATH (os.pathsep-separated), searched first, so a
    council can try a new pack without changing the installed package."""
    extra = os.environ.get("TRIAGE_PACK_PATH", "")
    return [Path(p) for p in extra.split(os.pathsep) if p]


def _read_yaml(name: str) -> Any:
    candidates: list[Traversable] = [d / f"{name}.yaml" for d in _pack_dirs()]
    candidates.append(resources.files(PACKS_PACKAGE).joinpath(f"{name}.yaml"))
    res = next((c for c in candidates if c.is_file()), None)
    if res is None:
        raise UnknownAuthorityError("authority", f"no policy pack called {name!r}")
    try:
        return yaml.safe_load(res.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise PackError(f"{name}.yaml", f"is not valid YAML: {exc}") from None


def _validate(model: type[BaseModel], data: Any, name: str) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = pydantic_field(err["loc"])
        msg = "is not a pack key (typo?)" if err["type"] == "extra_forbidden" else err["msg"]
        raise PackError(f"{name}.yaml:{where}", str(msg).removeprefix("Value error, ")) from None


@cache
def load_national() -> NationalPack:
    nat: NationalPack = _validate(NationalPack, _read_yaml(NATIONAL_ID), NATIONAL_ID)
    check_national(nat)
    return nat


def _check_kind(rule: SignpostRule, contact: Contact, where: str) -> None:
    """A signpost's kind agrees with its directory entry: advocacy exactly where the entry says
    `advocacy: true` (which also sets the decision's advocacy_offered flag)."""
    if (rule.kind == "advocacy") != contact.advocacy:
        raise PackError(
            where,
            f"is {rule.kind!r} but directory entry {contact.id!r} has advocacy: "
            f"{str(contact.advocacy).lower()}",
        )


def check_national(national: NationalPack) -> None:
    """The national signposts: each names a national contact; ombudsman signposts are kind
    ombudsman, and safety signposts are emergency or support."""
    contacts = {c.id: c for c in national.directory}
    lists = (
        ("safety_signposts", ("emergency", "support")),
        ("ombudsman_signposts", ("ombudsman",)),
    )
    for listed, kinds in lists:
        for i, sp in enumerate(getattr(national, listed)):
            where = f"{NATIONAL_ID}.yaml:{listed}.{i}"
            if sp.id not in contacts:
                raise PackError(f"{where}.id", f"{sp.id!r} is not in the national directory")
            if sp.kind not in kinds:
                raise PackError(f"{where}.kind", f"must be one of {', '.join(kinds)}")
            _check_kind(sp, contacts[sp.id], f"{where}.kind")


def check_pack(pack: Pack, national: NationalPack, name: str) -> None:
    """Cross-references a schema cannot express: ids, procedures and contacts that must exist."""
    known = {c.id for c in pack.directory} | {c.id for c in national.directory}
    if pack.id != name:
        raise PackError(f"{name}.yaml:id", f"is {pack.id!r} but the file is {name}.yaml")
    own = {c.id for c in pack.directory}
    for role, entry in pack.contacts.items():
        if isinstance(entry, str) and entry not in own:
            raise PackError(f"{name}.yaml:contacts.{role}", f"{entry!r} is not in the directory")
    for i, sp in enumerate(pack.signposts):
        if sp.id not in known:
            raise PackError(f"{name}.yaml:signposts.{i}.id", f"{sp.id!r} is not in any directory")
    contacts = {c.id: c for c in (*national.directory, *pack.directory)}
    for i, sp in enumerate(pack.signposts):
        _check_kind(sp, contacts[sp.id], f"{name}.yaml:signposts.{i}.kind")
    for i, ex in enumerate(pack.exclusions):
        if ex.signpost and ex.signpost not in known:
            raise PackError(f"{name}.yaml:exclusions.{i}.signpost", f"{ex.signpost!r} unknown")
    for i, route in enumerate(pack.routing):
        if route.procedure not in pack.procedures:
            raise PackError(
                f"{name}.yaml:routing.{i}.procedure", f"{route.procedure!r} is not defined"
            )
    last = pack.routing[-1] if pack.routing else None
    if last is None or last.when is not None or last.unless is not None:
        raise PackError(f"{name}.yaml:routing", "needs a last route with no `when` (catch-all)")


def content_hash(data: Any) -> str:
    """SHA-256 of one version's resolved content, key order and YAML spelling aside."""
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def with_signpost_kinds(data: Any, name: str) -> Any:
    """A stored pack version from before signposts declared `kind` and `audience`, with them
    filled in from the pack file's rule for the same contact (else from its directory entry:
    advocacy where it says `advocacy: true`, support otherwise; for everyone). For the case
    service's stored copies only: a pack file must declare both."""
    if not isinstance(data, dict) or not isinstance(data.get("signposts"), list):
        return data
    try:
        current = {r.id: r for r in load_pack(name).signposts}
    except TriageError:
        current = {}
    advocacy = {
        c.get("id"): bool(c.get("advocacy"))
        for c in data.get("directory") or []
        if isinstance(c, dict)
    }
    rules = []
    for rule in data["signposts"]:
        if isinstance(rule, dict) and ("kind" not in rule or "audience" not in rule):
            known = current.get(rule.get("id", ""))
            kind = "advocacy" if advocacy.get(rule.get("id")) else "support"
            if known and (known.kind == "advocacy") == (kind == "advocacy"):
                kind = known.kind
            rule = {
                "kind": kind,
                "audience": known.audience if known else "everyone",
                **rule,
            }
        rules.append(rule)
    return {**data, "signposts": rules}


def parse_pack(data: Any, name: str) -> Pack:
    """Validates raw data for one version (as read from YAML, `versions:` already resolved);
    used by the loader, by the case service for a stored version, and by tests."""
    pack: Pack = _validate(Pack, data, name)
    check_pack(pack, load_national(), name)
    return pack.model_copy(update={"content_hash": content_hash(data)})


def _set_path(data: Any, path: str, value: Any, where: str) -> None:
    """Sets `a.b.0.c` in nested mappings and lists, failing loudly on a path that is not there
    (a version can change a rule, never add a key the schema does not know by accident)."""
    *parents, last = path.split(".")
    node = data
    for part in parents:
        if isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            raise PackError(where, f"{path!r}: there is no {part!r} to change")
    if isinstance(node, list) and last.isdigit() and int(last) < len(node):
        node[int(last)] = value
    elif isinstance(node, dict):
        node[last] = value
    else:
        raise PackError(where, f"{path!r}: cannot set {last!r} here")


class _Version(_Pack):
    """A later version of a pack: in force from `effective_from`, it changes the version before
    it by dotted paths (`procedures.corporate.stages.0.respond.working_days: 15`), as OpenFisca
    dates each value of a parameter."""

    version: str
    effective_from: dt.date
    ref: str
    changes: dict[str, Any]


def _resolve_versions(raw: Any, name: str) -> list[dict[str, Any]]:
    if not isinstance(raw, dict):
        raise PackError(f"{name}.yaml", "must be a mapping of pack keys")
    base = {k: v for k, v in raw.items() if k != "versions"}
    resolved = [base]
    seen = {str(base.get("version", "1"))}
    last_from: dt.date | None = base.get("effective_from")
    for i, entry in enumerate(raw.get("versions") or ()):
        where = f"{name}.yaml:versions.{i}"
        ver: _Version = _validate(_Version, entry, f"{name}.yaml:versions.{i}")
        if ver.version in seen:
            raise PackError(f"{where}.version", f"{ver.version!r} is used twice")
        if last_from is not None and ver.effective_from <= last_from:
            raise PackError(f"{where}.effective_from", "must be after the version before it")
        seen.add(ver.version)
        last_from = ver.effective_from
        data = copy.deepcopy(resolved[-1])
        for path, value in ver.changes.items():
            _set_path(data, path, value, f"{where}.changes")
        data["version"] = ver.version
        data["effective_from"] = ver.effective_from
        resolved.append(data)
    return resolved


@cache
def pack_versions(authority: str) -> tuple[Pack, ...]:
    """Every version of an authority's pack, oldest first."""
    if not authority or authority == NATIONAL_ID or "/" in authority or "." in authority:
        raise UnknownAuthorityError("authority", f"no policy pack called {authority!r}")
    return tuple(
        parse_pack(v, authority) for v in _resolve_versions(_read_yaml(authority), authority)
    )


def load_pack(authority: str, on: dt.date | None = None) -> Pack:
    """The version of an authority's pack in force on `on` (default today). A day before the
    first version's `effective_from` gets the first version: a pack is never missing."""
    versions = pack_versions(authority)
    day = on or today_in_england()
    chosen = versions[0]
    for version in versions[1:]:
        if version.effective_from is not None and version.effective_from <= day:
            chosen = version
    return chosen


def find_version(authority: str, content_hash: str) -> Pack | None:
    """The version of an authority's pack file with this content hash, if the file still has it."""
    return next((v for v in pack_versions(authority) if v.content_hash == content_hash), None)


def authority_ids() -> list[str]:
    names = {
        p.name.removesuffix(".yaml")
        for d in [resources.files(PACKS_PACKAGE), *_pack_dirs()]
        if d.is_dir()
        for p in d.iterdir()
        if p.name.endswith(".yaml")
    }
    names.discard(NATIONAL_ID)
    return sorted(names)
