"""A date a person gave, as the rest of the assistant uses it: the date, how precise the person
was, and what they said when it was not a calendar date (worded by actions/date_words.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

Precision = Literal["day", "month", "year"]


@dataclass(frozen=True)
class Said:
    """What the person said when it names no calendar date, in parts the read-back words:
    their own words ("about two years ago"), a festival or a season with its year(s)."""

    kind: Literal["words", "festival", "season"]
    words: str = ""
    name: str = ""
    years: tuple[int, ...] = ()
    # They hedged it ("I think it was around Christmas").
    hedged: bool = False
    # A span ("the last 3 months"): any day in it, so "some time in" it.
    span: bool = False


@dataclass(frozen=True)
class ParsedDate:
    date: dt.date
    precision: Precision
    said: Said | None = None
    # They hedged ("I think", "around") a date they did name.
    rough: bool = False
    # How the noted date relates to what they said: the date itself, today because it is
    # still going on ("since Christmas"), or the latest day of a span ("in the last 3 months").
    note: Literal["as", "today", "latest"] = "as"
    # When it is still going on: when it began, as the person said it.
    since: ParsedDate | None = None
