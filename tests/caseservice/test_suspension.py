"""A suspension pauses the clock and never re-judges the case (issue 13): after a resume, every
deadline still ahead is the old one moved on by the working days the case was paused."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from typing import Any

from fastapi.testclient import TestClient

from caseservice.db import Database
from tests.calendar_oracle import working_days_after

from .helpers import case_body, file_case

D = dt.date.fromisoformat


def _event(client: TestClient, staff: dict[str, str], ref: str, **event: Any) -> Any:
    response = client.post(f"/v1/cases/{ref}/events", json=event, headers=staff)
    assert response.status_code == 201, response.text
    return response.json()


def _paused(since: str, until: str) -> int:
    """Working days after `since` up to and including `until`, counted by the oracle."""
    n = 0
    while working_days_after(D(since), n + 1) <= D(until):
        n += 1
    return n


def _telford_stage2(client: TestClient, filer: dict[str, str], staff: dict[str, str]) -> str:
    """The issue's example: a Telford stage 2 case received 8 October 2026, due 12 November."""
    body = case_body(
        received="2026-10-08",
        incident_date="2026-09-01",
        stage_requested=2,
        previous_response_date="2026-10-01",
    )
    ref = str(file_case(client, filer, body)["reference"])
    case = client.get(f"/v1/cases/{ref}", headers=staff).json()
    assert case["stage"] == 2 and case["status"] == "open"
    return ref


def test_resume_keeps_the_stage2_deadlines_and_moves_them_by_the_paused_days(
    client: TestClient, filer: dict[str, str], staff: dict[str, str]
) -> None:
    ref = _telford_stage2(client, filer, staff)
    before = client.get(f"/v1/cases/{ref}", headers=staff).json()
    assert before["deadlines"]["due"] == "2026-11-12"
    _event(client, staff, ref, type="suspended", date="2026-10-09")
    case = _event(client, staff, ref, type="resumed", date="2026-11-20")
    paused = _paused("2026-10-09", "2026-11-20")
    assert paused == 30  # six whole weeks, no bank holiday between
    assert case["status"] == "open" and case["stage"] == 2
    assert case["outcome"] == "accept"  # not re-judged: the old bug made it "decline"
    assert case["decision"] == before["decision"]
    assert case["deadlines"]["due"] == working_days_after(D("2026-11-12"), paused).isoformat()
    assert case["deadlines"]["due"] == "2026-12-24"
    assert case["deadlines"]["respond_by_extended"] == (
        working_days_after(D("2026-12-10"), paused).isoformat()
    )
    # The acknowledgement deadline (15 October) was still ahead on 9 October, so it moves too.
    assert case["deadlines"]["acknowledge_by"] == (
        working_days_after(D("2026-10-15"), paused).isoformat()
    )
    assert case["history"][-1]["data"]["paused_days"] == paused
    # TODAY (15 January 2027) is past 24 December: the case is overdue, in the list and the flag.
    assert case["overdue"] is True
    listed = client.get("/v1/cases?overdue=true", headers=staff).json()
    assert [c["reference"] for c in listed["items"]] == [ref]


