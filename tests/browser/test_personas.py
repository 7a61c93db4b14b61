"""People who complain for someone else, and people whose standing changes the procedure, each
make a whole complaint in Chromium on the page `make run` serves (issue 10): a relative, a
foster carer, an advocate, a solicitor, a 19-year-old care leaver and a council tenant.

The assistant's questions are recognised by their wording in actions/data/messages.yml (the
generated conversations' reader), so the personas (personas.yml) say only what each person
would answer. The filed case must carry the facts they told and the decision their council's
policy gives for them, and no question may come three times in a row.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conversations.person import question_patterns

from .chat import REFERENCE, Chat
from .conftest import ARTIFACTS, AUTHORITY, Stack, start_stack

pytestmark = pytest.mark.browser

DATA = yaml.safe_load(Path(__file__).with_name("personas.yml").read_text(encoding="utf-8"))
PERSONAS: list[dict[str, Any]] = DATA["personas"]
MAX_TURNS = 30


@pytest.fixture(scope="module")
def stacks(stack: Stack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Stack]]:
    """The session's stack for its authority, and one more per other authority a persona
    names, stopped when this module ends."""
    running = {AUTHORITY: stack}
    try:
        for authority in sorted({p.get("authority", AUTHORITY) for p in PERSONAS} - {AUTHORITY}):
            running[authority] = start_stack(tmp_path_factory.mktemp(authority), authority)
        yield running
    finally:
        for authority, s in running.items():
            if authority != AUTHORITY:
                s.stop()


def _slot_of(turn: list[str]) -> str | None:
    """Which question the turn ends with (a read-back or safety reply may come before it)."""
    patterns = question_patterns()
    for text in reversed(turn):
        for slot, pattern in patterns:
            if pattern.search(text):
                return slot
    return None


def _contains(actual: Any, expected: Any, path: str = "") -> list[str]:
    """Where `actual` lacks what `expected` says (dicts by key, lists as sets)."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: {actual!r} is not a mapping"]
        return [
            problem
            for key, value in expected.items()
            for problem in _contains(actual.get(key), value, f"{path}.{key}".lstrip("."))
        ]
    if isinstance(expected, list):
        missing = set(expected) - set(actual or [])
        return [f"{path}: {sorted(missing)} missing from {actual!r}"] if missing else []
    return [] if actual == expected else [f"{path}: {actual!r}, expected {expected!r}"]


def _tell(chat: Chat, persona: dict[str, Any]) -> str:
    """Plays the persona until the assistant gives a reference; returns it."""
    answers = {**DATA["defaults"], **persona["answers"]}
    asked: list[str] = []
    seen = len(chat.wait_for_bot(0))  # the greeting, before anything is typed
    chat.say(persona["opening"])
    for _ in range(MAX_TURNS):
        turn = chat.wait_for_bot(seen)
        seen += len(turn)
        said = "\n".join(turn)
        if ref := REFERENCE.search(said):
            return ref.group(1)
        slot = _slot_of(turn)
        assert slot is not None, f"no question I know after:\n{said}\n\n{chat.transcript()}"
        asked.append(slot)
        assert asked[-3:] != [slot] * 3, f"{slot} asked three times:\n{chat.transcript()}"
        answer = str(answers[slot])
        if answer in chat.buttons():
            chat.press(answer)
        else:
            chat.say(answer)
    raise AssertionError(f"no reference after {MAX_TURNS} turns:\n{chat.transcript()}")


@pytest.mark.parametrize("persona", PERSONAS, ids=[p["name"] for p in PERSONAS])
def test_a_person_completes_a_complaint(
    persona: dict[str, Any], stacks: dict[str, Stack], browser: Any
) -> None:
    authority = persona.get("authority", AUTHORITY)
    stack = stacks[authority]
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(stack.page_url)
        chat = Chat(page, keyboard=False)
        chat.open()
        reference = _tell(chat, persona)
        case = stack.get_json(f"/v1/cases/{reference}")
        expect = persona["expect"]
        problems = _contains(case["facts"], expect["facts"])
        problems += _contains(case["decision"], expect["decision"])
        ids = {s["id"] for s in case["decision"].get("signposts") or []}
        problems += [f"signpost {s} missing" for s in expect.get("signposts", []) if s not in ids]
        assert not problems, f"{persona['name']}: {problems}\n\n{chat.transcript()}"
        # What the person was told matches the case: its reply date, when it has one.
        respond_by = case["decision"]["deadlines"].get("respond_by")
        if respond_by:
            day = int(respond_by[8:10])
            assert re.search(rf"\b{day} \w+ {respond_by[:4]}\b", chat.transcript()), respond_by
        assert not errors, errors
    finally:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"\W+", "-", persona["name"])
        page.screenshot(path=str(ARTIFACTS / f"persona-{name}.png"), full_page=True)
        context.close()
