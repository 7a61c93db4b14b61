"""Typed errors: every one names the field (or pack key) at fault, never a traceback."""

from __future__ import annotations

from typing import Any


class TriageError(Exception):
    """Base class; carries a field name and a plain message for the CLI's JSON error."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    def to_dict(self) -> dict[str, Any]:
        return {"error": {"field": self.field, "message": self.message}}


class FactsValidationError(TriageError, ValueError):
    """The facts of a complaint are malformed (unknown value, impossible date, missing field)."""


class UnknownAuthorityError(FactsValidationError):
    """No policy pack has this id."""


class PackError(TriageError):
    """A policy pack file is malformed; `field` is the dotted path of the bad key."""


def pydantic_field(loc: tuple[int | str, ...]) -> str:
    """Turns a pydantic error location into the dotted field name the contract uses."""
    parts = [str(p) for p in loc if not (isinstance(p, str) and p.startswith("function-"))]
    return ".".join(parts) or "(root)"
