"""Loads what the assistant says (data/messages.yml) and picks the young person's wording."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

_DATA = Path(__file__).with_name("data") / "messages.yml"


@lru_cache(maxsize=1)
def _loaded() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=16)
def _messages_for(authority: str) -> dict[str, Any]:
    from .triage_link import pack_for  # texts load before the engine is needed

    # "What would you like the council to do?": a trust is "the Trust" (the pack's `called`).
    called = str(getattr(pack_for(authority), "called", None) or "the council")
    named: dict[str, Any] = _named(_loaded(), called)
    return named


def _messages() -> dict[str, Any]:
    from .triage_link import authority

    return _messages_for(authority())


def template(key: str) -> Any:
    """The entry as written, placeholders for the body's name included: for tests that
    recognise a question whichever authority asks it."""
    return _loaded()[key]


def raw(key: str) -> Any:
    return _messages()[key]


def say(key: str, young: bool = False, **values: Any) -> str:
    entry = _messages()[key]
    text = str(entry.get("young") if young and entry.get("young") else entry["text"])
    return text.format(**values) if values else text


def _named(node: Any, called: str) -> Any:
    """Every {the_council} / {The_council} filled with how the pack names the body."""
    if isinstance(node, str):
        capital = called[:1].upper() + called[1:]
        return node.replace("{the_council}", called).replace("{The_council}", capital)
    if isinstance(node, dict):
        return {k: _named(v, called) for k, v in node.items()}
    if isinstance(node, list):
        return [_named(v, called) for v in node]
    return node


def buttons(key: str) -> list[dict[str, str]]:
    """Buttons whose payload is their own words: free text and clicks take the same path."""
    entry = _messages()[key]
    labels = entry.get("buttons", []) if isinstance(entry, dict) else entry
    return [{"title": label, "payload": label} for label in labels]
