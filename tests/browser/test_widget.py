"""The chat widget in Debian's chromium against the real stack that `make run` starts: case
service, action server, Rasa server (socket.io channel) and the demo page.

Screenshots and the axe report go to test-artifacts/.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from .chat import BOT, COMPLAINT, HOST, INPUT, LOG, REPLY, TYPING, Chat
from .conftest import ARTIFACTS, REPO, Stack, free_port, http_ok, port_open

pytestmark = pytest.mark.browser

README_SCREENSHOT = REPO / "docs" / "widget.png"


def shot(page: Any, name: str, **kwargs: Any) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), **kwargs)
    return path


def session_id(page: Any) -> str | None:
    value: str | None = page.evaluate(
        """() => {
          const raw = localStorage.getItem('complaints-chat:telford-wrekin');
          return raw ? JSON.parse(raw).sessionId : null;
        }"""
    )
    return value


def check_case(stack: Stack, reference: str, page: Any) -> dict[str, Any]:
    case: dict[str, Any] = stack.get_json(f"/v1/cases/{reference}")
    assert case["reference"] == reference
    assert case["authority"] == "telford-wrekin"
    assert "green bin" in case["narrative"]
    assert case["contact"]["email"] == "sam.tester@example.com"
    assert case["conversation_id"] == session_id(page)
    assert case["deadlines"]["respond_by"], case["deadlines"]
    return case


def test_socketio_channel_delivers_bot_replies(stack: Stack) -> None:
    """Regression: with python-socketio >= 5.10, Rasa 3.6 never awaits enter_room and every
    reply is silently lost. socket.io-client (the widget's library) must get bot_uttered, on a
    new session and again on a second socket joining the same session (a page reload)."""
    out = subprocess.run(
        ["node", "tools/socket-check.mjs", stack.rasa_url, "/greet"],
        cwd=REPO / "web",
        capture_output=True,
        text=True,
        timeout=150,
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert out.returncode == 0 and result["ok"], result
    assert result["first"]["bot"]["text"]
    assert result["second"]["sessionId"] == result["first"]["sessionId"]
    print(f"\nsocket.io reply in {result['first']['ms']} ms / {result['second']['ms']} ms")
    assert "was never awaited" not in stack.log.read_text(errors="replace")


def test_the_socketio_check_catches_unawaited_enter_room(stack: Stack, tmp_path: Path) -> None:
    """The check above must be able to fail: a second Rasa server, with enter_room made a
    coroutine as in python-socketio 5.18, loses the reply and logs 'never awaited'."""
    port = free_port()
    log = tmp_path / "rasa-broken.log"
    env = {
        **stack.env,
        "PYTHONPATH": str(Path(__file__).parent / "fixtures" / "unawaited_enter_room"),
        "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{stack.ports['ACTIONS_PORT']}/webhook",
    }
    rasa = REPO / ".venv-rasa" / "bin" / "rasa"
    model = os.environ.get("RASA_MODEL", "bot/models/current.tar.gz")
    args = ["run", "--model", model, "--credentials", "bot/credentials.yml"]
    args += ["--endpoints", "bot/endpoints.yml", "--interface", "127.0.0.1", "--port", str(port)]
    with log.open("wb") as fh:
        proc = subprocess.Popen(
            [str(rasa), *args], cwd=REPO, env=env, stdout=fh, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 300
        while not http_ok(f"http://127.0.0.1:{port}/"):
            assert proc.poll() is None, log.read_text(errors="replace")[-3000:]
            assert time.monotonic() < deadline, "the second Rasa server did not start"
            time.sleep(1)
        out = subprocess.run(
            ["node", "tools/socket-check.mjs", f"http://127.0.0.1:{port}", "/greet"],
            cwd=REPO / "web",
            env={**os.environ, "SOCKET_CHECK_TIMEOUT_MS": "10000"},
            capture_output=True,
            text=True,
            timeout=60,
        )
        result = json.loads(out.stdout.strip().splitlines()[-1])
        assert out.returncode == 1 and not result["ok"], result
        assert "no bot_uttered" in result["error"], result
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    assert "was never awaited" in log.read_text(errors="replace")


def test_complaint_by_mouse(page: Any, stack: Stack) -> None:
    chat = Chat(page, keyboard=False)
    chat.open()
    assert page.locator(f"{HOST} [role=dialog]").is_visible()
    started = time.monotonic()
    reference = chat.complete(COMPLAINT)
    took = time.monotonic() - started
    shot(page, "complaint-mouse")
    case = check_case(stack, reference, page)
    said = "\n".join(chat.bot_texts())
    assert reference in said
    # The ending gives real dates (conversation-style.md), matching the case's deadlines.
    respond_by = dt.date.fromisoformat(case["deadlines"]["respond_by"])
    assert f"reply by {respond_by:%A} {respond_by.day} {respond_by:%B %Y}" in said, said
    # No unfilled template slots reach the person ("contact None.", "{council}").
    assert not re.search(r"\bNone\b|\{[a-z_]+\}", said), said
    print(f"\nmouse: {reference} filed in {took:.1f} s, service {case['service']}")
    # What people typed is shown as text, never run as HTML.
    assert page.locator(f"{HOST} .cc-log img, {HOST} .cc-log script").count() == 0
    assert not page.errors, page.errors


def test_complaint_by_keyboard_only(page: Any, stack: Stack) -> None:
    chat = Chat(page, keyboard=True)
    chat.open()
    a = chat.active()
    assert a and a["tag"] == "textarea", f"opening the chat should focus the message box: {a}"
    reference = chat.complete(COMPLAINT)
    shot(page, "complaint-keyboard")
    check_case(stack, reference, page)
    # Escape closes the chat and puts focus back on the button that opened it.
    page.keyboard.press("Escape")
    assert page.locator(f"{HOST} [role=dialog]").is_hidden()
    a = chat.active()
    assert a and "cc-launcher" in a["cls"], a
    assert not page.errors, page.errors


def test_axe_finds_no_serious_violations_with_the_widget_open(page: Any, stack: Stack) -> None:
    from axe_playwright_python.sync_playwright import Axe

    chat = Chat(page, keyboard=False)
    chat.open()
    seen = len(chat.wait_for_bot(0))
    chat.press(chat.buttons()[0])  # mid-conversation: user and bot messages and buttons
    chat.wait_for_bot(seen)
    results = Axe().run(page)
    violations = results.response["violations"]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "axe-violations.json").write_text(json.dumps(violations, indent=2))
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    print(f"\naxe {results.response['testEngine']['version']}: {len(violations)} violation(s)")
    assert not bad, "\n".join(bad)
    # axe checks the shadow root too: make sure it actually saw the widget.
    passes = Axe().run(page, options={"resultTypes": ["passes"]}).response["passes"]
    targets = json.dumps([n["target"] for p in passes for n in p["nodes"]])
    assert "cc-log" in targets and "cc-input" in targets


def test_live_region_and_labels(page: Any, stack: Stack) -> None:
    chat = Chat(page, keyboard=False)
    # The page's own "Start your complaint" button opens the same chat.
    page.get_by_role("button", name="Start your complaint").click()
    assert (chat.active() or {}).get("tag") == "textarea"
    log = page.get_by_role("log")
    assert log.get_attribute("aria-live") == "polite"
    chat.wait_for_bot(0)
    # New bot messages are added inside the live region, so screen readers announce them.
    assert page.locator(f"{LOG} .cc-msg-bot").count() >= 1
    assert page.get_by_label("Your message").is_visible()
    for name in ("Start again", "Close chat", "Send"):
        assert page.get_by_role("button", name=name, exact=True).is_visible(), name
    dialog = page.get_by_role("dialog", name="Make a complaint: Telford & Wrekin Council")
    assert dialog.is_visible()


def test_session_survives_a_reload_and_start_again_clears_it(page: Any, stack: Stack) -> None:
    chat = Chat(page, keyboard=False)
    chat.open()
    seen = len(chat.wait_for_bot(0))
    chat.press("Make a complaint")
    chat.wait_for_bot(seen)
    before = chat.transcript()
    sid = session_id(page)
    assert sid

    page.reload()
    assert page.locator(f"{HOST} [role=dialog]").is_visible()  # it was open, so it stays open
    assert chat.transcript() == before
    assert session_id(page) == sid
    # The conversation goes on where it was: the bot still knows we are making a complaint.
    seen = len(chat.bot_texts())
    chat.press("Me")
    reply = "\n".join(chat.wait_for_bot(seen))
    assert "What would you like to do?" not in reply, reply

    page.get_by_role("button", name="Start again").click()
    a = chat.active()
    assert a and a["tag"] == "textarea"
    # The bot confirms the restart, then greets again (a second action, so a second burst).
    page.locator(REPLY, has_text="Make a complaint").wait_for(timeout=30_000)
    assert "start again" in chat.transcript().lower()
    assert page.locator(f"{HOST} .cc-msg-user").count() == 0
    stored = json.loads(
        page.evaluate("() => localStorage.getItem('complaints-chat:telford-wrekin')")
    )
    assert stored["messages"] and all(m["from"] == "bot" for m in stored["messages"])


def test_works_at_320_css_pixels(browser: Any, stack: Stack) -> None:
    """WCAG 1.4.10 reflow: 320 px wide, no sideways scrolling, every control on screen."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        page.goto(stack.page_url)
        launcher = page.get_by_role("button", name="Make a complaint or get help")
        box = launcher.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 320
        launcher.click()
        chat = Chat(page, keyboard=False)
        seen = len(chat.wait_for_bot(0))
        chat.press("Make a complaint")
        chat.wait_for_bot(seen)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
        for locator in (
            page.get_by_role("button", name="Start again"),
            page.get_by_role("button", name="Close chat"),
            page.get_by_role("button", name="Send", exact=True),
            page.locator(INPUT),
            page.locator(REPLY).first,
        ):
            b = locator.bounding_box()
            assert b and b["x"] >= 0 and b["x"] + b["width"] <= 320, (locator, b)
            assert b["height"] >= 24 and b["width"] >= 24  # WCAG 2.5.8 target size
        shot(page, "width-320")
        # Full screen, the panel acts as a modal: Tab from the last control wraps to the first.
        assert page.get_by_role("dialog").get_attribute("aria-modal") == "true"
        page.get_by_role("button", name="Send", exact=True).focus()
        page.keyboard.press("Tab")
        assert (chat.active() or {}).get("cls") == "cc-restart"
        page.keyboard.press("Shift+Tab")
        assert (chat.active() or {}).get("cls") == "cc-send"
    finally:
        context.close()


def test_works_at_200_percent_zoom(browser: Any, stack: Stack) -> None:
    """200% zoom of a 1280x800 window is a 640x400 CSS viewport at device scale 2."""
    context = browser.new_context(viewport={"width": 640, "height": 400}, device_scale_factor=2)
    page = context.new_page()
    try:
        page.goto(stack.page_url)
        page.get_by_role("button", name="Make a complaint or get help").click()
        chat = Chat(page, keyboard=False)
        seen = len(chat.wait_for_bot(0))
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 640
        send = page.get_by_role("button", name="Send", exact=True).bounding_box()
        assert send and send["y"] + send["height"] <= 400, send
        chat.say("I want to make a complaint")
        chat.wait_for_bot(seen)
        shot(page, "zoom-200")
    finally:
        context.close()


def test_readme_screenshot_mid_conversation(browser: Any, stack: Stack) -> None:
    """docs/widget.png for the README: the widget part way through a complaint."""
    context = browser.new_context(viewport={"width": 1100, "height": 760})
    page = context.new_page()
    try:
        page.goto(stack.page_url)
        chat = Chat(page, keyboard=False)
        chat.open()
        seen = len(chat.wait_for_bot(0))
        for title in ("Make a complaint", "Me", "Bins and recycling"):
            chat.press(title)
            seen += len(chat.wait_for_bot(seen))
        chat.say("My green bin has not been emptied for 3 weeks.")
        chat.wait_for_bot(seen)
        page.mouse.move(5, 5)  # no hover styles in the picture
        page.locator(INPUT).focus()
        path = shot(page, "widget-mid-conversation")
        if os.environ.get("UPDATE_README_SCREENSHOT"):
            README_SCREENSHOT.parent.mkdir(exist_ok=True)
            README_SCREENSHOT.write_bytes(path.read_bytes())
        assert page.locator(BOT).count() >= 2
        assert page.locator(TYPING).is_hidden()
    finally:
        context.close()


def test_zz_ctrl_c_stops_everything(stack: Stack) -> None:
    """Last: Ctrl-C (SIGINT to the process group) stops every process and frees every port."""
    took = stack.stop()
    print(f"\nstopped in {took:.1f} s")
    assert stack.proc.returncode is not None
    assert took < 45
    busy = [name for name, port in stack.ports.items() if port_open(port)]
    assert not busy, busy
