"""`triage test` and `triage lint` (issue 15), as a council's officer runs them: a pack file in
a folder of their own, not installed, run from another folder."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

TRIAGE = str(Path(sys.executable).with_name("triage"))
PACKS = Path(__file__).resolve().parents[2] / "triage" / "packs"
SOURCE = PACKS / "sources" / "thurrock.txt"  # the repository's copy, with its header


def run(*args: str, cwd: Path) -> tuple[int, str]:
    proc = subprocess.run([TRIAGE, *args], capture_output=True, text=True, timeout=120, cwd=cwd)
    assert "Traceback" not in proc.stderr + proc.stdout
    return proc.returncode, proc.stdout


def new_council(tmp_path: Path, pack_id: str = "new-council") -> tuple[Path, Path]:
    """A council's own folder: the Thurrock pack renamed, with its scenarios beside it."""
    folder = tmp_path / "mine"
    (folder / "scenarios").mkdir(parents=True)
    pack = yaml.safe_load((PACKS / "thurrock.yaml").read_text(encoding="utf-8"))
    pack["id"] = pack_id
    pack_file = folder / f"{pack_id}.yaml"
    pack_file.write_text(yaml.safe_dump(pack, sort_keys=False), encoding="utf-8")
    scen = yaml.safe_load((PACKS / "scenarios" / "thurrock.yaml").read_text(encoding="utf-8"))
    scen["authority"] = pack_id
    scen_file = folder / "scenarios" / f"{pack_id}.yaml"
    scen_file.write_text(yaml.safe_dump(scen, sort_keys=False), encoding="utf-8")
    return pack_file, scen_file


