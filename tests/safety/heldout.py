"""The held-out safety set (tests/safety/heldout.yaml) and the training data, for the tests."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from actions import safety_model

HELDOUT = Path(__file__).with_name("heldout.yaml")


@lru_cache(maxsize=1)
def heldout() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(HELDOUT.read_text(encoding="utf-8"))
    return data


def danger() -> list[tuple[str, str]]:
    """(message, category) for every held-out danger message."""
    return [(m, cat) for cat, msgs in heldout()["danger"].items() for m in msgs]


def calm() -> list[str]:
    return list(heldout()["calm"])


def sample(n_danger: int = 40, n_calm: int = 40) -> tuple[list[tuple[str, str]], list[str]]:
    """A fixed sample spread evenly over the categories (for the slower REST test)."""
    by_cat: dict[str, list[str]] = heldout()["danger"]
    per = -(-n_danger // len(by_cat))
    picked: list[tuple[str, str]] = []
    for cat, msgs in by_cat.items():
        step = max(1, len(msgs) // per)
        picked += [(m, cat) for m in msgs[::step][:per]]
    calm_all = calm()
    step = max(1, len(calm_all) // n_calm)
    return picked[:n_danger], calm_all[::step][:n_calm]


def training_messages() -> list[str]:
    danger_ex, calm_ex = safety_model.load_examples()
    return [m for m, _ in danger_ex] + calm_ex
