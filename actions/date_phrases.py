"""British phrases for a time that dateparser does not read: a month without a day ("last
March"), a season ("in the summer") and a festival ("since Christmas").

Each returns a ParsedDate whose `said` keeps what the person named (a season, a festival), so
the read-back (actions/date_words.py) can say it back before the date it will use.
"""

from __future__ import annotations

import datetime as dt
import re

from .parsed_date import ParsedDate, Said

# A season is its first and last month; a vague date stands for the latest day it could mean,
# so "in the summer" is noted as August, not as the middle of it.
_SEASONS = {
    "spring": ("spring", 3, 5),
    "summer": ("summer", 6, 8),
    "autumn": ("autumn", 9, 11),
    "fall": ("autumn", 9, 11),
    "winter": ("winter", 12, 2),
}
# What people type -> (the festival, its month and day). Longer phrases first: "christmas eve"
# is not christmas, "new year's eve" is not new year. The festivals' names are in messages.yml.
_FESTIVALS = {
    "christmas eve": ("christmas_eve", 12, 24),
    "christmas": ("christmas", 12, 25),
    "xmas": ("christmas", 12, 25),
    "new year's eve": ("new_years_eve", 12, 31),
    "new years eve": ("new_years_eve", 12, 31),
    "new year": ("new_year", 1, 1),
    "boxing day": ("boxing_day", 12, 26),
    "bonfire night": ("bonfire_night", 11, 5),
    "halloween": ("halloween", 10, 31),
}
_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for m in names
}
_MONTH_ONLY = re.compile(
    r"^(?:(last|this|in|during|early|late|mid|around|about|since)\s+)*(?P<m>[a-z]+)"
    r"(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d{2}|'?\d{2})|\s+(?P<this>this year)|"
    r"\s+(?:of\s+)?(?P<last>last year))?$"
)


def last_occurrence(month: int, day: int, today: dt.date) -> dt.date:
    candidate = dt.date(today.year, month, day)
    return candidate if candidate <= today else dt.date(today.year - 1, month, day)


def month_only(text: str, today: dt.date) -> ParsedDate | None:
    """ "last March" is the most recent March before this month; dateparser reads it as a day."""
    m = _MONTH_ONLY.match(re.sub(r"\s+", " ", text.lower().strip(" ,.!?")))
    if not m or m.group("m") not in _MONTHS:
        return None
    month = _MONTHS[m.group("m")]
    if m.group("this"):  # "march this year"
        return ParsedDate(dt.date(today.year, month, 1), "month")
    if m.group("last"):  # "march last year", "in march of last year"
        return ParsedDate(dt.date(today.year - 1, month, 1), "month")
    if m.group("y"):
        year = int(m.group("y").lstrip("'"))
        year = year + 2000 if year < 100 else year
        return ParsedDate(dt.date(year, month, 1), "month")
    year = today.year if month < today.month else today.year - 1
    if month == today.month and not text.lower().startswith("last"):
        year = today.year
    return ParsedDate(dt.date(year, month, 1), "month")


def _month_after(start: dt.date, last_month: int) -> dt.date:
    """The first day after a season that began on `start` and ends with `last_month`."""
    year = start.year + (start.month > last_month) + (last_month == 12)
    return dt.date(year, last_month % 12 + 1, 1)


def season_or_festival(text: str, today: dt.date) -> ParsedDate | None:
    low = text.lower()
    year_m = re.search(r"\b(19|20)\d{2}\b", low)
    low = low.replace("’", "'")
    for phrase, (festival, month, day) in _FESTIVALS.items():
        if re.search(rf"\b{phrase}\b", low):
            if year_m:
                when = dt.date(int(year_m.group()), month, day)
            else:
                when = last_occurrence(month, day, today)
            return ParsedDate(when, "day", said=Said("festival", name=festival, years=(when.year,)))
    named = [w for w in re.findall(r"[a-z]+", low) if w in _MONTHS and w != "may"]
    if named:
        return None  # "this summer, july 2026": the month they named is more exact
    for phrase, (season, first, last) in _SEASONS.items():
        if re.search(rf"\b{phrase}\b", low):
            if year_m:
                # "winter 2025" could run into 2026: the latest reading, as for any vague date.
                start = dt.date(int(year_m.group()), first, 1)
            else:
                start = last_occurrence(first, 1, today)  # the most recent one that has begun
                if re.search(rf"\blast {phrase}\b", low) and today < _month_after(start, last):
                    start = start.replace(year=start.year - 1)  # "last autumn" in November
            end = dt.date(start.year + (first > last), last, 1)
            years = (start.year, end.year) if start.year != end.year else (end.year,)
            # A season still under way ends today; one not yet begun is refused by the caller.
            when = end if start > today else min(end, today)
            return ParsedDate(when, "month", said=Said("season", name=season, years=years))
    return None
