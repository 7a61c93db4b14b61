"""The chat channels' limits as pure logic (chatguard.limits, no Rasa): token buckets, the
bounded tables, client IPs through trusted proxies only, settings read from credentials.yml."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import pytest
import yaml

from chatguard.limits import (
    TOO_LONG,
    Buckets,
    Connections,
    Limiter,
    Rate,
    Settings,
    Tally,
    client_ip,
)

REPO = Path(__file__).resolve().parents[2]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_defaults_are_what_credentials_yml_ships() -> None:
    creds = yaml.safe_load((REPO / "bot" / "credentials.yml").read_text())
    for channel in (
        "chatguard.channels.LimitedRestInput",
        "chatguard.channels.LimitedSocketIOInput",
    ):
        assert Settings.from_credentials(creds[channel]["limits"]) == Settings()
    s = Settings()
    assert s.max_message_chars == 2000
    assert (s.sender.burst, s.sender.per_second) == (5, 1.0)
    assert (s.ip.burst, s.ip.per_second) == (60, 5.0)


def test_a_burst_then_one_a_second() -> None:
    clock = Clock()
    limiter = Limiter(Settings(), clock)
    admitted = [limiter.admit("s1", "203.0.113.1").ok for _ in range(8)]
    assert admitted == [True] * 5 + [False] * 3
    refused = limiter.admit("s1", "203.0.113.1")
    assert refused.scope == "sender"
    assert refused.retry_after == pytest.approx(1.0)
    assert refused.retry_after_header == "1"
    clock.now += 0.5
    assert not limiter.admit("s1", "203.0.113.1").ok  # half a token is not a message
    clock.now += 0.5
    assert limiter.admit("s1", "203.0.113.1").ok
    assert not limiter.admit("s1", "203.0.113.1").ok
    # Another conversation on the same address is not held up by this one.
    assert limiter.admit("s2", "203.0.113.1").ok


def test_refusals_cost_nothing() -> None:
    """Hammering while refused must not push the wait further out."""
    clock = Clock()
    limiter = Limiter(Settings(sender=Rate(2, 0.5)), clock)
    assert limiter.admit("s", "ip").ok and limiter.admit("s", "ip").ok
    for _ in range(50):
        assert not limiter.admit("s", "ip").ok
    clock.now += 2.0
    assert limiter.admit("s", "ip").ok


def test_many_senders_from_one_ip_meet_the_ip_limit() -> None:
    clock = Clock()
    limiter = Limiter(Settings(ip=Rate(10, 2.0)), clock)
    results = [limiter.admit(f"fresh-{i}", "198.51.100.7") for i in range(15)]
    assert [r.ok for r in results] == [True] * 10 + [False] * 5
    assert results[-1].scope == "ip"
    assert limiter.admit("fresh-x", "198.51.100.8").ok  # another address is separate
    clock.now += 0.5
    assert limiter.admit("fresh-y", "198.51.100.7").ok


def test_memory_is_bounded_and_idle_buckets_go_first() -> None:
    clock = Clock()
    buckets = Buckets(Rate(5, 1.0), max_keys=100)
    busy = b"busy-sender-key!"
    for _ in range(5):
        buckets.take(busy, clock.now)
    for i in range(10_000):
        buckets.take(i.to_bytes(16, "big"), clock.now)
        assert len(buckets) <= 100
    # Idle (refilled) buckets are dropped before the table grows.
    clock.now += 10
    for i in range(50):
        buckets.take((20_000 + i).to_bytes(16, "big"), clock.now)
    assert len(buckets) == 50


def test_a_huge_sender_id_costs_a_fixed_size_key() -> None:
    limiter = Limiter(Settings(max_tracked=10), Clock())
    assert limiter.admit("x" * 1_000_000, "ip").ok
    assert all(len(k) == 16 for k in limiter.senders._table)


def test_too_long_counts_characters_and_names_the_limit() -> None:
    s = Settings()
    assert s.too_long("a" * 2000) is None
    assert s.too_long("😀" * 2000) is None  # characters, not bytes
    reply = s.too_long("a" * 2001)
    assert reply == TOO_LONG.format(limit=2000)
    assert "2,000 characters" in reply and "too long" in reply
    assert s.too_long(None) is None


def test_forwarded_for_only_through_trusted_proxies() -> None:
    none: tuple[ipaddress.IPv4Network, ...] = ()
    trusted = (ipaddress.ip_network("127.0.0.1/32"), ipaddress.ip_network("10.0.0.0/8"))
    # No trusted proxies: a visitor's header is ignored.
    assert client_ip("203.0.113.9", "1.2.3.4", none) == "203.0.113.9"
    # The peer is not a trusted proxy: ignored too.
    assert client_ip("203.0.113.9", "1.2.3.4", trusted) == "203.0.113.9"
    # Through our proxy: the address the proxy saw (the right-most untrusted hop).
    assert client_ip("127.0.0.1", "198.51.100.7", trusted) == "198.51.100.7"
    # A visitor who writes their own X-Forwarded-For cannot choose: the proxy appends the real one.
    assert client_ip("127.0.0.1", "1.1.1.1, 198.51.100.7", trusted) == "198.51.100.7"
    assert client_ip("127.0.0.1", "1.1.1.1, 198.51.100.7, 10.1.2.3", trusted) == "198.51.100.7"
    assert client_ip("127.0.0.1", "garbage, 10.1.2.3", trusted) == "10.1.2.3"
    assert client_ip("127.0.0.1", "[2001:db8::5]:443", trusted) == "2001:db8::5"
    assert client_ip("127.0.0.1", None, trusted) == "127.0.0.1"


def test_connections_per_ip() -> None:
    c = Connections(max_per_ip=2)
    assert c.open("a", "ip1") and c.open("b", "ip1")
    assert not c.open("c", "ip1")
    assert c.open("d", "ip2")
    c.close("a")
    assert c.open("c", "ip1")
    assert c.ip_of("c") == "ip1" and c.count("ip1") == 2
    for sid in ("b", "c", "d", "never-opened"):
        c.close(sid)
    assert c.count("ip1") == 0 and c._count == {} and c._ip_of == {}


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"sender_brust": 5}, "sender_brust"),
        ({"sender_burst": 0}, "sender_burst"),
        ({"ip_per_second": "fast"}, "ip_per_second"),
        ({"max_message_chars": 10.5}, "max_message_chars"),
        ({"max_message_chars": True}, "max_message_chars"),
        ({"trusted_proxies": "10.0.0.0/8"}, "trusted_proxies"),
        ({"trusted_proxies": ["not-an-ip"]}, "trusted_proxies"),
    ],
)
def test_bad_settings_fail_loudly_naming_the_key(raw: dict[str, object], field: str) -> None:
    with pytest.raises(ValueError, match=field):
        Settings.from_credentials(raw)


def test_refusals_are_logged_at_most_once_a_minute() -> None:
    clock = Clock()
    tally = Tally(every=60, clock=clock)
    assert tally.add("too-long") == {"too-long": 1}
    assert all(tally.add("rate-ip") is None for _ in range(1000))
    clock.now += 61
    assert tally.add("rate-ip") == {"rate-ip": 1001}
