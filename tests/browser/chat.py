"""Drives the chat widget in a real browser, either by mouse or by keyboard only.

The conversation is answered from a table of (what the bot asked, how to answer), so a test
follows the real bot's questions in whatever order its forms ask them, and fails with the
transcript when it meets a question it does not know.
"""

from __future__ import annotations

import re
import time
from typing import Any

# The person's answers and the reference pattern are the REST client's too (tests/support).
from tests.support.chat import COMPLAINT, REFERENCE, Answer, answer_for

# Re-exported: tests and bench/load.py import the table from here too.
__all__ = ["COMPLAINT", "REFERENCE", "Answer", "Chat", "answer_for"]

# The widget lives in an open shadow root; Playwright's CSS and role locators pierce it.
HOST = "complaints-chat"
LOG = f"{HOST} .cc-log"
BOT = f"{HOST} .cc-msg-bot"
USER = f"{HOST} .cc-msg-user"
REPLY = f"{HOST} .cc-replies .cc-reply"
TYPING = f"{HOST} .cc-typing"
INPUT = f"{HOST} textarea"
# A bot turn can be several bursts of messages (one per action); this much silence ends it.
QUIET_MS = 1000


class Chat:
    def __init__(self, page: Any, *, keyboard: bool) -> None:
        self.page = page
        self.keyboard = keyboard

    # --- reading -------------------------------------------------------------------------
    def bot_texts(self) -> list[str]:
        return [t.strip() for t in self.page.locator(BOT).all_inner_texts()]

    def transcript(self) -> str:
        return self.page.locator(LOG).inner_text()

    def buttons(self) -> list[str]:
        return [t.strip() for t in self.page.locator(REPLY).all_inner_texts()]

    def active(self) -> dict[str, str] | None:
        """The focused element inside the widget (document.activeElement is only the host)."""
        result: dict[str, str] | None = self.page.evaluate(
            """() => {
              const host = document.querySelector('complaints-chat');
              const a = host && host.shadowRoot.activeElement;
              if (!a) return null;
              const s = getComputedStyle(a);
              return {tag: a.tagName.toLowerCase(), text: a.textContent.trim(),
                      cls: a.className, outline: s.outlineStyle + ' ' + s.outlineWidth,
                      shadow: s.boxShadow};
            }"""
        )
        return result

    def wait_for_bot(self, seen: int, timeout: float = 60.0) -> list[str]:
        """Waits for the bot's turn after `seen` bot messages: new messages, then quiet."""
        deadline = time.monotonic() + timeout
        while len(self.bot_texts()) <= seen:
            if time.monotonic() > deadline:
                raise AssertionError(f"no reply within {timeout:.0f} s:\n{self.transcript()}")
            self.page.wait_for_timeout(100)
        # Rasa sends a turn's messages back to back; wait until none arrive for a moment.
        count = -1
        while count != len(self.bot_texts()):
            count = len(self.bot_texts())
            self.page.wait_for_timeout(QUIET_MS)
        return self.bot_texts()[seen:]

    # --- acting --------------------------------------------------------------------------
    def open(self) -> None:
        if self.keyboard:
            for _ in range(60):
                self.page.keyboard.press("Tab")
                a = self.active()
                if a and "cc-launcher" in a["cls"]:
                    break
            else:
                raise AssertionError("the chat launcher is not reachable with Tab")
            self.page.keyboard.press("Enter")
        else:
            self.page.get_by_role("button", name="Make a complaint or get help").click()

    def say(self, text: str) -> None:
        if self.keyboard:
            a = self.active()
            assert a and a["tag"] == "textarea", f"focus should be in the message box, not {a}"
            self.page.keyboard.type(text)
            self.page.keyboard.press("Enter")
        else:
            self.page.locator(INPUT).click()
            self.page.keyboard.type(text)
            self.page.get_by_role("button", name="Send", exact=True).click()

    def press(self, title: str) -> None:
        assert title in self.buttons(), f"no {title!r} button in {self.buttons()}"
        if self.keyboard:
            # The suggested answers come just before the message box in the tab order.
            for _ in range(len(self.buttons()) + 2):
                self.page.keyboard.press("Shift+Tab")
                a = self.active()
                if a and "cc-reply" in a["cls"] and a["text"] == title:
                    assert a["shadow"] != "none", f"focused button shows no focus style: {a}"
                    break
            else:
                raise AssertionError(f"could not reach the {title!r} button with Shift+Tab")
            self.page.keyboard.press("Enter")
            a = self.active()
            assert a and a["tag"] == "textarea", f"focus should return to the message box: {a}"
        else:
            self.page.locator(REPLY, has_text=re.compile(f"^{re.escape(title)}$")).click()

    @staticmethod
    def match(turn: list[str], rules: list[tuple[str, Answer]]) -> Answer | None:
        """The question is usually the turn's last message; earlier ones are read-backs."""
        for text in (turn[-1], "\n".join(turn)):
            answer = answer_for(text, rules)
            if answer is not None:
                return answer
        return None

    def complete(self, rules: list[tuple[str, Answer]], max_turns: int = 30) -> str:
        """Answers the bot until it gives a case reference; returns the reference."""
        seen = 0
        for _ in range(max_turns):
            turn = self.wait_for_bot(seen)
            seen += len(turn)
            answer = self.match(turn, rules)
            if answer is None and not REFERENCE.search("\n".join(turn)):
                # Perhaps the question is still on its way after a slow action.
                try:
                    more = self.wait_for_bot(seen, timeout=5)
                except AssertionError:
                    more = []
                turn += more
                seen += len(more)
                answer = self.match(turn, rules)
            said = "\n".join(turn)
            ref = REFERENCE.search(said)
            if ref:
                return ref.group(1)
            if answer is None:
                raise AssertionError(f"no scripted answer for:\n{said}\n\n{self.transcript()}")
            if answer.button and answer.button in self.buttons():
                self.press(answer.button)
            else:
                self.say(answer.text or answer.button or "")
        raise AssertionError(f"no reference after {max_turns} turns:\n{self.transcript()}")
