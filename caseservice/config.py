"""Settings read from the environment, so one build runs anywhere (CI, a laptop, a council's VM)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

# Big enough for a long narrative in the person's own words; small enough that one request
# cannot tie up the service.
DEFAULT_MAX_BODY_BYTES = 64 * 1024


def default_database_url() -> str:
    data_dir = Path(os.environ.get("CASESERVICE_DATA_DIR") or REPO_ROOT / "var")
    return f"sqlite:///{data_dir / 'caseservice.db'}"


@dataclass(frozen=True)
class Settings:
    database_url: str
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES

    @classmethod
    def from_env(cls) -> Settings:
        url = os.environ.get("DATABASE_URL") or default_database_url()
        limit = int(os.environ.get("CASESERVICE_MAX_BODY_BYTES") or DEFAULT_MAX_BODY_BYTES)
        return cls(database_url=url, max_body_bytes=limit)


def redact_url(url: str) -> str:
    """The database URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
