"""actions/ stays split by concern (issue 12): a module that grows past about 300 lines is
doing more than one job, and a newcomer can no longer find things by module name."""

from __future__ import annotations

from pathlib import Path

import pytest

ACTIONS = Path(__file__).resolve().parents[2] / "actions"
MOST_LINES = 300


@pytest.mark.parametrize("path", sorted(ACTIONS.glob("*.py")), ids=lambda p: p.name)
def test_no_module_is_over_300_lines(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MOST_LINES, f"{path.name} has {lines} lines: split it by concern"
