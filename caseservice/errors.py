"""Errors that map to client responses: each names the field or state at fault."""

from __future__ import annotations


class ClientError(Exception):
    status_code = 400

    def __init__(self, field: str | None, message: str) -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.message = message


class InputError(ClientError):
    """The request is well-formed JSON but a value is wrong (422)."""

    status_code = 422


class ConflictError(ClientError):
    """The request clashes with the case's state or an earlier request (409)."""

    status_code = 409


class NotFound(ClientError):
    status_code = 404


class Unavailable(ClientError):
    """A transient failure the client should retry with the same Idempotency-Key (503)."""

    status_code = 503
