"""Moved to tests/support/stack.py (issue 14), the one launcher of the real assistant. This file
keeps the old import (`from stack import Stack` with bot/tools on the path) working; start a
stack by hand with `.venv/bin/python -m tests.support.stack` from the repository."""

from __future__ import annotations

from tests.support.stack import MODEL, RASA_VENV, ROOT, VENV, Stack, free_port

__all__ = ["MODEL", "RASA_VENV", "ROOT", "VENV", "Stack", "free_port"]
