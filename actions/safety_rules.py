"""The rules layer of the safety check (issue 16): clear phrases, per category.

The rules read the prepared text (actions/safety_words.py: normalised, figures of speech taken
out). They are data, in actions/data/safety/rules.yml: building blocks, the order categories are
tried in, and each category's patterns. The first category in that order whose rules match wins,
so a knife at the door is "immediate danger" before anything else.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .safety_words import normalise, pattern, prepare, without_figures

__all__ = ["CATEGORIES", "RULES", "match", "normalise", "prepare", "without_figures"]

DATA = Path(__file__).with_name("data") / "safety" / "rules.yml"
CATEGORIES = (
    "immediate_danger",
    "suicide_self_harm",
    "child_exploitation",
    "child_abuse",
    "domestic_abuse",
    "adult_at_risk",
)
PLACEHOLDER = re.compile(r"\{([A-Z][A-Z_]*)\}")


def _load() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return data


def filled(rule: str, blocks: dict[str, str]) -> str:
    """A rule as written, with each {NAME} replaced by its building block."""

    def block(m: re.Match[str]) -> str:
        if m.group(1) not in blocks:
            raise KeyError(f"{DATA.name}: no building block {m.group(1)} (in {rule[:60]!r})")
        return blocks[m.group(1)]

    return PLACEHOLDER.sub(block, pattern(rule))


def _rx(parts: list[str], blocks: dict[str, str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{filled(p, blocks)})" for p in parts))


_DATA = _load()
_BLOCKS: dict[str, str] = {str(k): pattern(v) for k, v in _DATA["blocks"].items()}
# The order rules are tried in: specific before general (an adult's carer before "hits me").
_ORDER: tuple[str, ...] = tuple(_DATA["order"])
if sorted(_ORDER) != sorted(CATEGORIES) or sorted(_DATA["rules"]) != sorted(CATEGORIES):
    raise ValueError(f"{DATA.name}: order and rules must name each of {CATEGORIES} once")
RULES: dict[str, re.Pattern[str]] = {c: _rx(_DATA["rules"][c], _BLOCKS) for c in CATEGORIES}


def match(prepared: str) -> str | None:
    """The first category whose rules match the prepared text, or None."""
    for category in _ORDER:
        if RULES[category].search(prepared):
            return category
    return None
