"""The hostile-message corpus (messages.json beside this file), expanded into strings."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

CORPUS_FILE = Path(__file__).with_name("messages.json")


@dataclass(frozen=True)
class Message:
    id: str
    text: str
    why: str

    def __repr__(self) -> str:  # keeps pytest ids and failures short for the 120k-char ones
        return f"Message({self.id})"


def messages() -> list[Message]:
    raw = json.loads(CORPUS_FILE.read_text(encoding="utf-8"))["messages"]
    out = []
    for entry in raw:
        text = entry["text"] if "text" in entry else entry["repeat"] * entry["times"]
        out.append(Message(entry["id"], text, entry["why"]))
    return out


def encodable(text: str) -> bool:
    """False for text no UTF-8 transport can carry (a lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
