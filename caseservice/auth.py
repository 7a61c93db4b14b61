"""Bearer tokens with scopes. Only a SHA-256 of each token is stored; the token itself is shown
once, when it is made. Tokens are long random strings, so a plain hash (no salt) is enough."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import ApiToken, utcnow

SCOPES = {
    "cases:file": "file new cases (the assistant's action server)",
    "cases:read": "read cases, lists and reports (staff)",
    "cases:write": "record events on cases (staff)",
    "cases:restricted": "see cases about child sexual exploitation or sexual abuse",
}

_bearer = HTTPBearer(auto_error=False, description="A token from `caseservice tokens add`.")


@dataclass(frozen=True)
class Principal:
    name: str
    scopes: frozenset[str]

    def can(self, scope: str) -> bool:
        return scope in self.scopes


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return "cst_" + secrets.token_urlsafe(32)


def parse_scopes(text: str) -> list[str]:
    scopes = [s.strip() for s in text.split(",") if s.strip()]
    unknown = [s for s in scopes if s not in SCOPES]
    if unknown or not scopes:
        raise ValueError(
            f"unknown scope(s) {', '.join(unknown) or '(none given)'}; "
            f"choose from {', '.join(SCOPES)}"
        )
    return sorted(set(scopes))


def add_token(session: Session, name: str, scopes: list[str], *, replace: bool = False) -> str:
    """Stores a new token's hash and returns the token (the only time it exists in the clear)."""
    active = session.scalars(
        select(ApiToken).where(ApiToken.name == name, ApiToken.revoked_at.is_(None))
    ).all()
    if active and not replace:
        raise ValueError(f"a token named {name!r} already exists; revoke it or use --replace")
    for row in active:
        row.revoked_at = utcnow()
    token = new_token()
    session.add(ApiToken(name=name, token_hash=hash_token(token), scopes=",".join(scopes)))
    return token


def revoke_token(session: Session, name: str) -> int:
    rows = session.scalars(
        select(ApiToken).where(ApiToken.name == name, ApiToken.revoked_at.is_(None))
    ).all()
    for row in rows:
        row.revoked_at = utcnow()
    return len(rows)


def lookup(session: Session, token: str) -> Principal | None:
    digest = hash_token(token)
    row = session.scalars(
        select(ApiToken).where(ApiToken.token_hash == digest, ApiToken.revoked_at.is_(None))
    ).first()
    # The index lookup already matched; the constant-time compare keeps the final decision
    # free of early-exit timing should the lookup ever become a prefix or range scan.
    if row is None or not hmac.compare_digest(row.token_hash, digest):
        return None
    return Principal(name=row.name, scopes=frozenset(row.scopes.split(",")))


def _unauthorised(message: str) -> HTTPException:
    return HTTPException(401, detail=message, headers={"WWW-Authenticate": "Bearer"})


def principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise _unauthorised("a bearer token is required (Authorization: Bearer <token>)")
    token = credentials.credentials
    if len(token) > 200:
        raise _unauthorised("the bearer token is not valid")
    with request.app.state.db.read() as session:
        found = lookup(session, token)
    if found is None:
        raise _unauthorised("the bearer token is not valid or has been revoked")
    return found


def require(scope: str) -> Any:
    """A dependency that admits only callers holding `scope`."""

    async def check(who: Annotated[Principal, Depends(principal)]) -> Principal:
        if not who.can(scope):
            raise HTTPException(403, detail=f"this token lacks the {scope} scope")
        return who

    return Depends(check)
