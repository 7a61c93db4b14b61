"""Loads what the assistant says (data/messages.yml) and picks the young person's wording."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

_DATA = Path(__file__).with_name("data") / "messages.yml"


@lru_cache(maxsize=1)
def _messages() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    return data


def raw(key: str) -> Any:
    return _messages()[key]


def say(key: str, young: bool = False, **values: Any) -> str:
    entry = _messages()[key]
    text = str(entry.get("young") if young and entry.get("young") else entry["text"])
    return text.format(**values) if values else text


def buttons(key: str) -> list[dict[str, str]]:
    """Buttons whose payload is their own words: free text and clicks take the same path."""
    entry = _messages()[key]
    labels = entry.get("buttons", []) if isinstance(entry, dict) else entry
    return [{"title": label, "payload": label} for label in labels]