def test_a_pack_not_installed_passes_its_scenarios_from_another_folder(tmp_path: Path) -> None:
    pack_file, _ = new_council(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code, out = run("test", str(pack_file), cwd=elsewhere)
    assert code == 0, out
    assert "new-council: 35/35 scenarios pass" in out


def test_a_wrong_expectation_fails_naming_the_scenario_and_the_field(tmp_path: Path) -> None:
    pack_file, scen_file = new_council(tmp_path)
    scen = yaml.safe_load(scen_file.read_text(encoding="utf-8"))
    scen["scenarios"][0]["expect"]["deadlines"]["respond_by"] = "2026-12-15"
    del scen["scenarios"][1]["ref"]
    other = tmp_path / "other.yaml"
    other.write_text(yaml.safe_dump(scen), encoding="utf-8")
    code, out = run("test", str(pack_file), str(other), cwd=tmp_path)
    assert code == 1
    assert f"FAIL {scen['scenarios'][0]['name']}" in out
    assert "deadlines.respond_by: got '2026-12-14', want '2026-12-15'" in out
    assert "cites no section" in out
    assert "33/35 scenarios pass" in out


def test_fewer_than_25_scenarios_fails(tmp_path: Path) -> None:
    pack_file, scen_file = new_council(tmp_path)
    scen = yaml.safe_load(scen_file.read_text(encoding="utf-8"))
    scen["scenarios"] = scen["scenarios"][:24]
    scen_file.write_text(yaml.safe_dump(scen), encoding="utf-8")
    code, out = run("test", str(pack_file), cwd=tmp_path)
    assert code == 1
    assert "24/24 scenarios pass" in out and "needs at least 25 scenarios" in out


def test_a_typo_in_the_pack_is_named(tmp_path: Path) -> None:
    pack_file, _ = new_council(tmp_path)
    pack_file.write_text(
        pack_file.read_text(encoding="utf-8").replace("reference_prefix:", "refrence_prefix:"),
        encoding="utf-8",
    )
    code, out = run("test", str(pack_file), cwd=tmp_path)
    assert code == 2
    err = json.loads(out)["error"]
    assert err == {"field": "new-council.yaml:reference_prefix", "message": "Field required"}


def test_an_installed_pack_by_id() -> None:
    code, out = run("test", "dacorum", cwd=PACKS)
    assert code == 0, out
    assert "dacorum: 29/29 scenarios pass" in out


def test_lint_finds_every_contact_in_the_source(tmp_path: Path) -> None:
    code, out = run("lint", str(PACKS / "thurrock.yaml"), str(SOURCE), cwd=tmp_path)
    assert code == 0, out
    assert "thurrock: 6/6 contact details found" in out


def test_lint_fails_on_a_contact_the_source_lacks(tmp_path: Path) -> None:
    pack_file, _ = new_council(tmp_path)
    pack = yaml.safe_load(pack_file.read_text(encoding="utf-8"))
    pack["directory"][0]["phone"] = "0800 021 3017"  # one digit off
    pack["directory"][0]["email"] = "complaint@thurrock.gov.uk"
    pack_file.write_text(yaml.safe_dump(pack), encoding="utf-8")
    code, out = run("lint", str(pack_file), str(SOURCE), cwd=tmp_path)
    assert code == 1
    assert "MISSING  thurrock_complaints.phone: 0800 021 3017" in out
    assert "MISSING  thurrock_complaints.email: complaint@thurrock.gov.uk" in out
    assert "4/6 contact details found" in out


def test_lint_lists_a_corrected_spelling_with_the_documents_form_and_its_note() -> None:
    src = SOURCE.with_name("luton.txt")
    code, out = run("lint", "luton", str(src), cwd=PACKS)
    assert code == 0, out
    assert (
        "CORRECTED luton_complaints.email: complaints@luton.gov.uk; "
        f"{src} has complaints@Iuton.gov.uk" in out
    )
    assert "the pack's note: The scanned document" in out


def test_lint_a_note_alone_does_not_excuse_a_detail(tmp_path: Path) -> None:
    pack_file, _ = new_council(tmp_path)
    pack = yaml.safe_load(pack_file.read_text(encoding="utf-8"))
    pack["directory"][0]["url"] = "https://www.thurrock.gov.uk/how-to-complain/elsewhere"
    pack["directory"][0]["note"] = "a note that explains nothing the document says"
    pack_file.write_text(yaml.safe_dump(pack), encoding="utf-8")
    code, out = run("lint", str(pack_file), str(SOURCE), cwd=tmp_path)
    assert code == 1
    assert "MISSING  thurrock_complaints.url: " in out


def test_check_code_markdown_from_the_command(tmp_path: Path) -> None:
    code, out = run("check-code", "--authority", "dacorum", "--format", "markdown", cwd=tmp_path)
    assert code == 0
    assert out.startswith("## Dacorum Borough Council")
    code, out = run("check-code", "--authority", "nowhere", cwd=tmp_path)
    assert code == 2 and json.loads(out)["error"]["field"] == "authority"


def test_pack_copy_is_left_alone(tmp_path: Path) -> None:
    # the tools read a council's files; they never write beside them
    pack_file, _ = new_council(tmp_path)
    before = sorted(p.name for p in pack_file.parent.rglob("*"))
    run("test", str(pack_file), cwd=tmp_path)
    run("lint", str(pack_file), str(SOURCE), cwd=tmp_path)
    assert sorted(p.name for p in pack_file.parent.rglob("*")) == before
    shutil.rmtree(pack_file.parent)


def test_count_matches_the_independent_working_day_oracle(tmp_path: Path) -> None:
    import datetime as dt

    from tests.calendar_oracle import working_days_after

    code, out = run("count", "2026-12-23", "5wd", "+10wd", "28cd", "3m", cwd=tmp_path)
    assert code == 0
    ack = working_days_after(dt.date(2026, 12, 23), 5)
    respond = working_days_after(ack, 10)
    assert out.splitlines() == [
        f"2026-12-23 + 5 working days = {ack.isoformat()} ({ack.strftime('%a %d %b %Y')})",
        f"{ack.isoformat()} + 10 working days = {respond.isoformat()} "
        f"({respond.strftime('%a %d %b %Y')})",
        "2026-12-23 + 28 days = 2027-01-20 (Wed 20 Jan 2027)",
        "2026-12-23 + 3 months = 2027-03-23 (Tue 23 Mar 2027)",
    ]
    code, out = run("count", "2026-12-23", "5 days", cwd=tmp_path)
    assert code == 2 and json.loads(out)["error"]["field"] == "steps"
