"""Every corpus message in every free-text or identifier position of the case service API, over
real HTTP, on SQLite and PostgreSQL: never a 500, a clear error naming the field when refused,
and text that was accepted comes back exactly as sent."""

from __future__ import annotations

import json
import uuid
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from tests.faults.filing import case_body

from .corpus import Message, encodable, messages

CORPUS = messages()
TEXT_LIMIT = 20_000
BODY_LIMIT = 64 * 1024
TIMEOUT = httpx.Timeout(20.0, connect=5.0)


def _post(
    client: httpx.Client, auth: dict[str, str], body: dict[str, Any], key: str | bytes
) -> httpx.Response:
    # ensure_ascii so text no UTF-8 encoder accepts (a lone surrogate) still reaches the server
    # as a JSON escape, as a hostile client could send it.
    return client.post(
        "/v1/cases",
        content=json.dumps(body, ensure_ascii=True).encode(),
        headers={**auth, "Content-Type": "application/json", "Idempotency-Key": key},
    )


def _clear_refusal(r: httpx.Response, status: int, field: str | None = None) -> None:
    assert r.status_code == status, (r.status_code, r.text[:300])
    error = r.json()["error"]
    assert error["message"], r.text
    if field is not None:
        assert error["field"] == field, r.text[:300]


def _body_size(body: dict[str, Any]) -> int:
    return len(json.dumps(body, ensure_ascii=True).encode())


def _accepted_or_refused_by_field(
    api: tuple[httpx.Client, dict[str, str], str], msg: Message, path: list[str], limit: int
) -> None:
    client, auth, _ = api
    body = case_body(1)
    target = body
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = msg.text
    field = ".".join(path)
    r = _post(client, auth, body, uuid.uuid4().hex)
    if _body_size(body) > BODY_LIMIT:
        _clear_refusal(r, 413, "body")
    elif len(msg.text) > limit:
        _clear_refusal(r, 422, field)
    elif r.status_code == 422:
        # Refusing is fine only for text a database cannot hold, and it must say where.
        assert "\x00" in msg.text or not encodable(msg.text), r.text[:300]
        _clear_refusal(r, 422, field)
    else:
        assert r.status_code == 201, (r.status_code, r.text[:300])
        stored = client.get(f"/v1/cases/{r.json()['reference']}", headers=auth)
        assert stored.status_code == 200
        value: Any = stored.json()
        for part in path:
            value = value[part]
        assert value == msg.text, "the text did not come back as sent"


@pytest.mark.parametrize("msg", CORPUS, ids=lambda m: m.id)
def test_narrative(api: tuple[httpx.Client, dict[str, str], str], msg: Message) -> None:
    _accepted_or_refused_by_field(api, msg, ["narrative"], TEXT_LIMIT)


@pytest.mark.parametrize("msg", CORPUS, ids=lambda m: m.id)
def test_desired_outcome(api: tuple[httpx.Client, dict[str, str], str], msg: Message) -> None:
    _accepted_or_refused_by_field(api, msg, ["desired_outcome"], TEXT_LIMIT)


@pytest.mark.parametrize("msg", CORPUS, ids=lambda m: m.id)
def test_contact_name(api: tuple[httpx.Client, dict[str, str], str], msg: Message) -> None:
    if msg.text == "":
        client, auth, _ = api
        body = case_body(2)
        body["contact"]["name"] = ""
        _clear_refusal(_post(client, auth, body, uuid.uuid4().hex), 422, "contact.name")
        return
    _accepted_or_refused_by_field(api, msg, ["contact", "name"], 200)


