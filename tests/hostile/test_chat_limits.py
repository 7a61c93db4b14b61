"""The public channels' limits on the real assistant, over real HTTP and a real websocket.

One stack runs bot/credentials.yml exactly as `make run` ships it (the default limits); a second
Rasa server, on the same action server and case service, runs tight limits behind a "trusted
proxy" (127.0.0.1) to reach the per-IP limit and the socket cap in a few requests."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
import websockets

from chatguard.limits import SLOW_DOWN, TOO_LONG, TOO_MANY_CONNECTIONS
from tests.support.servers import assert_no_traceback, rasa_stack, running

REPO = Path(__file__).resolve().parents[2]
TIMEOUT = httpx.Timeout(60.0, connect=5.0)
TOO_LONG_2000 = TOO_LONG.format(limit=2000)
PROXY_LIMITS = {
    "max_message_chars": 2000,
    "sender_burst": 100,
    "sender_per_second": 100,
    "ip_burst": 3,
    "ip_per_second": 0.1,
    "trusted_proxies": ["127.0.0.1"],
}


@pytest.fixture(scope="module")
def stack() -> Iterator[Any]:
    """The assistant with the limits `make run` ships."""
    s = rasa_stack().Stack()
    s.credentials = REPO / "bot" / "credentials.yml"
    with running(s):
        yield s


@pytest.fixture(scope="module")
def proxied(stack: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A second Rasa server with tight limits, trusting X-Forwarded-For from 127.0.0.1."""
    creds = tmp_path_factory.mktemp("proxied") / "credentials.yml"
    socket_limits = {**PROXY_LIMITS, "max_connections_per_ip": 2}
    creds.write_text(
        json.dumps(  # JSON is YAML
            {
                "chatguard.channels.LimitedRestInput": {"limits": PROXY_LIMITS},
                "chatguard.channels.LimitedSocketIOInput": {
                    "session_persistence": True,
                    "limits": socket_limits,
                },
            }
        )
    )
    s = rasa_stack().Stack(workdir=creds.parent)
    s.credentials = creds
    s.action_port = stack.action_port  # the same action server; only Rasa differs
    try:
        s.start_rasa()
        yield s
    finally:
        s.stop()
    assert_no_traceback(s, ("rasa",))


def _post(stack: Any, sender: str, text: str, **headers: str) -> httpx.Response:
    return httpx.post(
        stack.rest_url, json={"sender": sender, "message": text}, headers=headers, timeout=TIMEOUT
    )


def _texts(resp: httpx.Response) -> str:
    assert 200 <= resp.status_code < 300, (resp.status_code, resp.text[:300])
    return "\n".join(m.get("text") or "" for m in resp.json())


# --- REST, default limits ----------------------------------------------------------------------


def test_overlong_message_is_refused_kindly_without_reaching_nlu(stack: Any) -> None:
    sender = f"long-{uuid.uuid4().hex[:8]}"
    started = time.monotonic()
    resp = _post(stack, sender, "My bin was not emptied. " * 1042)  # 25,008 characters
    took = time.monotonic() - started
    assert resp.status_code == 200, resp.text[:300]
    assert resp.headers["X-Chat-Refused"] == "message-too-long"
    assert resp.json() == [{"recipient_id": sender, "text": TOO_LONG_2000}]
    assert "2,000 characters" in TOO_LONG_2000
    assert took < 2.0, f"a refused 25,000-character message took {took:.2f} s"

    at_limit = "My bin was not emptied and nobody answers the phone. " * 38  # 2,014
    at_limit = at_limit[:2000]
    started = time.monotonic()
    said = _texts(_post(stack, sender, at_limit))
    took_2000 = time.monotonic() - started
    assert said.strip() and TOO_LONG_2000 not in said
    # Rasa was not blocked: the same conversation goes on normally.
    said = _texts(_post(stack, sender, "I want to make a complaint"))
    assert "Who is the complaint about" in said or "What happened" in said, said
    print(
        f"\n25,000 chars refused in {took * 1000:.0f} ms; 2,000 chars answered in {took_2000:.2f} s"
    )


def test_a_burst_past_the_sender_limit_gets_429_then_recovers(stack: Any) -> None:
    sender = f"burst-{uuid.uuid4().hex[:8]}"
    with ThreadPoolExecutor(12) as pool:
        results = list(pool.map(lambda _: _timed_post(stack, sender, "hello"), range(12)))
    ok = [r for r, _ in results if r.status_code == 200]
    limited = [(r, t) for r, t in results if r.status_code == 429]
    assert len(ok) + len(limited) == 12, [r.status_code for r, _ in results]
    assert len(ok) == 5, f"the default burst is 5 messages, {len(ok)} got through"
    for r, took in limited:
        assert r.headers["Retry-After"] == "1"
        assert r.json()["error"]["field"] == "sender", r.text
        assert "wait" in r.json()["error"]["message"]
        assert took < 5.0, f"a refusal took {took:.1f} s: it must not wait for NLU"
    # Another conversation from the same address is not held up.
    assert _post(stack, f"other-{uuid.uuid4().hex[:8]}", "hello").status_code == 200
    time.sleep(int(limited[0][0].headers["Retry-After"]) + 0.1)
    assert _texts(_post(stack, sender, "I want to make a complaint")).strip()
    print(f"\nburst: {len(ok)} of 12 concurrent messages admitted, {len(limited)} got 429")


def _timed_post(stack: Any, sender: str, text: str) -> tuple[httpx.Response, float]:
    started = time.monotonic()
    resp = _post(stack, sender, text)
    return resp, time.monotonic() - started


