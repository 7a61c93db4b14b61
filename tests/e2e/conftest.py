from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.stack import Stack

# Warwickshire's policy has all five paths the issue asks for: a statutory children's
# procedure, a corporate one, a parking appeal exclusion, discretion for late complaints,
# and service requests recorded as feedback.
AUTHORITY = "warwickshire"


@pytest.fixture(scope="session")
def stack() -> Iterator[Stack]:
    s = Stack(AUTHORITY)
    try:
        s.start()
        yield s
    finally:
        s.stop()
