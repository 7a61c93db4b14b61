"""How a date is said back to the person and written in their summary: the words are in
messages.yml (`date_words`), so a newcomer changes them there.

The read-back says what was understood, then the date that will be used ("the summer of 2026
(I'll note it as August 2026)"); a date the person named is said as they named it, only as
precise as they were ("March 2026", not "31 March 2026").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from . import texts
from .parsed_date import ParsedDate, Said


def _words() -> dict[str, Any]:
    words: dict[str, Any] = texts.template("date_words")
    return words


def long_date(iso: str | None) -> str | None:
    """A decision's date in full: "Monday 7 December 2026"."""
    if not iso:
        return None
    d = dt.date.fromisoformat(iso)
    return str(_words()["long"]).format(weekday=f"{d:%A}", day=d.day, month=f"{d:%B}", year=d.year)


def noted(parsed: ParsedDate) -> str:
    """The date that will be used, only as precise as the person was."""
    d = parsed.date
    form = str(_words()[parsed.precision])
    return form.format(day=d.day, month=f"{d:%B}", year=d.year)


def said(s: Said) -> str:
    """What the person said, in words: their own, a festival or a season with its year."""
    w = _words()
    if s.kind == "festival":
        text = str(w["festival"]).format(festival=w["festivals"][s.name], year=s.years[0])
    elif s.kind == "season":
        years = str(w["years"]).format(first=s.years[0], last=s.years[-1])
        years = years if len(s.years) > 1 else str(s.years[0])
        text = str(w["season"]).format(season=w["seasons"][s.name], years=years)
    else:
        text = s.words
    if s.span:
        text = str(w["span"]).format(span=text)
    return str(w["hedged"]).format(said=text) if s.hedged else text


def spoken(parsed: ParsedDate) -> str:
    """How the date is read back: what was understood, then what will be used."""
    w = _words()
    if parsed.note == "today" and parsed.since is not None:
        began = said(parsed.since.said) if parsed.since.said else noted(parsed.since)
        text = str(w["ongoing"]).format(began=began)
        return str(w["read_back"]["today"]).format(said=text, noted=noted(parsed))
    if parsed.said:
        return str(w["read_back"][parsed.note]).format(said=said(parsed.said), noted=noted(parsed))
    return str(w["rough"]).format(noted=noted(parsed)) if parsed.rough else noted(parsed)
