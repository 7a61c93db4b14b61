"""Moved to tests/support/chat.py (issue 14); this module keeps the old import path working."""

from __future__ import annotations

from tests.support.chat import COMPLAINT, REFERENCE, Answer, ChatFailed, RestChat

__all__ = ["COMPLAINT", "REFERENCE", "Answer", "ChatFailed", "RestChat"]
