"""Rasa's REST and socket.io channels with the limits of chatguard.limits applied first.

Runs inside the Rasa server (.venv-rasa). bot/credentials.yml names these classes by module
path; `rasa` puts its working directory (the repository root, where every start command runs
it) on sys.path, which is how Rasa finds them. The channel names stay "rest" and "socketio", so
the URLs (/webhooks/rest/webhook, /socket.io) and events are Rasa's own.

Only the smallest part is overridden: the REST blueprint gets a request middleware (it runs on
that blueprint's routes only, before Rasa's handler), and the socket.io server's connect,
disconnect and message handlers are wrapped after Rasa registers them.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint, response
from sanic.exceptions import SanicException
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio.exceptions import ConnectionRefusedError

from chatguard.limits import (
    SLOW_DOWN,
    TOO_MANY_CONNECTIONS,
    Connections,
    Limiter,
    Settings,
    Tally,
    Verdict,
    client_ip,
)

logger = logging.getLogger(__name__)

# Rasa's SQL tracker store keeps sender ids in a 255-character column.
MAX_SENDER_CHARS = 255
# The widget is told to slow down at most this often; further refusals are dropped quietly.
NOTICE_EVERY_SECONDS = 2.0


def _settings(credentials: dict[str, Any] | None) -> tuple[Settings, dict[str, Any]]:
    rest = dict(credentials or {})
    return Settings.from_credentials(rest.pop("limits", None)), rest


def _log(tally: Tally, kind: str) -> None:
    counts = tally.add(kind)
    if counts:
        logger.warning("chat limits: refused since the last report: %s", counts)


def _error(status: int, field: str, message: str, **headers: str) -> HTTPResponse:
    return response.json(
        {"error": {"field": field, "message": message}}, status=status, headers=headers
    )


def _slow_down(verdict: Verdict) -> HTTPResponse:
    seconds = verdict.retry_after_header
    message = f"Too many messages. Please wait {seconds} s, then send that again."
    return _error(429, verdict.scope, message, **{"Retry-After": seconds})


class LimitedRestInput(RestInput):
    """POST /webhooks/rest/webhook, limited.

    Over a rate: 429 with Retry-After (and a JSON error naming the limit: "sender" or "ip").
    Too long: 200 with one bot message saying so, in Rasa's own reply format, because the REST
    channel's contract is "a list of bot messages" and a front end shows those to the person,
    who is the one who can act on it; the header X-Chat-Refused says it was refused.
    Not a JSON object, or a sender id over 255 characters: 400 with a JSON error.
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.limiter = Limiter(self.settings)
        self.tally = Tally()

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        settings, rest = _settings(credentials)
        if rest:
            raise ValueError(f"unknown rest channel setting(s) {sorted(rest)}; known: ['limits']")
        return cls(settings)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        bp = super().blueprint(on_new_message)
        # Decorator form: sanic 21's lazy Blueprint.middleware drops a bound method passed directly.
        bp.middleware("request")(self._guard)
        return bp

    async def _guard(self, request: Request) -> HTTPResponse | None:
        if request.method != "POST":
            return None
        try:
            body = request.json
        except SanicException:
            body = None
        if not isinstance(body, dict):
            return _error(400, "body", 'Send a JSON object: {"sender": "...", "message": "..."}.')
        sender = body.get("sender")
        if sender is not None and len(str(sender)) > MAX_SENDER_CHARS:
            return _error(400, "sender", f"sender is longer than {MAX_SENDER_CHARS} characters.")
        forwarded = ",".join(request.headers.getall("x-forwarded-for", [])) or None
        ip = client_ip(request.ip, forwarded, self.settings.trusted_proxies)
        verdict = self.limiter.admit(str(sender), ip)
        if not verdict.ok:
            _log(self.tally, f"rate-{verdict.scope}")
            return _slow_down(verdict)
        refusal = self.settings.too_long(body.get("message"))
        if refusal:
            _log(self.tally, "too-long")
            return response.json(
                [{"recipient_id": sender, "text": refusal}],
                headers={"X-Chat-Refused": "message-too-long"},
            )
        return None


