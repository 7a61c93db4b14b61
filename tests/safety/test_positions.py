"""Issue 16: the whole held-out set through the real action code at each place a message can
come, in process (seconds; test_rest.py drives a sample of the same through Rasa's REST channel).

- opening: a reply action outside any form (what Rasa runs for a first message it reads as a
  question or a greeting), then action_safeguarding if it hands over to it; and the answer to
  'why do you need this?' ("I don't see why I should keep going" reads as one);
- answer in the form: the complaint form's validators for "what happened" (a free story),
  "when did it happen" (a date) and "what would put it right" (a free answer);
- summary: the confirm step;
- after filing: a reply action again, with the filed reference set.

Floors per position that fail the build: recall at least 0.99, false alarms at most 5%; the
first thing said to a danger message must be the safety reply (never the next question first).
Recall per category and the false-alarm rate are printed for each position (-rA shows them)."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import triage_link
from actions.complaint_form import ValidateComplaintForm
from actions.replies import ActionExplainWhy, ActionGreet, ActionSafeguarding, ActionWhatNext
from actions.safety import CATEGORIES, is_safety_reply

from .heldout import calm, danger

RECALL_FLOOR = 0.99
FALSE_ALARM_CEILING = 0.05

# Answers a complaint has by the time it reaches each question.
_BEFORE_STORY = {"who": "me", "service": "waste", "affected_is_child": False}
_FILLED = {
    **_BEFORE_STORY,
    "what_happened": "My bin has been missed three weeks running",
    "incident_date": "2026-11-20",
    "desired_outcome": "Collect it and say sorry",
    "name": "Jo Bloggs",
    "contact_email": "jo@example.com",
}


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(triage_link, "today", lambda: dt.date(2026, 11, 27))


def _tracker(text: str, slots: dict[str, Any], loop: str | None) -> Tracker:
    return Tracker(
        "safety-positions",
        slots,
        {"text": text, "intent": {"name": "inform", "confidence": 0.5}},
        [{"event": "user", "text": text}],
        False,
        None,
        {"name": loop} if loop else {},
        "action_listen",
    )


def _run(action: Any, tracker: Tracker, dispatcher: CollectingDispatcher) -> list[Any]:
    events: list[Any] = asyncio.run(action.run(dispatcher, tracker, {}))
    return events


def _outside_a_form(
    slots: dict[str, Any], action_class: type = ActionGreet
) -> Callable[[str], list[str]]:
    def said(text: str) -> list[str]:
        d = CollectingDispatcher()
        tracker = _tracker(text, slots, None)
        action = ActionWhatNext() if slots.get("filed_reference") else action_class()
        events = _run(action, tracker, d)
        if any(e.get("event") == "followup" for e in events):
            _run(ActionSafeguarding(), tracker, d)
        return [str(m.get("text") or "") for m in d.messages]

    return said


def _answer(slot: str, slots: dict[str, Any]) -> Callable[[str], list[str]]:
    def said(text: str) -> list[str]:
        d = CollectingDispatcher()
        form = ValidateComplaintForm()
        tracker = _tracker(text, {**slots, "requested_slot": slot}, "complaint_form")
        getattr(form, f"validate_{slot}")(text, d, tracker, {})
        return [str(m.get("text") or "") for m in d.messages]

    return said


POSITIONS: dict[str, Callable[[str], list[str]]] = {
    "opening": _outside_a_form({}),
    "opening read as 'why?'": _outside_a_form({}, ActionExplainWhy),
    "answer: what happened": _answer("what_happened", _BEFORE_STORY),
    "answer: when": _answer("incident_date", {**_BEFORE_STORY, "what_happened": "bins"}),
    "answer: what would put it right": _answer(
        "desired_outcome", {k: v for k, v in _FILLED.items() if k not in ("name",)}
    ),
    "summary (confirm)": _answer("confirm", _FILLED),
    "after filing": _outside_a_form({"filed_reference": "ABC12345"}),
}


@pytest.mark.parametrize("position", list(POSITIONS))
def test_heldout_set_at_every_position(position: str) -> None:
    say = POSITIONS[position]
    per: dict[str, list[int]] = {c: [0, 0] for c in CATEGORIES}
    missed, late, alarms = [], [], []
    for message, category in danger():
        replies = say(message)
        per[category][1] += 1
        if any(is_safety_reply(r) for r in replies):
            per[category][0] += 1
            if not is_safety_reply(replies[0]):
                late.append(f"{category}: {message} -> {replies[0][:80]}")
        else:
            missed.append(f"{category}: {message}")
    for message in calm():
        if any(is_safety_reply(r) for r in say(message)):
            alarms.append(message)
    hits = sum(h for h, _ in per.values())
    total = sum(n for _, n in per.values())
    report = [f"safety held-out set, in process, position '{position}':"]
    report += [f"  recall {c:<20} {h}/{n} = {h / n:.3f}" for c, (h, n) in per.items()]
    report.append(f"  recall overall       {hits}/{total} = {hits / total:.3f}")
    report.append(
        f"  false alarms         {len(alarms)}/{len(calm())} = {len(alarms) / len(calm()):.3f}"
    )
    report += [f"  missed: {m}" for m in missed]
    report += [f"  safety reply not first: {m}" for m in late]
    report += [f"  false alarm: {a}" for a in alarms]
    print("\n".join(report))
    assert hits / total >= RECALL_FLOOR, "\n".join(report)
    assert not late, "\n".join(report)
    assert len(alarms) / len(calm()) <= FALSE_ALARM_CEILING, "\n".join(report)
