"""The demo page's static server: fixed routes only, safe config, strict CSP, clear errors."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SERVE = REPO / "web" / "serve.py"


def start(*args: str) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [sys.executable, str(SERVE), "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    m = re.search(r"http://localhost:(\d+)/", line)
    if not m:
        proc.kill()
        raise AssertionError(f"serve.py did not print its URL: {line!r} {proc.stderr.read()!r}")
    return proc, f"http://127.0.0.1:{m.group(1)}"


@pytest.fixture
def server() -> Iterator[str]:
    proc, url = start("--rasa-url", "http://127.0.0.1:5999", "--authority", "telford-wrekin")
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=5)


def get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def test_page_names_the_council_from_its_pack(server: str) -> None:
    status, headers, body = get(server + "/")
    assert status == 200
    assert "<title>Complaints, compliments and comments – Telford &amp; Wrekin Council</title>" in (
        body.decode()
    )
    assert "{{" not in body.decode()
    assert headers["Content-Type"].startswith("text/html")


def test_config_points_the_widget_at_rasa(server: str) -> None:
    status, _, body = get(server + "/config.js")
    assert status == 200
    text = body.decode()
    prefix = "window.ComplaintsChatConfig = "
    assert text.startswith(prefix)
    config = json.loads(text[len(prefix) :].rstrip().rstrip(";"))
    assert config["serverUrl"] == "http://127.0.0.1:5999"
    assert config["authority"] == "telford-wrekin"
    assert config["authorityName"] == "Telford & Wrekin Council"


def test_csp_only_allows_own_scripts_and_the_rasa_server(server: str) -> None:
    _, headers, _ = get(server + "/")
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self';" in csp
    assert "connect-src 'self' http://127.0.0.1:5999 ws://127.0.0.1:5999;" in csp
    assert "unsafe-inline" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", ["/../pyproject.toml", "/web/serve.py", "/src/widget.js", "/x"])
def test_only_listed_files_are_served(server: str, path: str) -> None:
    import http.client

    host, port = server.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=5)
    conn.request("GET", path)  # sent as-is, no client-side normalisation of ".."
    resp = conn.getresponse()
    assert resp.status == 404
    assert b"Not found" in resp.read()


def test_script_breaking_names_are_escaped() -> None:
    # web/serve.py is a script, not a package: load it by its path.
    spec = importlib.util.spec_from_file_location("web_serve", SERVE)
    assert spec and spec.loader
    serve = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(serve)
    js = serve.config_js("http://x:1", "a", "</script><script>alert(1)</script>").decode()
    assert "</script>" not in js
    assert json.loads(js.split("= ", 1)[1].rstrip().rstrip(";"))["authorityName"] == (
        "</script><script>alert(1)</script>"
    )


def test_a_bad_rasa_url_is_refused_with_a_message() -> None:
    proc = subprocess.run(
        [sys.executable, str(SERVE), "--port", "0", "--rasa-url", "javascript:alert(1)"],
        capture_output=True,
        text=True,
        timeout=20,
    )
    assert proc.returncode == 2
    assert "--rasa-url must start with http:// or https://" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_busy_port_is_reported_without_a_traceback(server: str) -> None:
    port = server.rsplit(":", 1)[1]
    proc = subprocess.run(
        [sys.executable, str(SERVE), "--port", port],
        capture_output=True,
        text=True,
        timeout=20,
    )
    assert proc.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in proc.stderr
    assert "Traceback" not in proc.stderr