@pytest.mark.parametrize("msg", CORPUS, ids=lambda m: m.id)
def test_facts_service(api: tuple[httpx.Client, dict[str, str], str], msg: Message) -> None:
    client, auth, _ = api
    body = case_body(3)
    body["facts"]["service"] = msg.text
    r = _post(client, auth, body, uuid.uuid4().hex)
    if _body_size(body) > BODY_LIMIT:
        _clear_refusal(r, 413, "body")
        return
    assert r.status_code == 422, (r.status_code, r.text[:300])
    field = r.json()["error"]["field"] or ""
    # A NUL anywhere in the facts is refused before triage, naming the facts as a whole.
    assert "service" in field or ("\x00" in msg.text and field == "facts"), r.text[:300]


@pytest.mark.parametrize("msg", CORPUS, ids=lambda m: m.id)
def test_idempotency_key_header(
    api: tuple[httpx.Client, dict[str, str], str], msg: Message
) -> None:
    client, auth, _ = api
    if not encodable(msg.text) or len(msg.text.encode()) > 16_000:
        return  # no HTTP client can send a header that large or unencodable
    try:
        raw = msg.text.encode()
        r = _post(client, auth, case_body(4), raw)
    except (httpx.LocalProtocolError, ValueError, UnicodeError):
        return  # the client library refuses to send it (CR/LF/NUL in a header): not reachable
    if r.status_code == 422:
        assert r.json()["error"]["field"] == "Idempotency-Key", r.text[:300]
    else:
        # 400 is the HTTP parser refusing control characters before the app sees them.
        assert r.status_code in (200, 201, 400, 431), (r.status_code, r.text[:300])


@pytest.mark.parametrize("msg", CORPUS, ids=lambda m: m.id)
def test_reference_in_path(api: tuple[httpx.Client, dict[str, str], str], msg: Message) -> None:
    client, auth, _ = api
    path = quote(msg.text, safe="") if encodable(msg.text) else ""
    if not path or len(path) > 60_000:
        return  # httpx refuses URLs over 64 KiB; nothing reaches the service
    r = client.get(f"/v1/cases/{path}", headers=auth, follow_redirects=False)
    assert r.status_code in (404, 422, 307, 414, 200), (r.status_code, r.text[:300])
    if r.status_code in (404, 422):
        assert r.json()["error"]["message"]
    if r.status_code == 200:  # only the list, reached by the empty reference's redirect
        assert msg.text.strip("/") == ""


@pytest.mark.parametrize("msg", CORPUS, ids=lambda m: m.id)
def test_list_filter(api: tuple[httpx.Client, dict[str, str], str], msg: Message) -> None:
    client, auth, _ = api
    if not encodable(msg.text) or len(msg.text) > 4000:
        return  # a URL that long is refused by any proxy in front; nothing to learn
    r = client.get("/v1/cases", params={"authority": msg.text}, headers=auth)
    if len(msg.text) > 64 or r.status_code == 422:
        # Refused, naming the filter (the service takes only id-shaped authority values).
        _clear_refusal(r, 422, "authority")
    else:
        assert r.status_code == 200, (r.status_code, r.text[:300])
        assert r.json()["items"] == [] or msg.text == "telford-wrekin"


@pytest.mark.parametrize("msg", CORPUS, ids=lambda m: m.id)
def test_event_note(api: tuple[httpx.Client, dict[str, str], str], msg: Message) -> None:
    client, auth, reference = api
    body = {"type": "acknowledged", "date": "2026-11-24", "note": msg.text}
    r = client.post(
        f"/v1/cases/{reference}/events",
        content=json.dumps(body, ensure_ascii=True).encode(),
        headers={**auth, "Content-Type": "application/json"},
    )
    if _body_size(body) > BODY_LIMIT:
        _clear_refusal(r, 413, "body")
    elif len(msg.text) > TEXT_LIMIT:
        _clear_refusal(r, 422, "note")
    elif r.status_code == 422:
        assert "\x00" in msg.text or not encodable(msg.text), r.text[:300]
        assert r.json()["error"]["field"] == "note"
    else:
        # A second acknowledgement may be refused as a state clash; never a server error.
        assert r.status_code in (200, 201, 409), (r.status_code, r.text[:300])
