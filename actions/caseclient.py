"""Files cases with the case service over HTTP (never by importing it).

Short, explicit timeouts and a few retries with backoff: Rasa holds the conversation lock while
an action runs, so filing gives up within seconds and leaves the case to the outbox. A refused
token (401, 403) is retried like an outage and raised as an alert for staff: the person is told
their complaint is saved, never that trying again won't help.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from dataclasses import dataclass
from typing import Any

import httpx

from .settings import Settings

RETRYABLE = {408, 425, 429, 500, 502, 503, 504}
# The service refused our token (rotated, revoked, or lacking a scope): staff must fix it, and
# then the case goes through; it is never the person's problem, so never permanent.
AUTH_REFUSED = {401, 403}

log = logging.getLogger(__name__)
# Alerts for staff go to their own logger, so a deployment can route them to a pager or email.
alerts = logging.getLogger("actions.alerts")


@dataclass(frozen=True)
class Filed:
    """The result of one delivery attempt sequence."""

    ok: bool
    reference: str | None = None
    status: int | None = None
    permanent: bool = False  # retrying cannot help (a 4xx such as 409 or 422)
    error: str | None = None
    auth_refused: bool = False  # 401/403: retried with backoff, and staff alerted
    # The case service's own triage decision: what staff see, so what the person is told.
    decision: dict[str, Any] | None = None


def _timeout(s: Settings) -> httpx.Timeout:
    return httpx.Timeout(s.read_timeout, connect=s.connect_timeout)


def token(s: Settings) -> str:
    """The current token: from the token file when one is set (re-read each time, so a rotated
    token takes effect at once), else from the environment."""
    if s.caseservice_token_file is not None:
        try:
            text = s.caseservice_token_file.read_text(encoding="utf-8").strip()
        except OSError as exc:
            alerts.error(
                "ALERT case service token file %s unreadable (%s); using CASESERVICE_TOKEN",
                s.caseservice_token_file,
                type(exc).__name__,
            )
        else:
            if text:
                return text
    return s.caseservice_token


def _headers(s: Settings, key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token(s)}", "Idempotency-Key": key}


def _interpret(resp: httpx.Response) -> Filed:
    if 200 <= resp.status_code < 300:
        try:
            reply = resp.json()
        except ValueError:
            reply = None
        reply = reply if isinstance(reply, dict) else {}
        ref = reply.get("reference")
        decision = reply.get("decision")
        return Filed(
            ok=ref is not None,
            reference=ref,
            status=resp.status_code,
            error=None if ref else "no reference in reply",
            decision=decision if isinstance(decision, dict) else None,
        )
    if resp.status_code in AUTH_REFUSED:
        alerts.error(
            "ALERT the case service refused the assistant's token (HTTP %s): cases wait in the "
            "outbox and are retried; issue a new token (caseservice tokens add NAME --replace "
            "--token-file PATH) or restore its scope",
            resp.status_code,
        )
        return Filed(
            ok=False,
            status=resp.status_code,
            error=f"HTTP {resp.status_code}",
            auth_refused=True,
        )
    permanent = resp.status_code not in RETRYABLE and 400 <= resp.status_code < 500
    # Only the status and the field the service names go in the error: a reply's message can
    # echo personal data, a field name ("facts.incident_date") cannot.
    field = _error_field(resp)
    error = f"HTTP {resp.status_code}" + (f", field {field}" if field else "")
    return Filed(ok=False, status=resp.status_code, permanent=permanent, error=error)


def _error_field(resp: httpx.Response) -> str | None:
    try:
        field = resp.json().get("error", {}).get("field")
    except (ValueError, AttributeError):
        return None
    if isinstance(field, str) and re.fullmatch(r"[a-z0-9_.\[\]]{1,80}", field):
        return field
    return None


def _backoff(attempt: int) -> float:
    return float(min(0.25 * (2**attempt), 2.0))


async def file_case_async(
    s: Settings,
    key: str,
    body: dict[str, Any],
    transport: httpx.AsyncBaseTransport | None = None,
) -> Filed:
    last = Filed(ok=False, error="not tried")
    async with httpx.AsyncClient(timeout=_timeout(s), transport=transport) as client:
        for attempt in range(s.attempts):
            try:
                resp = await client.post(
                    f"{s.caseservice_url}/v1/cases", json=body, headers=_headers(s, key)
                )
                last = _interpret(resp)
            except httpx.HTTPError as exc:
                last = Filed(ok=False, error=type(exc).__name__)
            if last.ok or last.permanent:
                return last
            if attempt + 1 < s.attempts:
                await asyncio.sleep(_backoff(attempt))
    return last


def file_case(
    s: Settings,
    key: str,
    body: dict[str, Any],
    attempts: int | None = None,
    transport: httpx.BaseTransport | None = None,
) -> Filed:
    last = Filed(ok=False, error="not tried")
    n = attempts or s.attempts
    with httpx.Client(timeout=_timeout(s), transport=transport) as client:
        for attempt in range(n):
            try:
                resp = client.post(
                    f"{s.caseservice_url}/v1/cases", json=body, headers=_headers(s, key)
                )
                last = _interpret(resp)
            except httpx.HTTPError as exc:
                last = Filed(ok=False, error=type(exc).__name__)
            if last.ok or last.permanent:
                return last
            if attempt + 1 < n:
                time.sleep(_backoff(attempt))
    return last
