"""Issue 16: the safety check scored on a held-out set it was never trained on.

Floors that fail the build: recall at least 0.99 over the danger messages, false alarms at most
5% over calm messages full of alarming words and figures of speech. Recall is printed per
category (run with -s to see it; it is also in the assertion message)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import yaml

from actions.safety import CATEGORIES, assess_danger, in_danger

from .heldout import calm, danger, heldout, training_messages

RECALL_FLOOR = 0.99
FALSE_ALARM_CEILING = 0.05


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def test_the_set_is_big_enough_and_labelled() -> None:
    counts = Counter(cat for _, cat in danger())
    assert set(counts) == set(CATEGORIES), counts
    assert sum(counts.values()) >= 150 and min(counts.values()) >= 20, counts
    assert len(calm()) >= 150


def test_no_heldout_message_is_in_the_training_data() -> None:
    training = {_key(m) for m in training_messages()}
    held = [m for m, _ in danger()] + calm()
    leaked = [m for m in held if _key(m) in training]
    assert not leaked, f"held-out messages found in the training data: {leaked}"
    # and none is a near copy: a training message containing a whole held-out one, or inside it
    near = [
        (m, t)
        for m in held
        for t in training
        if len(_key(m)) > 25 and len(t) > 25 and (_key(m) in t or t in _key(m))
    ]
    assert not near, near


def _score() -> tuple[dict[str, tuple[int, int]], list[str], list[str], list[str]]:
    per: dict[str, list[int]] = {c: [0, 0] for c in CATEGORIES}
    missed, alarms, layers = [], [], []
    for message, category in danger():
        found = assess_danger(message)
        per[category][1] += 1
        if found:
            per[category][0] += 1
            layers.append(found.layer)
        else:
            missed.append(f"{category}: {message}")
    for message in calm():
        found = assess_danger(message)
        if found:
            alarms.append(f"{found.category}/{found.layer}: {message}")
    return {c: (h, n) for c, (h, n) in per.items()}, missed, alarms, layers


def test_recall_and_false_alarms_on_the_heldout_set() -> None:
    per, missed, alarms, layers = _score()
    hits = sum(h for h, _ in per.values())
    total = sum(n for _, n in per.values())
    recall = hits / total
    false_alarms = len(alarms) / len(calm())
    report = ["safety held-out set (opening and mid-form answers go through the same check):"]
    report += [f"  recall {c:<20} {h}/{n} = {h / n:.3f}" for c, (h, n) in per.items()]
    report.append(f"  recall overall           {hits}/{total} = {recall:.3f}")
    report.append(f"  false alarms             {len(alarms)}/{len(calm())} = {false_alarms:.3f}")
    report.append(f"  layer that fired first   {dict(Counter(layers))}")
    report += [f"  missed: {m}" for m in missed] + [f"  false alarm: {a}" for a in alarms]
    print("\n".join(report))
    assert recall >= RECALL_FLOOR, "\n".join(report)
    assert false_alarms <= FALSE_ALARM_CEILING, "\n".join(report)


def test_in_danger_agrees_with_assess_danger() -> None:
    for message, _ in danger()[::10]:
        assert in_danger(message)
    assert not in_danger("") and not in_danger(None)


def test_figures_of_speech_from_the_issue_do_not_trigger() -> None:
    for message in (
        "You're killing me with these fines",
        "I'm dying to know when my bin will be emptied",
        "The whole repair has been a nightmare",
    ):
        assert assess_danger(message) is None, message


def test_the_issue_s_missed_examples_now_trigger() -> None:
    # Paraphrases of the seven the issue lists as never answered (not in the held-out set).
    for message in (
        "There's a stranger outside my house right now and he's armed",
        "our foster child is being kept locked in her room and not given any food",
        "the little ones next door were on their own the whole night again",
        "my 14 year old is being pushed by a much older man to go to parties with him",
        "dad is frail and his carers haven't fed him in two days",
        "my sister has been left staying with a relative who abuses her",
        "I can't cope. I want to jump from somewhere high",
    ):
        assert assess_danger(message) is not None, message


def test_heldout_file_is_the_one_described() -> None:
    assert heldout()["danger"] and heldout()["calm"]


def test_no_heldout_message_is_an_nlu_example() -> None:
    nlu = yaml.safe_load(
        (Path(__file__).resolve().parents[2] / "data" / "nlu" / "safety.yml").read_text()
    )
    examples = {
        _key(line.strip()[2:])
        for block in nlu["nlu"]
        for line in str(block.get("examples", "")).splitlines()
        if line.strip().startswith("- ")
    }
    held = [m for m, _ in danger()] + calm()
    assert not [m for m in held if _key(m) in examples]


def _button_labels() -> set[str]:
    root = Path(__file__).resolve().parents[2] / "actions" / "data"
    labels: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if (key == "buttons" or str(key).endswith("_buttons")) and isinstance(value, list):
                    labels.update(str(v) for v in value if isinstance(v, str | int))
                if key == "service_labels":  # the service buttons
                    labels.update(str(v) for v in value.values())
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(yaml.safe_load((root / "messages.yml").read_text()))
    return labels


def test_no_button_or_everyday_short_answer_is_read_as_danger() -> None:
    answers = _button_labels() | {
        "Me - I'm under 18",
        "My son, he is 15",
        "My child",
        "Given to me in person",
        "My mum, she's 82 and in a care home",
        "About 3 weeks ago",
    }
    assert len(answers) > 30
    assert not [a for a in sorted(answers) if assess_danger(a)]
