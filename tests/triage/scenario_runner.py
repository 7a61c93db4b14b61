"""Loads the YAML scenario files that sit beside the packs and checks a decision against one.

A scenario gives the facts (the authority comes from the file) and `expect`, in which only the
keys given are checked: scalar fields exactly; `exclusions`, `suspensions`, `flags` as exact sets
of codes; `*_include` / `*_exclude` as subsets that must / must not appear.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

SCENARIO_DIR = Path(__file__).resolve().parents[2] / "triage" / "packs" / "scenarios"

SCALARS = ("procedure", "outcome", "stage", "stages_total")
SETS = {"exclusions": "code", "suspensions": "code", "signposts": "id"}
ALLOWED = {
    *SCALARS,
    "time_limit",
    "deadlines",
    "exclusions",
    "suspensions",
    "flags",
    "redirect_to_contains",
    *(f"{k}_{m}" for k in (*SETS, "flags") for m in ("include", "exclude")),
}


def load_scenarios() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted(SCENARIO_DIR.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for sc in doc["scenarios"]:
            sc = dict(sc)
            sc["facts"] = {"authority": doc["authority"], **sc["facts"]}
            out.append((f"{doc['authority']}: {sc['name']}", sc))
    return out


def _codes(decision: dict[str, Any], key: str) -> set[str]:
    if key == "flags":
        return set(decision["flags"])
    return {item[SETS[key]] for item in decision[key]}


def mismatches(decision: dict[str, Any], expect: dict[str, Any]) -> list[str]:
    """Every way the decision differs from the expectation (empty when it matches)."""
    bad = [f"unknown expectation key {k!r}" for k in expect if k not in ALLOWED]
    for key in SCALARS:
        if key in expect and decision[key] != expect[key]:
            bad.append(f"{key}: got {decision[key]!r}, want {expect[key]!r}")
    for group in ("time_limit", "deadlines"):
        for key, want in (expect.get(group) or {}).items():
            got = decision[group][key]
            want = None if want is None else str(want)
            if got != want:
                bad.append(f"{group}.{key}: got {got!r}, want {want!r}")
    for key in (*SETS, "flags"):
        if key in expect and _codes(decision, key) != set(expect[key]):
            bad.append(f"{key}: got {sorted(_codes(decision, key))}, want {sorted(expect[key])}")
        for want in expect.get(f"{key}_include", []):
            if want not in _codes(decision, key):
                bad.append(f"{key}: missing {want!r} (got {sorted(_codes(decision, key))})")
        for unwanted in expect.get(f"{key}_exclude", []):
            if unwanted in _codes(decision, key):
                bad.append(f"{key}: must not include {unwanted!r}")
    if "redirect_to_contains" in expect:
        targets = " | ".join(e["redirect_to"] or "" for e in decision["exclusions"])
        if expect["redirect_to_contains"].lower() not in targets.lower():
            bad.append(f"redirect_to: {targets!r} lacks {expect['redirect_to_contains']!r}")
    return bad
