"""Evaluates a pack rule's `when` / `unless` against the facts of one case.

Conditions are compiled once into plain slotted records with frozensets (packs are loaded once
and kept), because matching runs some 25 times per decision and pydantic attribute access and
tuple scans were most of a decision's cost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from .facts import Facts
from .pack import Condition, Conditions


@dataclass(slots=True)
class Context:
    """What a condition may look at: the facts plus what the engine has derived so far.
    One per assessment; `procedure` and then `outcome` are filled in as they are decided."""

    facts: Facts
    procedure: str | None
    stage: int
    statutory_child: bool
    circumstances: frozenset[str]
    child_statuses: frozenset[str]
    outcome: str | None = None

    @classmethod
    def of(cls, facts: Facts, stage: int, statutory_child: bool) -> Context:
        return cls(
            facts,
            None,
            stage,
            statutory_child,
            frozenset(facts.circumstances),
            frozenset(facts.person_affected.child_status or ()),
        )


Check = Callable[[Context], bool]


def _checks(c: Condition) -> tuple[Check, ...]:
    """One small predicate per key the condition gives, most selective first: a condition names
    one or two keys, so testing only those is far cheaper than testing all sixteen."""
    checks: list[Check] = []
    if c.circumstances is not None:
        any_of = frozenset(c.circumstances)
        checks.append(lambda ctx: not any_of.isdisjoint(ctx.circumstances))
    if c.services is not None:
        services = frozenset(c.services)
        checks.append(lambda ctx: ctx.facts.service in services)
    if c.all_circumstances is not None:
        all_of = frozenset(c.all_circumstances)
        checks.append(lambda ctx: all_of <= ctx.circumstances)
    if c.kinds is not None:
        kinds = frozenset(c.kinds)
        checks.append(lambda ctx: ctx.facts.kind in kinds)
    if c.relationships is not None:
        rels = frozenset(c.relationships)
        checks.append(lambda ctx: ctx.facts.complainant.relationship in rels)
    if c.consent is not None:
        consent = frozenset(c.consent)
        checks.append(lambda ctx: (ctx.facts.complainant.consent or "unknown") in consent)
    if c.anonymous is not None:
        anonymous = c.anonymous
        checks.append(lambda ctx: bool(ctx.facts.complainant.anonymous) is anonymous)
    if c.council_tenant is not None:
        tenant = c.council_tenant
        checks.append(lambda ctx: ctx.facts.complainant.council_tenant is tenant)
    if c.is_child is not None:
        is_child = c.is_child
        checks.append(lambda ctx: ctx.facts.person_affected.is_child is is_child)
    if c.child_statuses is not None:
        statuses = frozenset(c.child_statuses)
        checks.append(lambda ctx: not statuses.isdisjoint(ctx.child_statuses))
    if c.statutory_child is not None:
        statutory = c.statutory_child
        checks.append(lambda ctx: ctx.statutory_child is statutory)
    if c.procedures is not None:
        procedures = frozenset(c.procedures)
        checks.append(lambda ctx: ctx.procedure in procedures)
    if c.stages is not None:
        stages = frozenset(c.stages)
        checks.append(lambda ctx: ctx.stage in stages)
    if c.incident_before is not None:
        before = c.incident_before
        checks.append(
            lambda ctx: ctx.facts.incident_date is not None and ctx.facts.incident_date < before
        )
    if c.age_under is not None:
        under = c.age_under
        checks.append(
            lambda ctx: ctx.facts.complainant.age is not None and ctx.facts.complainant.age < under
        )
    if c.outcomes is not None:
        outcomes = frozenset(c.outcomes)
        checks.append(lambda ctx: ctx.outcome in outcomes)
    return tuple(checks)


def _all(checks: tuple[Check, ...], ctx: Context) -> bool:
    for check in checks:  # noqa: SIM110 - a plain loop avoids a generator per call (hot path)
        if not check(ctx):
            return False
    return True


class _HasConditions(Protocol):
    @property
    def when(self) -> Conditions | None: ...
    @property
    def unless(self) -> Conditions | None: ...


R = TypeVar("R", bound=_HasConditions)
_Matchers = tuple[tuple[Check, ...], ...] | None


@dataclass(frozen=True)
class _RuleIndex:
    """A rule list compiled for matching. Most rules can only fire when the facts carry one of a
    few circumstances or a given service, so each rule is filed under those keys and a case
    only tests the rules its own circumstances and service can trigger (about 5 of 25)."""

    source: tuple[Any, ...]
    compiled: tuple[tuple[_Matchers, _Matchers, Any], ...]
    by_circumstance: dict[str, tuple[int, ...]]
    by_service: dict[str, tuple[int, ...]]
    always: tuple[int, ...]
    # The candidates depend only on (service, circumstances), which repeat across cases.
    _seen: dict[tuple[str | None, frozenset[str]], tuple[Any, ...]] = field(default_factory=dict)

    def candidates(
        self, service: str | None, circumstances: frozenset[str]
    ) -> tuple[tuple[_Matchers, _Matchers, Any], ...]:
        key = (service, circumstances)
        found = self._seen.get(key)
        if found is None:
            picked = set(self.always)
            for c in circumstances:
                picked.update(self.by_circumstance.get(c, ()))
            if service is not None:
                picked.update(self.by_service.get(service, ()))
            found = tuple(self.compiled[i] for i in sorted(picked))
            if len(self._seen) < 4096:  # bounded: facts come from outside
                self._seen[key] = found
        return found


def _gates(when: Conditions | None) -> tuple[set[str], set[str]] | None:
    """The circumstances and services of which at least one must be present for `when` to
    hold; None when some alternative has no such gate."""
    if when is None:
        return None
    circ: set[str] = set()
    serv: set[str] = set()
    for c in (when,) if isinstance(when, Condition) else when:
        if c.circumstances is not None:
            circ.update(c.circumstances)
        elif c.services is not None:
            serv.update(c.services)
        else:
            return None
    return circ, serv


def _index(rules: tuple[Any, ...]) -> _RuleIndex:
    by_c: dict[str, list[int]] = {}
    by_s: dict[str, list[int]] = {}
    always: list[int] = []
    for i, rule in enumerate(rules):
        gates = _gates(rule.when)
        if gates is None:
            always.append(i)
            continue
        for c in gates[0]:
            by_c.setdefault(c, []).append(i)
        for sv in gates[1]:
            by_s.setdefault(sv, []).append(i)
    return _RuleIndex(
        rules,
        tuple((_compile(r.when), _compile(r.unless), r) for r in rules),
        {k: tuple(v) for k, v in by_c.items()},
        {k: tuple(v) for k, v in by_s.items()},
        tuple(always),
    )


# Keyed by id(); each entry keeps its source alive, so an id is never reused for another object.
_INDEXES: dict[int, _RuleIndex] = {}


def _compile(conds: Conditions | None) -> _Matchers:
    if conds is None:
        return None
    return tuple(_checks(c) for c in ((conds,) if isinstance(conds, Condition) else conds))


def _any(matchers: tuple[tuple[Check, ...], ...], ctx: Context) -> bool:
    for checks in matchers:  # noqa: SIM110 - as above
        if _all(checks, ctx):
            return True
    return False


def matching(rules: tuple[R, ...], ctx: Context) -> list[R]:
    """The rules whose `when` (any of a list) holds and whose `unless` (any) does not, in order."""
    index = _INDEXES.get(id(rules))
    if index is None or index.source is not rules:
        index = _INDEXES[id(rules)] = _index(rules)
    out = []
    for when, unless, rule in index.candidates(ctx.facts.service, ctx.circumstances):
        if (when is None or _any(when, ctx)) and (unless is None or not _any(unless, ctx)):
            out.append(rule)
    return out
