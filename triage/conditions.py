"""Evaluates a pack rule's `when` / `unless` against the facts of one case.

Conditions are compiled once into plain slotted records with frozensets (packs are loaded once
and kept), because matching runs some 25 times per decision and pydantic attribute access and
tuple scans were most of a decision's cost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any, Protocol, TypeVar

from .facts import Facts
from .pack import Condition, Conditions


@dataclass(frozen=True, slots=True)
class Context:
    """What a condition may look at: the facts plus what the engine has derived so far."""

    facts: Facts
    procedure: str | None
    stage: int
    statutory_child: bool
    circumstances: frozenset[str]
    child_statuses: frozenset[str]
    outcome: str | None = None

    @classmethod
    def of(cls, facts: Facts, procedure: str | None, stage: int, statutory_child: bool) -> Context:
        return cls(
            facts,
            procedure,
            stage,
            statutory_child,
            frozenset(facts.circumstances),
            frozenset(facts.person_affected.child_status or ()),
        )

    def decided(self, outcome: str) -> Context:
        return replace(self, outcome=outcome)


def _set(values: tuple[object, ...] | None) -> frozenset[object] | None:
    return None if values is None else frozenset(values)


@dataclass(frozen=True, slots=True)
class _Compiled:
    kinds: frozenset[object] | None
    services: frozenset[object] | None
    any_circumstance: frozenset[object] | None
    all_circumstances: frozenset[object] | None
    relationships: frozenset[object] | None
    consent: frozenset[object] | None
    anonymous: bool | None
    council_tenant: bool | None
    is_child: bool | None
    child_statuses: frozenset[object] | None
    statutory_child: bool | None
    procedures: frozenset[object] | None
    stages: frozenset[object] | None
    incident_before: dt.date | None
    age_under: int | None
    outcomes: frozenset[object] | None

    @classmethod
    def of(cls, c: Condition) -> _Compiled:
        return cls(
            _set(c.kinds),
            _set(c.services),
            _set(c.circumstances),
            _set(c.all_circumstances),
            _set(c.relationships),
            _set(c.consent),
            c.anonymous,
            c.council_tenant,
            c.is_child,
            _set(c.child_statuses),
            c.statutory_child,
            _set(c.procedures),
            _set(c.stages),
            c.incident_before,
            c.age_under,
            _set(c.outcomes),
        )

    def matches(self, ctx: Context) -> bool:
        f = ctx.facts
        if self.kinds is not None and f.kind not in self.kinds:
            return False
        if self.services is not None and f.service not in self.services:
            return False
        if self.any_circumstance is not None and self.any_circumstance.isdisjoint(
            ctx.circumstances
        ):
            return False
        if self.all_circumstances is not None and not self.all_circumstances <= ctx.circumstances:
            return False
        if self.relationships is not None and f.complainant.relationship not in self.relationships:
            return False
        if self.consent is not None and (f.complainant.consent or "unknown") not in self.consent:
            return False
        if self.anonymous is not None and bool(f.complainant.anonymous) is not self.anonymous:
            return False
        if self.council_tenant is not None and f.complainant.council_tenant is not (
            self.council_tenant
        ):
            return False
        if self.is_child is not None and f.person_affected.is_child is not self.is_child:
            return False
        if self.child_statuses is not None and self.child_statuses.isdisjoint(ctx.child_statuses):
            return False
        if self.statutory_child is not None and ctx.statutory_child is not self.statutory_child:
            return False
        if self.procedures is not None and ctx.procedure not in self.procedures:
            return False
        if self.stages is not None and ctx.stage not in self.stages:
            return False
        if self.incident_before is not None and not (
            f.incident_date is not None and f.incident_date < self.incident_before
        ):
            return False
        if self.outcomes is not None and ctx.outcome not in self.outcomes:
            return False
        return self.age_under is None or (
            f.complainant.age is not None and f.complainant.age < self.age_under
        )


class _HasConditions(Protocol):
    @property
    def when(self) -> Conditions | None: ...
    @property
    def unless(self) -> Conditions | None: ...


R = TypeVar("R", bound=_HasConditions)
_Matchers = tuple[_Compiled, ...] | None

# Keyed by id(); each entry keeps its source alive, so an id is never reused for another object.
_COMPILED: dict[int, tuple[object, tuple[tuple[_Matchers, _Matchers, Any], ...]]] = {}


def _compile(conds: Conditions | None) -> _Matchers:
    if conds is None:
        return None
    return tuple(_Compiled.of(c) for c in ((conds,) if isinstance(conds, Condition) else conds))


def matching(rules: tuple[R, ...], ctx: Context) -> Iterator[R]:
    """The rules whose `when` (any of a list) holds and whose `unless` (any) does not, in order."""
    entry = _COMPILED.get(id(rules))
    if entry is None or entry[0] is not rules:
        compiled = tuple((_compile(r.when), _compile(r.unless), r) for r in rules)
        entry = _COMPILED[id(rules)] = (rules, compiled)
    for when, unless, rule in entry[1]:
        if when is not None and not any(c.matches(ctx) for c in when):
            continue
        if unless is not None and any(c.matches(ctx) for c in unless):
            continue
        yield rule
