"""Packs versioned by effective date (issue 13): a case is judged by the version in force on
its `received` date, and every decision names the version and its content hash."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from triage import PackError, assess
from triage.pack import find_version, load_pack, pack_versions

FACTS: dict[str, Any] = {
    "authority": "telford-wrekin",
    "kind": "complaint",
    "service": "waste",
    "incident_date": "2026-10-30",
    "complainant": {"relationship": "self"},
}
# A new version from 1 December 2026: stage 1 is answered within 15 working days, not 10.
NEW_VERSION = {
    "version": "2026-12",
    "effective_from": dt.date(2026, 12, 1),
    "ref": "test: a council lengthens its stage 1 timescale",
    "changes": {"procedures.corporate.stages.0.respond.working_days": 15},
}


def telford_raw() -> dict[str, Any]:
    text = resources.files("triage.packs").joinpath("telford-wrekin.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


@pytest.fixture
def pack_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A TRIAGE_PACK_PATH folder whose packs shadow the installed ones; caches are cleared
    before and after so no test sees another's packs."""
    monkeypatch.setenv("TRIAGE_PACK_PATH", str(tmp_path))
    pack_versions.cache_clear()
    yield tmp_path
    pack_versions.cache_clear()


def write(folder: Path, data: dict[str, Any]) -> None:
    (folder / "telford-wrekin.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    pack_versions.cache_clear()


def test_every_decision_names_its_pack_version_and_hash() -> None:
    decision = assess({**FACTS, "received": "2026-11-23"}).to_dict()
    pack = load_pack("telford-wrekin")
    assert decision["pack"] == {
        "id": "telford-wrekin",
        "version": pack.version,
        "effective_from": None,
        "content_hash": pack.content_hash,
    }
    assert len(pack.content_hash) == 64
    assert find_version("telford-wrekin", pack.content_hash) is pack


def test_a_case_is_judged_by_the_version_in_force_on_its_received_date(pack_dir: Path) -> None:
    write(pack_dir, {**telford_raw(), "versions": [NEW_VERSION]})
    old = assess({**FACTS, "received": "2026-11-23"}).to_dict()
    new = assess({**FACTS, "received": "2026-12-01", "incident_date": "2026-11-20"}).to_dict()
    assert old["pack"]["version"] == "1" and new["pack"]["version"] == "2026-12"
    assert new["pack"]["effective_from"] == "2026-12-01"
    assert old["pack"]["content_hash"] != new["pack"]["content_hash"]
    # Version 1: 2 working days to acknowledge (25 November) + 10 = 9 December.
    assert old["deadlines"]["respond_by"] == "2026-12-09"
    # Version 2026-12: acknowledge by 3 December + 15 working days = 24 December.
    assert new["deadlines"]["respond_by"] == "2026-12-24"
    # The day before it comes into force, the old version still applies.
    eve = assess({**FACTS, "received": "2026-11-30", "incident_date": "2026-11-20"}).to_dict()
    assert eve["pack"]["version"] == "1"


def test_a_pinned_version_wins_over_the_received_date(pack_dir: Path) -> None:
    write(pack_dir, {**telford_raw(), "versions": [NEW_VERSION]})
    first = pack_versions("telford-wrekin")[0]
    pinned = assess({**FACTS, "received": "2026-12-01"}, pack=first).to_dict()
    assert pinned["pack"]["version"] == "1"
    assert pinned["deadlines"]["respond_by"] == "2026-12-17"  # 3 December + 10


def test_the_hash_ignores_yaml_spelling_but_not_content(pack_dir: Path) -> None:
    installed = load_pack("telford-wrekin")
    write(pack_dir, telford_raw())  # same content, written out again by another YAML writer
    assert load_pack("telford-wrekin").content_hash == installed.content_hash
    edited = telford_raw()
    edited["procedures"]["corporate"]["stages"][0]["respond"]["working_days"] = 11
    write(pack_dir, edited)
    assert load_pack("telford-wrekin").content_hash != installed.content_hash


@pytest.mark.parametrize(
    ("version", "field", "message"),
    [
        ({**NEW_VERSION, "effective_from": dt.date(1990, 1, 1), "version": "x"}, "", ""),
        ({**NEW_VERSION, "version": "1"}, "versions.0.version", "used twice"),
        (
            {**NEW_VERSION, "changes": {"procedures.corporate.stages.7.respond": 1}},
            "versions.0.changes",
            "no '7'",
        ),
        ({**NEW_VERSION, "changez": {}}, "versions.0", "not a pack key"),
        (
            {**NEW_VERSION, "changes": {"procedures.corporate.stages.0.respond.weeks": 2}},
            "stages.0.respond.weeks",
            "not a pack key",
        ),
    ],
)
def test_a_bad_version_fails_loudly_naming_where(
    pack_dir: Path, version: dict[str, Any], field: str, message: str
) -> None:
    later = {**NEW_VERSION, "version": "2027", "effective_from": dt.date(2027, 1, 1)}
    versions = [version, later] if version["version"] == "x" else [version]
    if version["version"] == "x":  # the second version must come after the first
        versions = [later, version]
        field, message = "versions.1.effective_from", "must be after"
    write(pack_dir, {**telford_raw(), "versions": versions})
    with pytest.raises(PackError) as err:
        load_pack("telford-wrekin")
    assert field in err.value.field
    assert message in err.value.message


def test_triage_explain_names_the_version(pack_dir: Path) -> None:
    write(pack_dir, {**telford_raw(), "versions": [NEW_VERSION]})
    facts = {**FACTS, "received": "2026-12-01", "incident_date": "2026-11-20"}
    out = subprocess.run(
        [sys.executable, "-m", "triage.cli", "explain"],
        input=json.dumps(facts),
        capture_output=True,
        text=True,
        env={**os.environ, "TRIAGE_PACK_PATH": str(pack_dir)},
        check=True,
    ).stdout
    assert "Policy version: 2026-12, in force from Tuesday 1 December 2026" in out
    assert "respond by           Thursday 24 December 2026" in out
