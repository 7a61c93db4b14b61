"""The `triage` command as a user runs it: a real subprocess, JSON in and out."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

TRIAGE = str(Path(sys.executable).with_name("triage"))
WORKED = {
    "kind": "complaint",
    "service": "waste",
    "received": "2026-11-23",
    "incident_date": "2026-10-30",
}


def run(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> tuple[int, str]:
    proc = subprocess.run(
        [TRIAGE, *args], input=stdin, capture_output=True, text=True, timeout=60, env=env
    )
    assert "Traceback" not in proc.stderr + proc.stdout
    return proc.returncode, proc.stdout


def test_worked_example_from_the_contract() -> None:
    code, out = run("assess", "--authority", "telford-wrekin", stdin=json.dumps(WORKED))
    assert code == 0
    d = json.loads(out)
    assert (d["procedure"], d["outcome"], d["stage"], d["stages_total"]) == (
        "corporate",
        "accept",
        1,
        2,
    )
    assert d["time_limit"]["status"] == "in_time"
    assert d["deadlines"]["acknowledge_by"] == "2026-11-25"
    assert d["deadlines"]["respond_by"] == "2026-12-09"
    assert d["deadlines"]["respond_by_extended"] == "2026-12-23"
    assert "lgsco" in {s["id"] for s in d["signposts"]}


def test_reads_a_file_and_authority_from_facts(tmp_path: Path) -> None:
    path = tmp_path / "facts.json"
    path.write_text(json.dumps({**WORKED, "authority": "telford-wrekin"}))
    code, out = run("assess", str(path))
    assert code == 0 and json.loads(out)["authority"] == "telford-wrekin"


@pytest.mark.parametrize(
    ("facts", "authority", "field"),
    [
        ({**WORKED, "service": "bins"}, "telford-wrekin", "service"),
        ({**WORKED, "received": "2026-02-30"}, "telford-wrekin", "received"),
        ({**WORKED, "received": "30/11/2026"}, "telford-wrekin", "received"),
        ({**WORKED, "received": "2026-11-23\n"}, "telford-wrekin", "received"),
        ({**WORKED, "received": "٢٠٢٦-11-23"}, "telford-wrekin", "received"),
        ({**WORKED, "incident_date": 1764000000}, "telford-wrekin", "incident_date"),
        (WORKED, "nowhere-council", "authority"),
        ({**WORKED, "colour": "blue"}, "telford-wrekin", "colour"),
        ({"service": "waste"}, "telford-wrekin", "kind"),
        ({**WORKED, "complainant": {"relationship": "uncle"}}, "luton", "complainant.relationship"),
        ({**WORKED, "circumstances": ["aliens"]}, "luton", "circumstances.0"),
        ({**WORKED, "stage_requested": 4}, "luton", "stage_requested"),
        (WORKED, "", "authority"),
    ],
)
def test_bad_input_exits_2_with_one_json_error(
    facts: dict[str, Any], authority: str, field: str
) -> None:
    args = ["assess", "--authority", authority] if authority else ["assess"]
    code, out = run(*args, stdin=json.dumps(facts))
    assert code == 2
    assert out.count("\n") == 1
    err = json.loads(out)["error"]
    assert err["field"] == field and err["message"]


def test_bad_json_exits_2() -> None:
    code, out = run("assess", "--authority", "luton", stdin="{not json")
    assert code == 2 and json.loads(out)["error"]["field"] == "(root)"


def test_pack_with_a_typo_names_the_key(tmp_path: Path) -> None:
    src = Path(__file__).resolve().parents[2] / "triage" / "packs" / "telford-wrekin.yaml"
    data = yaml.safe_load(src.read_text())
    data["id"] = "typo-council"
    stage = data["procedures"]["corporate"]["stages"][0]
    stage["acknowlege"] = stage.pop("acknowledge")
    (tmp_path / "typo-council.yaml").write_text(yaml.safe_dump(data))
    env = {"TRIAGE_PACK_PATH": str(tmp_path), "PATH": "/usr/bin:/bin"}
    code, out = run("assess", "--authority", "typo-council", stdin=json.dumps(WORKED), env=env)
    assert code == 2
    err = json.loads(out)["error"]
    assert err["field"].startswith("typo-council.yaml:procedures.corporate.stages.0.")
    assert "acknowle" in err["field"]


def test_pack_without_a_catch_all_route_is_refused(tmp_path: Path) -> None:
    src = Path(__file__).resolve().parents[2] / "triage" / "packs" / "luton.yaml"
    data = yaml.safe_load(src.read_text())
    data["id"] = "no-route-council"
    data["routing"][-1]["when"] = {"services": ["waste"]}
    (tmp_path / "no-route-council.yaml").write_text(yaml.safe_dump(data))
    env = {"TRIAGE_PACK_PATH": str(tmp_path), "PATH": "/usr/bin:/bin"}
    code, out = run("assess", "--authority", "no-route-council", stdin=json.dumps(WORKED), env=env)
    assert code == 2
    assert json.loads(out)["error"]["field"] == "no-route-council.yaml:routing"


def test_jsonl_one_line_per_input_and_exit_1_on_some_errors() -> None:
    lines = [
        json.dumps(WORKED),
        json.dumps({**WORKED, "service": "nope"}),
        "",
        "{broken",
        json.dumps({**WORKED, "kind": "compliment"}),
    ]
    code, out = run("assess", "--authority", "telford-wrekin", "--jsonl", stdin="\n".join(lines))
    assert code == 1
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 4
    assert rows[0]["outcome"] == "accept"
    assert rows[1]["error"]["field"] == "service"
    assert rows[2]["error"]["field"] == "(root)"
    assert rows[3]["outcome"] == "feedback"


def test_jsonl_all_good_exits_0_and_unreadable_input_exits_2(tmp_path: Path) -> None:
    code, out = run("assess", "--authority", "luton", "--jsonl", stdin=json.dumps(WORKED) + "\n")
    assert code == 0 and len(out.splitlines()) == 1
    code, out = run("assess", "--authority", "luton", "--jsonl", str(tmp_path / "missing.jsonl"))
    assert code == 2 and json.loads(out)["error"]["field"] == "input"
    binary = tmp_path / "bad.jsonl"
    binary.write_bytes(b"\xff\xfe\x00")
    code, out = run("assess", "--authority", "luton", "--jsonl", str(binary))
    assert code == 2


def test_authorities_lists_the_seven_packs() -> None:
    code, out = run("authorities")
    assert code == 0
    ids = [line.split("\t")[0] for line in out.splitlines()]
    assert ids == sorted(
        [
            "birmingham-childrens-trust",
            "telford-wrekin",
            "warwickshire",
            "luton",
            "tameside",
            "thurrock",
            "dacorum",
        ]
    )
    assert all("\t" in line for line in out.splitlines())


def test_explain_is_plain_english_with_dates_and_sections() -> None:
    code, out = run("explain", "--authority", "telford-wrekin", stdin=json.dumps(WORKED))
    assert code == 0
    assert "Accept the complaint." in out
    assert "Wednesday 9 December 2026" in out
    assert "Telford & Wrekin policy, 6.9.5" in out


def test_unknown_subcommand_is_a_json_error() -> None:
    code, out = run("frobnicate")
    assert code == 2 and json.loads(out)["error"]["field"] == "arguments"


def test_triage_is_on_path_of_the_venv() -> None:
    assert shutil.which(TRIAGE)
