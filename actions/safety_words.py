"""How the safety check reads a message (issue 16), before its rules or classifier look.

Text is normalised first (lower case, no apostrophes, common text-speak spelled out), then
figures of speech are taken out ("these fines are killing me", "dying to know", "a nightmare"),
so neither layer sees them. The words and figures are data, in actions/data/safety/words.yml.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).with_name("data") / "safety" / "words.yml"


def pattern(written: str) -> str:
    """A pattern as written in the safety YAML: a `|-` block's lines are joined with nothing."""
    return "".join(str(written).splitlines())


def _load() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return data


_DATA = _load()
# Text-speak and common misspellings, word for word (after apostrophes are dropped).
_WORDS: dict[str, str] = {str(k): str(v) for k, v in _DATA["text_speak"].items()}
# Words that end in "in" and are not a dropped g ("jumpin", "takin" are "jumping", "taking").
_NOT_DROPPED_G = frozenset(str(w) for w in _DATA["not_dropped_g"])
# A g is put back only where that makes an -ing word the safety data knows (its rules, words and
# examples): "sayin" is "saying", but a place or a name ("Wrekin", "Dunstan") stays as written.
_ING_WORDS = frozenset(
    re.findall(
        r"[a-z]+ing\b",
        " ".join(
            DATA.with_name(name).read_text(encoding="utf-8").lower()
            for name in ("words.yml", "rules.yml", "examples.yaml")
        ),
    )
)
# Figures of speech, taken out before either layer looks (issue 16: they must not trigger).
_FIGURES = re.compile(r"\b(" + "|".join(pattern(f) for f in _DATA["figures"]) + ")")

_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc`´']")
_CONTRACTIONS = re.compile(r"([a-z])[\u2018\u2019\u02bc`´'](ll|re|ve)\b")
_EXPAND = {"ll": "will", "re": "are", "ve": "have"}
_HYPHEN = re.compile(r"(?<=[a-z])[-\u2010\u2011\u2013](?=[a-z])")
_TOKENS = re.compile(r"[a-z0-9/]+|[^\sa-z0-9]")
# "want 2 die", "dnt want 2 b here": a 2 before a verb is "to" (but "2 days" stays a number).
_TWO = re.compile(
    r"\b2 (be|die|live|go|do|get|see|send|meet|end|kill|hurt|tell|stay|leave|me|us|him|her|them)\b"
)
_DROPPED_G = re.compile(r"^[a-z]{2,}[^aeiou\W]in$")


def _word(w: str) -> str:
    if w in _WORDS:
        return _WORDS[w]
    if _DROPPED_G.match(w) and w not in _NOT_DROPPED_G and w + "g" in _ING_WORDS:
        return w + "g"
    return w


def normalise(text: str) -> str:
    """Lower case, apostrophes dropped, text-speak spelled out, stretched letters cut to two."""
    low = _CONTRACTIONS.sub(lambda m: f"{m.group(1)} {_EXPAND[m.group(2)]}", text.lower())
    low = _HYPHEN.sub(" ", _APOSTROPHES.sub("", low))
    low = re.sub(r"([a-z])\1{2,}", r"\1\1", low)  # "pleeease" -> "pleease"
    words = [_word(w) for w in _TOKENS.findall(low)]
    joined = re.sub(r"\s+", " ", " ".join(words)).strip()
    joined = re.sub(r"\b(my|him|her|them|your) (self|selves)\b", r"\1\2", joined)
    return _TWO.sub(r"to \1", joined)


def without_figures(normal: str) -> str:
    """Each figure of speech becomes one neutral word, which the classifier learns is calm."""
    return re.sub(r"\s+", " ", _FIGURES.sub(" xfig ", normal)).strip()


def prepare(text: str) -> str:
    """What both layers read: normalised text without figures of speech."""
    return without_figures(normalise(text))