def test_resume_example_is_listed_by_cases_overdue_once_past_the_moved_date(
    client: TestClient, filer: dict[str, str], staff: dict[str, str], db: Database
) -> None:
    ref = _telford_stage2(client, filer, staff)
    _event(client, staff, ref, type="suspended", date="2026-10-09")
    _event(client, staff, ref, type="resumed", date="2026-11-20")

    def overdue(as_of: str) -> str:
        out = subprocess.run(
            [sys.executable, "-m", "caseservice.cli", "cases", "overdue", "--as-of", as_of],
            env={"DATABASE_URL": db.url, "PATH": "/usr/bin:/bin"},
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout

    assert ref not in overdue("2026-12-24")  # due that day: not yet overdue
    assert ref in overdue("2026-12-29")  # the next working day after Christmas


def test_stage1_suspension_moves_only_the_deadlines_still_ahead(
    client: TestClient, filer: dict[str, str], staff: dict[str, str]
) -> None:
    # Received Monday 23 November: acknowledge by 25 November, respond by 9 December.
    ref = str(file_case(client, filer, case_body())["reference"])
    _event(client, staff, ref, type="suspended", date="2026-11-26")
    case = _event(client, staff, ref, type="resumed", date="2026-12-03")
    paused = _paused("2026-11-26", "2026-12-03")
    assert paused == 5
    assert case["deadlines"]["acknowledge_by"] == "2026-11-25"  # already passed: unchanged
    assert case["deadlines"]["respond_by"] == working_days_after(D("2026-12-09"), 5).isoformat()
    assert case["deadlines"]["due"] == "2026-12-16"
    # 23 December + 5 working days skips Christmas, Boxing Day (28th) and New Year's Day.
    assert case["deadlines"]["respond_by_extended"] == "2027-01-04"


def test_stage3_suspension_across_christmas_counts_only_working_days(
    client: TestClient, filer: dict[str, str], staff: dict[str, str]
) -> None:
    body = case_body(
        authority="birmingham-childrens-trust",
        received="2026-11-02",
        service="childrens_social_care",
        incident_date="2026-06-01",
        stage_requested=3,
        previous_response_date="2026-10-20",
        stage1_response_date="2026-07-01",
        person_affected={"is_child": True, "child_status": ["looked_after"]},
    )
    ref = file_case(client, filer, body)["reference"]
    case = client.get(f"/v1/cases/{ref}", headers=staff).json()
    assert case["stage"] == 3 and case["procedure"] == "childrens_statutory"
    assert case["deadlines"]["due"] == "2027-01-14"
    _event(client, staff, ref, type="suspended", date="2026-12-18")
    case = _event(client, staff, ref, type="resumed", date="2027-01-04")
    # 21, 22, 23, 24, 29, 30, 31 December and 4 January: Christmas, Boxing Day (substitute,
    # Monday 28 December) and New Year's Day do not count.
    assert _paused("2026-12-18", "2027-01-04") == 8
    assert case["history"][-1]["data"]["paused_days"] == 8
    assert case["deadlines"]["due"] == working_days_after(D("2027-01-14"), 8).isoformat()
    assert case["deadlines"]["due"] == "2027-01-26"
    assert case["stage"] == 3 and case["outcome"] == "accept"


def test_two_suspensions_in_a_row_add_up(
    client: TestClient, filer: dict[str, str], staff: dict[str, str]
) -> None:
    ref = str(file_case(client, filer, case_body())["reference"])
    _event(client, staff, ref, type="suspended", date="2026-11-24")
    first = _event(client, staff, ref, type="resumed", date="2026-11-27")  # 3 working days
    assert first["deadlines"]["due"] == working_days_after(D("2026-12-09"), 3).isoformat()
    _event(client, staff, ref, type="suspended", date="2026-12-01")
    case = _event(client, staff, ref, type="resumed", date="2026-12-08")  # 5 more
    assert case["deadlines"]["due"] == working_days_after(D("2026-12-09"), 8).isoformat()
    assert case["deadlines"]["due"] == "2026-12-21"
    assert case["history"][-1]["data"]["total_paused_days"] == 8
    assert [e["type"] for e in case["history"]] == [
        "filed",
        "suspended",
        "resumed",
        "suspended",
        "resumed",
    ]


def test_resume_on_the_day_of_suspension_moves_nothing(
    client: TestClient, filer: dict[str, str], staff: dict[str, str]
) -> None:
    ref = str(file_case(client, filer, case_body())["reference"])
    _event(client, staff, ref, type="suspended", date="2026-11-24")
    case = _event(client, staff, ref, type="resumed", date="2026-11-24")
    assert case["deadlines"]["due"] == "2026-12-09"
    assert case["history"][-1]["data"]["paused_days"] == 0


def test_an_acknowledgement_after_a_pause_starts_its_clock_unmoved(
    client: TestClient, filer: dict[str, str], staff: dict[str, str]
) -> None:
    ref = str(file_case(client, filer, case_body())["reference"])
    _event(client, staff, ref, type="suspended", date="2026-11-24")
    _event(client, staff, ref, type="resumed", date="2026-11-27")
    case = _event(client, staff, ref, type="acknowledged", date="2026-11-30")
    # Telford 6.9.5: 10 working days from the acknowledgement, which came after the pause.
    assert case["deadlines"]["due"] == working_days_after(D("2026-11-30"), 10).isoformat()
    assert case["deadlines"]["due"] == "2026-12-14"


def test_an_acknowledgement_dated_before_a_pause_is_moved_by_it(
    client: TestClient, filer: dict[str, str], staff: dict[str, str]
) -> None:
    ref = str(file_case(client, filer, case_body())["reference"])
    _event(client, staff, ref, type="suspended", date="2026-11-25")
    _event(client, staff, ref, type="resumed", date="2026-12-02")  # 5 working days
    case = _event(client, staff, ref, type="acknowledged", date="2026-11-24")
    expected = working_days_after(working_days_after(D("2026-11-24"), 10), 5)
    assert case["deadlines"]["due"] == expected.isoformat() == "2026-12-15"
    assert case["outcome"] == "accept" and case["stage"] == 1
