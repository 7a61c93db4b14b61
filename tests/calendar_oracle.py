"""The contract's working-day rule written again, independently of triage/calendar.py, so tests
can work out expected deadlines without calling the code under test."""

from __future__ import annotations

import datetime as dt

import holidays


def working_days_after(start: dt.date, n: int) -> dt.date:
    """The n-th Monday-to-Friday after `start` that is not an England bank holiday; `start`
    itself never counts."""
    bank = holidays.country_holidays("GB", subdiv="ENG", years=range(start.year, start.year + 3))
    day, counted = start, 0
    while counted < n:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in bank:
            counted += 1
    return day
