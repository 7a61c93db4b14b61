"""What `make run` exposes (SECURITY.md F1, F2): every process listens on loopback only, Rasa's
HTTP API is off, and the Rasa server's CORS admits only the demo page's origins."""

from __future__ import annotations

import socket
from pathlib import Path

import httpx
import pytest

from .conftest import Stack

pytestmark = pytest.mark.browser

LISTEN = "0A"  # TCP state LISTEN in /proc/net/tcp*


def listening_addresses(port: int) -> set[str]:
    """Local addresses (hex, as the kernel writes them) with a listening socket on `port`."""
    found: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        path = Path(table)
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            address, port_hex = fields[1].rsplit(":", 1)
            if int(port_hex, 16) == port and fields[3] == LISTEN:
                found.add(address)
    return found


LOOPBACK = {
    "0100007F",  # 127.0.0.1
    "00000000000000000000000001000000",  # ::1
    "0000000000000000FFFF00000100007F",  # ::ffff:127.0.0.1
}


@pytest.mark.parametrize("name", ["CASESERVICE_PORT", "ACTIONS_PORT", "RASA_PORT", "WEB_PORT"])
def test_every_process_listens_on_loopback_only(stack: Stack, name: str) -> None:
    addresses = listening_addresses(stack.ports[name])
    assert addresses, f"nothing listens on {name}={stack.ports[name]}"
    assert addresses <= LOOPBACK, f"{name} listens beyond loopback: {addresses}"


def test_action_server_refuses_other_interfaces(stack: Stack) -> None:
    # The same fact seen from a client: the machine's own non-loopback address is refused.
    others = {
        info[4][0]
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
        if not info[4][0].startswith("127.")
    }
    for address in others:
        with (
            pytest.raises(OSError),
            socket.create_connection((address, stack.ports["ACTIONS_PORT"]), timeout=2),
        ):
            pass
    # The loopback path still works, so the refusals above are about the interface.
    assert httpx.get(f"http://127.0.0.1:{stack.ports['ACTIONS_PORT']}/health").status_code == 200


def test_rasa_http_api_is_off(stack: Stack) -> None:
    assert httpx.get(f"{stack.rasa_url}/", timeout=5).status_code == 200
    for path in ("/conversations/someone/tracker", "/status", "/model/parse"):
        resp = httpx.get(f"{stack.rasa_url}{path}", timeout=5)
        assert resp.status_code in (404, 405), f"{path} answered {resp.status_code}"


def test_cors_admits_the_page_origin_only(stack: Stack) -> None:
    page_origin = f"http://localhost:{stack.ports['WEB_PORT']}"
    url = f"{stack.rasa_url}/socket.io/?EIO=4&transport=polling"
    ok = httpx.get(url, headers={"Origin": page_origin}, timeout=5)
    assert ok.status_code == 200
    assert ok.headers.get("access-control-allow-origin") == page_origin
    other = httpx.get(url, headers={"Origin": "https://evil.example"}, timeout=5)
    assert other.headers.get("access-control-allow-origin") in (None, "")
