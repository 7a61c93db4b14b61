"""Which stage an escalation asks for, from the person's own words.

A request "to go to stage 2" asks for stage 2; a complaint about "the stage 2 reply" has had
stage 2 and asks for the next one. Anything unclear is stage 2: the engine then decides the
procedure, and a request past the last stage is answered with the ombudsman, not refused.
"""

from __future__ import annotations

import re

_N = {"1": 1, "one": 1, "first": 1, "2": 2, "two": 2, "second": 2, "3": 3, "three": 3, "third": 3}
_NUM = r"(1|2|3|one|two|three)"
_ORD = r"(first|second|third)"

# Asking for a stage by name: "stage 3", "to stage two", "the third stage", "a review panel".
_ASK = re.compile(rf"\bstage\s+{_NUM}\b|\b{_ORD}\s+stage\b", re.I)
_PANEL = re.compile(r"\b(review panel|complaints? panel|stage 3 panel)\b", re.I)
# Having had a stage: "after stage 2", "the stage 2 reply", "had a second response",
# "the independent investigation's findings".
_HAD = re.compile(
    rf"\b(after|had|got|received|since|from|following)\s+(the\s+|a\s+|my\s+|their\s+)?"
    rf"(stage\s+{_NUM}|{_ORD}\s+(stage|reply|response|answer|letter))\b"
    rf"|\bstage\s+{_NUM}\s+(reply|response|answer|letter|outcome|decision|findings|report)\b"
    rf"|\b{_ORD}\s+(reply|response|answer|letter)\b"
    r"|\bindependent\s+(investigat\w*|investigator)\b",
    re.I,
)


def _number(word: str) -> int:
    return _N[word.lower()]


def stage_from(text: str) -> int:
    """The stage requested: 2 or 3."""
    if _PANEL.search(text):
        return 3
    had = _HAD.search(text)
    if had:
        words = [w for w in had.groups() if w and w.lower() in _N]
        done = _number(words[0]) if words else 2  # "independent investigation" is stage 2
        return min(3, done + 1)
    asked = _ASK.search(text)
    if asked:
        word = next(w for w in asked.groups() if w)
        return min(3, max(2, _number(word)))
    return 2
