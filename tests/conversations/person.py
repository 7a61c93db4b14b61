"""A person generated from a scenario's facts: answers whatever the assistant asks, in one of
three styles (button, short typed words, their own words), and knows when the scenario holds
something a conversation cannot tell.

Nothing here is written per scenario: the answers come from the facts and phrasings.yml.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from actions import circumstances, questions, services, texts

STYLES = ("button", "short", "own")
_PHRASES = Path(__file__).with_name("phrasings.yml")
# Circumstances a person can tell the assistant today, and how (a question's answer).
TELLABLE_CIRCUMSTANCES = {
    "legal_proceedings",
    "criminal_investigation",
    "right_of_appeal",
    "contractor_first",
    "safeguarding_risk",
}
_DATE_FIELDS = ("received", "incident_date", "aware_date", "previous_response_date")


@lru_cache(maxsize=1)
def phrasings() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(_PHRASES.read_text(encoding="utf-8"))
    return data


def shift_dates(facts: dict[str, Any], today: dt.date) -> dict[str, Any]:
    """The scenario moved to today: every date keeps its distance from `received`."""
    received = dt.date.fromisoformat(str(facts.get("received") or today.isoformat()))
    delta = today - received
    out = {k: v for k, v in facts.items()}
    for key in _DATE_FIELDS:
        if out.get(key):
            out[key] = (dt.date.fromisoformat(str(out[key])) + delta).isoformat()
    if out.get("stage1_response_date"):
        day = dt.date.fromisoformat(str(out["stage1_response_date"])) + delta
        out["stage1_response_date"] = day.isoformat()
    out["received"] = today.isoformat()
    return out


def untellable(facts: dict[str, Any]) -> list[str]:
    """Why a conversation cannot carry these facts (empty: it can)."""
    story = phrasings()["circumstance_story"]
    why = [
        f"circumstance '{c}' has no question or reading yet"
        for c in facts.get("circumstances") or []
        if c not in TELLABLE_CIRCUMSTANCES and c not in story
    ]
    if facts.get("stage1_response_date"):
        why.append("a separate stage 1 reply date is never asked")
    service = facts.get("service")
    if service and service not in services.codes() and service != "other":
        why.append(f"service '{service}' has no words in actions/data/services.yml")
    rel = (facts.get("complainant") or {}).get("relationship")
    if rel and rel not in ("self", "parent") and rel not in phrasings()["relationship"]:
        why.append(f"relationship '{rel}' has no phrasing")
    return why


def _long(day: str) -> str:
    d = dt.date.fromisoformat(day)
    return f"{d.day} {d.strftime('%B %Y')}"


@dataclass
class Person:
    facts: dict[str, Any]
    style: str
    authority: str
    said: list[str] = field(default_factory=list)

    @property
    def complainant(self) -> dict[str, Any]:
        return dict(self.facts.get("complainant") or {})

    @property
    def affected(self) -> dict[str, Any]:
        return dict(self.facts.get("person_affected") or {})

    def _pick(self, options: dict[str, str]) -> str:
        return str(options.get(self.style) or options.get("short") or options["button"])

    def opening(self) -> str:
        kind = self.facts.get("kind", "complaint")
        stage = int(self.facts.get("stage_requested") or 1)
        key = kind if kind != "complaint" or stage == 1 else f"escalate_{min(stage, 3)}"
        return self._pick(phrasings()["openings"][key])

    def answer(self, slot: str) -> str:
        return getattr(self, f"_{slot}", self._default)(slot)

    # --- each question -------------------------------------------------------------------
    def _default(self, slot: str) -> str:
        raise KeyError(f"no answer for {slot}")

    def _who(self, _: str) -> str:
        rel = self.complainant.get("relationship") or "self"
        who = phrasings()["who"]
        if rel == "self":
            age = self.complainant.get("age")
            if self.affected.get("is_child"):
                return self._pick(who["self_child"]).format(age=age or 15)
            return self._pick(who["self_aged" if age else "self"]).format(age=age)
        if rel == "parent":
            return self._pick(who["parent"])
        return self._pick(who["other"])

    def _relationship(self, _: str) -> str:
        return self._pick(phrasings()["relationship"][self.complainant["relationship"]])

    def _affected_is_child(self, _: str) -> str:
        is_child = bool(self.affected.get("is_child"))
        return self._pick(phrasings()["is_child"][is_child])

    def _service(self, _: str) -> str:
        code = str(self.facts.get("service") or "other")
        if self.style == "button" or code not in phrasings()["services"]:
            return services.label(code) if code != "other" else "Something else"
        return self._pick(phrasings()["services"][code])

    def _council_tenant(self, _: str) -> str:
        tenant = self.complainant.get("council_tenant")
        return self._pick(phrasings()["tenant"]["none" if tenant is None else tenant])

    def _child_status(self, _: str) -> str:
        statuses = [s for s in self.affected.get("child_status") or [] if s != "none"]
        table = phrasings()["child_status"]
        if not statuses:
            return self._pick(table["unknown" if not self.affected.get("child_status") else "none"])
        # Several statuses: the person names each, in their own words.
        self_words = self.complainant.get("relationship") in (None, "self") and not (
            self.affected.get("is_child")
        )
        parts = []
        for s in statuses:
            entry = table.get(f"{s}_self") if self_words else None
            parts.append(self._pick(entry or table[s]))
        return " and ".join(parts) if len(parts) > 1 else parts[0]

    def _what_happened(self, _: str) -> str:
        story = phrasings()["stories"]["own" if self.style == "own" else "default"]
        circ = self.facts.get("circumstances") or []
        if "safeguarding_risk" in circ:
            story += " I'm scared because he hits me when nobody is around."
        told = phrasings()["circumstance_story"]
        return " ".join([str(story), *(told[c] for c in circ if c in told)])

    def _circumstance_check(self, _: str) -> str:
        offered = dict(circumstances.offered(self.facts.get("service"), self.authority))
        picked = [offered[c] for c in self.facts.get("circumstances") or [] if c in offered]
        if not picked:
            return self._pick({"button": "None of these", "short": "no", "own": "none of those"})
        return " and ".join(picked) if len(picked) > 1 else picked[0]

    def _why_dissatisfied(self, _: str) -> str:
        return "The reply didn't deal with what I actually complained about."

    def _date(self, field_name: str) -> str:
        value = self.facts.get(field_name)
        if not value:
            return "I don't know"
        if self.style == "short":
            d = dt.date.fromisoformat(str(value))
            return f"{d.day}/{d.month}/{d.year}"
        if self.style == "own":
            return f"it was on {_long(str(value))}"
        return _long(str(value))

    def _incident_date(self, _: str) -> str:
        return self._date("incident_date")

    def _incident_date_month(self, _: str) -> str:
        return "I really don't know"

    def _aware_date(self, _: str) -> str:
        if not self.facts.get("aware_date"):
            return "at the same time"
        return self._date("aware_date")

    def _previous_response_date(self, _: str) -> str:
        return self._date("previous_response_date")

    def _previous_response_channel(self, _: str) -> str:
        channel = self.facts.get("previous_response_channel")
        words = {
            "email": "Email",
            "first_class_post": "First class post",
            "second_class_post": "Second class post",
            "in_person": "Given to me in person",
        }
        return words.get(str(channel), "Not sure")

    def _legal_check(self, _: str) -> str:
        circ = set(self.facts.get("circumstances") or [])
        if "legal_proceedings" in circ:
            return "Court or tribunal"
        if "criminal_investigation" in circ:
            return "Police"
        return "No"

    def _appeal_check(self, _: str) -> str:
        return "Yes" if "right_of_appeal" in (self.facts.get("circumstances") or []) else "No"

    def _contractor_check(self, _: str) -> str:
        if "contractor_first" in (self.facts.get("circumstances") or []):
            return "No, not yet"
        return "Yes, they've had a chance"

    def _complained_before(self, _: str) -> str:
        return "No"

    def _desired_outcome(self, _: str) -> str:
        return "An apology and for it to be put right."

    def _consent(self, _: str) -> str:
        consent = self.complainant.get("consent") or "unknown"
        return self._pick(phrasings()["consent"][consent])

    def _affected_name(self, _: str) -> str:
        return "Alex Taylor"

    def _name(self, _: str) -> str:
        return "Stay anonymous" if self.complainant.get("anonymous") else "Sam Taylor"

    def _contact(self, _: str) -> str:
        return "sam.taylor@example.com"

    def _address(self, _: str) -> str:
        return "1 High Street, Telford TF1 1AA"

    def _confirm(self, _: str) -> str:
        return "Yes, send it"

    def _feedback_text(self, _: str) -> str:
        code = str(self.facts.get("service") or "other")
        about = phrasings()["services"].get(code, {}).get("own", "something else")
        return f"It's about {about}. I wanted you to know how it went."

    def _feedback_reply(self, _: str) -> str:
        return "no thanks"


def question_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(slot, pattern) for every question's wording, young wording included, so the person
    knows which question a reply asks, whatever order the assistant chooses."""
    out: list[tuple[str, re.Pattern[str]]] = []
    keys = {q.ask: slot for slot, q in questions.registry().items()}
    keys |= {key: slot for slot, q in questions.registry().items() for key in q.also}
    keys["ask_incident_date_month"] = "incident_date_month"
    keys["ask_service_social_care"] = "service"
    keys["ask_service_likely"] = "service"
    keys["ask_service_likely"] = "service"
    for key, slot in keys.items():
        entry = texts.template(key)
        variants = (
            list(entry.values())
            if key == "feedback_ask_text"
            else [entry.get("text"), entry.get("young")]
        )
        for text in variants:
            if not text:
                continue
            parts = re.split(r"\{[A-Za-z_]+\}", str(text))
            if not "".join(parts).strip():
                continue  # all placeholder (the appeal question): matched by its own words
            body = ".*?".join(re.escape(p) for p in parts)
            out.append((slot, re.compile(body, re.DOTALL)))
    appeal: dict[str, str] = texts.template("appeal_questions")
    for text in appeal.values():
        out.append(("appeal_check", re.compile(re.escape(text))))
    return out
