"""Which council service a message is about, learned from examples (issue 11).

A small pure-Python multinomial naive Bayes over word unigrams and bigrams and character
3-5-grams of each word (so "recyling" and "recycling" share most features), trained when first
used from actions/data/service_examples.yaml (about 900 messages, well under a second). There
is no trained file to go stale and no numeric library to install, like actions/safety_model.py.

Naive Bayes counts every overlapping n-gram as independent evidence, which makes its raw
posteriors far too sure; the scores are divided by a temperature (chosen by cross-validation on
the training examples, never the held-out set) so that `confidence` means roughly what it says.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).with_name("data") / "service_examples.yaml"
NONE = "none"  # the class of messages that name or describe no service
ALPHA = 0.1  # smoothing
TEMPERATURE = 20.0  # scales the summed log-likelihoods (see the module docstring)
# Words that say nothing about which service: they get no features of their own (they still
# take part in bigrams such as "my flat" or "the tip").
_STOP_WORDS = """a an the and or but to of in on at for with is are was were be been being it
    its this
    that these those i im i'm ive my me we our us you your u ur he she his her him they them
    their so as by from have has had do does did not no will would can could just about
    because when then than there here what which who how all any some very really still again
    get got go going gone want wanted need needed like please thanks thank ok make made
    complain complaint complaints complaining complained wrong badly bad stage reply replied
    response responded answer answered final escalate escalated
    nobody never nothing anything something someone anyone people told said asked time times
    day days week weeks month months year years"""
_STOP = frozenset(_STOP_WORDS.split())
_DROP = re.compile(r"[’'`]")
_SPLIT = re.compile(r"[^a-z0-9&]+")


def tokens(text: str) -> list[str]:
    return [t for t in _SPLIT.split(_DROP.sub("", text.lower())) if t]


def features(text: str) -> list[str]:
    """Each feature of a message once."""
    words = tokens(text)
    grams: set[str] = set()
    for i, word in enumerate(words):
        if i:
            grams.add(f"b:{words[i - 1]} {word}")
        if word in _STOP:
            continue
        grams.add(f"w:{word}")
        padded = f"<{word}>"
        for n in (3, 4, 5):
            for j in range(len(padded) - n + 1):
                grams.add(f"c:{padded[j : j + n]}")
    return sorted(grams)


def load_examples(path: Path = DATA) -> list[tuple[str, str]]:
    """(message, service code) pairs."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))["services"]
    return [
        (str(m), code)
        for code, parts in data.items()
        for part in ("short", "stories")
        for m in parts.get(part) or []
    ]


@dataclass(frozen=True)
class Model:
    classes: tuple[str, ...]
    log_like: dict[str, dict[str, float]]
    log_unseen: dict[str, float]
    known: frozenset[str]

    def ranked(self, text: str) -> list[tuple[str, float]]:
        """Every service with its probability, most likely first; [] when no feature of the
        message was ever seen in training (nothing to go on)."""
        feats = [f for f in features(text) if f in self.known]
        if not feats:
            return []
        scale = TEMPERATURE * math.sqrt(len(feats)) / 10
        scores = {
            c: sum(self.log_like[c].get(f, self.log_unseen[c]) for f in feats) / scale
            for c in self.classes
        }
        top = max(scores.values())
        exp = {c: math.exp(s - top) for c, s in scores.items()}
        total = sum(exp.values())
        return sorted(((c, e / total) for c, e in exp.items()), key=lambda x: -x[1])

    def evidence(self, text: str) -> int:
        """How many of the message's words (not stop words or character n-grams) were seen."""
        return sum(1 for f in features(text) if f[0] == "w" and f in self.known)


def train(examples: list[tuple[str, str]]) -> Model:
    classes = tuple(sorted({c for _, c in examples}))
    counts: dict[str, dict[str, int]] = {c: {} for c in classes}
    totals = dict.fromkeys(classes, 0)
    for message, code in examples:
        for f in features(message):
            counts[code][f] = counts[code].get(f, 0) + 1
            totals[code] += 1
    known = frozenset(f for c in counts.values() for f in c)
    vocab = len(known) or 1
    log_like = {
        c: {f: math.log((n + ALPHA) / (totals[c] + ALPHA * vocab)) for f, n in counts[c].items()}
        for c in classes
    }
    log_unseen = {c: math.log(ALPHA / (totals[c] + ALPHA * vocab)) for c in classes}
    return Model(classes, log_like, log_unseen, known)


@lru_cache(maxsize=1)
def model() -> Model:
    return train(load_examples())


def ranked(text: str) -> list[tuple[str, float]]:
    return model().ranked(text)
