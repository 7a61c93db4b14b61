"""The safety check's data files (actions/data/safety/words.yml and rules.yml) are well formed:
every placeholder names a building block, every category has rules, every pattern compiles, and
messages from the training examples read as they did when the rules were Python."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from actions import safety_rules, safety_words
from actions.safety_rules import CATEGORIES, RULES, match, normalise, prepare


def _yaml(path: Any) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


RULES_YML = _yaml(safety_rules.DATA)
WORDS_YML = _yaml(safety_words.DATA)


def _written_patterns() -> list[str]:
    """Every pattern as written in the two files."""
    out = list(RULES_YML["blocks"].values()) + list(WORDS_YML["figures"])
    for rules in RULES_YML["rules"].values():
        out += rules
    return out


def test_every_placeholder_names_a_building_block_and_every_block_is_used() -> None:
    blocks = set(RULES_YML["blocks"])
    used: set[str] = set()
    for category, rules in RULES_YML["rules"].items():
        for rule in rules:
            named = set(safety_rules.PLACEHOLDER.findall(rule))
            assert named <= blocks, f"{category}: {sorted(named - blocks)} in {rule[:60]!r}"
            used |= named
    assert used == blocks, f"building blocks no rule uses: {sorted(blocks - used)}"
    # blocks stand alone: none names another
    for name, block in RULES_YML["blocks"].items():
        assert not safety_rules.PLACEHOLDER.search(block), name


def test_an_unknown_placeholder_is_an_error_not_a_literal() -> None:
    with pytest.raises(KeyError, match="NOPE"):
        safety_rules.filled(r"\b{NOPE} at the door\b", {"WEAPON": "(knife)"})


def test_every_category_has_rules_and_is_tried_once() -> None:
    assert set(RULES_YML["rules"]) == set(CATEGORIES)
    assert sorted(RULES_YML["order"]) == sorted(CATEGORIES)
    for category in CATEGORIES:
        assert len(RULES_YML["rules"][category]) >= 10, category
        assert isinstance(RULES[category], re.Pattern)


def test_every_pattern_compiles_on_its_own() -> None:
    blocks = {k: safety_words.pattern(v) for k, v in RULES_YML["blocks"].items()}
    for written in _written_patterns():
        re.compile(safety_rules.filled(written, blocks))


def test_wrapped_patterns_keep_their_spaces_inside_lines() -> None:
    """A `|-` block's lines are joined with nothing, so a space at either end of a line would be
    invisible and easily lost by an editor: every such space must be inside a line."""
    for written in _written_patterns():
        assert isinstance(written, str), written
        lines = written.splitlines()
        for line in lines if len(lines) > 1 else []:
            assert line == line.strip(), f"space at the end of a line in {written[:60]!r}"


def test_text_speak_and_dropped_gs_are_words() -> None:
    for key, value in WORDS_YML["text_speak"].items():
        assert isinstance(key, str) and isinstance(value, str), (key, value)
        assert key == key.lower().strip() and " " not in key, key
    for word in WORDS_YML["not_dropped_g"]:
        assert isinstance(word, str) and word.isalpha() and word == word.lower(), word
    assert normalise("u r gna b ok wiv ur bf 2nite") == (
        "you are going to be ok with your boyfriend tonight"
    )
    assert normalise("im jumpin off, my cousin's muffin") == "i am jumping off , my cousins muffin"
    assert normalise("dnt want 2 b here") == "dont want to be here"


# From actions/data/safety/examples.yaml: what the rules alone found before they moved to YAML.
DANGER = [
    ("There is a man with a knife outside my house right now", "immediate_danger"),
    ("a car is driving at people on purpose", "immediate_danger"),
    ("the balcony is collapsing with people on it", "immediate_danger"),
    ("I want to kill myself", "suicide_self_harm"),
    ("my daughter is talking about ending her life", "suicide_self_harm"),
    ("not sure i'll be alive tomorrow tbh", "suicide_self_harm"),
    ("i burn myself with cigarettes when im upset", "suicide_self_harm"),
    ("a 14-year-old is being pressed by an older man into going to parties", "child_exploitation"),
    ("he owes money to dealers and they make him work for them", "child_exploitation"),
    ("my child is being exploited by a gang", "child_exploitation"),
    ("a foster child is locked in their room without food", "child_abuse"),
    ("the kids have no beds and sleep on the floor with rubbish everywhere", "child_abuse"),
    ("my stepdad touches my private parts", "child_abuse"),
    ("my partner hits me", "domestic_abuse"),
    ("my partner is abusive", "domestic_abuse"),
    ("i'm afraid of my wife, she attacks me when she drinks", "domestic_abuse"),
    ("my elderly dad's carers haven't fed him since the weekend", "adult_at_risk"),
    ("my mum is bedbound and the carers just don't come", "adult_at_risk"),
    ("my father is not being given food or drink at the care home", "adult_at_risk"),
    # child_abuse is tried before adult_at_risk (rules.yml `order`), as examples.yaml labels it
    (
        "my mum is disabled and her boyfriend takes her benefits and leaves her without food",
        "child_abuse",
    ),
    ("my brother keeps hitting our mum and taking her money", "adult_at_risk"),
]
# Calm, though full of alarming words: the first are taken out as figures of speech.
FIGURES = [
    "these fines are killing me",
    "i'm sick to death of the potholes",
    "i nearly had a heart attack when i saw the bill",
    "it was a nightmare getting through to anyone",
    "I'm dying to find out who approved this planning application",
    "these charges are daylight robbery",
]
CALM = [
    *FIGURES,
    "the knife amnesty bin has been removed",
    "the missing bin has still not been replaced",
    "i want to complain about the domestic abuse service's opening hours",
    "a lorry hit the bridge and the road is still closed",
    "the child protection social worker was rude to me in the meeting",
    "the fire alarm in our block keeps going off for no reason",
]


@pytest.mark.parametrize(("message", "category"), DANGER)
def test_danger_examples_match_their_category(message: str, category: str) -> None:
    assert match(prepare(message)) == category


@pytest.mark.parametrize("message", CALM)
def test_calm_examples_match_nothing(message: str) -> None:
    assert match(prepare(message)) is None


@pytest.mark.parametrize("message", FIGURES)
def test_figures_of_speech_are_taken_out(message: str) -> None:
    assert "xfig" in prepare(message)
