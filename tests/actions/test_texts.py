"""What the assistant says names the body as its pack does (`called`)."""

from __future__ import annotations

import pytest

from actions import texts


def test_a_trust_is_not_called_the_council(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUTHORITY", "birmingham-childrens-trust")
    assert texts.say("ask_desired_outcome") == (
        "What would you like the Trust to do to put things right?"
    )
    assert "staff at the Trust" in texts.say("safety_flagged")
    assert "the Trust's reply" in texts.raw("summary")["labels"]["previous_response_date"]
    monkeypatch.setenv("AUTHORITY", "telford-wrekin")
    assert "the council to do" in texts.say("ask_desired_outcome")


def test_no_placeholder_for_the_body_is_left_unfilled() -> None:
    def strings(node: object) -> list[str]:
        if isinstance(node, str):
            return [node]
        if isinstance(node, dict):
            return [s for v in node.values() for s in strings(v)]
        if isinstance(node, list):
            return [s for v in node for s in strings(v)]
        return []

    left = [s for s in strings(texts._messages()) if "_council}" in s]
    assert left == []
