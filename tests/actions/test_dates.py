from __future__ import annotations

import datetime as dt

import pytest

from actions.dates import is_unsure, parse_date

TODAY = dt.date(2026, 11, 27)


@pytest.mark.parametrize(
    ("text", "iso", "spoken"),
    [
        ("3/4/25", "2025-04-03", "3 April 2025"),  # day first
        ("last March", "2026-03-31", "March 2026"),
        ("I think it was last March", "2026-03-31", "March 2026"),
        ("last november", "2025-11-30", "November 2025"),
        ("about two years ago", "2024-11-30", "November 2024"),
        ("since Christmas", "2025-12-25", "25 December 2025"),
        ("in the summer", "2026-07-31", "July 2026"),
        ("yesterday", "2026-11-26", "26 November 2026"),
        ("2 weeks ago", "2026-11-13", "13 November 2026"),
        ("June 2025", "2025-06-30", "June 2025"),
        ("2024", "2024-12-31", "2024"),
        ("the 5th of nov 2025", "2025-11-05", "5 November 2025"),
    ],
)
def test_british_phrases(text: str, iso: str, spoken: str) -> None:
    parsed = parse_date(text, TODAY)
    assert parsed is not None, text
    assert parsed.date.isoformat() == iso
    assert parsed.spoken() == spoken


def test_vague_dates_never_look_later_than_the_person_said() -> None:
    # "November" this year stands for the latest day it can mean, capped at today.
    parsed = parse_date("November", TODAY)
    assert parsed is not None and parsed.date == TODAY


@pytest.mark.parametrize("text", ["not sure", "dunno", "banana", "", "ages ago"])
def test_non_dates_are_not_guessed(text: str) -> None:
    assert parse_date(text, TODAY) is None


def test_future_dates_are_refused() -> None:
    assert parse_date("3/4/2027", TODAY) is None


def test_unsure_words() -> None:
    assert is_unsure("I can't remember")
    assert is_unsure("idk")
    assert not is_unsure("last week")
