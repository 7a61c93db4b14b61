"""The decision rules: a pure function from the facts of a complaint and a policy pack to a
decision. Each step is small and records its reason with the pack's section reference."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any, cast

from .calendar import today_in_england
from .codes import (
    Audience,
    ExclusionCode,
    Flag,
    Outcome,
    PackProcedure,
    Procedure,
    SignpostKind,
    TimeStatus,
)
from .conditions import Context, matching
from .decision import (
    Deadlines,
    Decision,
    Exclusion,
    PackVersion,
    Reason,
    Signpost,
    Suspension,
    TimeLimit,
)
from .errors import FactsValidationError
from .facts import Facts
from .pack import (
    ComplaintTimeLimit,
    Contact,
    NationalPack,
    Pack,
    Silent,
    Stage,
    Timescale,
    Window,
    load_national,
    load_pack,
)

ACCEPTED = ("accept", "accept_discretionary")


def assess(
    facts: dict[str, Any] | Facts, *, authority: str | None = None, pack: Pack | None = None
) -> Decision:
    """Decides procedure, stage, time limit, exclusions, deadlines, signposts and flags.

    `authority` overrides `facts.authority`; one of them must be present. The pack is the
    version in force on `received` (today if not given), unless `pack` pins one (the case
    service re-judges an open case by the version it was filed under). Raises
    FactsValidationError (naming the field) on bad input, never anything untyped.
    """
    f = Facts.parse(facts)
    auth = authority or f.authority or (pack.id if pack is not None else None)
    if not auth:
        raise FactsValidationError("authority", "is required (in the facts or as --authority)")
    if pack is None:
        pack = load_pack(auth, f.received)
    elif pack.id != auth:
        raise FactsValidationError("authority", f"is {auth!r} but the pack given is {pack.id!r}")
    return _Assessment(pack, load_national(), f).decide()


def _signpost(c: Contact, why: str, kind: SignpostKind, audience: Audience) -> Signpost:
    # Cached by its plain values: a directory entry itself need not be hashable.
    return _signpost_of(c.id, c.name, c.phone, c.email, c.url, why, kind, audience)


@lru_cache(maxsize=1024)
def _signpost_of(
    ident: str,
    name: str,
    phone: str | None,
    email: str | None,
    url: str | None,
    why: str,
    kind: SignpostKind,
    audience: Audience,
) -> Signpost:
    return Signpost(ident, name, phone, email, url, why, kind, audience)


_CONTACTS: dict[int, tuple[Pack, dict[str, Contact]]] = {}
_DEADLINES: dict[
    tuple[int, int, dt.date, dt.date | None], tuple[object, Deadlines, tuple[Reason, ...]]
] = {}
_DEADLINES_MAX = 20_000


def _contacts_of(pack: Pack, national: NationalPack) -> dict[str, Contact]:
    # Packs are immutable and cached, so their merged directory is built once; the entry keeps
    # the pack alive so its id() is never reused.
    entry = _CONTACTS.get(id(pack))
    if entry is None or entry[0] is not pack:
        merged = {c.id: c for c in (*national.directory, *pack.directory)}
        entry = _CONTACTS[id(pack)] = (pack, merged)
    return entry[1]


_VERSIONS: dict[int, tuple[Pack, PackVersion]] = {}


def _version_of(pack: Pack) -> PackVersion:
    """The decision's `pack` field, built once per pack version (kept alive by the entry)."""
    entry = _VERSIONS.get(id(pack))
    if entry is None or entry[0] is not pack:
        version = PackVersion(
            id=pack.id,
            version=pack.version,
            effective_from=pack.effective_from,
            content_hash=pack.content_hash,
        )
        entry = _VERSIONS[id(pack)] = (pack, version)
    return entry[1]


@lru_cache(maxsize=4096)
def _cite(cite: str, ref: str) -> str:
    return ref if ref.startswith("national") else f"{cite}, {ref}"


