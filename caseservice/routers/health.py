"""/healthz: is the service up and its database reachable and migrated (no auth, no data)."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from ..db import Database, current_revision
from ..schemas import Health
from .deps import database

router = APIRouter(tags=["health"])
log = logging.getLogger(__name__)


@router.get(
    "/healthz",
    response_model=Health,
    responses={503: {"model": Health, "description": "The database is unreachable or behind."}},
)
def healthz(db: Annotated[Database, Depends(database)]) -> JSONResponse:
    try:
        db.ping()
        revision = current_revision(db.engine)
    except Exception as exc:
        log.warning("health check: database unreachable (%s)", type(exc).__name__)
        body = Health(status="unavailable", database="unreachable", schema_revision=None)
        return JSONResponse(body.model_dump(), status_code=503)
    if revision != db.head:
        body = Health(status="unavailable", database="not migrated", schema_revision=revision)
        return JSONResponse(body.model_dump(), status_code=503)
    return JSONResponse(Health(status="ok", database="ok", schema_revision=revision).model_dump())
