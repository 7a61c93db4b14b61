"""Fails unless every test story passed in `rasa test core` (it exits 0 on some failures)."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(results: Path) -> int:
    failed = results / "failed_test_stories.yml"
    if not failed.exists():
        print(f"core check: {failed} missing (did rasa test core run?)", file=sys.stderr)
        return 1
    failures = [ln for ln in failed.read_text().splitlines() if ln.lstrip().startswith("- story:")]
    report = results / "story_report.json"
    total = ""
    if report.exists():
        data = json.loads(report.read_text())
        conv = data.get("conversation_accuracy") or {}
        if conv:
            total = f" ({conv.get('correct')}/{conv.get('total')} stories correct)"
    if failures:
        print(f"core check: {len(failures)} test stories failed{total}; see {failed}")
        return 1
    print(f"core check: all test stories passed{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