def test_bad_bodies_get_a_clear_400(stack: Any) -> None:
    r = httpx.post(stack.rest_url, content=b"not json", timeout=TIMEOUT)
    assert r.status_code == 400 and r.json()["error"]["field"] == "body", r.text
    r = httpx.post(stack.rest_url, json=["a list"], timeout=TIMEOUT)
    assert r.status_code == 400 and r.json()["error"]["field"] == "body", r.text
    r = httpx.post(stack.rest_url, json={"sender": "s" * 256, "message": "hi"}, timeout=TIMEOUT)
    assert r.status_code == 400 and r.json()["error"]["field"] == "sender", r.text


# --- socket.io, default limits -----------------------------------------------------------------


class Refused(Exception):
    pass


class Socket:
    """Just enough of Engine.IO 4 / Socket.IO 5 (what the widget's socket.io-client speaks),
    over a real websocket to the Rasa server."""

    def __init__(self, rasa_port: int, headers: dict[str, str] | None = None) -> None:
        self.url = f"ws://127.0.0.1:{rasa_port}/socket.io/?EIO=4&transport=websocket"
        self.headers = headers or {}
        self.ws: Any = None
        self.session_id = ""

    async def __aenter__(self) -> Socket:
        self.ws = await websockets.connect(self.url, extra_headers=self.headers, open_timeout=10)
        opened = await asyncio.wait_for(self.ws.recv(), 10)
        assert opened.startswith("0"), opened
        await self.ws.send("40")
        answer = await self._packet(10)
        if answer.startswith("44"):
            await self.ws.close()
            raise Refused(json.loads(answer[2:])["message"])
        assert answer.startswith("40"), answer
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.ws.close()

    async def _packet(self, timeout: float) -> str:
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), timeout)
            if raw == "2":  # engine.io ping
                await self.ws.send("3")
                continue
            return str(raw)

    async def emit(self, event: str, data: Any) -> None:
        await self.ws.send("42" + json.dumps([event, data]))

    async def session(self) -> str:
        await self.emit("session_request", {"session_id": None})
        for event, data in await self.events(10, until="session_confirm"):
            if event == "session_confirm":
                self.session_id = data
                return str(data)
        raise AssertionError("no session_confirm")

    async def say(self, text: str) -> None:
        await self.emit("user_uttered", {"message": text, "session_id": self.session_id})

    async def events(self, seconds: float, until: str | None = None) -> list[tuple[str, Any]]:
        got: list[tuple[str, Any]] = []
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                raw = await self._packet(left)
            except asyncio.TimeoutError:
                break
            if raw.startswith("42"):
                event, *args = json.loads(raw[2:])
                got.append((event, args[0] if args else None))
                if event == until:
                    break
        return got


def _bot(events: list[tuple[str, Any]]) -> list[str]:
    return [d.get("text") or "" for e, d in events if e == "bot_uttered" and isinstance(d, dict)]


def test_socketio_refuses_long_and_fast_messages_with_a_bot_message(stack: Any) -> None:
    async def run() -> None:
        async with Socket(stack.rasa_port) as sock:
            await sock.session()
            await sock.say("x" * 2001)
            said = _bot(await sock.events(5, until="bot_uttered"))
            assert said == [TOO_LONG_2000], said
            for _ in range(8):  # 1 token spent above; 4 of these get through
                await sock.say("hello")
            said = _bot(await sock.events(8))
            assert said.count(SLOW_DOWN) == 1, said  # told once, not once per message
            answers = [t for t in said if t != SLOW_DOWN]
            assert answers, f"the admitted messages got no answer: {said}"
            await asyncio.sleep(1.5)
            await sock.say("I want to make a complaint")
            said = _bot(await sock.events(20, until="bot_uttered"))
            assert said and SLOW_DOWN not in said and TOO_LONG_2000 not in said, said

    asyncio.run(run())


# --- per IP, through a trusted proxy -----------------------------------------------------------


def test_ip_limit_uses_the_address_the_trusted_proxy_saw(proxied: Any) -> None:
    client = {"X-Forwarded-For": "198.51.100.7"}
    codes = [_post(proxied, f"ip-{i}-{uuid.uuid4().hex[:6]}", "hello", **client) for i in range(4)]
    assert [r.status_code for r in codes] == [200, 200, 200, 429], [r.text for r in codes]
    assert codes[-1].json()["error"]["field"] == "ip"
    assert int(codes[-1].headers["Retry-After"]) >= 9  # 0.1 tokens a second
    # A visitor's own X-Forwarded-For entry is not believed: the proxy's (right-most) one is.
    spoof = {"X-Forwarded-For": "192.0.2.55, 198.51.100.7"}
    assert _post(proxied, "spoofer", "hello", **spoof).status_code == 429
    # Someone else behind the same proxy is not affected.
    assert (
        _post(proxied, "neighbour", "hello", **{"X-Forwarded-For": "198.51.100.8"}).status_code
        == 200
    )


def test_socket_connections_per_ip_are_capped(proxied: Any) -> None:
    client = {"X-Forwarded-For": "198.51.100.20"}

    async def run() -> None:
        async with Socket(proxied.rasa_port, client), Socket(proxied.rasa_port, client) as second:
            with pytest.raises(Refused) as refused:
                async with Socket(proxied.rasa_port, client):
                    pass
            assert str(refused.value) == TOO_MANY_CONNECTIONS
            # Another address still connects and is answered.
            async with Socket(proxied.rasa_port, {"X-Forwarded-For": "198.51.100.21"}) as other:
                await other.session()
            await second.session()
        # Closed sockets are counted out again.
        await asyncio.sleep(0.5)
        async with Socket(proxied.rasa_port, client) as again:
            await again.session()

    asyncio.run(run())