class LimitedSocketIOInput(SocketIOInput):
    """The widget's channel, limited. Every setting of Rasa's socket.io channel still applies.

    Over a rate, the message is dropped and the socket told (a bot_uttered message) to slow
    down, at most once every 2 s. Too long: dropped, and told so. Too many sockets from one IP:
    the connection is refused with a message the client sees in its connect_error.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limit(Settings())

    def limit(self, settings: Settings) -> None:
        self.settings = settings
        self.limiter = Limiter(settings)
        self.connections = Connections(settings.max_connections_per_ip)
        self.tally = Tally()
        self._noticed: dict[str, float] = {}  # sid -> when it was last told to slow down

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        settings, rest = _settings(credentials)
        channel = super().from_credentials(rest)  # Rasa's reading of its own keys
        assert isinstance(channel, LimitedSocketIOInput)
        channel.limit(settings)
        return channel

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = super().blueprint(on_new_message)
        sio = self.sio
        assert sio is not None
        # A frame far over the message cap is not a chat message: engine.io drops the socket
        # before parsing it (its default is 1 MB). JSON escapes can make a char take 6 bytes.
        sio.eio.max_http_buffer_size = max(64 * 1024, 8 * self.settings.max_message_chars)
        handlers = sio.handlers[self.namespace or "/"]
        connect = handlers["connect"]
        disconnect = handlers["disconnect"]
        message = handlers[self.user_message_evt]

        async def guarded_connect(sid: str, environ: dict[str, Any], auth: Any = None) -> Any:
            request = environ.get("sanic.request")
            peer = getattr(request, "ip", "") or environ.get("REMOTE_ADDR", "")
            forwarded = environ.get("HTTP_X_FORWARDED_FOR")
            ip = client_ip(peer, forwarded, self.settings.trusted_proxies)
            if not self.connections.open(sid, ip):
                _log(self.tally, "connections")
                raise ConnectionRefusedError(TOO_MANY_CONNECTIONS)
            try:
                accepted = await connect(sid, environ, auth)
            except BaseException:
                self.connections.close(sid)
                raise
            if accepted is False:
                self.connections.close(sid)
            return accepted

        async def guarded_disconnect(sid: str) -> None:
            self.connections.close(sid)
            self._noticed.pop(sid, None)
            await disconnect(sid)

        async def guarded_message(sid: str, data: Any) -> None:
            if not isinstance(data, dict):
                return  # not something the widget sends; Rasa's handler would raise on it
            sender = data.get("session_id") if self.session_persistence else sid
            ip = self.connections.ip_of(sid) or "unknown"
            verdict = self.limiter.admit(str(sender or sid), ip)
            if not verdict.ok:
                _log(self.tally, f"rate-{verdict.scope}")
                now = time.monotonic()
                if now - self._noticed.get(sid, -NOTICE_EVERY_SECONDS) >= NOTICE_EVERY_SECONDS:
                    self._noticed[sid] = now
                    await self._say(sid, SLOW_DOWN)
                return
            refusal = self.settings.too_long(data.get("message"))
            if refusal:
                _log(self.tally, "too-long")
                await self._say(sid, refusal)
                return
            await message(sid, data)

        sio.on("connect", guarded_connect, namespace=self.namespace)
        sio.on("disconnect", guarded_disconnect, namespace=self.namespace)
        sio.on(self.user_message_evt, guarded_message, namespace=self.namespace)
        return bp

    async def _say(self, sid: str, text: str) -> None:
        """A bot message to this socket only (not the session's room: other tabs didn't send it)."""
        assert self.sio is not None
        await self.sio.emit(
            self.bot_message_evt, {"text": text}, room=sid, namespace=self.namespace
        )
