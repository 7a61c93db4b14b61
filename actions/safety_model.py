"""The learned layer of the safety check (issue 16): a small pure-Python classifier.

Trained at start-up from actions/data/safety/examples.yaml (about 1,900 short messages) in a
second or two, so there is no trained file to go stale and no numeric library to install:
- danger or not: logistic regression on hashed word uni/bigrams, character 3-5-grams of each
  word (so misspellings and text-speak share most of their features with the spelled word) and
  word classes with their pairs (so "my stepdad slaps me" learns from "my dad hits me");
- which category: multinomial naive Bayes over the same features, trained on danger examples.
Both read the text as the rules do (safety_rules.prepare), so figures of speech never reach it.
"""

from __future__ import annotations

import math
import random
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .safety_rules import CATEGORIES, prepare

DATA = Path(__file__).with_name("data") / "safety" / "examples.yaml"
# Chosen by 5-fold cross-validation on the training examples (never the held-out set): at 0.93
# the classifier alone finds 66% of danger it was not trained on with 0.7% false alarms (0.95:
# 62% and 0.5%; 0.85: 77% and 2.0%); the rules carry the clear phrases. (0.85 once flagged
# everyday answers, "Me - I'm under 18", "My son, he is 15": a test keeps them calm.)
THRESHOLD = 0.93
# A few words ("My child", "Given to me in person") carry too little for the classifier to judge;
# danger said that briefly ("kms", "help he's here") is the rules' job.
MIN_WORDS = 4
_BUCKETS = 1 << 18
_EPOCHS = 10
_RATE = 0.05
_L2 = 1e-3
# Function words get no character n-grams: "the" inside "there" says nothing about danger.
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "this",
        "that",
        "i",
        "my",
        "me",
        "we",
        "our",
        "us",
        "you",
        "your",
        "he",
        "she",
        "his",
        "her",
        "they",
        "them",
        "their",
        "its",
        "so",
        "as",
        "by",
        "from",
        "have",
        "has",
        "had",
        "do",
        "does",
        "did",
        "not",
        "no",
        "will",
        "would",
        "can",
        "could",
        "just",
    ]
)


# Word classes, so what is learned from "my dad hits me" carries over to "my stepdad slaps me"
# and to words no example used: each word adds its class, and each pair of classes in a message
# is a feature too ("child" with "violence", "carer" with "neglect", "service" with "past").
_CONCEPTS: dict[str, str] = {
    "violence": (
        "hit hits hitting beat beats beating beaten punch punches punched punching kick kicks "
        "kicked kicking slap slaps slapped slapping smack smacks smacked whip whipped strangle "
        "strangled strangling strangles choke choked chokes choking batter battered batters "
        "stab stabbed stabbing attack attacked attacks attacking push pushed pushes shove shoved "
        "shoves shoving rape raped rapes molest molested grab grabbed grabs throw throws threw "
        "thrown drag dragged drags shake shook shaken shakes headbutt headbutted hurt hurts "
        "hurting abuse abused abuses abusing abusive violent beats throttled knifed glassed "
        "assault assaulted scald scalded"
    ),
    "injury": (
        "bruise bruises bruised bruising bleeding blood bloody injuries injury injured burns "
        "burn burnt burned cuts marks welts sores fracture fractured broken unconscious "
        "unresponsive breathing collapsed fitting seizure"
    ),
    "family": (
        "mum mother dad father stepdad stepmum stepfather stepmother parents parent uncle aunt "
        "auntie cousin brother sister nan gran granddad grandfather family relative relatives "
        "babysitter childminder"
    ),
    "partner": (
        "partner husband wife boyfriend girlfriend ex fiance fiancee fella bloke spouse missus"
    ),
    "child": (
        "child children kid kids baby babies toddler toddlers son daughter boy boys girl girls "
        "teenager teenagers niece nephew grandson granddaughter infant newborn sibling siblings "
        "stepson stepdaughter"
    ),
    "self": "myself me i",
    "death": (
        "die dying dead death kill killing killed suicide suicidal alive live living exist "
        "existing overdose overdosed hang hanging jump jumping noose rope gone disappear"
    ),
    "weapon": "knife knives blade blades machete gun guns axe bat hammer weapon acid petrol",
    "fear": "scared afraid frightened terrified fear petrified scary threatening threatened",
    "now": "now tonight currently right outside here inside still upstairs downstairs",
    "past": (
        "ago last yesterday january february march april may june july august september "
        "october november december sorted fixed resolved previously earlier year"
    ),
    "service": (
        "council form complaint bin bins parking fine fines tax rent repair repairs letter "
        "letters email phone number bill application appointment meeting refund apology "
        "compensation costs cost explain explanation late rude reply replied called back "
        "visit visits assessment review report excluded exclusion lost office officer"
    ),
    "care": ("carer carers care nursing agency staff worker workers residents resident home"),
    "neglect": (
        "alone hungry starving food fed unwashed dirty filthy locked left nobody wet soiled "
        "cold freezing medication meds insulin tablets water"
    ),
    "sexual": (
        "sex sexual touch touched touching touches nude nudes naked pictures pics photos "
        "private secret sexting"
    ),
    "crime": (
        "drugs weed coke crack cash money gang gangs dealers dealer package packages parcel "
        "bag bags sell selling owe owes phone phones trainers errands county"
    ),
    "older": "older adult adults grown man men guy guys stranger strangers lads",
    "vulnerable": (
        "elderly frail disabled disability dementia alzheimers vulnerable wheelchair autistic "
        "autism learning difficulties disabilities blind bedbound"
    ),
}
_CLASS_OF: dict[str, str] = {w: c for c, words in _CONCEPTS.items() for w in words.split()}


