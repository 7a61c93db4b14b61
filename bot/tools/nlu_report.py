"""Scores the assistant's understanding on messages it never saw, and fails below the floors.

    nlu_report.py export OUT.yml             the held-out set (tests/nlu/heldout.yaml) in Rasa's
                                             NLU format, for `rasa test nlu --successes`
    nlu_report.py check HELDOUT [--cv CV]    reads that test's results (and the cross-validation's,
                                             if given), prints per-intent and per-service figures
                                             side by side, and exits 1 below a floor
    nlu_report.py sync [--check]             writes data/nlu/complaint_stories.yml from the
                                             stories in actions/data/service_examples.yaml

Floors (issue 11), on the held-out set:
- complaint recall >= 0.95: a complaint or escalation is read as make_complaint or escalate
  (both open the complaint form);
- safeguarding recall >= 0.98: the intent is safeguarding, or the safety check
  (actions/safety.assess_danger, which runs on every message) sees danger;
- no complaint read as a compliment;
- service accuracy >= 0.90: the service model's first choice, over complaints that name or
  describe a service and answers to "Which council service is it about?".
"""

from __future__ import annotations

import importlib.util
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
if "actions" not in sys.modules:
    # The scoring modules (services, service_model, safety) without the package's __init__,
    # which imports every action and starts the filing outbox.
    _spec = importlib.util.spec_from_loader("actions", loader=None, is_package=True)
    assert _spec is not None
    _pkg = importlib.util.module_from_spec(_spec)
    _pkg.__path__ = [str(ROOT / "actions")]
    sys.modules["actions"] = _pkg

HELDOUT = ROOT / "tests" / "nlu" / "heldout.yaml"
STORIES = ROOT / "data" / "nlu" / "complaint_stories.yml"
SKIP = {"accuracy", "macro avg", "weighted avg", "micro avg"}
COMPLAINT = {"make_complaint", "escalate"}
FLOORS = {
    "complaint_recall": 0.95,
    "safeguarding_recall": 0.98,
    "complaint_as_compliment": 0,
    "service_accuracy": 0.90,
}


Message = tuple[str, str, str | None]


def heldout(path: Path = HELDOUT) -> tuple[list[Message], list[tuple[str, str]]]:
    """(text, intent, service or None) messages, and (text, service) pairs to score services."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    messages: list[Message] = []
    for intent, body in data["intents"].items():
        if isinstance(body, dict):
            for service, texts in body.items():
                code = None if service == "none" else str(service)
                messages += [(str(t), intent, code) for t in texts]
        else:
            messages += [(str(t), intent, None) for t in body]
    pairs = [(t, s) for t, _, s in messages if s]
    pairs += [(str(t), code) for code, texts in data["services"].items() for t in texts]
    return messages, pairs


def export(out: Path) -> int:
    messages, _ = heldout()
    by_intent: dict[str, list[str]] = defaultdict(list)
    for text, intent, _ in messages:
        by_intent[intent].append(text)
    nlu = [
        {"intent": intent, "examples": "".join(f"- {t}\n" for t in texts)}
        for intent, texts in by_intent.items()
    ]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(yaml.safe_dump({"version": "3.1", "nlu": nlu}, sort_keys=False, width=1000))
    print(f"held-out set: {len(messages)} messages, {len(by_intent)} intents -> {out}")
    return 0


def fallback_threshold(config: Path = ROOT / "bot" / "config.yml") -> float:
    """The FallbackClassifier's threshold: below it the assistant asks instead of acting."""
    for part in yaml.safe_load(config.read_text(encoding="utf-8")).get("pipeline") or []:
        if part.get("name") == "FallbackClassifier":
            return float(part.get("threshold", 0.3))
    return 0.0


