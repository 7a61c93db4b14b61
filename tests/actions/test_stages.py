from __future__ import annotations

import pytest

from actions.stages import stage_from


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("I want to escalate my complaint", 2),
        ("I'm not happy with the reply", 2),
        ("I want my complaint to go to stage 2", 2),
        ("please move it to stage two", 2),
        ("can it go to the second stage", 2),
        ("I want stage 3", 3),
        ("I want to go to the third stage", 3),
        ("I want a review panel", 3),
        ("I got the stage 2 reply and I'm still not happy", 3),
        ("after stage 2 nothing changed", 3),
        ("the independent investigation got it wrong", 3),
        ("I've had a second response and it's no better", 3),
        ("their second reply ignored me", 3),
        ("the stage 1 response was rubbish", 2),
        ("after the first reply I want it looked at again", 2),
    ],
)
def test_stage_from_the_persons_words(text: str, stage: int) -> None:
    assert stage_from(text) == stage
