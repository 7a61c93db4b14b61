"""Dates as the contract reads them: England's working days, N-th working day after D,
one year on the same calendar date, months clamped to the month's end, deemed receipt."""

from __future__ import annotations

import calendar as _cal
import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays

_SPAN = 12  # years computed at a time; extending is rare, lookups are a bisect


class WorkingCalendar:
    """Monday to Friday less England's bank holidays and any closure days a pack adds."""

    def __init__(self, closure_days: Iterable[dt.date] = ()) -> None:
        self._closures = frozenset(closure_days)
        self._lo = 0
        self._hi = -1
        self._ordinals: list[int] = []

    def _cover(self, first_year: int, last_year: int) -> None:
        if self._lo <= first_year and last_year <= self._hi:
            return
        lo = min(first_year, self._lo) if self._ordinals else first_year
        hi = max(last_year, self._hi) + _SPAN if self._ordinals else last_year + _SPAN
        lo = max(lo - 1, dt.MINYEAR)
        hi = min(hi, dt.MAXYEAR - 1)
        bank = holidays.country_holidays("GB", subdiv="ENG", years=range(lo, hi + 1))
        start, end = dt.date(lo, 1, 1).toordinal(), dt.date(hi, 12, 31).toordinal()
        self._ordinals = [
            o
            for o in range(start, end + 1)
            if (d := dt.date.fromordinal(o)).weekday() < 5
            and d not in bank
            and d not in self._closures
        ]
        self._lo, self._hi = lo, hi

    def is_working_day(self, day: dt.date) -> bool:
        self._cover(day.year, day.year)
        i = bisect_right(self._ordinals, day.toordinal())
        return i > 0 and self._ordinals[i - 1] == day.toordinal()

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """How many working days fall after `start`, up to and including `end` (0 if `end` is
        not after `start`): the inverse of `add_working_days` on a working-day `end`."""
        if end <= start:
            return 0
        self._cover(start.year, end.year)
        return bisect_right(self._ordinals, end.toordinal()) - bisect_right(
            self._ordinals, start.toordinal()
        )

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after `start`; `start` itself never counts (n=0 gives start)."""
        if n <= 0:
            return start
        self._cover(start.year, start.year + n // 200 + 1)
        i = bisect_right(self._ordinals, start.toordinal()) + n - 1
        if i >= len(self._ordinals):
            self._cover(start.year, start.year + n // 200 + _SPAN)
            i = bisect_right(self._ordinals, start.toordinal()) + n - 1
        return dt.date.fromordinal(self._ordinals[i])


@lru_cache(maxsize=64)
def calendar_for(closure_days: tuple[dt.date, ...] = ()) -> WorkingCalendar:
    """One shared calendar per distinct set of closure days (packs without closures share one)."""
    return WorkingCalendar(closure_days)


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day of the month `months` later, clamped to the month's last day."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    year = min(max(year, dt.MINYEAR), dt.MAXYEAR)
    return dt.date(year, month, min(day.day, _cal.monthrange(year, month)[1]))


def add_years(day: dt.date, years: int) -> dt.date:
    """Same calendar date `years` later; 29 February maps to 28 February."""
    return add_months(day, 12 * years)


def add_calendar_days(day: dt.date, days: int) -> dt.date:
    return day + dt.timedelta(days=days)


try:
    _ENGLAND: dt.tzinfo = ZoneInfo("Europe/London")
except ZoneInfoNotFoundError:  # no tz database on this host: UTC is at most an hour out
    _ENGLAND = dt.timezone.utc


def today_in_england() -> dt.date:
    """Today's date in England, where councils count their working days: the one "today" for
    the engine, the assistant and the case service, whatever the server's own time zone."""
    return dt.datetime.now(_ENGLAND).date()