def predictions(results: Path) -> dict[str, str]:
    """text -> the intent the assistant acts on, from `rasa test nlu --successes` output.

    `rasa test nlu` undoes the FallbackClassifier's prediction; the assistant doesn't, so a
    prediction below the threshold is counted as `nlu_fallback` (the assistant asks)."""
    threshold = fallback_threshold()
    out: dict[str, str] = {}
    for name in ("intent_successes.json", "intent_errors.json"):
        path = results / name
        if path.exists():
            for row in json.loads(path.read_text()):
                guess = row.get("intent_prediction") or {}
                low = float(guess.get("confidence") or 0.0) < threshold
                out[row["text"]] = "nlu_fallback" if low else (guess.get("name") or "None")
    return out


def _f1(rows: list[tuple[str, str]], intent: str) -> tuple[float, float, float, int]:
    tp = sum(1 for t, p in rows if t == intent and p == intent)
    fp = sum(1 for t, p in rows if t != intent and p == intent)
    fn = sum(1 for t, p in rows if t == intent and p != intent)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1, tp + fn


def service_cv(folds: int = 5) -> dict[str, tuple[int, int]]:
    """Per service (right, total) of a 5-fold cross-validation of the service model on its own
    training examples."""
    from actions import service_model

    examples = service_model.load_examples()
    order = list(range(len(examples)))
    random.Random(11).shuffle(order)
    score: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for fold in range(folds):
        test = [examples[i] for j, i in enumerate(order) if j % folds == fold]
        model = service_model.train([examples[i] for j, i in enumerate(order) if j % folds != fold])
        for text, code in test:
            ranked = model.ranked(text)
            score[code][0] += bool(ranked) and ranked[0][0] == code
            score[code][1] += 1
    return {c: (r, n) for c, (r, n) in score.items()}


