"""Shared route plumbing."""

from __future__ import annotations

from fastapi import Request

from ..db import Database


async def database(request: Request) -> Database:
    # async: a plain lookup, so it need not take a trip through the thread pool
    db: Database = request.app.state.db
    return db


ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    401: {"description": "No bearer token, or not a valid one."},
    403: {"description": "The token lacks the scope this operation needs."},
    413: {"description": "The request body is larger than the service accepts (64 KiB)."},
}
