"""Moved to tests/support/chat.py (issue 14); this module keeps the old import path working."""

from __future__ import annotations

from tests.support.chat import DONE, PACK_QUESTION_DEFAULTS, QUESTIONS, Chat

__all__ = ["DONE", "PACK_QUESTION_DEFAULTS", "QUESTIONS", "Chat"]
