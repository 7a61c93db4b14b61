"""A person talking to the assistant over Rasa's REST channel, answering its questions from the
same (question pattern, answer) table the browser tests use (tests/browser/chat.py), so it
follows the real bot in whatever order the forms ask. Turns may rotate across several Rasa
servers (scale-out)."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Any

import httpx

from tests.browser.chat import COMPLAINT, REFERENCE, Answer

__all__ = ["COMPLAINT", "REFERENCE", "ChatFailed", "RestChat"]


class ChatFailed(AssertionError):
    pass


@dataclass
class RestChat:
    rasa_urls: list[str]
    sender: str
    timeout: float = 60.0
    transcript: list[tuple[str, str]] = field(default_factory=list)
    turn_seconds: list[float] = field(default_factory=list)
    servers_used: list[str] = field(default_factory=list)
    _turn: int = 0

    def send(self, text: str) -> list[dict[str, Any]]:
        base = self.rasa_urls[self._turn % len(self.rasa_urls)]
        self._turn += 1
        self.servers_used.append(base)
        started = time.monotonic()
        resp = httpx.post(
            f"{base}/webhooks/rest/webhook",
            json={"sender": self.sender, "message": text},
            timeout=httpx.Timeout(self.timeout, connect=5.0),
        )
        self.turn_seconds.append(time.monotonic() - started)
        if not 200 <= resp.status_code < 300:
            raise ChatFailed(f"{base} answered {resp.status_code}: {resp.text[:300]}")
        messages: list[dict[str, Any]] = resp.json()
        self.transcript.append(("user", text))
        self.transcript += [("bot", m.get("text") or "") for m in messages]
        return messages

    def says(self) -> str:
        return "\n".join(f"{who}: {text}" for who, text in self.transcript)

    def complete(
        self,
        table: list[tuple[str, Answer]] = COMPLAINT,
        opening: str = "I want to make a complaint",
        max_turns: int = 40,
    ) -> str:
        """Answers until the bot gives a case reference; returns it."""
        messages = self.send(opening)
        for _ in range(max_turns):
            said = "\n".join(m.get("text") or "" for m in messages)
            found = REFERENCE.search(said)
            if found:
                return found.group(1)
            answer = next((a for pattern, a in table if re.search(pattern, said)), None)
            if answer is None:
                raise ChatFailed(f"no answer for the bot's last turn:\n{self.says()}")
            messages = self.send(self._answer_text(answer, messages))
        raise ChatFailed(f"no reference after {max_turns} turns:\n{self.says()}")

    @staticmethod
    def _answer_text(answer: Answer, messages: list[dict[str, Any]]) -> str:
        if answer.text is not None:
            return answer.text
        for m in messages:
            for b in m.get("buttons") or []:
                if b.get("title") == answer.button:
                    return str(b.get("payload") or b["title"])
        return str(answer.button)  # typed instead: the NLU must cope, as for a person
