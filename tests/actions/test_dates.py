from __future__ import annotations

import datetime as dt

import pytest

from actions import date_words
from actions.dates import date_within, in_future, is_unsure, parse_date

TODAY = dt.date(2026, 11, 27)


@pytest.mark.parametrize(
    ("text", "iso", "spoken"),
    [
        # A date the person named is read back as they said it.
        ("3/4/25", "2025-04-03", "3 April 2025"),  # day first
        ("last March", "2026-03-31", "March 2026"),
        ("last november", "2025-11-30", "November 2025"),
        ("yesterday", "2026-11-26", "26 November 2026"),
        ("June 2025", "2025-06-30", "June 2025"),
        ("2024", "2024-12-31", "2024"),
        ("the 5th of nov 2025", "2025-11-05", "5 November 2025"),
        # A hedged date stays hedged.
        ("I think it was last March", "2026-03-31", "around March 2026"),
        ("roughly 3/4/25", "2025-04-03", "around 3 April 2025"),
        # Anything else says what was understood, then the date that will be used.
        (
            "about two years ago",
            "2024-11-30",
            "about two years ago (I'll note it as November 2024)",
        ),
        # Still going on: the contract dates an ongoing matter by its latest day.
        (
            "since Christmas",
            "2026-11-27",
            "since Christmas 2025, and still going on "
            "(so I'll note today's date, 27 November 2026)",
        ),
        (
            "since 3/4/25",
            "2026-11-27",
            "since 3 April 2025, and still going on (so I'll note today's date, 27 November 2026)",
        ),
        ("around xmas", "2025-12-25", "around Christmas 2025 (I'll note it as 25 December 2025)"),
        ("christmas eve", "2025-12-24", "Christmas Eve 2025 (I'll note it as 24 December 2025)"),
        # A season stands for its last month; one still under way ends today.
        ("in the summer", "2026-08-31", "the summer of 2026 (I'll note it as August 2026)"),
        ("summer 2025", "2025-08-31", "the summer of 2025 (I'll note it as August 2025)"),
        ("this autumn", "2026-11-27", "the autumn of 2026 (I'll note it as November 2026)"),
        ("last fall", "2025-11-30", "the autumn of 2025 (I'll note it as November 2025)"),
        (
            "last winter",
            "2026-02-28",
            "the winter of 2025 to 2026 (I'll note it as February 2026)",
        ),
        ("2 weeks ago", "2026-11-13", "2 weeks ago (I'll note it as 13 November 2026)"),
        ("a few months ago", "2026-08-31", "a few months ago (I'll note it as August 2026)"),
        ("last week", "2026-11-20", "last week (I'll note it as 20 November 2026)"),
        # A span could mean any day in it, up to today.
        (
            "last 3 months",
            "2026-11-27",
            "some time in the last 3 months (I'll note the latest it could be, 27 November 2026)",
        ),
        (
            "over the past few weeks",
            "2026-11-27",
            "some time in the past few weeks (I'll note the latest it could be, 27 November 2026)",
        ),
    ],
)
def test_british_phrases(text: str, iso: str, spoken: str) -> None:
    parsed = parse_date(text, TODAY)
    assert parsed is not None, text
    assert parsed.date.isoformat() == iso
    assert date_words.spoken(parsed) == spoken


@pytest.mark.parametrize(
    "text",
    [
        "about two years ago",
        "since Christmas",
        "in the summer",
        "last winter",
        "2 weeks ago",
        "a few months ago",
        "a couple of weeks ago",
        "a fortnight ago",
        "in the last 2 weeks",
        "bonfire night",
    ],
)
def test_a_vague_phrase_is_never_read_back_as_a_bare_date(text: str) -> None:
    # The person said no calendar date, so the read-back must not open with one.
    parsed = parse_date(text, TODAY)
    assert parsed is not None, text
    said = date_words.spoken(parsed)
    assert not said.startswith(date_words.noted(parsed)), said
    assert said.endswith(f" {date_words.noted(parsed)})"), said


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


@pytest.mark.parametrize(
    ("said", "day"),
    [
        ("The reply came on 6 November", "2026-11-06"),
        ("since like march", "2026-11-30"),
        # Still going on: dated by its latest day, as the contract dates an ongoing matter.
        ("I first reported it in August, it's still there", "2026-11-30"),
        ("started in march this year and its still going on", "2026-11-30"),
        ("the collections stopped about six weeks ago", "2026-10-19"),
        ("last week, monday wednesday and thursday", "2026-11-23"),
        ("The grant was refused on 2 September 2026", "2026-09-02"),
    ],
)
def test_a_date_inside_more_words_is_read(said: str, day: str) -> None:
    found = date_within(said, dt.date(2026, 11, 30))
    assert found is not None and found.date.isoformat() == day


def test_only_a_date_after_today_is_called_the_future() -> None:

    assert in_future("3/4/2028", dt.date(2026, 11, 30))
    assert not in_future("it was in 2025 sometime", dt.date(2026, 11, 30))


@pytest.mark.parametrize(
    ("said", "began"),
    [
        ("started in march this year and its still going on", "since March 2026"),
        ("since the start of term in september", "since September 2026"),
        ("it started in august and is still happening", "since August 2026"),
    ],
)
def test_when_an_ongoing_matter_began_is_kept_in_the_read_back(said: str, began: str) -> None:
    # A tester's "since March... still going on" came back as "2026": the start was lost.
    found = date_within(said, dt.date(2026, 11, 30))
    assert found is not None and date_words.spoken(found).startswith(began)


@pytest.mark.parametrize(
    ("said", "month"),
    [
        ("it was march last year", "March 2025"),
        ("in March of last year", "March 2025"),
        ("November last year", "November 2025"),
    ],
)
def test_a_month_last_year_is_last_years(said: str, month: str) -> None:
    # A tester's "it was march last year" was noted as March this year.
    found = date_within(said, dt.date(2026, 11, 30))
    assert found is not None and date_words.spoken(found) == month


@pytest.mark.parametrize("said", ["its a compliment", "its not a complaint its a compliment"])
def test_words_with_no_date_in_them_are_not_a_date(said: str) -> None:
    # dateparser reads "a" as a day: "its a compliment" became "1 November 2026".
    assert date_within(said, dt.date(2026, 11, 30)) is None
