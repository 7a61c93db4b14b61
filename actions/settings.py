"""Deployment settings, all from the environment: one deployment serves one authority."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    authority: str
    caseservice_url: str
    caseservice_token: str
    outbox_path: Path
    outbox_poll_seconds: float
    connect_timeout: float
    read_timeout: float
    attempts: int
    # A file holding the token, read on every request, so a rotated token (`caseservice tokens
    # add assistant --replace --token-file PATH`) is picked up without a restart.
    caseservice_token_file: Path | None = None


def settings() -> Settings:
    return Settings(
        authority=os.environ.get("AUTHORITY", "telford-wrekin"),
        caseservice_url=os.environ.get("CASESERVICE_URL", "http://127.0.0.1:8100").rstrip("/"),
        caseservice_token=os.environ.get("CASESERVICE_TOKEN", ""),
        outbox_path=Path(os.environ.get("OUTBOX_PATH", "var/outbox.sqlite3")),
        outbox_poll_seconds=float(os.environ.get("OUTBOX_POLL_SECONDS", "2")),
        # Rasa holds the conversation lock while an action runs: filing must give up quickly
        # and leave the rest to the outbox.
        connect_timeout=float(os.environ.get("CASESERVICE_CONNECT_TIMEOUT", "1.0")),
        read_timeout=float(os.environ.get("CASESERVICE_READ_TIMEOUT", "4.0")),
        attempts=int(os.environ.get("CASESERVICE_ATTEMPTS", "3")),
        caseservice_token_file=(
            Path(os.environ["CASESERVICE_TOKEN_FILE"])
            if os.environ.get("CASESERVICE_TOKEN_FILE")
            else None
        ),
    )
