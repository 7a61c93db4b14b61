"""Circumstances no other question finds out (data/circumstances.yml): read from the person's
own words, and offered as choices where the authority's pack routes on them.

- `read(text)`: every circumstance the words tell of;
- `offered(service, authority)`: (code, button) for the choices worth asking about: the pack or
  the national pack reads the code in some condition for this service;
- `answer(text, offered)`: the codes an answer to "Is any of these part of it?" picks
  ([] for "none of these"; None when it cannot be read).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from . import questions, texts, triage_link

_DATA = Path(__file__).with_name("data") / "circumstances.yml"
_NONE = re.compile(
    r"^\W*(none( of (these|them|those|that))?|no(ne)?|nope|nah|neither|nothing( like that)?|"
    r"not really|no,? none|no,? nothing|none apply|n/?a|i don'?t think so|not sure|don'?t know|"
    r"dunno)\W*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Circumstance:
    code: str
    words: tuple[re.Pattern[str], ...]
    button: str | None = None
    services: tuple[str, ...] | None = None
    staff: bool = False


@lru_cache(maxsize=1)
def catalogue() -> dict[str, Circumstance]:
    raw: dict[str, dict[str, Any]] = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    return {
        code: Circumstance(
            code=code,
            words=tuple(re.compile(p, re.IGNORECASE) for p in entry.get("words") or []),
            button=texts.template("circumstance_choices")[code] if entry.get("choice") else None,
            services=tuple(entry["services"]) if entry.get("services") else None,
            staff=bool(entry.get("staff")),
        )
        for code, entry in raw.items()
    }


def read(text: str | None) -> list[str]:
    """Every circumstance the person's words tell of, in catalogue order."""
    if not text:
        return []
    return [c.code for c in catalogue().values() if any(p.search(text) for p in c.words)]


def offered(
    service: Any, authority: str | None = None, *, staff: bool = True
) -> list[tuple[str, str]]:
    """(code, button) for each choice worth offering for this service, catalogue order. The
    staff choices only where the person could be council staff complaining for themselves
    (`staff`): not a 15-year-old in care, nor a daughter complaining for her dad."""
    reads = questions.circumstance_reads(authority or triage_link.authority())
    out = []
    for c in catalogue().values():
        where = reads.get(c.code)
        if not c.button or not where:
            continue
        if questions.ANY_SERVICE not in where and service not in where:
            continue
        if c.services and service not in c.services:
            continue
        if c.staff and not staff:
            continue
        out.append((c.code, c.button))
    return out


def answer(text: str, choices: list[tuple[str, str]]) -> list[str] | None:
    """The codes an answer picks: a button's words, or a choice told in the person's words."""
    words = text.strip()
    picked = [code for code, button in choices if button.lower() in words.lower()]
    picked += [code for code in read(words) if code not in picked]
    if picked:
        return picked
    if _NONE.match(words):
        return []
    return None
