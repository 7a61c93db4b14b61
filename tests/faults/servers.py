"""Moved to tests/support/servers.py (issue 14); this module keeps the old import path working."""

from __future__ import annotations

from tests.support.servers import (
    REPO,
    STACK_PROCESSES,
    CaseService,
    PgCluster,
    RedisServer,
    assert_no_traceback,
    free_port,
    prepare_caseservice_db,
    rasa_stack,
    running,
    wait_until,
)

__all__ = [
    "REPO",
    "STACK_PROCESSES",
    "CaseService",
    "PgCluster",
    "RedisServer",
    "assert_no_traceback",
    "free_port",
    "prepare_caseservice_db",
    "rasa_stack",
    "running",
    "wait_until",
]
