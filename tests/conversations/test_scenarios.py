"""Every scenario of every pack, told as a conversation by a generated person (button, short
or own-words answers in turn) through real Rasa, the action server and the case service.

Floors fail the build; they are ratchets, raised as the conversation learns more. The issue's
targets are 95% told and 100% of those matching; the figures printed say where it stands.
"""

from __future__ import annotations

from collections import Counter

import pytest

from tests.triage.scenario_runner import load_scenarios

from .run import MISUNDERSTOOD, Result, misunderstood_report, report, run_authority

pytestmark = pytest.mark.e2e

AUTHORITIES = sorted({sc["facts"]["authority"] for _, sc in load_scenarios()})
# Share of all scenarios a conversation can tell, and of those, filed exactly as the engine
# decides on the scenario's own facts: per authority, and over all of them. Measured 30 November
# 2026 (session 10): 312/320 told (93-100% per authority), 292/312 matched (84-100%); the rest
# are chiefly exploitation stories that rightly set off the safety reply (a same-day flag the
# scenario does not carry). Ratchets to raise with each fix, never lower.
MIN_TELLABLE = 0.9
MIN_MATCHED = 0.8
MIN_TELLABLE_ALL = 0.95
MIN_MATCHED_ALL = 0.9


@pytest.fixture(scope="module")
def both() -> dict[str, tuple[list[Result], list[Result]]]:
    proven: set[str] = set()
    clicked: set[tuple[str, str]] = set()
    return {
        authority: run_authority(authority, proven=proven, clicked=clicked)
        for authority in AUTHORITIES
    }


@pytest.fixture(scope="module")
def played(both: dict[str, tuple[list[Result], list[Result]]]) -> dict[str, list[Result]]:
    return {authority: results for authority, (results, _) in both.items()}


@pytest.mark.parametrize("authority", AUTHORITIES)
def test_scenarios_told_in_conversation_file_the_same_decision(
    authority: str, played: dict[str, list[Result]]
) -> None:
    results = played[authority]
    print("\n" + report(authority, results))
    tellable = [r for r in results if r.tellable]
    matched = [r for r in tellable if r.matched]
    assert len(tellable) / len(results) >= MIN_TELLABLE
    assert len(matched) / max(len(tellable), 1) >= MIN_MATCHED
    # Never a loop: no conversation may ask one question three times in a row.
    loops = [r.name for r in tellable if any("third time" in p for p in r.problems)]
    assert loops == [], loops


def test_every_style_was_used_and_buttons_were_clicked(played: dict[str, list[Result]]) -> None:
    everyone = [r for results in played.values() for r in results]
    styles = Counter(r.style for r in everyone if r.tellable)
    assert set(styles) == {"button", "short", "own"}
    clicked = {slot for r in everyone for slot, _ in r.clicked}
    assert {"who", "service", "confirm"} <= clicked


def test_two_misunderstandings_offer_the_answers_skip_or_a_person(
    both: dict[str, tuple[list[Result], list[Result]]],
) -> None:
    """No dead ends, for every question that can be misunderstood: the second miss offers the
    question's answers as buttons with "Skip this question" and "Talk to a person" (never the
    question a third time), and skipping leads on to a filed case."""
    replays = [r for _, rs in both.values() for r in rs if r.garble]
    print("\n" + misunderstood_report(replays))
    failed = [r.garble for r in replays if not (r.offered and r.filed and not r.problems)]
    assert failed == [], misunderstood_report(replays)
    # Every question a person can get wrong was tried (those no scenario asks excepted).
    asked = {s for results, _ in both.values() for r in results for s in r.asked}
    assert {r.garble for r in replays} == set(MISUNDERSTOOD) & asked


def test_every_button_shown_is_taken_where_it_is_shown(
    both: dict[str, tuple[list[Result], list[Result]]],
) -> None:
    """Every button any question showed was clicked in its context, in a scenario's own
    conversation or a replay that clicks it, and was taken as the answer."""
    results = [r for rs, _ in both.values() for r in rs]
    replays = [r for _, rs in both.values() for r in rs if r.press]
    print("\n" + misunderstood_report(replays))
    assert [r.press for r in replays if not (r.accepted and not r.problems)] == []
    shown = {b for r in results for b in r.shown}
    clicked = {c for r in results for c in r.clicked} | {r.press for r in replays}
    assert shown <= clicked, sorted(shown - clicked)


def test_over_all_authorities_the_targets_hold(played: dict[str, list[Result]]) -> None:
    everyone = [r for results in played.values() for r in results]
    tellable = [r for r in everyone if r.tellable]
    matched = [r for r in tellable if r.matched]
    print(f"\nall: {len(tellable)}/{len(everyone)} told, {len(matched)}/{len(tellable)} matched")
    assert len(tellable) / len(everyone) >= MIN_TELLABLE_ALL
    assert len(matched) / len(tellable) >= MIN_MATCHED_ALL
