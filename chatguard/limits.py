"""What the public chat channels allow: the pure logic, no Rasa import (the app venv tests it).

- a message longer than `max_message_chars` is refused before it reaches NLU (a 25,000-character
  message cost about 5 s of Rasa CPU; a complaint narrative fits in 2,000);
- token buckets per sender (one conversation) and per client IP: a message needs a token from
  both, so neither a fast script on one conversation nor many fresh sender ids from one address
  can take the server's CPU;
- a cap on open socket.io connections per client IP;
- the client IP is the peer address, or `X-Forwarded-For` read from the right only through
  proxies listed in `trusted_proxies`, so a visitor cannot pick their own address.

Memory is bounded: buckets live in an LRU table of at most `max_tracked` keys; a bucket that has
refilled completely is the same as no bucket, so idle ones are dropped first, and keys are
fixed-size digests, so a sender id of any length costs the same.
"""

from __future__ import annotations

import hashlib
import ipaddress
import math
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Clock = Callable[[], float]

# What the person is told; wording follows conversation-style.md (plain, kind, says what to do).
TOO_LONG = (
    "That message is too long for me — please send it in parts of up to {limit:,} characters."
)
SLOW_DOWN = (
    "You're sending messages faster than I can read them. "
    "Please wait a few seconds, then send that again."
)
TOO_MANY_CONNECTIONS = (
    "Too many chats are open from your network right now. Please close one or try again later."
)


@dataclass(frozen=True)
class Rate:
    """A token bucket's shape: `burst` messages at once, refilled at `per_second`."""

    burst: float
    per_second: float

    def __post_init__(self) -> None:
        if not (self.burst >= 1 and self.per_second > 0):
            raise ValueError(f"a rate needs burst >= 1 and per_second > 0, not {self}")

    @property
    def refill_seconds(self) -> float:
        """How long an empty bucket takes to fill: after that, a bucket is as good as new."""
        return self.burst / self.per_second


@dataclass(frozen=True)
class Settings:
    """The limits, as read from a channel's entry in credentials.yml (the `limits:` key)."""

    max_message_chars: int = 2000
    # A person types a message every few seconds; 5 at once covers quick button presses.
    sender: Rate = Rate(burst=5, per_second=1.0)
    # A school, library or council office puts many people behind one address.
    ip: Rate = Rate(burst=60, per_second=5.0)
    max_connections_per_ip: int = 50
    trusted_proxies: tuple[Network, ...] = ()
    # Bounds memory: about 300 bytes a key, so 100,000 keys per table is about 30 MB.
    max_tracked: int = 100_000

    KEYS = (
        "max_message_chars",
        "sender_burst",
        "sender_per_second",
        "ip_burst",
        "ip_per_second",
        "max_connections_per_ip",
        "trusted_proxies",
        "max_tracked",
    )

    @classmethod
    def from_credentials(cls, raw: Mapping[str, Any] | None) -> Settings:
        """Reads the `limits:` mapping; a misspelt key or a bad value fails loudly, naming it."""
        raw = dict(raw or {})
        unknown = sorted(set(raw) - set(cls.KEYS))
        if unknown:
            raise ValueError(f"unknown chat limit setting(s) {unknown}; known: {list(cls.KEYS)}")
        d = cls()

        def number(key: str, default: float, *, integer: bool = False) -> float:
            value = raw.get(key, default)
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                raise ValueError(f"chat limit {key} must be a positive number, not {value!r}")
            if integer and value != int(value):
                raise ValueError(f"chat limit {key} must be a whole number, not {value!r}")
            return value

        proxies = raw.get("trusted_proxies") or []
        if isinstance(proxies, str) or not isinstance(proxies, list):
            raise ValueError("chat limit trusted_proxies must be a list of addresses or networks")
        try:
            networks = tuple(ipaddress.ip_network(str(p), strict=False) for p in proxies)
        except ValueError as exc:
            raise ValueError(f"chat limit trusted_proxies: {exc}") from None
        return cls(
            max_message_chars=int(number("max_message_chars", d.max_message_chars, integer=True)),
            sender=Rate(
                number("sender_burst", d.sender.burst),
                number("sender_per_second", d.sender.per_second),
            ),
            ip=Rate(number("ip_burst", d.ip.burst), number("ip_per_second", d.ip.per_second)),
            max_connections_per_ip=int(
                number("max_connections_per_ip", d.max_connections_per_ip, integer=True)
            ),
            trusted_proxies=networks,
            max_tracked=int(number("max_tracked", d.max_tracked, integer=True)),
        )

    def too_long(self, text: object) -> str | None:
        """The reply for a message over the limit (counted in characters), else None."""
        if isinstance(text, str) and len(text) > self.max_message_chars:
            return TOO_LONG.format(limit=self.max_message_chars)
        return None