class _Assessment:
    def __init__(self, pack: Pack, national: NationalPack, facts: Facts) -> None:
        self.pack = pack
        self.national = national
        self.f = facts
        self.cal = pack.working_calendar()
        self.received = facts.received or today_in_england()
        self.reasons: list[Reason] = []
        self.flags: dict[Flag, None] = {}
        self.signposts: dict[str, Signpost] = {}
        self.exclusions: dict[str, Exclusion] = {}
        self.limit_ref = pack.cite
        self.suspensions: dict[str, Suspension] = {}
        self._contacts = _contacts_of(pack, national)

    # -- helpers ---------------------------------------------------------------------------
    def because(self, text: str, ref: str) -> None:
        self.reasons.append(Reason(text, _cite(self.pack.cite, ref)))

    def cite(self, ref: str) -> str:
        return _cite(self.pack.cite, ref)

    def signpost(
        self,
        contact_id: str,
        why: str,
        kind: SignpostKind = "support",
        audience: Audience = "everyone",
    ) -> None:
        """An exclusion's signpost is where the matter goes instead: support, for everyone."""
        if contact_id in self.signposts:
            return
        contact = self._contacts[contact_id]
        self.signposts[contact_id] = _signpost(contact, why, kind, audience)

    # -- the steps -------------------------------------------------------------------------
    def decide(self) -> Decision:
        statutory_child = self.statutory_child()
        stage = self.f.stage_requested or 1
        ctx = Context.of(self.f, stage, statutory_child)
        self.safety(ctx)
        if self.f.kind != "complaint":
            return self.feedback(ctx)

        procedure = self.route(ctx)
        proc = self.pack.procedures[procedure]
        ctx.procedure = procedure
        if stage > len(proc.stages):
            return self.exhausted(ctx, procedure, len(proc.stages))
        stage_def = proc.stages[stage - 1]
        self.because(
            f"Stage {stage} of {len(proc.stages)}: {stage_def.name}.",
            stage_def.ref,
        )

        status, limit_date = self.time_limit(proc.time_limit, stage_def, ctx)
        self.apply_exclusions(ctx)
        if status == "late":
            self.exclusions.setdefault(
                "out_of_time",
                Exclusion(
                    code="out_of_time",
                    reason="Received after the time limit, which the policy does not let the "
                    "authority waive.",
                    redirect_to=None,
                    ref=self.limit_ref,
                ),
            )
        outcome = self.outcome(status)
        deadlines = Deadlines()
        if outcome in ACCEPTED:
            deadlines = self.deadlines(proc.stages, stage)
            if stage_def.independent:
                self.flags["independent_investigation"] = None
        ctx.outcome = outcome
        self.apply_flags(ctx)
        self.apply_signposts(ctx)
        return self.build(
            procedure if outcome in ACCEPTED else "none",
            outcome,
            stage,
            len(proc.stages),
            TimeLimit(status=status, limit_date=limit_date),
            deadlines,
        )

    def statutory_child(self) -> bool:
        """Whether the children's statutory procedure's eligibility (who, and the child's
        status) is met, per the pack's own list."""
        el = self.pack.childrens_eligibility
        if el is None:
            return False
        f = self.f
        statuses = f.person_affected.child_status
        if not statuses or not any(s in el.statuses for s in statuses if s != "none"):
            return False
        if f.complainant.anonymous and not el.anonymous_allowed:
            return False
        rel = f.complainant.relationship
        return rel is None or rel in el.relationships

    def safety(self, ctx: Context) -> None:
        for rule in matching(self.national.safety_signposts, ctx):
            self.signpost(rule.id, rule.why, rule.kind, rule.audience)

    def route(self, ctx: Context) -> PackProcedure:
        for route in matching(self.pack.routing, ctx):
            self.because(route.reason, route.ref)
            return route.procedure
        raise AssertionError("check_pack guarantees a catch-all route")  # pragma: no cover

    def feedback(self, ctx: Context) -> Decision:
        fb = self.pack.feedback
        self.because(fb.what_happens[self.f.kind], fb.ref)
        ack = self.clock(fb.acknowledge, None)
        respond = self.clock(fb.respond, ack)
        self.apply_flags(ctx)  # safety signposts were given first, in decide()
        return self.build(
            "none",
            "feedback",
            0,
            0,
            TimeLimit(status="no_limit", limit_date=None),
            Deadlines(acknowledge_by=ack, respond_by=respond),
        )

    def exhausted(self, ctx: Context, procedure: PackProcedure, total: int) -> Decision:
        ombudsman = self.ombudsman_names(ctx)
        self.exclusions["procedure_exhausted"] = Exclusion(
            code="procedure_exhausted",
            reason=f"The {self.pack.procedures[procedure].name} has {total} stage"
            f"{'s' if total != 1 else ''}; there is no stage {ctx.stage}. The next step is the "
            "ombudsman.",
            redirect_to=" or ".join(ombudsman),
            ref=self.cite(self.pack.procedures[procedure].ref),
        )
        self.because(
            self.exclusions["procedure_exhausted"].reason, self.pack.procedures[procedure].ref
        )
        self.apply_flags(ctx)
        self.apply_signposts(ctx)
        return self.build(
            "none",
            "redirect",
            ctx.stage,
            total,
            TimeLimit(status="no_limit", limit_date=None),
            Deadlines(),
        )

    def time_limit(
        self, limit: ComplaintTimeLimit | Silent, stage: Stage, ctx: Context
    ) -> tuple[TimeStatus, dt.date | None]:
        window: Window | Silent | None
        if ctx.stage == 1:
            window = limit
            if isinstance(limit, ComplaintTimeLimit):
                for ov in matching(limit.overrides, ctx):
                    self.because(ov.reason, ov.ref)
                    return "no_limit", None
        else:
            window = stage.request
        self.limit_ref = self.cite(window.ref if window is not None else stage.ref)
        if window is None or isinstance(window, Silent):
            why = window.silent if isinstance(window, Silent) else "No time limit applies."
            self.because(why, window.ref if isinstance(window, Silent) else stage.ref)
            return "no_limit", None

        start, what = self.window_start(window)
        if start is None:
            self.because(
                f"The time limit is {window.words()} from {what}, which the facts do not give.",
                window.ref,
            )
            return "unknown", None
        limit_date = window.add_to(start, self.cal)
        if self.received <= limit_date:
            self.because(
                f"In time: the limit is {window.words()} from {what} ({start.isoformat()}), "
                f"so the last day is {limit_date.isoformat()}.",
                window.ref,
            )
            return "in_time", limit_date
        if window.discretion:
            self.because(
                f"Late: the limit of {window.words()} from {what} ended on "
                f"{limit_date.isoformat()}, but the policy lets the authority accept it "
                f"({window.discretion_text or 'discretion'}).",
                window.ref,
            )
            return "late_discretionary", limit_date
        self.because(
            f"Late: the limit of {window.words()} from {what} ended on {limit_date.isoformat()}, "
            "and the policy gives no discretion to extend it.",
            window.ref,
        )
        return "late", limit_date

    def window_start(self, w: Window) -> tuple[dt.date | None, str]:
        f = self.f
        if w.from_ == "incident":
            return f.incident_date, "when the matter happened"
        if w.from_ == "aware":
            if f.aware_date is not None:
                return f.aware_date, "when the person became aware of it"
            return f.incident_date, "when the matter happened"
        if w.from_ == "stage1_response":
            return f.stage1_response_date or f.previous_response_date, "the stage 1 response"
        sent = f.previous_response_date
        if sent is None:
            return None, "the previous response"
        dr = self.pack.deemed_receipt
        use_deemed = w.counts_from != "sent" and not isinstance(dr, Silent)
        channel = f.previous_response_channel
        if use_deemed and isinstance(dr, Silent) is False and channel is not None:
            assert not isinstance(dr, Silent)
            days = dr.days.get(channel, 0)
            received = self.cal.add_working_days(sent, days)
            if days:
                self.because(
                    f"A response sent by {channel.replace('_', ' ')} on {sent.isoformat()} counts "
                    f"as received on {received.isoformat()}.",
                    dr.ref,
                )
            return received, "receiving the previous response"
        return sent, "the previous response"

    def apply_exclusions(self, ctx: Context) -> None:
        for rule in matching(self.pack.exclusions, ctx):
            ref = self.cite(rule.ref)
            if (
                rule.effect in ("exclude", "exclude_and_suspend")
                and rule.code not in self.exclusions
            ):
                self.exclusions[rule.code] = Exclusion(
                    code=cast(ExclusionCode, rule.code),  # checked when the pack loaded
                    reason=rule.reason,
                    redirect_to=rule.redirect_to,
                    ref=ref,
                )
                self.reasons.append(Reason(text=rule.reason, ref=ref))
                if rule.signpost:
                    self.signpost(rule.signpost, rule.reason)
            if (
                rule.effect in ("suspend", "exclude_and_suspend")
                and rule.code not in self.suspensions
            ):
                self.suspensions[rule.code] = Suspension(
                    code=rule.code, reason=rule.reason, ref=ref
                )
                if rule.effect == "suspend":
                    self.reasons.append(Reason(text=rule.reason, ref=ref))

    def outcome(self, status: TimeStatus) -> Outcome:
        blocking = [e for e in self.exclusions.values() if e.code != "not_eligible_statutory"]
        if blocking:
            return "redirect" if any(e.redirect_to for e in blocking) else "decline"
        return "accept_discretionary" if status == "late_discretionary" else "accept"

    def clock(self, ts: Timescale | Silent, ack: dt.date | None) -> dt.date | None:
        if isinstance(ts, Silent):
            return None
        # From acknowledgement: the actual day when the facts give it, else its deadline.
        start = self.received if ts.from_ == "received" else (self.f.acknowledged_date or ack)
        if start is None:  # pragma: no cover - check_pack rejects this combination
            return None
        day = ts.add_to(start, self.cal)
        for more in ts.then:
            day = more.add_to(day, self.cal)
        return day

    def deadlines(self, stages: tuple[Stage, ...], stage: int) -> Deadlines:
        # A stage's dates depend only on the stage and the day received, and many cases share a
        # received day, so the dates and their reasons are kept (bounded) once worked out.
        key = (id(stages), stage, self.received, self.f.acknowledged_date)
        hit = _DEADLINES.get(key)
        if hit is not None and hit[0] is stages:
            self.reasons.extend(hit[2])
            return hit[1]
        first = len(self.reasons)
        result = self._deadlines(stages, stage)
        if len(_DEADLINES) >= _DEADLINES_MAX:
            _DEADLINES.clear()
        _DEADLINES[key] = (stages, result, tuple(self.reasons[first:]))
        return result

    def _deadlines(self, stages: tuple[Stage, ...], stage: int) -> Deadlines:
        st = stages[stage - 1]
        ack = self.clock(st.acknowledge, None)
        respond = self.clock(st.respond, ack)
        extended = self.clock(st.respond_extended, ack)
        for name, clock, value in (
            ("acknowledge by", st.acknowledge, ack),
            ("respond by", st.respond, respond),
            ("respond by (extended)", st.respond_extended, extended),
        ):
            if isinstance(clock, Silent):
                self.because(f"No '{name}' date: {clock.silent}", clock.ref)
            else:
                assert value is not None
                self.because(
                    f"{name.capitalize()}: {value.isoformat()} ({self.describe(clock)}).",
                    clock.ref,
                )
        escalate = None
        if stage < len(stages) and respond is not None:
            nxt = stages[stage].request
            if isinstance(nxt, Window):
                period = nxt.ideal or nxt
                escalate = period.add_to(respond, self.cal)
                self.because(
                    f"To go to stage {stage + 1}, ask within {period.words()} of the response: "
                    f"by {escalate.isoformat()} if the response comes on the last day.",
                    nxt.ref,
                )
            elif isinstance(nxt, Silent):
                self.because(f"No date to ask for stage {stage + 1} by: {nxt.silent}", nxt.ref)
        return Deadlines(
            acknowledge_by=ack,
            respond_by=respond,
            respond_by_extended=extended,
            escalate_by=escalate,
        )

    def describe(self, ts: Timescale) -> str:
        if ts.from_ == "received":
            start = "receipt"
        elif self.f.acknowledged_date is not None:
            start = f"the acknowledgement on {self.f.acknowledged_date.isoformat()}"
        else:
            start = "the acknowledgement deadline"
        parts = [ts.words()] + [p.words() for p in ts.then]
        return f"{' + '.join(parts)} from {start}"

    def apply_flags(self, ctx: Context) -> None:
        for rules in (self.pack.flags, self.national.flags):
            for rule in matching(rules, ctx):
                if rule.flag not in self.flags:
                    self.flags[rule.flag] = None
                    self.because(rule.reason, rule.ref)

    def apply_signposts(self, ctx: Context) -> None:
        for rule in matching(self.pack.signposts, ctx):
            self.signpost(rule.id, rule.why, rule.kind, rule.audience)
        for rule in matching(self.national.ombudsman_signposts, ctx):
            self.signpost(rule.id, rule.why, rule.kind, rule.audience)
        if any(self._contacts[s].advocacy for s in self.signposts):
            self.flags["advocacy_offered"] = None

    def ombudsman_names(self, ctx: Context) -> list[str]:
        return [self._contacts[r.id].name for r in matching(self.national.ombudsman_signposts, ctx)]

    def build(
        self,
        procedure: Procedure,
        outcome: Outcome,
        stage: int,
        stages_total: int,
        time_limit: TimeLimit,
        deadlines: Deadlines,
    ) -> Decision:
        # Every part was built from validated facts and a validated pack, so skip re-validation
        # (it doubled the cost of a decision); the decision model still defines the JSON shape.
        return Decision(
            authority=self.pack.id,
            pack=_version_of(self.pack),
            procedure=procedure,
            outcome=outcome,
            stage=stage,
            stages_total=stages_total,
            time_limit=time_limit,
            exclusions=tuple(self.exclusions.values()),
            suspensions=tuple(self.suspensions.values()),
            deadlines=deadlines,
            signposts=tuple(self.signposts.values()),
            flags=tuple(self.flags),
            reasons=tuple(self.reasons),
        )
