"""Evaluates a pack rule's `when` / `unless` against the facts of one case."""

from __future__ import annotations

from dataclasses import dataclass

from .facts import Facts
from .pack import Condition, Conditions


@dataclass(frozen=True)
class Context:
    """What a condition may look at: the facts plus what the engine has derived so far."""

    facts: Facts
    procedure: str | None
    stage: int
    statutory_child: bool


def _matches(c: Condition, ctx: Context) -> bool:
    f = ctx.facts
    if c.kinds is not None and f.kind not in c.kinds:
        return False
    if c.services is not None and f.service not in c.services:
        return False
    if c.circumstances is not None and not any(x in f.circumstances for x in c.circumstances):
        return False
    if c.all_circumstances is not None and not all(
        x in f.circumstances for x in c.all_circumstances
    ):
        return False
    if c.relationships is not None and f.complainant.relationship not in c.relationships:
        return False
    if c.consent is not None and (f.complainant.consent or "unknown") not in c.consent:
        return False
    if c.anonymous is not None and bool(f.complainant.anonymous) is not c.anonymous:
        return False
    if c.council_tenant is not None and f.complainant.council_tenant is not c.council_tenant:
        return False
    if c.is_child is not None and f.person_affected.is_child is not c.is_child:
        return False
    if c.child_statuses is not None:
        have = f.person_affected.child_status or ()
        if not any(s in have for s in c.child_statuses):
            return False
    if c.statutory_child is not None and ctx.statutory_child is not c.statutory_child:
        return False
    if c.procedures is not None and ctx.procedure not in c.procedures:
        return False
    if c.stages is not None and ctx.stage not in c.stages:
        return False
    if c.incident_before is not None and not (
        f.incident_date is not None and f.incident_date < c.incident_before
    ):
        return False
    return not (
        c.age_under is not None
        and not (f.complainant.age is not None and f.complainant.age < c.age_under)
    )


def holds(when: Conditions | None, unless: Conditions | None, ctx: Context) -> bool:
    """`when` (any of a list) holds and `unless` (any of a list) does not; no `when` = always."""
    return _any(when, ctx, default=True) and not _any(unless, ctx, default=False)


def _any(conds: Conditions | None, ctx: Context, *, default: bool) -> bool:
    if conds is None:
        return default
    if isinstance(conds, Condition):
        return _matches(conds, ctx)
    return any(_matches(c, ctx) for c in conds)
