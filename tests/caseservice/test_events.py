"""Events recompute deadlines with triage and append to the case's history."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi.testclient import TestClient

import triage

from .helpers import FACTS, case_body, file_case


def _event(client: TestClient, staff: dict[str, str], ref: str, **event: Any) -> Any:
    response = client.post(f"/v1/cases/{ref}/events", json=event, headers=staff)
    assert response.status_code == 201, response.text
    return response.json()


def _new(client: TestClient, filer: dict[str, str], **facts: Any) -> str:
    return str(file_case(client, filer, case_body(**facts))["reference"])


def test_extension_moves_the_due_date_to_the_extended_deadline(
    client: TestClient, filer: dict[str, str], staff: dict[str, str]
) -> None:
    ref = _new(client, filer)
    case = _event(client, staff, ref, type="acknowledged", date="2026-11-24")
    assert case["acknowledged_on"] == "2026-11-24"
    # Telford 6.9.5 counts 10 working days from the acknowledgement itself: a day early moves
    # the due date a day earlier than the 9 December counted from the deadline.
    assert case["deadlines"]["due"] == "2026-12-08"
    assert case["history"][-1]["data"]["moved"]["respond_by"] == ["2026-12-09", "2026-12-08"]
    case = _event(client, staff, ref, type="extended", date="2026-12-01", note="complex")
    assert case["extended"] is True
    assert case["deadlines"]["due"] == case["deadlines"]["respond_by_extended"] == "2026-12-22"
    assert [e["type"] for e in case["history"]] == ["filed", "acknowledged", "extended"]
    assert case["history"][-1]["data"]["before"]["due"] == "2026-12-08"
    assert case["history"][-1]["data"]["after"]["due"] == "2026-12-22"
    assert case["history"][-1]["actor"] == "staff"
    again = client.post(f"/v1/cases/{ref}/events", json={"type": "extended"}, headers=staff)
    assert again.status_code == 409


def test_escalation_reruns_triage_for_the_next_stage(
    client: TestClient, filer: dict[str, str], staff: dict[str, str]
) -> None:
    ref = _new(client, filer)
    case = _event(client, staff, ref, type="responded", date="2026-12-08")
    assert case["status"] == "responded" and case["responded_in_time"] is True
    assert case["deadlines"]["due"] is None
    expected_window = triage.assess(
        {
            **FACTS,
            "received": "2026-12-08",
            "stage_requested": 2,
            "previous_response_date": "2026-12-08",
            "stage1_response_date": "2026-12-08",
        }
    ).to_dict()["time_limit"]["limit_date"]
    assert case["deadlines"]["escalate_by"] == expected_window

    case = _event(client, staff, ref, type="escalation_requested", date="2026-12-15")
    expected = triage.assess(
        {
            **FACTS,
            "received": "2026-12-15",
            "stage_requested": 2,
            "previous_response_date": "2026-12-08",
            "stage1_response_date": "2026-12-08",
        }
    ).to_dict()
    assert case["stage"] == 2 and case["status"] == "open"
    assert case["decision"] == expected
    assert case["deadlines"]["respond_by"] == expected["deadlines"]["respond_by"]
    assert case["deadlines"]["due"] == expected["deadlines"]["respond_by"]
    assert case["deadlines"]["respond_by"] > "2026-12-15"
    assert case["responded_on"] is None and case["acknowledged_on"] is None

    # Telford has two stages: asking for a third sends the complainant to the ombudsman.
    case = _event(client, staff, ref, type="responded", date="2027-01-05")
    case = _event(client, staff, ref, type="escalation_requested", date="2027-01-10")
    assert case["status"] == "redirected"
    assert case["referred_onwards"] is True
    assert case["stage"] == 2
    assert [x["code"] for x in case["decision"]["exclusions"]] == ["procedure_exhausted"]


def test_escalation_needs_a_previous_response(
    client: TestClient, filer: dict[str, str], staff: dict[str, str]
) -> None:
    ref = _new(client, filer)
    response = client.post(
        f"/v1/cases/{ref}/events", json={"type": "escalation_requested"}, headers=staff
    )
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "previous_response_date"
    case = _event(
        client,
        staff,
        ref,
        type="escalation_requested",
        date="2026-12-20",
        previous_response_date="2026-12-09",
    )
    assert case["stage"] == 2


def test_suspension_pauses_the_clock(
    client: TestClient, filer: dict[str, str], staff: dict[str, str]
) -> None:
    ref = _new(client, filer)
    case = _event(client, staff, ref, type="suspended", date="2026-11-24")
    assert case["status"] == "suspended" and case["overdue"] is False
    listed = client.get("/v1/cases?overdue=true", headers=staff).json()
    assert listed["total"] == 0  # TODAY is past the due date, but the clock is stopped
    case = _event(client, staff, ref, type="resumed", date="2026-12-01")
    # Paused 25, 26, 27, 30 November and 1 December: the due date moves on 5 working days.
    assert case["deadlines"]["respond_by"] == case["deadlines"]["due"] == "2026-12-16"
    assert case["history"][-1]["data"]["paused_days"] == 5


def test_overdue_cases_are_flagged_and_filterable(
    client: TestClient, filer: dict[str, str], staff: dict[str, str]
) -> None:
    late = _new(client, filer)
    done = _new(client, filer)
    _event(client, staff, done, type="responded", date="2026-12-01")
    case = client.get(f"/v1/cases/{late}", headers=staff).json()
    assert case["overdue"] is True  # due 2026-12-09, today is fixed at 2027-01-15
    listed = client.get("/v1/cases?overdue=true", headers=staff).json()
    assert [c["reference"] for c in listed["items"]] == [late]
    listed = client.get("/v1/cases?overdue=false", headers=staff).json()
    assert [c["reference"] for c in listed["items"]] == [done]
    listed = client.get("/v1/cases?due_before=2026-12-09", headers=staff).json()
    assert [c["reference"] for c in listed["items"]] == [late]


def test_closing_records_the_outcome_and_feeds_the_report(
    client: TestClient, filer: dict[str, str], staff: dict[str, str]
) -> None:
    upheld = _new(client, filer)
    partly = _new(client, filer, service="highways")
    late = _new(client, filer)
    _new(client, filer, service="councillor_conduct")
    _event(client, staff, upheld, type="closed", date="2026-12-01", outcome="upheld")
    _event(client, staff, partly, type="responded", date="2026-12-02")
    _event(
        client,
        staff,
        partly,
        type="closed",
        date="2026-12-20",
        outcome="partly_upheld",
        referred_to_ombudsman=True,
    )
    _event(client, staff, late, type="closed", date="2027-01-04", outcome="not_upheld")
    conflict = client.post(
        f"/v1/cases/{upheld}/events", json={"type": "acknowledged"}, headers=staff
    )
    assert conflict.status_code == 409

    report = client.get("/v1/reports/summary?from=2026-11-01&to=2026-11-30", headers=staff)
    summary = report.json()
    assert summary["total"] == 4
    assert summary["by_service"] == {"councillor_conduct": 1, "highways": 1, "waste": 2}
    assert summary["accepted"] == 3 and summary["refused"] == 1
    assert summary["responded"] == 3
    assert summary["responded_within_deadline"] == 2 and summary["responded_late"] == 1
    assert (summary["upheld"], summary["partly_upheld"], summary["not_upheld"]) == (1, 1, 1)
    assert summary["referred_onwards"] == 2  # one redirect at filing, one went to the ombudsman
    assert summary["by_stage"] == {"1": 4}

    csv = client.get("/v1/reports/summary?from=2026-11-01&to=2026-11-30&format=csv", headers=staff)
    assert csv.headers["content-type"].startswith("text/csv")
    lines = csv.text.splitlines()
    assert lines[0] == "measure,key,value"
    assert "total,,4" in lines and "by_service,waste,2" in lines and "upheld,,1" in lines

    empty = client.get("/v1/reports/summary?from=2025-01-01&to=2025-12-31", headers=staff)
    assert empty.json()["total"] == 0


def test_withdrawn_case_is_no_longer_due(
    client: TestClient, filer: dict[str, str], staff: dict[str, str]
) -> None:
    ref = _new(client, filer)
    case = _event(client, staff, ref, type="withdrawn", date="2026-11-25")
    assert case["status"] == "withdrawn" and case["deadlines"]["due"] is None
    assert case["overdue"] is False
    assert dt.date.fromisoformat(case["retain_until"]) == dt.date(2032, 11, 25)
