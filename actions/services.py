"""Maps what people call a service ("the bin men", "my son's social worker") to contract codes.

Which service is learned from examples in people's words (actions/service_model.py, trained on
actions/data/service_examples.yaml); codes are in actions/data/services.yml, the labels a person
sees in messages.yml. When the model is sure enough, match_service() answers; when it isn't, it
answers None and suggest_services() gives the two or three likeliest, to offer as buttons.
"Social worker" on its own says nothing about which social care service, so the rest of the
conversation (who the complaint is for, words like "son" or "mum") decides, and we ask only
when nothing does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from . import service_model, texts, triage_link

# The model's probability for its first choice above which we take it without asking. Chosen on
# the training examples' cross-validation (0.5: about three in four right there, where the
# held-out set gets 0.97); below it the person picks from the likeliest services.
CONFIDENT = 0.5
# A service is suggested when the model gives it at least this much.
SUGGEST = 0.08
# ...and only when the first choice has at least this (else the full list is the better question).
SUGGEST_TOP = 0.25
_SOCIAL = ("childrens_social_care", "adult_social_care")

_DATA = Path(__file__).with_name("data") / "services.yml"


@dataclass(frozen=True)
class ServiceDef:
    code: str
    label: str


def _words(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _load() -> dict[str, Any]:
    raw: dict[str, Any] = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    return raw


@lru_cache(maxsize=1)
def services() -> tuple[ServiceDef, ...]:
    labels: dict[str, str] = texts.template("service_labels")
    return tuple(ServiceDef(code, labels[code]) for code in _load()["services"])


def label(code: str) -> str:
    """The service as the person sees it (messages.yml, `service_labels`); "other" included."""
    labels: dict[str, str] = texts.template("service_labels")
    return labels.get(code) or code.replace("_", " ").capitalize()


def button_codes() -> list[str]:
    """The service buttons, less those the deployment's body does not run (Birmingham
    Children's Trust is not asked about bins): the pack turns them away as not its service."""
    return _runs(triage_link.authority())


@lru_cache(maxsize=16)
def _runs(authority: str) -> list[str]:
    return [code for code in _load()["buttons"] if _body_runs(authority, code)]


@lru_cache(maxsize=512)
def _body_runs(authority: str, code: str) -> bool:
    """The engine decides what the body runs, by the pack in force today: a plain complaint by
    the person themselves about this service is turned away only if the body does not run it."""
    facts = {
        "kind": "complaint",
        "received": triage_link.today().isoformat(),
        "service": code,
        "complainant": {"relationship": "self"},
    }
    decision = triage_link.assess(facts, authority)
    return not any(e["code"] == "not_council_service" for e in decision["exclusions"])


def codes() -> set[str]:
    return {s.code for s in services()} | {"other"}


def social_care_context(text: str) -> str | None:
    """'childrens_social_care' / 'adult_social_care' when the words say whose care, else None."""
    if _words(_load()["child_context"]).search(text):
        return "childrens_social_care"
    if _words(_load()["adult_context"]).search(text):
        return "adult_social_care"
    return None


def _typed_back(low: str) -> str | None:
    """A button label or a code typed back exactly."""
    for s in services():
        if low in (s.code, s.label.lower()):
            return s.code
    if low in ("other", "something else", "none of these", "not listed"):
        return "other"
    return None


def _social_care(low: str, about_child: bool | None) -> str | None:
    by_words = social_care_context(low)
    if by_words:
        return by_words
    if about_child is not None:
        return "childrens_social_care" if about_child else "adult_social_care"
    return None


def _ranked(low: str) -> list[tuple[str, float]]:
    if service_model.model().evidence(low) == 0:
        return []  # no word of it was ever seen in a service example: nothing to go on
    return service_model.ranked(low)


def match_service(text: str, *, about_child: bool | None = None) -> str | None:
    """The service a free description is about, or None when it is not clear.

    `about_child` is what the conversation already knows about the person affected.
    """
    if not text:
        return None
    low = text.lower().strip()
    typed = _typed_back(low)
    if typed:
        return typed
    ranked = _ranked(low)
    if not ranked:
        return None
    top, p = ranked[0]
    if top == service_model.NONE:
        return None
    if top in _SOCIAL and _words(_load()["ambiguous_social_care"]).search(low):
        # "the social worker", "carers": whose care is for the words or the conversation to say.
        return _social_care(low, about_child)
    return top if p >= CONFIDENT else None


def suggest_services(text: str, *, about_child: bool | None = None, k: int = 3) -> list[str]:
    """The two or three likeliest services when match_service() is not sure, else []."""
    if not text or match_service(text, about_child=about_child) is not None:
        return []
    low = text.lower().strip()
    ranked = _ranked(low)
    from .triage_link import authority

    if ranked and ranked[0][0] in _SOCIAL and _words(_load()["ambiguous_social_care"]).search(low):
        both = [code for code in _SOCIAL if _body_runs(authority(), code)]
        return both if len(both) == 2 else []
    if not ranked or ranked[0][1] < SUGGEST_TOP:
        return []  # nothing stands out: the full list of services is the better question
    if ranked[0][0] == service_model.NONE:
        return []  # a story that says nothing of a service: ask with the full list
    picks = [
        code
        for code, p in ranked[:k]
        if p >= SUGGEST and code != service_model.NONE and _body_runs(authority(), code)
    ]
    return picks if len(picks) >= 2 else []


def likely_buttons(codes: list[str]) -> list[dict[str, str]]:
    """The suggested services as buttons, then "Something else"."""
    return [{"title": label(c), "payload": label(c)} for c in [*codes, "other"]]


def appeal_question(code: str | None) -> str | None:
    if (code or "") not in _load().get("appeal_services", []):
        return None
    questions: dict[str, str] = texts.raw("appeal_questions")
    return questions[str(code)]


def asks_legal_question(code: str | None) -> bool:
    return (code or "") in set(_load().get("legal_question_services", []))
