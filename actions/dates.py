"""British-English dates people type ("last March", "3/4/25", "since Christmas") -> dates.

dateparser does the heavy lifting (day-first, past preferred, relative to today); a few
seasonal and festival phrases it does not know are handled first. Results are never in the
future: a complaint is about something that has happened.

The read-back never claims more than the person said: "in the summer" is read back as "the
summer of 2026 (I'll note it as July 2026)", not as "July 2026", so they can see both what was
understood and the date that will be used.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Literal

import dateparser

from triage.calendar import today_in_england

Precision = Literal["day", "month", "year"]

# A season is its first and last month; a vague date stands for the latest day it could mean,
# so "in the summer" is noted as August, not as the middle of it.
_SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}
_SEASON_WORDS = {"fall": "autumn"}
# Longer names first: "christmas eve" is not christmas, "new year's eve" is not new year.
_FESTIVALS = {
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "xmas": (12, 25),
    "new year's eve": (12, 31),
    "new years eve": (12, 31),
    "new year": (1, 1),
    "boxing day": (12, 26),
    "bonfire night": (11, 5),
    "halloween": (10, 31),
}
_FESTIVAL_WORDS = {
    "christmas eve": "Christmas Eve",
    "christmas": "Christmas",
    "xmas": "Christmas",
    "new year's eve": "New Year's Eve",
    "new years eve": "New Year's Eve",
    "new year": "New Year",
    "boxing day": "Boxing Day",
    "bonfire night": "Bonfire Night",
    "halloween": "Halloween",
}
_UNSURE = re.compile(
    r"\b(not sure|unsure|dunno|don'?t know|do not know|no idea|can'?t remember|"
    r"cannot remember|idk|not certain|forgot|forget)\b",
    re.IGNORECASE,
)
_NOISE = re.compile(
    r"\b(about|around|roughly|approx(?:imately)?|maybe|probably|since|it was|in the|"
    r"on the|back in|sometime in|some time in|early|late|mid|the|of|ish|i think)\b",
    re.IGNORECASE,
)
_WORD_NUMBERS = {
    "a": "1",
    "an": "1",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "couple of": "2",
    "few": "3",
}


@dataclass(frozen=True)
class ParsedDate:
    date: dt.date
    precision: Precision
    # What the person said, in words, when it names no calendar date ("the summer of 2026",
    # "about two years ago", "Christmas 2025"); None when the date itself is what they said.
    said: str | None = None
    # They hedged ("I think", "around") a date they did name.
    rough: bool = False
    # How the noted date relates to what they said: the date itself, today because it is
    # still going on ("since Christmas"), or the latest day of a span ("in the last 3 months").
    note: Literal["as", "today", "latest"] = "as"

    def noted(self) -> str:
        """The date that will be used, only as precise as the person was."""
        if self.precision == "day":
            return f"{self.date.day} {self.date:%B %Y}"
        if self.precision == "month":
            return f"{self.date:%B %Y}"
        return f"{self.date.year}"

    def spoken(self) -> str:
        """How the bot reads the date back: what it understood, then what it will use."""
        if self.said:
            lead = {
                "as": "I'll note it as",
                "today": "so I'll note today's date,",
                "latest": "I'll note the latest it could be,",
            }[self.note]
            return f"{self.said} ({lead} {self.noted()})"
        return f"around {self.noted()}" if self.rough else self.noted()


def is_unsure(text: str) -> bool:
    return bool(_UNSURE.search(text))


def _last_occurrence(month: int, day: int, today: dt.date) -> dt.date:
    candidate = dt.date(today.year, month, day)
    return candidate if candidate <= today else dt.date(today.year - 1, month, day)


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
    r"(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d{2}|'?\d{2}))?$"
)


def _month_only(text: str, today: dt.date) -> ParsedDate | None:
    """ "last March" is the most recent March before this month; dateparser reads it as a day."""
    m = _MONTH_ONLY.match(re.sub(r"\s+", " ", text.lower().strip(" ,.!?")))
    if not m or m.group("m") not in _MONTHS:
        return None
    month = _MONTHS[m.group("m")]
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


def _season_or_festival(text: str, today: dt.date) -> ParsedDate | None:
    low = text.lower()
    year_m = re.search(r"\b(19|20)\d{2}\b", low)
    low = low.replace("’", "'")
    for name, (month, day) in _FESTIVALS.items():
        if re.search(rf"\b{name}\b", low):
            if year_m:
                when = dt.date(int(year_m.group()), month, day)
            else:
                when = _last_occurrence(month, day, today)
            return ParsedDate(when, "day", said=f"{_FESTIVAL_WORDS[name]} {when.year}")
    for name, (first, last) in _SEASONS.items():
        if re.search(rf"\b{name}\b", low):
            season = _SEASON_WORDS.get(name, name)
            if year_m:
                # "winter 2025" could run into 2026: the latest reading, as for any vague date.
                start = dt.date(int(year_m.group()), first, 1)
            else:
                start = _last_occurrence(first, 1, today)  # the most recent one that has begun
                if re.search(rf"\blast {name}\b", low) and today < _month_after(start, last):
                    start = start.replace(year=start.year - 1)  # "last autumn" in November
            end = dt.date(start.year + (first > last), last, 1)
            years = f"{start.year} to {end.year}" if start.year != end.year else f"{end.year}"
            # A season still under way ends today; one not yet begun is refused by the caller.
            when = end if start > today else min(end, today)
            return ParsedDate(when, "month", said=f"the {season} of {years}")
    return None


def _normalise(text: str) -> str:
    low = text.lower().strip()
    low = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", low)
    for word, digit in _WORD_NUMBERS.items():
        low = re.sub(rf"\b{word}\b(?= (day|week|month|year)s?\b)", digit, low)
    low = re.sub(r"\blast (\d+) (days?|weeks?|months?|years?)\b", r"\1 \2 ago", low)
    low = _NOISE.sub(" ", low)
    return re.sub(r"\s+", " ", low).strip(" ,.!?")


def _precision(text: str) -> Precision:
    low = text.lower()
    if re.search(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b", low) or re.search(
        r"\b(yesterday|today|day|days|week|weeks|monday|tuesday|wednesday|thursday|friday|"
        r"saturday|sunday|fortnight)\b",
        low,
    ):
        return "day"
    if re.search(r"\b\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", low):
        return "day"
    if re.search(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", low) or re.search(
        r"\bmonths?\b", low
    ):
        return "month"
    if re.search(r"\byears?\b|\b(19|20)\d{2}\b", low):
        return "year" if not re.search(r"\byears? ago\b", low) else "month"
    return "day"


_HEDGE = re.compile(
    r"\b(about|around|roughly|approx(?:imately)?|maybe|probably|i think|ish)\b", re.IGNORECASE
)
_COUNT = (
    r"(?:a couple of|couple of|a few|few|an?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|\d{1,3})"
)
# "about two years ago", "2 weeks ago", "a fortnight ago": counted back from today, so the
# day or month used is the bot's arithmetic, not something the person said.
_RELATIVE = re.compile(
    rf"\b(?:(?:about|around|roughly|approx(?:imately)?|maybe|probably)\s+)?{_COUNT}\s+"
    r"(?:days?|weeks?|fortnights?|months?|years?)\s+ago\b"
    r"|\b(?:last|this) (?:week|fortnight)\b"
    rf"|\b(?:in )?(?:the )?(?:last|past) {_COUNT} (?:days|weeks|months|years)\b"
)


_ONGOING = re.compile(r"\b(?:ever )?since\b|\bstill (?:going on|happening|ongoing)\b")
_SPAN = re.compile(
    rf"\b(?:in |within |over |during |for )?(?P<span>(?:the )?(?:last|past) {_COUNT} "
    r"(?:days|weeks|months|years))\b"
)


def parse_date(text: str, today: dt.date | None = None) -> ParsedDate | None:
    """The date a person means, or None when the text is not a date they gave."""
    today = today or today_in_england()
    low = " ".join(text.lower().split())
    # The contract dates an ongoing matter by its latest day, and a span ("in the last three
    # months") by the latest day it could mean; either is today, never the span's start.
    if span := _SPAN.search(low):
        said = re.sub(r"^(?!the )", "the ", span.group("span"))
        return ParsedDate(today, "day", said=f"some time in {said}", note="latest")
    parsed = _parse(text, today)
    if parsed is None:
        return None
    described = _described(parsed, text)
    if _ONGOING.search(low):
        began = described.said or described.noted()
        return ParsedDate(today, "day", said=f"since {began}, and still going on", note="today")
    return described


def _described(parsed: ParsedDate, text: str) -> ParsedDate:
    """Adds what the person said when it was not itself a date, and whether they hedged."""
    low = " ".join(text.lower().split())
    said = parsed.said
    if said is None and (m := _RELATIVE.search(low)):
        said = re.sub(r"^(last|past) (?!week\b|fortnight\b)", r"the \1 ", m.group())
    hedged = _HEDGE.search(low) is not None
    if said and hedged and not _HEDGE.match(said):
        said = f"around {said}"
    return replace(parsed, said=said, rough=hedged and said is None)


def _parse(text: str, today: dt.date) -> ParsedDate | None:
    if not text or (is_unsure(text) and not re.search(r"\d", text)):
        return None
    special = _month_only(text, today) or _season_or_festival(text, today)
    if special:
        return _generous(special, today) if special.date <= today else None
    cleaned = _normalise(text)
    if not cleaned:
        return None
    special = _month_only(cleaned, today)
    if special:
        return _generous(special, today)
    base = dt.datetime.combine(today, dt.time(12))
    settings = {
        "DATE_ORDER": "DMY",
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": base,
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": [],
    }
    found = dateparser.parse(cleaned, languages=["en"], settings=settings)
    if found is None:
        return None
    day = found.date()
    if day > today:
        return None
    precision = _precision(cleaned)
    if precision == "year" and re.fullmatch(r"(19|20)\d{2}", cleaned):
        day = dt.date(int(cleaned), 1, 1)
    return _generous(ParsedDate(day, precision), today)


def _generous(parsed: ParsedDate, today: dt.date) -> ParsedDate:
    """A vague date stands for the latest day it could mean, so rounding never makes a
    complaint look late."""
    if parsed.precision == "day":
        return parsed
    d = parsed.date
    if parsed.precision == "month":
        nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        last = nxt - dt.timedelta(days=1)
    else:
        last = dt.date(d.year, 12, 31)
    return replace(parsed, date=min(last, today))
