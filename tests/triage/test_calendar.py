"""The contract's date rules, checked against dates worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from triage.calendar import WorkingCalendar, add_months, add_years, calendar_for

D = dt.date


@pytest.mark.parametrize(
    ("start", "n", "want"),
    [
        (D(2026, 11, 23), 2, D(2026, 11, 25)),  # Monday + 2
        (D(2026, 11, 25), 10, D(2026, 12, 9)),  # the contract's worked example
        (D(2026, 11, 27), 1, D(2026, 11, 30)),  # Friday + 1 skips the weekend
        (D(2026, 11, 28), 1, D(2026, 11, 30)),  # Saturday: the next working day is day 1
        (D(2026, 12, 23), 2, D(2026, 12, 29)),  # 24th, then 25th and 28th are bank holidays
        (D(2026, 12, 31), 1, D(2027, 1, 4)),  # New Year's Day 2027 is a Friday
        (D(2027, 3, 25), 1, D(2027, 3, 30)),  # Good Friday 26th, Easter Monday 29th
        (D(2022, 9, 16), 1, D(2022, 9, 20)),  # one-off bank holiday 19 September 2022
        (D(2026, 11, 23), 0, D(2026, 11, 23)),
    ],
)
def test_nth_working_day_after(start: dt.date, n: int, want: dt.date) -> None:
    assert calendar_for().add_working_days(start, n) == want


def test_closure_days_are_not_working_days() -> None:
    cal = WorkingCalendar([D(2026, 12, 29), D(2026, 12, 30), D(2026, 12, 31)])
    assert cal.add_working_days(D(2026, 12, 24), 1) == D(2027, 1, 4)
    assert not cal.is_working_day(D(2026, 12, 30))
    assert calendar_for().is_working_day(D(2026, 12, 30))


def test_long_spans_extend_the_calendar() -> None:
    cal = WorkingCalendar()
    assert cal.add_working_days(D(2026, 1, 1), 2000).year == 2033
    assert cal.is_working_day(D(1999, 6, 1))


@pytest.mark.parametrize(
    ("day", "years", "want"),
    [
        (D(2025, 11, 27), 1, D(2026, 11, 27)),
        (D(2024, 2, 29), 1, D(2025, 2, 28)),
        (D(2024, 2, 29), 4, D(2028, 2, 29)),
    ],
)
def test_add_years_keeps_the_calendar_date(day: dt.date, years: int, want: dt.date) -> None:
    assert add_years(day, years) == want


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2026, 11, 30), 3) == D(2027, 2, 28)
    assert add_months(D(2026, 5, 15), 12) == D(2027, 5, 15)