def check(results: Path, cv: Path | None) -> int:
    from actions import service_model
    from actions.safety import assess_danger
    from actions.services import match_service

    messages, pairs = heldout()
    predicted = predictions(results)
    missing = [t for t, _, _ in messages if t not in predicted]
    if missing:
        print(f"nlu report: {len(missing)} held-out messages have no prediction in {results}")
        return 1
    rows = [(intent, predicted[t]) for t, intent, _ in messages]
    cv_report: dict[str, Any] = {}
    if cv is not None and (cv / "intent_report.json").exists():
        cv_report = json.loads((cv / "intent_report.json").read_text())

    print(f"Intents: held-out set ({len(messages)} messages never trained on) beside the training")
    print("data's cross-validation F1")
    print(f"{'intent':22} {'n':>4} {'prec':>5} {'recall':>6} {'F1':>5}   {'CV F1':>5}")
    intents = sorted({i for i, _ in rows})
    macro = []
    for intent in intents:
        prec, rec, f1, n = _f1(rows, intent)
        macro.append(f1)
        cv_f1 = (cv_report.get(intent) or {}).get("f1-score")
        cv_text = f"{cv_f1:5.2f}" if isinstance(cv_f1, float) else "    -"
        print(f"{intent:22} {n:4d} {prec:5.2f} {rec:6.2f} {f1:5.2f}   {cv_text}")
    cv_macro = (cv_report.get("macro avg") or {}).get("f1-score")
    print(
        f"{'macro F1':22} {len(rows):4d} {'':5} {'':6} {sum(macro) / len(macro):5.2f}   "
        + (f"{cv_macro:5.2f}" if isinstance(cv_macro, float) else "    -")
    )
    fallback = sum(1 for _, p in rows if p == "nlu_fallback")
    print(f"below the fallback threshold, so asked (nlu_fallback): {fallback}/{len(rows)}")

    complaints = [(t, predicted[t]) for t, i, _ in messages if i in COMPLAINT]
    complaint_recall = sum(p in COMPLAINT for _, p in complaints) / len(complaints)
    as_compliment = [t for t, p in complaints if p == "compliment"]
    danger = [t for t, i, _ in messages if i == "safeguarding"]
    caught = [t for t in danger if predicted[t] == "safeguarding" or assess_danger(t)]
    by_intent = sum(predicted[t] == "safeguarding" for t in danger)
    safeguarding_recall = len(caught) / len(danger)

    service_right: Counter[str] = Counter()
    service_total: Counter[str] = Counter()
    confident = confident_right = 0
    for text, code in pairs:
        ranked = service_model.ranked(text)
        service_total[code] += 1
        service_right[code] += bool(ranked) and ranked[0][0] == code
        taken = match_service(text)
        confident += taken is not None
        confident_right += taken == code
    service_accuracy = sum(service_right.values()) / sum(service_total.values())
    cv_services = service_cv()
    print()
    print("Services: the service model's first choice, held-out beside 5-fold cross-validation")
    print(f"{'service':26} {'held-out':>9} {'acc':>5}   {'CV':>9} {'acc':>5}")
    for code in sorted(service_total):
        r, n = service_right[code], service_total[code]
        cr, cn = cv_services.get(code, (0, 0))
        print(f"{code:26} {r:4d}/{n:<4d} {r / n:5.2f}   {cr:4d}/{cn:<4d} {cr / max(cn, 1):5.2f}")
    cr = sum(r for c, (r, _) in cv_services.items() if c != service_model.NONE)
    cn = sum(n for c, (_, n) in cv_services.items() if c != service_model.NONE)
    print(
        f"{'all':26} {sum(service_right.values()):4d}/{sum(service_total.values()):<4d} "
        f"{service_accuracy:5.2f}   {cr:4d}/{cn:<4d} {cr / max(cn, 1):5.2f}"
    )
    print(
        f"taken without asking (confident): {confident}/{len(pairs)}, of which right "
        f"{confident_right}/{max(confident, 1)}; the rest are asked, with the likeliest as buttons"
    )

    figures = {
        "complaint_recall": complaint_recall,
        "safeguarding_recall": safeguarding_recall,
        "complaint_as_compliment": len(as_compliment),
        "service_accuracy": service_accuracy,
    }
    print()
    print(
        f"complaint recall {complaint_recall:.3f} ({len(complaints)} messages); "
        f"safeguarding recall {safeguarding_recall:.3f} ({len(caught)}/{len(danger)}: intent "
        f"{by_intent}, safety check the rest); complaints read as compliments "
        f"{len(as_compliment)}; service accuracy {service_accuracy:.3f}"
    )
    failed = [
        name
        for name, floor in FLOORS.items()
        if (figures[name] > floor if name == "complaint_as_compliment" else figures[name] < floor)
    ]
    for t, p in complaints:
        if p not in COMPLAINT:
            print(f"  complaint read as {p}: {t}")
    for t in danger:
        if t not in caught:
            print(f"  danger missed ({predicted[t]}): {t}")
    if failed:
        print("BELOW THE FLOOR: " + ", ".join(f"{n} (floor {FLOORS[n]})" for n in failed))
        return 1
    print("held-out floors met: " + ", ".join(f"{n} {v}" for n, v in FLOORS.items()))
    return 0


def sync(check_only: bool) -> int:
    from actions import service_model

    data = yaml.safe_load(service_model.DATA.read_text(encoding="utf-8"))["services"]
    lines = [
        "# Generated by `bot/tools/nlu_report.py sync` from the stories in",
        "# actions/data/service_examples.yaml (edit them there): complaint openings in people's",
        "# words, most naming no service. tests/nlu checks this file is up to date.",
        'version: "3.1"',
        "nlu:",
        "- intent: make_complaint",
        "  examples: |",
    ]
    for parts in data.values():
        lines += [f"    - {' '.join(str(s).split())}" for s in parts.get("stories") or []]
    text = "\n".join(lines) + "\n"
    if check_only:
        if not STORIES.exists() or STORIES.read_text(encoding="utf-8") != text:
            print(f"{STORIES} is out of date: run bot/tools/nlu_report.py sync")
            return 1
        return 0
    STORIES.write_text(text, encoding="utf-8")
    print(f"wrote {STORIES}")
    return 0


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "export":
        return export(Path(argv[1]))
    if len(argv) >= 2 and argv[0] == "check":
        cv = Path(argv[3]) if len(argv) >= 4 and argv[2] == "--cv" else None
        return check(Path(argv[1]), cv)
    if argv and argv[0] == "sync":
        return sync("--check" in argv)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
