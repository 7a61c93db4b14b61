"""Serves the demo council page and the bundled widget, with the widget's config for one council.

A fixed list of files (no directory listing, no path traversal), a strict Content-Security-Policy
that only lets the page talk to the Rasa server, and config.js built from the command line so the
same page works for any authority and port.

    python web/serve.py --port 8080 --rasa-url http://localhost:5005 --authority telford-wrekin
"""

from __future__ import annotations

import argparse
import html
import json
import sys
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

WEB = Path(__file__).resolve().parent

FILES: dict[str, tuple[Path, str]] = {
    "/": (WEB / "index.html", "text/html; charset=utf-8"),
    "/index.html": (WEB / "index.html", "text/html; charset=utf-8"),
    "/page.css": (WEB / "page.css", "text/css; charset=utf-8"),
    "/page.js": (WEB / "page.js", "text/javascript; charset=utf-8"),
    "/dist/widget.js": (WEB / "dist" / "widget.js", "text/javascript; charset=utf-8"),
    "/dist/widget.js.map": (WEB / "dist" / "widget.js.map", "application/json"),
}


def authority_name(authority: str) -> str:
    """The council's display name from its policy pack (the only place names live)."""
    try:
        from triage import load_pack  # the pack is optional for serving; the id is a fallback

        return str(load_pack(authority).name)
    except Exception:  # unknown id or engine not installed: still serve the page
        return authority


def origin_sources(rasa_url: str) -> str:
    """CSP connect-src for the Rasa server: its http(s) origin and the matching ws(s) origin."""
    parts = urlsplit(rasa_url)
    origin = f"{parts.scheme}://{parts.netloc}"
    ws = "wss" if parts.scheme == "https" else "ws"
    return f"{origin} {ws}://{parts.netloc}"


def config_js(rasa_url: str, authority: str, name: str) -> bytes:
    config = {
        "serverUrl": rasa_url,
        "authority": authority,
        "authorityName": name,
        "title": "Make a complaint",
    }
    # json.dumps escapes quotes; "</" is escaped too so the text can never close a script element.
    body = json.dumps(config, indent=2).replace("</", "<\\/")
    return f"window.ComplaintsChatConfig = {body};\n".encode()


class Handler(BaseHTTPRequestHandler):
    server_version = "complaints-web"
    sys_version = ""

    def __init__(self, *args: object, rasa_url: str, authority: str, name: str) -> None:
        self.rasa_url = rasa_url
        self.authority = authority
        self.name = name
        super().__init__(*args)  # type: ignore[arg-type]

    def headers_common(self, content_type: str, length: int) -> None:
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(length))
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            f"connect-src 'self' {origin_sources(self.rasa_url)}; "
            "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        )

    def do_GET(self) -> None:
        self.respond(head=False)

    def do_HEAD(self) -> None:
        self.respond(head=True)

    def respond(self, head: bool) -> None:
        path = urlsplit(self.path).path
        if path == "/config.js":
            body = config_js(self.rasa_url, self.authority, self.name)
            content_type = "text/javascript; charset=utf-8"
        elif path in FILES:
            file, content_type = FILES[path]
            if not file.is_file():
                self.fail(HTTPStatus.SERVICE_UNAVAILABLE, f"{file.name} is missing: run make run")
                return
            body = file.read_bytes()
            if file.suffix == ".html":
                body = body.replace(b"{{AUTHORITY_NAME}}", html.escape(self.name).encode())
        else:
            self.fail(HTTPStatus.NOT_FOUND, "Not found")
            return
        self.send_response(HTTPStatus.OK)
        self.headers_common(content_type, len(body))
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def fail(self, status: HTTPStatus, message: str) -> None:
        body = f"{message}\n".encode()
        self.send_response(status)
        self.headers_common("text/plain; charset=utf-8", len(body))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        # Only method, path and status: the page never puts personal data in URLs.
        status = args[1] if len(args) > 1 else "-"
        method = getattr(self, "command", "-")
        path = urlsplit(getattr(self, "path", "")).path
        sys.stderr.write(f"web: {method} {path} {status}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080, help="0 picks a free port")
    parser.add_argument("--rasa-url", default="http://localhost:5005")
    parser.add_argument("--authority", default="telford-wrekin")
    args = parser.parse_args(argv)
    if urlsplit(args.rasa_url).scheme not in ("http", "https"):
        parser.error(f"--rasa-url must start with http:// or https://, got {args.rasa_url!r}")
    name = authority_name(args.authority)
    handler = partial(Handler, rasa_url=args.rasa_url, authority=args.authority, name=name)
    try:
        server = ThreadingHTTPServer((args.host, args.port), handler)
    except OSError as exc:
        print(f"web: cannot listen on {args.host}:{args.port}: {exc.strerror}", file=sys.stderr)
        return 1
    host, port = str(server.server_address[0]), int(server.server_address[1])
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0") else host
    print(f"web: serving {name} on http://{shown}:{port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
