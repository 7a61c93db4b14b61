"""The FastAPI application factory."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

from .config import Settings
from .db import Database, check_schema
from .errors import ClientError
from .limits import BodyLimit
from .routers import cases, health, reports

log = logging.getLogger(__name__)

DESCRIPTION = """
The system of record for complaints filed by the assistant and worked by staff.

* **File** a case with `POST /v1/cases` (scope `cases:file`) and an `Idempotency-Key`.
  The service runs triage itself; deadlines always come from the policy packs.
* **Work** cases with `GET /v1/cases`, `GET /v1/cases/{reference}` (`cases:read`) and
  `POST /v1/cases/{reference}/events` (`cases:write`).
* **Report** with `GET /v1/reports/summary` (`cases:read`), as JSON or CSV.
* Cases about child sexual exploitation or sexual abuse need `cases:restricted`; without it
  they answer 404.

Errors are JSON: `{"error": {"field": ..., "message": ...}}`. Tokens come from
`caseservice tokens add NAME --scopes ...`.
"""


def create_app(settings: Settings | None = None, db: Database | None = None) -> FastAPI:
    """Builds the app; raises SchemaNotMigrated (saying `run: caseservice migrate`) when the
    database is not at the schema this code needs."""
    settings = settings or Settings.from_env()
    db = db or Database(settings.database_url)
    db.head = check_schema(db.engine)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        db.dispose()

    app = FastAPI(
        title="Complaints case service",
        version="1.0.0",
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.db = db
    app.include_router(cases.router)
    app.include_router(reports.router)
    app.include_router(health.router)
    _install_error_handlers(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    return app


def _error(status: int, field: str | None, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse(
        {"error": {"field": field, "message": message}, **extra}, status_code=status
    )


def _field_name(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = list(loc)
    if parts and parts[0] in ("body", "query", "path", "header"):
        where = parts.pop(0)
        if not parts:
            return "body" if where == "body" else str(where)
        if where == "header":
            return "-".join(p.capitalize() for p in str(parts[0]).split("-"))
    return ".".join(str(p) for p in parts)


def _message(err: dict[str, Any]) -> str:
    if err.get("type") == "json_invalid":
        return "the request body is not valid JSON"
    if err.get("type") == "missing":
        return "is required"
    if err.get("type") == "extra_forbidden":
        return "is not a field of this request"
    return str(err.get("msg", "is not valid")).removeprefix("Value error, ")


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ClientError)
    async def client_error(_request: Request, exc: ClientError) -> JSONResponse:
        return _error(exc.status_code, exc.field, exc.message)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {
                "field": "body" if e.get("type") == "json_invalid" else _field_name(e["loc"]),
                "message": _message(e),
            }
            for e in exc.errors()
        ]
        first = errors[0] if errors else {"field": "body", "message": "is not valid"}
        return _error(422, first["field"], first["message"], errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        field = "body" if exc.status_code == 413 else None
        response = _error(exc.status_code, field, str(exc.detail))
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    def database_unavailable(request: Request, exc: Exception) -> JSONResponse:
        # Locked, restarting or unreachable database: transient, so tell clients to retry
        # (their Idempotency-Key makes that safe) rather than report a server fault.
        log.warning(
            "database unavailable on %s %s: %s",
            request.method,
            request.url.path,
            type(exc).__name__,
        )
        response = _error(503, None, "the database is busy or unreachable; retry shortly")
        response.headers["Retry-After"] = "1"
        return response

    @app.exception_handler(DBAPIError)
    async def database_error(request: Request, exc: DBAPIError) -> JSONResponse:
        if isinstance(exc, OperationalError | InterfaceError) or exc.connection_invalidated:
            return database_unavailable(request, exc)
        return await unexpected(request, exc)

    @app.exception_handler(PoolTimeout)
    async def pool_exhausted(request: Request, exc: PoolTimeout) -> JSONResponse:
        return database_unavailable(request, exc)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        # Bugs, not input: log the kind and route only (bodies may hold personal data).
        log.error(
            "unhandled %s on %s %s",
            type(exc).__name__,
            request.method,
            request.url.path,
            exc_info=exc,
        )
        return _error(500, None, "internal error; the incident has been logged")
