"""Prints intent macro-F1 (and the weakest intents) from `rasa test nlu --cross-validation`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

SKIP = {"accuracy", "macro avg", "weighted avg", "micro avg"}


def main(results: Path) -> int:
    report = results / "intent_report.json"
    if not report.exists():
        print(f"nlu report: {report} missing", file=sys.stderr)
        return 1
    data = json.loads(report.read_text())
    macro = data["macro avg"]["f1-score"]
    per_intent = sorted(
        (v["f1-score"], k) for k, v in data.items() if k not in SKIP and isinstance(v, dict)
    )
    print(f"NLU cross-validation: intent macro-F1 = {macro:.3f} over {len(per_intent)} intents")
    print("weakest: " + ", ".join(f"{k} {f:.2f}" for f, k in per_intent[:5]))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