def features(prepared: str) -> list[int]:
    """Hashed features of prepared text; each appears once."""
    words = prepared.split()
    grams: set[str] = set()
    classes: set[str] = set()
    for i, word in enumerate(words):
        grams.add(f"w:{word}")
        if i:
            grams.add(f"b:{words[i - 1]} {word}")
        if word in _CLASS_OF:
            classes.add(_CLASS_OF[word])
        if word in _STOP:
            continue
        padded = f"<{word}>"
        for n in (3, 4, 5):
            for j in range(len(padded) - n + 1):
                grams.add(f"c:{padded[j : j + n]}")
    ordered = sorted(classes)
    grams.update(f"k:{c}" for c in ordered)
    grams.update(f"kp:{a}+{b}" for i, a in enumerate(ordered) for b in ordered[i + 1 :])
    return sorted({zlib.crc32(g.encode()) % _BUCKETS for g in grams})


def load_examples(path: Path = DATA) -> tuple[list[tuple[str, str]], list[str]]:
    """(message, category) danger examples and the calm ones."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    danger = [(str(m), cat) for cat, msgs in data["danger"].items() for m in msgs]
    unknown = {cat for _, cat in danger} - set(CATEGORIES)
    if unknown:
        raise ValueError(f"{path}: unknown categories {sorted(unknown)}")
    return danger, [str(m) for m in data["calm"]]


@dataclass(frozen=True)
class Model:
    weights: dict[int, float]
    bias: float
    log_prior: dict[str, float]
    log_likelihood: dict[str, dict[int, float]]
    log_unseen: dict[str, float]

    def probability(self, prepared: str) -> float:
        """P(danger) for prepared text."""
        feats = features(prepared)
        z = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(min(z, 35.0), -35.0)))

    def category(self, prepared: str) -> str:
        feats = features(prepared)
        best, best_score = CATEGORIES[0], -math.inf
        for cat in CATEGORIES:
            like, unseen = self.log_likelihood.get(cat, {}), self.log_unseen.get(cat, -30.0)
            score = self.log_prior.get(cat, -30.0) + sum(like.get(f, unseen) for f in feats)
            if score > best_score:
                best, best_score = cat, score
        return best


def train(danger: list[tuple[str, str]], calm: list[str]) -> Model:
    rows = [(features(prepare(m)), 1.0) for m, _ in danger]
    rows += [(features(prepare(m)), 0.0) for m in calm]
    # Balance the classes so the threshold means the same whatever the mix of examples.
    pos = sum(1 for _, y in rows if y) or 1
    neg = (len(rows) - pos) or 1
    weight_of = {1.0: len(rows) / (2 * pos), 0.0: len(rows) / (2 * neg)}
    # A flat list while training (indexing is several times faster than a dict in a loop).
    weights = [0.0] * _BUCKETS
    bias = 0.0
    order = list(range(len(rows)))
    rng = random.Random(16)
    for epoch in range(_EPOCHS):
        rng.shuffle(order)
        rate = _RATE / (1 + epoch * 0.2)
        for i in order:
            feats, y = rows[i]
            z = bias + sum(weights[f] for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(min(z, 35.0), -35.0)))
            g = (p - y) * weight_of[y] * rate
            bias -= g
            for f in feats:
                w = weights[f]
                weights[f] = w - g - rate * _L2 * w
    # Category: multinomial naive Bayes with add-one smoothing.
    counts: dict[str, dict[int, int]] = {c: {} for c in CATEGORIES}
    totals = dict.fromkeys(CATEGORIES, 0)
    docs = dict.fromkeys(CATEGORIES, 0)
    for message, cat in danger:
        docs[cat] += 1
        for f in features(prepare(message)):
            counts[cat][f] = counts[cat].get(f, 0) + 1
            totals[cat] += 1
    vocab = len({f for c in counts.values() for f in c}) or 1
    n_docs = sum(docs.values()) or 1
    log_prior = {c: math.log((docs[c] + 1) / (n_docs + len(CATEGORIES))) for c in CATEGORIES}
    log_like = {
        c: {f: math.log((n + 1) / (totals[c] + vocab)) for f, n in counts[c].items()}
        for c in CATEGORIES
    }
    log_unseen = {c: math.log(1 / (totals[c] + vocab)) for c in CATEGORIES}
    learned = {f: w for f, w in enumerate(weights) if w}
    return Model(learned, bias, log_prior, log_like, log_unseen)


@lru_cache(maxsize=1)
def model() -> Model:
    return train(*load_examples())


def classify(prepared: str) -> str | None:
    """The category the classifier sees in prepared text, or None when it sees no danger."""
    if len(prepared.split()) < MIN_WORDS:
        return None
    m = model()
    if m.probability(prepared) < THRESHOLD:
        return None
    return m.category(prepared)
