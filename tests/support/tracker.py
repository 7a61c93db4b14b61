"""One rasa-sdk Tracker for the action unit tests (issue 14): the latest message, the slots,
the events so far and the active form, with everything else as Rasa gives it to an action."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker


# What Rasa's events look like when a person has just typed `text`.
def typed(text: str) -> list[dict[str, Any]]:
    return [{"event": "action", "name": "action_listen"}, {"event": "user", "text": text}]


def tracker(
    slots: dict[str, Any] | None = None,
    text: str = "",
    *,
    intent: str = "inform",
    confidence: float | None = None,
    events: list[dict[str, Any]] | None = None,
    form: str | None = None,
) -> Tracker:
    """A tracker whose latest message is `text` classified as `intent`, inside `form` if given."""
    classified: dict[str, Any] = {"name": intent}
    if confidence is not None:
        classified["confidence"] = confidence
    return Tracker(
        "t",
        dict(slots or {}),
        {"text": text, "intent": classified},
        list(events or []),
        False,
        None,
        {"name": form} if form else {},
        "action_listen",
    )
