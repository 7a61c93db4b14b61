"""Signposts declare what they are for and who they are for (issue 12)."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

import triage
from triage.errors import PackError
from triage.pack import parse_pack, with_signpost_kinds

PACKS = ["birmingham-childrens-trust", "telford-wrekin"]


def _raw(name: str) -> dict[str, Any]:
    from importlib import resources

    text = resources.files("triage.packs").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    data.pop("versions", None)
    return data


@pytest.mark.parametrize("name", PACKS)
def test_a_signpost_without_kind_or_audience_does_not_load(name: str) -> None:
    for field in ("kind", "audience"):
        data = copy.deepcopy(_raw(name))
        del data["signposts"][0][field]
        with pytest.raises(PackError, match=f"signposts.0.{field}"):
            parse_pack(data, name)


def test_an_advocacy_signpost_must_be_an_advocacy_contact() -> None:
    data = copy.deepcopy(_raw("telford-wrekin"))
    pohwer = next(r for r in data["signposts"] if r["id"] == "pohwer")
    pohwer["kind"] = "support"
    with pytest.raises(PackError, match="advocacy: true"):
        parse_pack(data, "telford-wrekin")


def test_every_decision_signpost_carries_kind_and_audience() -> None:
    d = triage.assess(
        {
            "kind": "complaint",
            "service": "housing_landlord",
            "received": "2026-11-23",
            "complainant": {"relationship": "self", "council_tenant": True},
        },
        authority="telford-wrekin",
    ).to_dict()
    kinds = {s["id"]: (s["kind"], s["audience"]) for s in d["signposts"]}
    assert kinds["housing_ombudsman"] == ("ombudsman", "everyone")
    assert kinds["pohwer"] == ("advocacy", "adults")


def test_a_stored_version_from_before_kinds_still_loads() -> None:
    data = copy.deepcopy(_raw("telford-wrekin"))
    for rule in data["signposts"]:
        del rule["kind"], rule["audience"]
    pack = parse_pack(with_signpost_kinds(data, "telford-wrekin"), "telford-wrekin")
    kinds = {r.id: r.kind for r in pack.signposts}
    assert kinds["pohwer"] == "advocacy" and kinds["safeguarding_shropshire"] == "support"
