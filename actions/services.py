"""Maps what people call a service ("the bin men", "my son's social worker") to contract codes.

The word lists are data (data/services.yml); this module only applies them. "Social worker" on
its own says nothing about which social care service, so the rest of the conversation (who the
complaint is for, words like "son" or "mum") decides, and we ask only when nothing does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

_DATA = Path(__file__).with_name("data") / "services.yml"


@dataclass(frozen=True)
class ServiceDef:
    code: str
    label: str
    pattern: re.Pattern[str]


def _words(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _load() -> dict[str, Any]:
    raw: dict[str, Any] = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    return raw


@lru_cache(maxsize=1)
def services() -> tuple[ServiceDef, ...]:
    return tuple(
        ServiceDef(s["code"], s["label"], _words([str(w) for w in s["words"]]))
        for s in _load()["services"]
    )


def label(code: str) -> str:
    for s in services():
        if s.code == code:
            return s.label
    return "Something else" if code == "other" else code.replace("_", " ").capitalize()


def button_codes() -> list[str]:
    return list(_load()["buttons"])


def codes() -> set[str]:
    return {s.code for s in services()} | {"other"}


def social_care_context(text: str) -> str | None:
    """'childrens_social_care' / 'adult_social_care' when the words say whose care, else None."""
    if _words(_load()["child_context"]).search(text):
        return "childrens_social_care"
    if _words(_load()["adult_context"]).search(text):
        return "adult_social_care"
    return None


def match_service(text: str, *, about_child: bool | None = None) -> str | None:
    """The service a free description is about, or None when it is not clear.

    `about_child` is what the conversation already knows about the person affected.
    """
    if not text:
        return None
    low = text.lower().strip()
    # A button label or a code typed back exactly.
    for s in services():
        if low in (s.code, s.label.lower()):
            return s.code
    if low in ("other", "something else", "none of these", "not listed"):
        return "other"
    if _words(_load()["ambiguous_social_care"]).search(low):
        direct = [s.code for s in services() if s.pattern.search(low)]
        for code in direct:
            if code in ("childrens_social_care", "adult_social_care"):
                return code
        by_words = social_care_context(low)
        if by_words:
            return by_words
        if about_child is not None:
            return "childrens_social_care" if about_child else "adult_social_care"
        return None
    for s in services():
        if s.pattern.search(low):
            return s.code
    return None


def appeal_question(code: str | None) -> str | None:
    questions: dict[str, str] = _load().get("appeal_questions", {})
    return questions.get(code or "")


def asks_legal_question(code: str | None) -> bool:
    return (code or "") in set(_load().get("legal_question_services", []))
