from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session")
def safety_stack() -> Iterator[object]:
    """A real case service, action server and Rasa server (tests/support/stack.py), for Luton, the
    council the issue was tried on. Skips when there is no trained model yet."""
    from tests.support.stack import MODEL, Stack

    if not MODEL.exists():
        pytest.skip(f"no trained model at {MODEL} (make train)")
    s = Stack("luton")
    try:
        s.start()
        yield s
    finally:
        s.stop()
