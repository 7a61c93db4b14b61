"""The only place actions touch the triage engine: decisions and the authority's pack."""

from __future__ import annotations

import datetime as dt
from typing import Any, get_args

import triage
import triage.codes
from triage.calendar import today_in_england
from triage.pack import DeemedReceipt, load_national

from .settings import settings


def authority() -> str:
    return settings().authority


def pack() -> Any:
    return triage.load_pack(authority())


def codes_of(name: str) -> frozenset[str]:
    """The contract's codes for one vocabulary (triage/codes.py), e.g. 'Relationship'."""
    return frozenset(get_args(getattr(triage.codes, name)))


def pack_for(authority_id: str) -> Any:
    return triage.load_pack(authority_id)


def national_pack() -> Any:
    return load_national()


def council_name() -> str:
    return str(pack().name)


def deemed_receipt_defined() -> bool:
    """The pack says when a reply counts as received (e.g. second-class post: 3 working days)."""
    return isinstance(pack().deemed_receipt, DeemedReceipt)


def assess(facts: dict[str, Any], authority_id: str | None = None) -> dict[str, Any]:
    decision: dict[str, Any] = triage.assess(facts, authority=authority_id or authority()).to_dict()
    return decision


def _as_dict(contact: Any) -> dict[str, Any] | None:
    if contact is None or getattr(contact, "silent", None) is not None:
        return None
    return {k: getattr(contact, k, None) for k in ("id", "name", "phone", "email", "url")}


def contact(role_words: tuple[str, ...]) -> dict[str, Any] | None:
    """The pack's contact whose role name contains one of the words, in the given order."""
    p = pack()
    for word in role_words:
        for role in p.contacts:
            found = _as_dict(p.contact(role))
            if word in role and found:
                return found
    return None


def directory_entry(ident: str) -> dict[str, Any] | None:
    for c in (*pack().directory, *load_national().directory):
        if c.id == ident:
            return _as_dict(c)
    return None


def national(words: tuple[str, ...]) -> dict[str, Any] | None:
    for c in load_national().directory:
        if any(w in c.id or w in c.name.lower() for w in words):
            return _as_dict(c)
    return None


def advocates(about_child: bool | None = None) -> list[dict[str, Any]]:
    """The pack's advocates; for a person, those for their age group and for everyone, their
    own group first (the audience each signpost rule declares), or all where none fits."""
    p = pack()
    audience = {r.id: r.audience for r in p.signposts}
    found = [
        (audience.get(c.id, "everyone"), d)
        for c in p.directory
        if c.advocacy and (d := _as_dict(c))
    ]
    if about_child is None:
        return [d for _, d in found]
    own = "children_young_people" if about_child else "adults"
    fits = [(a, d) for a, d in found if a in (own, "everyone")] or found
    return [d for _, d in sorted(fits, key=lambda f: f[0] != own)]


def today() -> dt.date:
    """Today in England (triage.calendar), the one "today" every action counts from; tests
    pin it here."""
    return today_in_england()


def feedback_text(kind: str) -> str | None:
    what: dict[str, str] = dict(pack().feedback.what_happens)
    return what.get(kind)
