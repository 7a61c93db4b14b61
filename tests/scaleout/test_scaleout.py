"""Scale-out on existing engines: two Rasa servers sharing a PostgreSQL tracker store and a
Redis lock store, two action servers, two case services on one PostgreSQL. Conversations whose
turns alternate between the servers complete, survive a Rasa server restart and an action
server restart mid-conversation, and each files exactly one case."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import create_engine, text

from tests.faults.filing import file_until_ok, integrity_problems, stored_keys
from tests.scaleout.cluster import Cluster
from tests.support.chat import COMPLAINT, RestChat


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    c = Cluster()
    try:
        yield c.start()
    finally:
        logs = c.logs()
        c.stop()
    bad = {name: text[-2000:] for name, text in logs.items() if "Traceback" in text}
    assert not bad, f"tracebacks in the logs: {bad}"


def _cases_for(cluster: Cluster, sender: str) -> list[str]:
    engine = create_engine(cluster.cases_url)
    with engine.connect() as conn:
        refs = conn.execute(
            text("SELECT reference FROM cases WHERE conversation_id = :s"), {"s": sender}
        ).scalars()
        out = list(refs)
    engine.dispose()
    return out


def _tracker_senders(cluster: Cluster) -> set[str]:
    engine = create_engine(cluster.tracker_url)
    with engine.connect() as conn:
        senders = set(conn.execute(text("SELECT DISTINCT sender_id FROM events")).scalars())
    engine.dispose()
    return senders


@pytest.mark.parametrize("first", ["a", "b"])
def test_conversation_alternating_between_two_rasa_servers(cluster: Cluster, first: str) -> None:
    a, b = cluster.nodes
    urls = [a.rasa_url, b.rasa_url] if first == "a" else [b.rasa_url, a.rasa_url]
    locks_before = cluster.redis.stat("total_commands_processed")
    chat = RestChat(urls, f"scale-{first}-{uuid.uuid4().hex[:8]}")
    reference = chat.complete()
    assert set(chat.servers_used) == {a.rasa_url, b.rasa_url}
    assert len(chat.turn_seconds) >= 6, chat.says()
    assert _cases_for(cluster, chat.sender) == [reference]
    assert chat.sender in _tracker_senders(cluster)
    # The lock store was really used: Rasa takes and releases a lock in Redis for every turn.
    assert cluster.redis.stat("total_commands_processed") - locks_before >= len(chat.turn_seconds)


def test_rasa_restart_and_action_server_restart_mid_conversation(cluster: Cluster) -> None:
    a, b = cluster.nodes
    chat = RestChat([a.rasa_url], f"restart-{uuid.uuid4().hex[:8]}")
    said = "\n".join(m.get("text") or "" for m in chat.send("I want to make a complaint"))
    assert "Who is the complaint about" in said, chat.says()
    said = "\n".join(m.get("text") or "" for m in chat.send("Me"))
    assert re.search(r"Which (council )?service|Which part of the council", said), chat.says()

    # Both Rasa servers restart (one after the other, as in a rolling deploy): the
    # conversation lives in the tracker store, not in either process.
    a.restart("rasa")
    b.restart("rasa")
    # The action server restarts too, between two turns.
    a.restart("actions")
    table = [(p, ans) for p, ans in COMPLAINT if "What would you like to do" not in p]
    said = "\n".join(m.get("text") or "" for m in chat.send("bins"))
    assert re.search(r"what happened|What happened", said), (
        f"the form did not carry on after the restarts:\n{chat.says()}"
    )
    chat.rasa_urls = [b.rasa_url, a.rasa_url]
    reference = chat.complete(table, opening="My green bin has not been emptied for 3 weeks.")
    assert _cases_for(cluster, chat.sender) == [reference]


def test_two_case_services_on_one_database_file_each_case_once(cluster: Cluster) -> None:
    a, b = cluster.nodes
    auth = {"Authorization": f"Bearer {a.token}"}
    before = stored_keys(cluster.cases_url)
    with ThreadPoolExecutor(max_workers=40) as pool:
        # Each filing alternates between the two services on its retries; two clients share
        # each key, one per service, as a retry through a load balancer would.
        keys = [f"two-services-{uuid.uuid4().hex[:8]}" for _ in range(20)]
        futures = [
            pool.submit(file_until_ok, [svc.cs_url for svc in order], auth, n, 60.0, key)
            for n, key in enumerate(keys)
            for order in ((a, b), (b, a))
        ]
        results = [f.result() for f in futures]
    assert all(r.reference for r in results), [r.seen for r in results if not r.reference]
    by_key: dict[str, set[str | None]] = {}
    for r in results:
        by_key.setdefault(r.key, set()).add(r.reference)
    assert all(len(refs) == 1 for refs in by_key.values()), by_key
    after = stored_keys(cluster.cases_url)
    assert len(after) - len(before) == len(keys)
    assert integrity_problems(cluster.cases_url) == []
