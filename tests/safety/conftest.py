from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bot" / "tools"))


@pytest.fixture(scope="session")
def safety_stack() -> Iterator[object]:
    """A real case service, action server and Rasa server (bot/tools/stack.py), for Luton, the
    council the issue was tried on. Skips when there is no trained model yet."""
    from stack import MODEL, Stack

    if not MODEL.exists():
        pytest.skip(f"no trained model at {MODEL} (make train)")
    s = Stack("luton")
    try:
        s.start()
        yield s
    finally:
        s.stop()
