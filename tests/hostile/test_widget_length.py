"""The widget's message box in Debian's chromium, on the stack `make run` starts (the shipped
limits): it takes at most the 2,000 characters the server accepts, says how many are left near
the limit (tied to the box by aria-describedby), says so when a paste is cut short, and a
message at the limit is answered by the assistant, not refused."""

from __future__ import annotations

from typing import Any

import pytest

from chatguard.limits import TOO_LONG
from tests.browser.chat import HOST, INPUT, Chat
from tests.browser.conftest import browser, page, stack  # noqa: F401 - their fixtures, reused

pytestmark = pytest.mark.browser

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


def test_the_box_holds_what_the_server_accepts_and_counts_down(page: Any) -> None:  # noqa: F811
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
