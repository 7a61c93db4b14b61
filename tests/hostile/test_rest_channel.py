"""Every corpus message sent to the real assistant (Rasa server, action server, case service)
over Rasa's REST channel, both as the opening message and as the answer to "what happened":
no crash or server error, a sensible reply, markup never echoed back on its own, and the
conversation still works afterwards."""

from __future__ import annotations

import os
import re
import time
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.chat import RestChat
from tests.support.servers import rasa_stack, running

from .corpus import Message, encodable, messages

CORPUS = [m for m in messages() if encodable(m.text)]
MARKUP = re.compile(r"<\s*(script|img|svg|iframe|style)|onerror\s*=|javascript:", re.I)
# A reply is "sensible" when it is one of the bot's own kinds of answer; each of these phrases
# comes from actions/data/messages.yml or the domain's responses.
SLOW_TURN_SECONDS = 30.0


@pytest.fixture(scope="module")
def stack() -> Iterator[Any]:
    with running(rasa_stack().Stack()) as s:
        yield s


def _chat(stack: Any) -> RestChat:
    return RestChat([f"http://127.0.0.1:{stack.rasa_port}"], f"hostile-{uuid.uuid4().hex[:10]}")


def _texts(messages: list[dict[str, Any]]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def _still_works(chat: RestChat) -> None:
    """The tracker is not broken: the person can stop whatever was going on and start over."""
    assert _texts(chat.send("stop")).strip(), chat.says()[-1500:]
    after = _texts(chat.send("I want to make a complaint"))
    assert re.search(r"Who is the complaint about|Which (council )?service|What happened", after), (
        f"the conversation did not recover:\n{chat.says()[-1500:]}"
    )


@pytest.mark.parametrize("msg", CORPUS, ids=lambda m: m.id)
def test_as_opening_message(stack: Any, msg: Message) -> None:
    chat = _chat(stack)
    started = time.monotonic()
    replies = chat.send(msg.text)
    took = time.monotonic() - started
    assert took < SLOW_TURN_SECONDS, f"{msg.id}: {took:.1f} s for one turn"
    said = _texts(replies)
    if msg.text.strip():
        assert said.strip(), f"{msg.id}: no reply at all"
    assert not MARKUP.search(said), f"{msg.id}: markup echoed back:\n{said}"
    if msg.id == "self-harm":
        assert "999" in said, f"a safety disclosure must get the safety reply:\n{said}"
    _still_works(chat)


@pytest.mark.parametrize("msg", CORPUS, ids=lambda m: m.id)
def test_as_the_story_mid_form(stack: Any, msg: Message) -> None:
    chat = _chat(stack)
    said = _texts(chat.send("I want to make a complaint"))
    if "Who is the complaint about" in said:
        said = _texts(chat.send("Me"))
    if re.search(r"Which (council )?service|Which part of the council", said):
        said = _texts(chat.send("bins"))
    assert re.search(r"what happened|What happened", said), chat.says()[-1500:]
    replies = chat.send(msg.text)
    said = _texts(replies)
    if msg.text.strip():
        assert said.strip(), f"{msg.id}: no reply at all"
    # The bot may quote the person's own story back in its summary (the widget shows it as
    # text); it must never answer with markup on its own, i.e. a line that is only markup.
    for line in said.splitlines():
        assert not (MARKUP.search(line) and MARKUP.sub("", line).strip(" <>/\"'=") == ""), line
    _still_works(chat)


def test_rasa_still_healthy_after_the_corpus(stack: Any) -> None:
    r = httpx.get(f"http://127.0.0.1:{stack.rasa_port}/", timeout=10)
    assert r.status_code == 200
    chat = _chat(stack)
    assert re.match(r"[A-Z]{2}-\d{4}-", chat.complete())


GENERATED = int(os.environ.get("PROVE_EXAMPLES", "40")) // 2


@settings(
    max_examples=GENERATED,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=st.text(st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_generated_messages_get_a_reply(stack: Any, text: str) -> None:
    chat = _chat(stack)
    said = _texts(chat.send(text))
    if text.strip():
        assert said.strip(), f"no reply to {text!r}"
    assert not MARKUP.search(said) or MARKUP.search(text), said
