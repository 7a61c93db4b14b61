"""A scripted person: answers whichever question the assistant asks, from a script keyed by
question, so tests check outcomes rather than a fixed question order."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from actions import texts

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
    "desired_outcome": "ask_desired_outcome",
    "consent": "ask_consent",
    "name": "ask_name",
    "contact": "ask_contact",
    "confirm": "ask_confirm",
    "feedback_reply": "feedback_ask_reply",
}
# Questions a pack may add (questions.yml `pack:`): a script that does not mention them gives
# the answer that leaves the facts as they were before the pack asked.
PACK_QUESTION_DEFAULTS = {"legal_check": "No", "council_tenant": "Not sure"}
DONE = ("Your reference is", "Your complaint is saved", "It's saved")


def _starts(key: str) -> str:
    entry = texts.raw(key)
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
