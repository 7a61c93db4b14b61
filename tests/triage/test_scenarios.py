"""Runs every scenario in triage/packs/scenarios/*.yaml (at least 25 per authority)."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from triage import assess, authority_ids

from .scenario_runner import load_scenarios, mismatches

SCENARIOS = load_scenarios()


@pytest.mark.parametrize(("name", "scenario"), SCENARIOS, ids=[n for n, _ in SCENARIOS])
def test_scenario(name: str, scenario: dict[str, Any]) -> None:
    assert scenario.get("ref"), f"{name}: every scenario cites the section it tests"
    decision = assess(scenario["facts"]).to_dict()
    assert mismatches(decision, scenario["expect"]) == []


def test_every_authority_has_at_least_25_scenarios() -> None:
    counts = Counter(s["facts"]["authority"] for _, s in SCENARIOS)
    assert {a: counts[a] for a in authority_ids() if counts[a] < 25} == {}
