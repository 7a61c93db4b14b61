"""Plays every scenario of every pack as a conversation through the real Rasa server, action
server and case service (REST), and compares the filed case with `triage.assess`.

Used by test_scenarios.py; `python -m tests.conversations.run [AUTHORITY ...]` prints the same
report for a look by hand.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import httpx

from actions import questions, texts
from actions.forms import today
from tests.support.stack import Stack
from tests.triage.scenario_runner import load_scenarios
from triage import assess

from .person import STYLES, Person, question_patterns, shift_dates, untellable

MAX_TURNS = 40
# An answer no question's reader can read, given twice to prove the no-dead-ends rule.
GARBLE = "zxqv %% qwj"
SKIP, PERSON = (b["title"] for b in texts.buttons("strike_two_buttons"))
DONE = ("Your reference is", "Your complaint is saved", "It's saved", "I've passed on")
# Decision fields that must match: what the person and staff are told.
DECISION_KEYS = ("procedure", "outcome", "stage", "stages_total", "time_limit", "deadlines")


@dataclass
class Result:
    name: str
    style: str
    tellable: bool
    why: list[str] = field(default_factory=list)
    matched: bool = False
    problems: list[str] = field(default_factory=list)
    clicked: list[tuple[str, str]] = field(default_factory=list)
    transcript: list[str] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    # For a run that misunderstands one question on purpose: that question, and whether the
    # second miss offered its answers with "Skip this question" and "Talk to a person".
    garble: str | None = None
    offered: bool = False
    filed: bool = False
    # The buttons each question showed; and for a run that clicks one button on purpose
    # (slot, title), whether the assistant took it as the answer (moved on).
    shown: set[tuple[str, str]] = field(default_factory=set)
    press: tuple[str, str] | None = None
    accepted: bool = False


def _codes(items: list[dict[str, Any]], key: str = "code") -> list[str]:
    return sorted(str(i[key]) for i in items)


def compare(filed: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """Where the filed decision differs from the engine's on the scenario's own facts."""
    bad = []
    for key in DECISION_KEYS:
        if filed.get(key) != expected.get(key):
            bad.append(f"{key}: filed {filed.get(key)!r}, expected {expected.get(key)!r}")
    for key, sub in (("exclusions", "code"), ("suspensions", "code"), ("signposts", "id")):
        if _codes(filed.get(key) or [], sub) != _codes(expected.get(key) or [], sub):
            bad.append(
                f"{key}: filed {_codes(filed.get(key) or [], sub)}, "
                f"expected {_codes(expected.get(key) or [], sub)}"
            )
    if sorted(filed.get("flags") or []) != sorted(expected.get("flags") or []):
        bad.append(f"flags: filed {filed.get('flags')}, expected {expected.get('flags')}")
    return bad


def compare_facts(filed: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """The facts the person told: each scenario fact must be on the filed case."""
    bad = []
    told = ["kind", "service", "aware_date", "previous_response_date"]
    if int(expected.get("stage_requested") or 1) == 1:
        # An escalation is dated by the reply it follows; the matter's date is not asked.
        told.append("incident_date")
    for key in told:
        if key in expected and filed.get(key) != expected[key]:
            bad.append(f"fact {key}: filed {filed.get(key)!r}, told {expected[key]!r}")
    if int(expected.get("stage_requested") or 1) != int(filed.get("stage_requested") or 1):
        bad.append(f"fact stage_requested: filed {filed.get('stage_requested')!r}")
    want_c, got_c = expected.get("complainant") or {}, filed.get("complainant") or {}
    # A complainant's age is asked for only where a pack's rules read it (none do today), so
    # a person who answers "Me" is not expected to have told it; the decision must still match.
    # Whether they rent from the council likewise, only for the services a pack reads it for.
    authority = str(expected.get("authority"))
    keys = ["relationship", "anonymous"]
    if "age" in questions.pack_reads(authority):
        keys.append("age")
    if questions.pack_asks("council_tenant", expected.get("service"), authority):
        keys.append("council_tenant")
    for key in keys:
        if key in want_c and got_c.get(key) != want_c[key]:
            bad.append(f"fact complainant.{key}: filed {got_c.get(key)!r}, told {want_c[key]!r}")
    want_a, got_a = expected.get("person_affected") or {}, filed.get("person_affected") or {}
    if "is_child" in want_a and got_a.get("is_child") != want_a["is_child"]:
        bad.append(f"fact is_child: filed {got_a.get('is_child')!r}, told {want_a['is_child']!r}")
    told = {s for s in want_a.get("child_status") or [] if s != "none"}
    got = {s for s in got_a.get("child_status") or [] if s != "none"}
    if told and told != got:
        bad.append(f"fact child_status: filed {sorted(got)}, told {sorted(told)}")
    missing = set(expected.get("circumstances") or []) - set(filed.get("circumstances") or [])
    if missing:
        bad.append(f"fact circumstances: {sorted(missing)} not on the case")
    return bad


class Accepted(Exception):
    """The button under test was taken as the answer: the conversation has proved its point."""


def converse(stack: Stack, person: Person, result: Result, patterns: Any) -> dict[str, Any]:
    sender = f"gen-{uuid.uuid4().hex[:12]}"
    asked: Counter[str] = Counter()
    last: str | None = None
    run = 0
    with httpx.Client(timeout=90) as client:

        def say(text: str) -> list[dict[str, Any]]:
            result.transcript.append(f"> {text}")
            r = client.post(stack.rest_url, json={"sender": sender, "message": text})
            r.raise_for_status()
            msgs: list[dict[str, Any]] = r.json()
            result.transcript += [f"< {m.get('text', '')}" for m in msgs]
            return msgs

        msgs = say(person.opening())
        for _ in range(MAX_TURNS):
            texts_ = [str(m.get("text") or "") for m in msgs]
            if any(d in t for t in texts_ for d in DONE):
                cases = stack.cases(sender)
                if not cases:
                    raise AssertionError("the assistant said it was sent, but no case was filed")
                if result.press and result.transcript[-len(msgs) - 1] == f"> {result.press[1]}":
                    result.accepted = True  # the button sent it ("Yes, send it")
                return cases[-1]
            slot = None
            buttons: list[str] = []
            second_miss = False
            for m in reversed(msgs):
                text = str(m.get("text") or "")
                titles = [b["title"] for b in m.get("buttons") or []]
                if PERSON in titles and (SKIP in titles or last == "confirm"):
                    # The second miss: the question's answers as buttons, not the question.
                    slot, buttons, second_miss = last, titles, True
                    break
                slot = next((s for s, p in patterns if p.match(text)), None)
                if slot:
                    buttons = titles
                    break
            if slot is None:
                raise AssertionError(f"no question recognised in {texts_!r}")
            if (
                result.press
                and result.press[0] == last
                and result.transcript[-len(msgs) - 1] == (f"> {result.press[1]}")
            ):
                if slot == last or second_miss or any("Sorry" in t for t in texts_):
                    raise AssertionError(f"the button {result.press[1]!r} was not taken")
                result.accepted = True
                raise Accepted
            result.shown |= {(slot, b) for b in buttons if b not in (SKIP, PERSON)}
            if not second_miss:
                run = run + 1 if slot == last else 1
                if run >= 3:
                    raise AssertionError(f"'{slot}' asked a third time in a row")
            last = slot
            asked[slot] += 1
            result.asked.append(slot)
            answer = person.answer(slot)
            if slot == result.garble:
                if second_miss:
                    result.offered = True
                    # Skip it (confirm cannot be skipped: it is answered properly).
                    answer = answer if slot == "confirm" else SKIP
                elif not result.offered:
                    answer = GARBLE
            if result.press and result.press[0] == slot and result.press[1] in buttons:
                answer = result.press[1]
            if answer in buttons:
                result.clicked.append((slot, answer))
            msgs = say(answer)
    raise AssertionError(f"not filed after {MAX_TURNS} turns")


def play(
    stack: Stack,
    name: str,
    scenario: dict[str, Any],
    style: str,
    today: dt.date,
    garble: str | None = None,
    press: tuple[str, str] | None = None,
) -> Result:
    facts = shift_dates(scenario["facts"], today)
    why = untellable(facts)
    result = Result(name=name, style=style, tellable=not why, why=why, garble=garble, press=press)
    if why:
        return result
    person = Person(facts, style, stack.authority)
    try:
        case = converse(stack, person, result, question_patterns())
    except Accepted:
        return result
    except (AssertionError, httpx.HTTPError) as exc:
        result.problems.append(str(exc))
        return result
    result.filed = True
    if press:
        # A clicked button changes the facts (another service, another status): that it was
        # taken is what this run proves; the scenario's own run checks the decision.
        return result
    if garble:
        return result  # a skipped answer changes the facts: only the way through is checked
    filed_facts = json.loads(case["facts"]) if isinstance(case["facts"], str) else case["facts"]
    filed = json.loads(case["decision"]) if isinstance(case["decision"], str) else case["decision"]
    expected = assess(facts).to_dict()
    result.problems += compare_facts(filed_facts, facts) + compare(filed, expected)
    result.matched = not result.problems
    return result


# Questions where any words are an answer cannot be misunderstood.
MISUNDERSTOOD = [q.slot for q in questions.registry().values() if not q.free]


def run_authority(
    authority: str,
    workers: int = 3,
    proven: set[str] | None = None,
    clicked: set[tuple[str, str]] | None = None,
) -> tuple[list[Result], list[Result]]:
    """Every scenario of the authority told once; then, for each question this authority asked
    that `proven` lacks, one scenario told again misunderstanding that question twice; and for
    each button shown that nobody has clicked yet (`clicked`), one told again clicking it."""
    scenarios = [(n, sc) for n, sc in load_scenarios() if sc["facts"]["authority"] == authority]
    day = today()
    stack = Stack(authority)
    proven = set() if proven is None else proven
    try:
        stack.start()
        with ThreadPoolExecutor(max_workers=workers) as pool:
            futures = [
                pool.submit(play, stack, n, sc, STYLES[i % len(STYLES)], day)
                for i, (n, sc) in enumerate(scenarios)
            ]
            results = [f.result() for f in futures]
            by_name = dict(scenarios)
            replays = []
            for slot in MISUNDERSTOOD:
                first = next((r for r in results if r.filed and slot in r.asked), None)
                if slot in proven or first is None:
                    continue
                proven.add(slot)
                replays.append(
                    pool.submit(play, stack, first.name, by_name[first.name], "short", day, slot)
                )
            clicked = set() if clicked is None else clicked
            clicked |= {c for r in results for c in r.clicked}
            for r in results:
                for button in sorted(r.shown - clicked):
                    clicked.add(button)
                    replays.append(
                        pool.submit(
                            play, stack, r.name, by_name[r.name], r.style, day, None, button
                        )
                    )
            return results, [f.result() for f in replays]
    finally:
        stack.stop()


def report(authority: str, results: list[Result]) -> str:
    tellable = [r for r in results if r.tellable]
    matched = [r for r in tellable if r.matched]
    lines = [
        f"{authority}: {len(tellable)}/{len(results)} scenarios can be told in conversation; "
        f"{len(matched)}/{len(tellable)} of those filed with the same facts and decision"
    ]
    for r in results:
        if not r.tellable:
            lines.append(f"  cannot tell: {r.name}: {'; '.join(r.why)}")
    for r in tellable:
        if not r.matched:
            lines.append(f"  MISMATCH ({r.style}): {r.name}: {'; '.join(r.problems)}")
    return "\n".join(lines)


def misunderstood_report(replays: list[Result]) -> str:
    lines = []
    for r in replays:
        if r.press:
            ok = r.accepted and not r.problems
            lines.append(
                f"  {'ok' if ok else 'FAILED'}: button {r.press[1]!r} for '{r.press[0]}'"
                + ("" if ok else f" ({r.name}): {'; '.join(r.problems)}")
            )
            continue
        ok = r.offered and r.filed and not r.problems
        lines.append(
            f"  {'ok' if ok else 'FAILED'}: '{r.garble}' misunderstood twice ({r.name})"
            + ("" if ok else f": offered={r.offered} filed={r.filed} {'; '.join(r.problems)}")
        )
    return "\n".join(lines)


if __name__ == "__main__":
    proven: set[str] = set()
    for authority in sys.argv[1:] or ["telford-wrekin"]:
        results, replays = run_authority(authority, proven=proven)
        print(report(authority, results), flush=True)
        print(misunderstood_report(replays), flush=True)
