"""`triage check-code` (issue 15): packs built to comply with, and to differ from, each clause
of the Complaint Handling Codes; statutory procedures reported as out of scope; the report's
text and Markdown forms; the Codes' data file citing a clause (or saying it is unverified)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from triage import load_pack
from triage.codecheck import Row, check_pack, load_codes, report_markdown, report_text
from triage.pack import parse_pack

CODES = load_codes()
THURROCK = Path(__file__).resolve().parents[2] / "triage" / "packs" / "thurrock.yaml"


def base_pack() -> dict[str, Any]:
    """A pack that meets every timescale of both Codes: the Thurrock pack (5 + 10 and 5 + 20
    working days after acknowledgement) with extensions of 10 and 20 working days added."""
    data: dict[str, Any] = yaml.safe_load(THURROCK.read_text(encoding="utf-8"))
    data["id"] = "compliant"
    s1, s2 = data["procedures"]["corporate"]["stages"]
    s1["respond_extended"] = {"working_days": 20, "from": "acknowledge_by", "ref": "x"}
    s2["respond_extended"] = {"working_days": 40, "from": "acknowledge_by", "ref": "y"}
    return data


def rows_of(data: dict[str, Any]) -> list[Row]:
    return check_pack(parse_pack(data, data["id"]), CODES)


def result(rows: list[Row], code: str, requirement_id: str, procedure: str = "corporate") -> str:
    req = next(
        r for c in CODES.codes if c.short == code for r in c.requirements if r.id == requirement_id
    )
    return next(
        r.result
        for r in rows
        if r.code == code and r.procedure == procedure and r.requirement == req.text
    )


REQUIREMENT_IDS = [
    "two_stages",
    "stage1_acknowledge",
    "stage1_respond",
    "stage1_extension",
    "stage2_acknowledge",
    "stage2_respond",
    "stage2_extension",
    "time_limit",
    "service_requests",
]
CODE_NAMES = [c.short for c in CODES.codes]


def test_the_data_file_has_both_codes_and_every_requirement() -> None:
    assert CODE_NAMES == ["Housing Ombudsman Code", "LGSCO Code"]
    for code in CODES.codes:
        assert [r.id for r in code.requirements] == REQUIREMENT_IDS
        for r in code.requirements:
            # a clause is cited with where it was checked, or the file says why it is not
            assert (r.clause and r.checked_against) or r.unverified, (code.id, r.id)


def test_the_issues_figures_are_the_datas() -> None:
    for code in CODES.codes:
        by = {r.id: r for r in code.requirements}
        assert by["two_stages"].stages_total == 2
        assert [
            by[f"stage{s}_{k}"].working_days
            for s in (1, 2)
            for k in ("acknowledge", "respond", "extension")
        ] == [5, 10, 10, 5, 20, 20]
        assert by["stage1_respond"].from_ == by["stage2_respond"].from_ == "acknowledged"


@pytest.mark.parametrize("code", CODE_NAMES)
@pytest.mark.parametrize("requirement_id", REQUIREMENT_IDS)
def test_a_pack_built_to_comply_complies(code: str, requirement_id: str) -> None:
    assert result(rows_of(base_pack()), code, requirement_id) == "comply"


def _differ(requirement_id: str, data: dict[str, Any]) -> None:
    proc = data["procedures"]["corporate"]
    s1, s2 = proc["stages"]
    if requirement_id == "two_stages":
        third = copy.deepcopy(s2)
        third["stage"] = 3
        proc["stages"].append(third)
    elif requirement_id == "stage1_acknowledge":
        s1["acknowledge"]["working_days"] = 6
    elif requirement_id == "stage1_respond":
        s1["respond"] = {"working_days": 20, "from": "received", "ref": "r"}  # as Tameside
    elif requirement_id == "stage1_extension":
        s1["respond_extended"]["working_days"] = 21
    elif requirement_id == "stage2_acknowledge":
        s2["acknowledge"]["working_days"] = 10
    elif requirement_id == "stage2_respond":
        s2["respond"]["working_days"] = 25
    elif requirement_id == "stage2_extension":
        s2["respond_extended"] = {
            "working_days": 3,
            "from": "received",
            "ref": "e",
            "then": [{"months": 2}],
        }
    elif requirement_id == "time_limit":
        proc["time_limit"]["discretion"] = False
    elif requirement_id == "service_requests":  # pragma: no cover - no 'differs' form
        raise AssertionError


@pytest.mark.parametrize("code", CODE_NAMES)
@pytest.mark.parametrize("requirement_id", [r for r in REQUIREMENT_IDS if r != "service_requests"])
def test_a_pack_built_to_differ_differs_on_that_clause_only(code: str, requirement_id: str) -> None:
    data = base_pack()
    _differ(requirement_id, data)
    rows = rows_of(data)
    assert result(rows, code, requirement_id) == "differs"
    others = [r for r in REQUIREMENT_IDS if r != requirement_id]
    assert {o: result(rows, code, o) for o in others} == dict.fromkeys(others, "comply")


@pytest.mark.parametrize("code", CODE_NAMES)
@pytest.mark.parametrize(
    ("requirement_id", "where"),
    [
        ("stage1_extension", ("stages", 0, "respond_extended")),
        ("stage2_respond", ("stages", 1, "respond")),
        ("stage2_acknowledge", ("stages", 1, "acknowledge")),
        ("time_limit", ("time_limit",)),
    ],
)
def test_a_pack_silent_on_a_clause_is_reported_silent(
    code: str, requirement_id: str, where: tuple[Any, ...]
) -> None:
    data = base_pack()
    node: Any = data["procedures"]["corporate"]
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = {"silent": "The policy says nothing.", "ref": "nowhere"}
    if requirement_id == "stage2_acknowledge":  # a response counted from it needs another start
        node["respond"]["from"] = node["respond_extended"]["from"] = "received"
    assert result(rows_of(data), code, requirement_id) == "silent"


def test_shorter_than_the_code_complies_and_calendar_days_count_as_fewer() -> None:
    data = base_pack()
    s1 = data["procedures"]["corporate"]["stages"][0]
    s1["acknowledge"] = {"calendar_days": 5, "from": "received", "ref": "a"}
    s1["respond"] = {"working_days": 10, "from": "received", "ref": "b"}
    rows = rows_of(data)
    assert result(rows, "LGSCO Code", "stage1_acknowledge") == "comply"
    assert result(rows, "LGSCO Code", "stage1_respond") == "comply"


def test_statutory_procedures_are_out_of_scope_not_flagged() -> None:
    rows = check_pack(load_pack("thurrock"), CODES)
    adults = [r for r in rows if r.procedure == "adults_statutory"]
    assert [r.result for r in adults] == ["out_of_scope", "out_of_scope"]  # once per Code
    assert "2009" in adults[0].note
    bct = check_pack(load_pack("birmingham-childrens-trust"), CODES)
    assert {r.result for r in bct if r.procedure == "childrens_statutory"} == {"out_of_scope"}


def test_tameside_differs_at_stage_1_as_the_issue_says() -> None:
    rows = check_pack(load_pack("tameside"), CODES)
    for code in CODE_NAMES:
        assert result(rows, code, "stage1_respond") == "differs"
        row = next(r for r in rows if r.code == code and r.policy.startswith("20 working days"))
        assert row.ref == "The Complaints Process, Stage One"


def test_reports_cite_clause_and_ref_in_text_and_markdown() -> None:
    pack = load_pack("tameside")
    rows = check_pack(pack, CODES)
    text = report_text(pack, CODES, rows)
    assert "[DIFFERS] corporate, stage 1" in text and "(6.3)" in text
    assert "The Complaints Process, Stage One" in text
    md = report_markdown(pack, CODES, rows)
    assert md.startswith("## Tameside Metropolitan Borough Council")
    assert "| corporate, stage 1 |" in md and "| 6.3 |" in md and "| DIFFERS" in md
    assert md.count("| Procedure, stage |") == 2  # one table per Code


def test_a_revised_code_is_a_data_change(tmp_path: Path) -> None:
    raw = yaml.safe_load(
        (
            Path(__file__).resolve().parents[2]
            / "triage"
            / "data"
            / "complaint-handling-codes.yaml"
        ).read_text(encoding="utf-8")
    )
    for code in raw["codes"]:
        for req in code["requirements"]:
            if req["id"] == "stage1_respond":
                req["working_days"] = 25
    revised = tmp_path / "codes.yaml"
    revised.write_text(yaml.safe_dump(raw), encoding="utf-8")
    rows = check_pack(load_pack("tameside"), load_codes(revised))
    assert result(rows, "LGSCO Code", "stage1_respond") == "comply"
