"""The audit log: every read and change of a case, with who and when. References only."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from .models import AuditEntry


def record(
    session: Session,
    actor: str,
    action: str,
    reference: str | None = None,
    **detail: Any,
) -> None:
    session.add(AuditEntry(actor=actor, action=action, reference=reference, detail=detail))
