"""The one chat client of the tests and benchmarks (issue 14): a person talking to the
assistant over Rasa's REST channel, answering whichever question it asks, so tests check
outcomes rather than a fixed question order.

- `Chat(url, sender).run(opening, answers)`: answers keyed by the question (`QUESTIONS`, the
  messages.yml key each question starts with), for tests that script one person's facts
  (tests/e2e, tests/safety).
- `RestChat(rasa_urls, sender).complete(table)`: answers from a (pattern, `Answer`) table, the
  same table the browser tests press and type (`COMPLAINT`), turns rotating across several
  Rasa servers (tests/scaleout, tests/hostile, tests/privacy, bench/load.py).

It was tests/e2e/chat.py and tests/scaleout/restchat.py (with the table from
tests/browser/chat.py); those names still re-export it.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Any

import httpx

from actions import questions, texts

REFERENCE = re.compile(r"\b([A-Z]{2,4}-\d{4}-[23456789A-HJKMNP-Z]{6})\b")


@dataclass(frozen=True)
class Answer:
    button: str | None = None  # press this suggested answer
    text: str | None = None  # or type this


# One person making a complaint about a missed bin, answering in whatever order the forms ask.
# First match wins: the pattern is searched in the bot's latest turn (all its messages).
COMPLAINT: list[tuple[str, Answer]] = [
    (r"Here's what I've got", Answer(button="Yes, send it")),
    (r"What would you like to do\?", Answer(button="Make a complaint")),
    (r"Who is the complaint about\?", Answer(button="Me")),
    (r"Which (council )?service", Answer(text="bins")),
    (r"Which part of the council", Answer(text="bins")),
    (r"what happened|What happened", Answer(text="My green bin has not been emptied for 3 weeks.")),
    (r"When did (this|it) happen\?", Answer(text="two weeks ago")),
    (r"Roughly which month", Answer(text="don't know")),
    (r"court, a tribunal or the police", Answer(button="No")),
    (r"Is any of these part of it\?", Answer(button="None of these")),
    (r"company working for the council", Answer(button="Not a company")),
    (r"already had a reply", Answer(button="No")),
    (r"put things right\?|like to happen now\?", Answer(text="Empty the bin and fix the round.")),
    (r"name of the person the complaint is about", Answer(text="Alex Tester")),
    (r"What's your name\?", Answer(text="Sam Tester")),
    (r"How (should|can) we reply", Answer(text="sam.tester@example.com")),
    (r"postal address", Answer(text="1 Test Street, Telford TF3 4JA")),
    (r"Is that right\?", Answer(button="Yes")),
    (r"appeal|\?$", Answer(button="No")),
]


def answer_for(said: str, table: list[tuple[str, Answer]] = COMPLAINT) -> Answer | None:
    """The table's answer to the bot's turn (all its messages as one text), or None."""
    return next((a for pattern, a in table if re.search(pattern, said)), None)


QUESTIONS = {
    "who": "ask_who",
    "relationship": "ask_relationship",
    "affected_is_child": "ask_affected_is_child",
    "service": "ask_service",
    "council_tenant": "ask_council_tenant",
    "child_status": "ask_child_status",
    "what_happened": "ask_what_happened",
    "incident_date": "ask_incident_date",
    "incident_date_month": "ask_incident_date_month",
    "aware_date": "ask_aware_date",
    "previous_response_date": "ask_previous_response_date",
    "previous_response_channel": "ask_previous_response_channel",
    "why_dissatisfied": "ask_why_dissatisfied",
    "legal_check": "ask_legal_check",
    "contractor_check": "ask_contractor_check",
    "circumstance_check": "ask_circumstance_check",
    "desired_outcome": "ask_desired_outcome",
    "consent": "ask_consent",
    "affected_name": "ask_affected_name",
    "name": "ask_name",
    "contact": "ask_contact",
    "confirm": "ask_confirm",
    "feedback_reply": "feedback_ask_reply",
}
# Questions a pack may add (questions.yml `pack:`): a script that does not mention them gives
# the answer that leaves the facts as they were before the pack asked.
PACK_QUESTION_DEFAULTS = {
    # Not a pack's question, but one a script for someone else need not mention either.
    "affected_name": "Alex Tester",
    "legal_check": "No",
    "council_tenant": "Not sure",
    "circumstance_check": "None of these",
}
DONE = ("Your reference is", "Your complaint is saved", "It's saved")


def _starts(key: str) -> str:
    entry = texts.template(key)
    text = str(entry["text"])
    return text.split("{")[0][:30]


@dataclass
class Chat:
    url: str
    sender: str
    sent: int = 0
    transcript: list[str] = field(default_factory=list)
    client: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=90))

    def say(self, text: str) -> list[str]:
        self.sent += 1
        self.transcript.append(f"> {text}")
        resp = self.client.post(self.url, json={"sender": self.sender, "message": text})
        assert 200 <= resp.status_code < 300, resp.text
        replies = [str(m.get("text", "")) for m in resp.json()]
        self.transcript += [f"< {r}" for r in replies]
        return replies

    def question(self, replies: list[str]) -> str | None:
        for reply in reversed(replies):
            for slot, key in QUESTIONS.items():
                if reply.startswith(_starts(key)):
                    return slot
            for slot, q in questions.registry().items():
                if any(reply.startswith(_starts(key)) for key in q.also):
                    return slot
            if reply.startswith(("Is this about", "Was this done")):
                return "appeal_check"
            if "what would you like to say" in reply.lower() or reply.startswith(
                ("What do you need", "What would you like to tell", "What would you like to know")
            ):
                return "feedback_text"
        return None

    def run(self, opening: str, answers: dict[str, str], max_turns: int = 25) -> list[str]:
        """Talks until the case is filed; returns the final replies."""
        replies = self.say(opening)
        for _ in range(max_turns):
            if any(any(d in r for d in DONE) for r in replies):
                return replies
            slot = self.question(replies)
            answer = answers.get(slot or "") or PACK_QUESTION_DEFAULTS.get(slot or "")
            if answer is None:
                raise AssertionError(f"unexpected question ({slot}):\n" + self.log())
            replies = self.say(answer)
        raise AssertionError("conversation did not finish:\n" + self.log())

    def log(self) -> str:
        return "\n".join(self.transcript)


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
            answer = answer_for(said, table)
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
