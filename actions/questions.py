"""The question registry (data/questions.yml) and which facts an authority's pack reads.

A question marked `pack: FACT` is asked only where some condition of the authority's pack, or
of the national pack, reads that fact: a pack that starts routing on `council_tenant` makes the
assistant ask about it, with no code change.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from . import triage_link

_DATA = Path(__file__).with_name("data") / "questions.yml"

# A condition key, as packs write it, and the registry's name for the fact it reads.
_CONDITION_FACTS = {
    "council_tenant": "council_tenant",
    "consent": "consent",
    "child_statuses": "child_status",
    "statutory_child": "child_status",
    "age_under": "age",
    "is_child": "is_child",
    "anonymous": "anonymous",
}
ANY_SERVICE = "*"
# Circumstances the legal question finds out about: a pack that excludes or suspends on any
# of them, for a service, makes the assistant ask that question for that service.
LEGAL_CIRCUMSTANCES = frozenset(
    {"legal_proceedings", "criminal_investigation", "decided_by_court_or_tribunal"}
)


@dataclass(frozen=True)
class Question:
    slot: str
    fact: str | None
    ask: str
    need: str
    parser: str
    change: str | None
    forms: tuple[str, ...]
    free: bool = False
    pack: str | None = None
    with_service: bool = False
    # Other wordings of the same question (asked to someone complaining for another person,
    # or to an adult about their own past): tests recognise the question by any of them.
    also: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def registry() -> dict[str, Question]:
    raw: dict[str, dict[str, Any]] = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    return {
        slot: Question(
            slot=slot,
            **{**entry, "forms": tuple(entry["forms"]), "also": tuple(entry.get("also", ()))},
        )
        for slot, entry in raw.items()
    }


def question(slot: str) -> Question | None:
    return registry().get(slot)


def form_slots(form: str) -> list[str]:
    return [q.slot for q in registry().values() if form in q.forms]


def _conditions(node: Any) -> Iterator[BaseModel]:
    """Every condition object anywhere in a pack (rules nest them in when/unless)."""
    if isinstance(node, BaseModel):
        if type(node).__name__ == "Condition":
            yield node
        for name in type(node).model_fields:
            yield from _conditions(getattr(node, name))
    elif isinstance(node, dict):
        for value in node.values():
            yield from _conditions(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from _conditions(value)


def _pack_conditions(authority: str) -> Iterator[BaseModel]:
    yield from _conditions(triage_link.pack_for(authority))
    yield from _conditions(triage_link.national_pack())


@lru_cache(maxsize=16)
def circumstance_reads(authority: str) -> dict[str, frozenset[str]]:
    """Each circumstance code the packs read, with the services the same condition names (or
    ANY_SERVICE): the legal question and the circumstance question (circumstances.py)."""
    reads: dict[str, set[str]] = {}
    for cond in _pack_conditions(authority):
        codes = set(getattr(cond, "circumstances", None) or ())
        codes |= set(getattr(cond, "all_circumstances", None) or ())
        for code in codes:
            reads.setdefault(code, set()).update(getattr(cond, "services", None) or (ANY_SERVICE,))
    return {code: frozenset(services) for code, services in reads.items()}


@lru_cache(maxsize=16)
def pack_reads(authority: str) -> dict[str, frozenset[str]]:
    """Each fact the packs read, with the services the same condition names (or ANY_SERVICE)."""
    reads: dict[str, set[str]] = {}
    for cond in _pack_conditions(authority):
        services = getattr(cond, "services", None)
        for key, fact in _CONDITION_FACTS.items():
            if getattr(cond, key, None) is not None:
                reads.setdefault(fact, set()).update(services or (ANY_SERVICE,))
    for code, services in circumstance_reads(authority).items():
        if code in LEGAL_CIRCUMSTANCES:
            reads.setdefault("legal", set()).update(services)
    pack = triage_link.pack_for(authority)
    eligibility = getattr(pack, "childrens_eligibility", None)
    if eligibility is not None:
        # The children's statutory procedure's own eligibility list reads the child's status
        # for complaints about children's social care.
        reads.setdefault("child_status", set()).add("childrens_social_care")
    return {fact: frozenset(services) for fact, services in reads.items()}


def pack_asks(slot: str, service: Any, authority: str | None = None) -> bool:
    """Whether the pack makes this question worth asking (True for questions not tied to a
    pack fact)."""
    q = question(slot)
    if q is None or q.pack is None:
        return True
    if q.pack == "circumstances":
        from . import circumstances  # it reads the packs through this module

        return bool(circumstances.offered(service, authority))
    services = pack_reads(authority or triage_link.authority()).get(q.pack)
    if not services:
        return False
    if not q.with_service:
        return True
    return ANY_SERVICE in services or service in services
