"""What a redirect tells the person comes from pack data in public words: where the document says
the authority passes a matter on, the exclusion says `forwarded: true`; the advocacy flag means an
advocacy signpost was given; no redirect names an ombudsman that cannot look at the matter."""

from __future__ import annotations

import copy
from importlib import resources
from typing import Any

import pytest
import yaml

import triage
from triage.errors import PackError
from triage.pack import pack_versions, parse_pack

INTERNAL = ("these pages", "the pages", "the document", "file header", "the guidance")


def _raw(name: str) -> dict[str, Any]:
    text = resources.files("triage.packs").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    data.pop("versions", None)
    return data


def test_forwarded_needs_somewhere_to_forward_to() -> None:
    data = copy.deepcopy(_raw("tameside"))
    rule = next(r for r in data["exclusions"] if r.get("forwarded"))
    del rule["redirect_to"]
    with pytest.raises(PackError, match="forwarded needs redirect_to"):
        parse_pack(data, "tameside")


@pytest.mark.parametrize("authority", triage.authority_ids())
def test_what_a_redirect_says_is_public_wording(authority: str) -> None:
    for pack in pack_versions(authority):
        for rule in pack.exclusions:
            said = f"{rule.reason} {rule.redirect_to or ''}".lower()
            assert not any(w in said for w in INTERNAL), (authority, rule.code, said)
            assert "(not in" not in said, (authority, rule.code, said)


def _decide(authority: str, **facts: Any) -> Any:
    return triage.assess(
        {
            "kind": "complaint",
            "received": "2026-11-23",
            "incident_date": "2026-11-10",
            "complainant": {"relationship": "self"},
            **facts,
        },
        authority=authority,
    )


@pytest.mark.parametrize("authority", ["telford-wrekin", "tameside", "dacorum"])
def test_a_housing_association_redirect_names_the_housing_ombudsman(authority: str) -> None:
    d = _decide(authority, service="housing_association")
    assert d.outcome == "redirect"
    ids = {s.id for s in d.signposts}
    assert "housing_ombudsman" in ids and "lgsco" not in ids


@pytest.mark.parametrize("authority", ["telford-wrekin", "warwickshire", "dacorum", "luton"])
def test_councillor_conduct_names_no_ombudsman(authority: str) -> None:
    d = _decide(authority, service="councillor_conduct")
    assert d.outcome in ("redirect", "decline")
    assert not [s for s in d.signposts if s.kind == "ombudsman"]


def test_thurrock_offers_advocacy_only_with_a_signpost_saying_how() -> None:
    d = _decide("thurrock", service="adult_social_care")
    assert "advocacy_offered" in d.flags
    assert [s.id for s in d.signposts if s.kind == "advocacy"] == ["thurrock_independent_help"]
