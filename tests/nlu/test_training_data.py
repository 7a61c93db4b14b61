"""The training data and the held-out set of issue 11 stay what the issue asks, and apart."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bot" / "tools"))

import nlu_report  # noqa: E402

from actions import service_model, services  # noqa: E402


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", text.lower()).strip()


def _nlu_examples() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
            if "intent" not in block:
                continue
            lines = str(block.get("examples", "")).splitlines()
            out.setdefault(block["intent"], []).extend(
                line.strip()[2:] for line in lines if line.strip().startswith("- ")
            )
    return out


def test_complaint_stories_file_is_in_step_with_the_service_examples() -> None:
    assert nlu_report.sync(check_only=True) == 0


def test_enough_examples_in_peoples_words() -> None:
    assert len(_nlu_examples()["make_complaint"]) >= 300
    per_service: dict[str, int] = {}
    for _, code in service_model.load_examples():
        per_service[code] = per_service.get(code, 0) + 1
    assert {c for c in services.codes() if c != "other"} <= set(per_service)
    assert min(per_service.values()) >= 40, per_service


def test_heldout_set_is_big_enough_and_never_trained_on() -> None:
    messages, pairs = nlu_report.heldout()
    assert len(messages) >= 200
    assert {s for _, s in pairs} == {c for c in services.codes() if c != "other"}
    trained = {_norm(t) for texts in _nlu_examples().values() for t in texts}
    trained |= {_norm(t) for t, _ in service_model.load_examples()}
    seen = [t for t, _, _ in messages if _norm(t) in trained]
    seen += [t for t, _ in pairs if _norm(t) in trained]
    assert seen == [], "held-out messages found in training data"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("send someone to fix the damp in my flat", "housing_landlord"),
        ("rent arrears", "housing_landlord"),
        ("they've cut my dad's care budget", "adult_social_care"),
        ("the respite we were told about never happened", "adult_social_care"),
        ("my support hours have been halved", "adult_social_care"),
    ],
)
def test_the_issues_examples(text: str, code: str) -> None:
    assert services.match_service(text) == code


def test_unclear_services_are_suggested_not_guessed() -> None:
    for text in ("I want to make a complaint", "yes", "me", "nobody ever gets back to me"):
        assert services.match_service(text) is None
        assert services.suggest_services(text) == []
    picks = services.suggest_services("the social worker never rings back")
    assert picks == ["childrens_social_care", "adult_social_care"]
