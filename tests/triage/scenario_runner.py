"""Loads the YAML scenario files that sit beside the packs and checks a decision against one.

The expectation format and its check (`mismatches`) live in triage.workbench, which `triage test`
also uses, so a council's officer and this suite judge a scenario the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from triage.workbench import ALLOWED, mismatches

SCENARIO_DIR = Path(__file__).resolve().parents[2] / "triage" / "packs" / "scenarios"


def load_scenarios() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted(SCENARIO_DIR.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for sc in doc["scenarios"]:
            sc = dict(sc)
            sc["facts"] = {"authority": doc["authority"], **sc["facts"]}
            out.append((f"{doc['authority']}: {sc['name']}", sc))
    return out


__all__ = ["ALLOWED", "SCENARIO_DIR", "load_scenarios", "mismatches"]
