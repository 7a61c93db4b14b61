"""The hostile corpus typed into the real chat widget (Debian's chromium, the stack `make run`
starts): every message shows as plain text, no markup runs or even becomes an element, no
alert or page error, and the bot answers each one. The corpus is tests/hostile's; the test lives
here, beside the browser fixtures it uses (`page`, `stack`), and runs in `make test-browser`."""

from __future__ import annotations

from typing import Any

import pytest

from chatguard.limits import TOO_LONG
from tests.browser.chat import BOT, HOST, INPUT, USER, Chat
from tests.hostile.corpus import encodable, messages

pytestmark = pytest.mark.browser

# A chat box takes what a person can type or paste: not whitespace-only (the widget refuses it
# before sending), not text no browser can hold, and at most a long paste.
TYPED = [m for m in messages() if m.text.strip() and encodable(m.text) and len(m.text) <= 5000]
# The widget's maxlength (web/src/widget.js), the server's max_message_chars: a textarea counts
# UTF-16 code units and keeps only what fits of a longer paste.
WIDGET_MAX = 2000


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


# What JavaScript's String.prototype.trim() removes (it differs from Python's str.strip()).
_JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff" + "".join(
    chr(c) for c in range(0x2000, 0x200B)
)


def _js_trim(text: str) -> str:
    return text.strip(_JS_SPACE)


def test_corpus_in_the_widget_is_shown_as_text_and_answered(page: Any) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    chat = Chat(page, keyboard=False)
    chat.open()
    seen = len(chat.wait_for_bot(0))
    for msg in TYPED:
        page.locator(INPUT).fill(msg.text)
        page.get_by_role("button", name="Send", exact=True).click()
        seen = len(chat.wait_for_bot(seen))
    shown = page.locator(USER).all_text_contents()
    assert len(shown) == len(TYPED), (len(shown), len(TYPED))
    for msg, text in zip(TYPED, shown, strict=True):
        # The widget trims what it sends and labels each bubble for screen readers ("You: ");
        # a textarea turns CR LF into LF. Otherwise what is shown is exactly what was typed.
        typed = _js_trim(msg.text.replace("\r\n", "\n").replace("\r", "\n"))
        # Bare http(s) URLs become links whose text says they open a new tab.
        shown_text = text.removeprefix("You:").replace(" (opens in a new tab)", "")
        if _utf16(msg.text) > WIDGET_MAX:  # cut to what fits, never more
            assert typed.startswith(_js_trim(shown_text)), f"{msg.id}: shown as {text[:120]!r}"
            assert 0 < _utf16(_js_trim(shown_text)) <= WIDGET_MAX, msg.id
            continue
        assert _js_trim(shown_text) == typed, f"{msg.id}: shown as {text[:120]!r}"
    injected = page.locator(
        f"{HOST} .cc-log img, {HOST} .cc-log script, {HOST} .cc-log iframe, "
        f"{HOST} .cc-log svg, {HOST} .cc-log style, {HOST} .cc-log a[href^='javascript']"
    ).count()
    assert injected == 0, "markup from a message became an element"
    assert page.evaluate("() => document.querySelectorAll('img[src=x], iframe').length") == 0
    hrefs = page.locator(f"{HOST} .cc-log a").evaluate_all("(links) => links.map(a => a.href)")
    assert all(h.startswith(("https://", "http://")) for h in hrefs), hrefs
    assert dialogs == [], f"script ran: {dialogs}"
    assert not page.errors, page.errors
    assert page.locator(BOT).count() >= len(TYPED)


# The message box holds what the server accepts (same module: one browser, one stack).
PASTE = """(text) => {
  const box = document.querySelector('complaints-chat').shadowRoot.querySelector('textarea');
  box.focus();
  box.value = '';
  const data = new DataTransfer();
  data.setData('text/plain', text);
  box.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true}));
  document.execCommand('insertText', false, text);  // what the browser does after the event
  return box.value.length;
}"""


def test_the_box_holds_what_the_server_accepts_and_counts_down(page: Any) -> None:
    chat = Chat(page, keyboard=False)
    chat.open()
    seen = len(chat.wait_for_bot(0))
    box = page.locator(INPUT)
    count = page.locator(f"{HOST} #cc-count")
    assert box.get_attribute("maxlength") == "2000"
    assert "cc-count" in (box.get_attribute("aria-describedby") or "").split()

    box.fill("a" * 1000)
    assert count.text_content() == ""  # nothing said far from the limit
    assert not count.is_visible()
    box.fill("a" * 1800)
    assert count.text_content() == "You have 200 characters left."
    assert count.is_visible()

    assert page.evaluate(PASTE, "b" * 2500) == 2000
    assert "only part of it went in (up to 2,000 characters)" in (count.text_content() or "")

    box.fill("My green bin has not been emptied for weeks. " * 45)  # 2,025: kept to 2,000
    assert len(box.input_value()) == 2000
    assert "limit of 2,000 characters" in (count.text_content() or "")
    page.get_by_role("button", name="Send", exact=True).click()
    assert count.text_content() == ""  # the box is empty again
    replies = chat.wait_for_bot(seen)
    assert replies and TOO_LONG.format(limit=2000) not in replies, replies
    assert not page.errors, page.errors
