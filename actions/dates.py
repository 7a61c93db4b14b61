"""British-English dates people type ("last March", "3/4/25", "since Christmas") -> dates.

dateparser does the heavy lifting (day-first, past preferred, relative to today); the month,
season and festival phrases it does not know are read first (actions/date_phrases.py). Results
are never in the future: a complaint is about something that has happened.

What the person said is kept beside the date (ParsedDate.said), so the read-back
(actions/date_words.py) never claims more than they said: "in the summer" is read back as
"the summer of 2026 (I'll note it as August 2026)", not as "August 2026".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import dateparser

from triage.calendar import today_in_england

from .date_phrases import month_only, season_or_festival
from .parsed_date import ParsedDate, Precision, Said

_DATEISH = re.compile(
    r"\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(mon|tues?|wed(nes)?|"
    r"thu(rs)?|fri|sat(ur)?|sun)(day)?\b|\b(yesterday|today|tonight|ago|week|weeks|fortnight|"
    r"month|months|year|years|day|days|last|this|since)\b",
    re.IGNORECASE,
)
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


def is_unsure(text: str) -> bool:
    return bool(_UNSURE.search(text))


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


_ONGOING = re.compile(
    r"\b(?:ever )?since\b|\bstill (?:going on|happening|ongoing|there|the same|broken|not)\b|"
    r"\bongoing\b"
)
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
        return ParsedDate(today, "day", said=Said("words", words=said, span=True), note="latest")
    parsed = _parse(text, today)
    if parsed is None:
        return None
    described = _described(parsed, text)
    if _ONGOING.search(low):
        return ParsedDate(today, "day", note="today", since=described)
    return described


def _described(parsed: ParsedDate, text: str) -> ParsedDate:
    """Adds what the person said when it was not itself a date, and whether they hedged."""
    low = " ".join(text.lower().split())
    said = parsed.said
    if said is None and (m := _RELATIVE.search(low)):
        words = re.sub(r"^(last|past) (?!week\b|fortnight\b)", r"the \1 ", m.group())
        said = Said("words", words=words)
    hedged = _HEDGE.search(low) is not None
    if said and hedged and not _HEDGE.match(said.words):
        said = replace(said, hedged=True)
    return replace(parsed, said=said, rough=hedged and said is None)


def _parse(text: str, today: dt.date) -> ParsedDate | None:
    if not text or (is_unsure(text) and not re.search(r"\d", text)):
        return None
    special = month_only(text, today) or season_or_festival(text, today)
    if special:
        return _generous(special, today) if special.date <= today else None
    cleaned = _normalise(text)
    if not cleaned or not _DATEISH.search(cleaned):
        # dateparser reads "a" (in "its a compliment") as a day: a date needs a date word.
        return None
    special = month_only(cleaned, today)
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


_FILLER = re.compile(r"\b(like|about|around|roughly|maybe|probably|i think|think)\b", re.I)


def date_within(text: str, today: dt.date) -> ParsedDate | None:
    """The date in an answer with more words than a date: "The reply came on 6 November",
    "since like march", "last week, monday and thursday". The whole answer first, then each
    part between commas, then the longest run of words that reads as a date, left first."""
    whole = parse_date(text, today)
    if whole is not None:
        return whole
    found = _part_with_date(text, today)
    if found is not None and found.note != "today" and _ONGOING.search(text.lower()):
        # "it started in march and it's still going on": the date is when it began.
        return ParsedDate(today, "day", note="today", since=found)
    return found


def _part_with_date(text: str, today: dt.date) -> ParsedDate | None:
    parts = [
        parse_date(_FILLER.sub(" ", p), today) for p in re.split(r"[,;]| but | and then ", text)
    ]
    named = [p for p in parts if p is not None]
    if named:
        # "this summer, july 2026": a calendar date they named beats a phrase around it.
        return next((p for p in named if p.said is None), named[0])
    words = _FILLER.sub(" ", text).split()
    for size in range(min(len(words), 6), 0, -1):
        for start in range(len(words) - size + 1):
            found = parse_date(" ".join(words[start : start + size]), today)
            if found is not None:
                return found
    return None


def in_future(text: str, today: dt.date) -> bool:
    """Whether the answer gives a date and that date is after today (parse_date refuses those,
    so the person is told why rather than misunderstood)."""
    m = re.search(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})\b", text)
    if m:
        day, month, year = (int(g) for g in m.groups())
        year += 2000 if year < 100 else 0
        try:
            return dt.date(year, month, day) > today
        except ValueError:
            return False
    years = [int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", text)]
    return bool(years) and min(years) > today.year