def _key(value: str) -> bytes:
    """A fixed-size key: a sender id of a megabyte costs the table what a short one does."""
    return hashlib.blake2b(value.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class Buckets:
    """Token buckets by key, at most `max_keys` of them, least recently used dropped first.

    Dropping a bucket forgets its debt, i.e. errs towards letting a message through; that is
    safe because every message also needs a token from its IP's bucket, and the IP table holds
    far fewer keys than a flood of invented sender ids would need to push a busy IP out.
    """

    def __init__(self, rate: Rate, max_keys: int) -> None:
        self.rate = rate
        self.max_keys = max_keys
        self._table: OrderedDict[bytes, list[float]] = OrderedDict()  # key -> [tokens, at]

    def __len__(self) -> int:
        return len(self._table)

    def _tokens(self, entry: list[float], now: float) -> float:
        return min(self.rate.burst, entry[0] + (now - entry[1]) * self.rate.per_second)

    def wait(self, key: bytes, now: float) -> float:
        """Seconds until `key` has a token (0.0: it has one now). Changes nothing."""
        entry = self._table.get(key)
        if entry is None:
            return 0.0
        tokens = self._tokens(entry, now)
        return 0.0 if tokens >= 1 else (1 - tokens) / self.rate.per_second

    def take(self, key: bytes, now: float) -> None:
        """Spends one token of `key` (call after `wait` said 0)."""
        entry = self._table.get(key)
        if entry is None:
            self._make_room(now)
            self._table[key] = [self.rate.burst - 1, now]
            return
        self._table.move_to_end(key)
        entry[0] = self._tokens(entry, now) - 1
        entry[1] = now

    def _make_room(self, now: float) -> None:
        table = self._table
        # Full buckets at the old end carry no information: drop them (amortised O(1)).
        while table:
            oldest = next(iter(table.values()))
            if self._tokens(oldest, now) < self.rate.burst:
                break
            table.popitem(last=False)
        while len(table) >= self.max_keys:
            table.popitem(last=False)


@dataclass(frozen=True)
class Verdict:
    ok: bool
    retry_after: float = 0.0  # seconds, when not ok
    scope: str = ""  # "sender" or "ip": which bucket was empty

    @property
    def retry_after_header(self) -> str:
        """Retry-After takes whole seconds; round up so a client that waits that long gets in."""
        return str(max(1, math.ceil(self.retry_after)))


@dataclass
class Limiter:
    """Admits a message when both its sender's and its IP's bucket have a token."""

    settings: Settings
    clock: Clock = time.monotonic
    senders: Buckets = field(init=False)
    ips: Buckets = field(init=False)

    def __post_init__(self) -> None:
        self.senders = Buckets(self.settings.sender, self.settings.max_tracked)
        self.ips = Buckets(self.settings.ip, self.settings.max_tracked)

    def admit(self, sender: str, ip: str) -> Verdict:
        now = self.clock()
        sender_key, ip_key = _key(sender), _key(ip)
        sender_wait = self.senders.wait(sender_key, now)
        ip_wait = self.ips.wait(ip_key, now)
        if sender_wait or ip_wait:
            # A refused message spends nothing, so it never makes the wait longer.
            scope = "ip" if ip_wait >= sender_wait else "sender"
            return Verdict(False, max(sender_wait, ip_wait), scope)
        self.senders.take(sender_key, now)
        self.ips.take(ip_key, now)
        return Verdict(True)


class Connections:
    """Open socket.io connections by client IP; memory follows the sockets actually open."""

    def __init__(self, max_per_ip: int) -> None:
        self.max_per_ip = max_per_ip
        self._ip_of: dict[str, str] = {}
        self._count: dict[str, int] = {}

    def open(self, sid: str, ip: str) -> bool:
        """Records the connection, or returns False when `ip` already has the maximum."""
        if self._count.get(ip, 0) >= self.max_per_ip:
            return False
        self.close(sid)  # a reused sid must not count twice
        self._ip_of[sid] = ip
        self._count[ip] = self._count.get(ip, 0) + 1
        return True

    def close(self, sid: str) -> None:
        ip = self._ip_of.pop(sid, None)
        if ip is None:
            return
        left = self._count[ip] - 1
        if left:
            self._count[ip] = left
        else:
            del self._count[ip]

    def ip_of(self, sid: str) -> str | None:
        return self._ip_of.get(sid)

    def count(self, ip: str) -> int:
        return self._count.get(ip, 0)


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]:443"
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # "203.0.113.9:5000"
        text = text.split(":", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _trusted(addr: ipaddress.IPv4Address | ipaddress.IPv6Address, nets: Iterable[Network]) -> bool:
    return any(addr.version == n.version and addr in n for n in nets)


def client_ip(peer: str, forwarded_for: str | None, trusted: tuple[Network, ...]) -> str:
    """The address a limit applies to.

    Without trusted proxies, or when the peer is not one of them, it is the peer: a header the
    visitor wrote proves nothing. Otherwise X-Forwarded-For is read from the right (each proxy
    appends the address it saw), skipping trusted proxies; the first other address is the client.
    """
    peer_addr = _address(peer)
    if not trusted or not forwarded_for or peer_addr is None or not _trusted(peer_addr, trusted):
        return peer
    client = str(peer_addr)
    for hop in reversed(forwarded_for.split(",")):
        addr = _address(hop)
        if addr is None:
            break  # garbage left of our proxies was written by the client: stop at what we know
        client = str(addr)
        if not _trusted(addr, trusted):
            break
    return client


class Tally:
    """Counts refusals for the log: one line at most every `every` seconds, so a flood of
    refused messages cannot fill the disk. Never the text, sender or address (personal data)."""

    def __init__(self, every: float = 60.0, clock: Clock = time.monotonic) -> None:
        self.every = every
        self.clock = clock
        self._counts: dict[str, int] = {}
        self._logged = -math.inf  # the first refusal is logged at once

    def add(self, kind: str) -> dict[str, int] | None:
        """Counts one refusal of `kind`; returns the counts to log (and starts over) when due."""
        self._counts[kind] = self._counts.get(kind, 0) + 1
        now = self.clock()
        if now - self._logged < self.every:
            return None
        counts, self._counts, self._logged = self._counts, {}, now
        return counts
