"""When the service is not clear, the likeliest two or three are offered as buttons, once."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.asks import ActionAskService
from actions.complaint_form import ValidateComplaintForm


def _tracker(slots: dict[str, Any], text: str = "") -> Tracker:
    return Tracker(
        "t",
        slots,
        {"text": text, "intent": {"name": "inform"}},
        [],
        False,
        None,
        {"name": "complaint_form"},
        "action_listen",
    )


def _titles(d: CollectingDispatcher) -> list[str]:
    return [b["title"] for m in d.messages for b in m.get("buttons") or []]


def _ask(slots: dict[str, Any]) -> list[str]:
    d = CollectingDispatcher()
    asyncio.run(ActionAskService().run(d, _tracker(slots), {}))
    return _titles(d)


def test_a_story_that_points_at_social_care_offers_both_kinds() -> None:
    titles = _ask({"what_happened": "the social worker never rings back and cancels visits"})
    assert titles == ["Children's social care", "Adult social care", "Something else"]


def test_no_story_or_a_clear_one_gets_the_full_list() -> None:
    full = _ask({})
    assert len(full) >= 8 and "Something else" in full
    assert _ask({"what_happened": "nobody ever gets back to me"}) == full
    assert _ask({"strikes": {"service": 1}, "what_happened": "the social worker"}) == full


def test_an_unclear_typed_answer_gets_suggestions_once_then_the_strikes() -> None:
    form = ValidateComplaintForm()
    d = CollectingDispatcher()
    out = form.validate_service("the flat", d, _tracker({}, "the flat"), {})
    assert out["service"] is None and out["strikes"] == {"service": 1}
    titles = _titles(d)
    assert titles[0] == "Council housing repairs and tenancy" and titles[-1] == "Something else"
    assert 3 <= len(titles) <= 4
    d = CollectingDispatcher()
    out = form.validate_service("the flat", d, _tracker({"strikes": out["strikes"]}), {})
    assert out["service"] is None and out["strikes"] == {"service": 2}
    out = form.validate_service(titles[0], d, _tracker({}, titles[0]), {})
    assert out == {"service": "housing_landlord"}
