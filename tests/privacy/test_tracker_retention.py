"""bot/tools/tracker_retention.py against tracker stores written and read back by Rasa 3.6's own
SQLTrackerStore (in .venv-rasa), on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from tests.support.servers import REPO, PgCluster

RASA_PY = REPO / ".venv-rasa" / "bin" / "python"
IO_SCRIPT = Path(__file__).with_name("rasa_tracker_io.py")
TOOL = REPO / "bot" / "tools" / "tracker_retention.py"

# sender -> [(age in days, what the person typed)], oldest first.
CONVERSATIONS: dict[str, list[tuple[float, str]]] = {
    "old-only": [(45, "my bins, Jane Oldcase"), (44.99, "jane.old@example.org")],
    "straddling": [(40, "first complaint, 07700 900001"), (2, "second complaint about roads")],
    "recent": [(0.01, "Robert Newcase, 1 High St")],
    "to-erase": [(3, "Erin Erasure, erin@example.org"), (2.99, "my child's school transport")],
    "unicode": [(1, "Zoë Ünïcode — 電話 07700 900999")],
}


def _rasa(*args: str) -> str:
    assert RASA_PY.exists(), "the Rasa venv is missing: run `make rasa-venv`"
    env = {
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        "PYTHONWARNINGS": "ignore",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [str(RASA_PY), str(IO_SCRIPT), *args], capture_output=True, text=True, timeout=300, env=env
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def _tool(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TOOL), "--db", url, *args], capture_output=True, text=True, timeout=60
    )


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(SQLAlchemy URL for the tool, SQLTrackerStore kwargs for Rasa) of a store Rasa filled."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("tracker") / "tracker.db"
        spec: dict[str, Any] = {"dialect": "sqlite", "db": str(path)}
        url = f"sqlite:///{path}"
        cluster = None
    else:
        cluster = PgCluster()
        url = cluster.create_database("tracker")
        name = url.rsplit("/", 1)[1]
        spec = {
            "dialect": "postgresql",
            "host": "127.0.0.1",
            "port": cluster.port,
            "db": name,
            "username": "app",
        }
    try:
        _rasa("write", json.dumps(spec), json.dumps(CONVERSATIONS))
        yield url, spec
    finally:
        if cluster:
            cluster.close()


def _typed(spec: dict[str, Any]) -> dict[str, list[str] | None]:
    return json.loads(_rasa("read", json.dumps(spec), *CONVERSATIONS))  # type: ignore[no-any-return]


def _event_count(url: str) -> int:
    engine = create_engine(url)
    with engine.connect() as conn:
        n = int(conn.execute(text("SELECT COUNT(*) FROM events")).scalar_one())
    engine.dispose()
    return n


def test_retention_find_export_erase_and_purge(store: tuple[str, dict[str, Any]]) -> None:
    url, spec = store
    before = _typed(spec)
    assert before["old-only"] == ["my bins, Jane Oldcase", "jane.old@example.org"]
    total = _event_count(url)

    # Subject access: find the conversation by what the person remembers typing, then export it.
    found = _tool(url, "find", "--contains", "erin@example.org")
    assert found.returncode == 0, found.stderr
    assert found.stdout.split() == ["to-erase"]
    found_unicode = _tool(url, "find", "--contains", "Zoë Ünïcode")
    assert found_unicode.stdout.split() == ["unicode"], found_unicode
    exported = _tool(url, "export", "--sender", "to-erase")
    assert exported.returncode == 0, exported.stderr
    lines = [json.loads(line) for line in exported.stdout.splitlines()]
    assert [e.get("text") for e in lines if e["event"] == "user"] == [
        "Erin Erasure, erin@example.org",
        "my child's school transport",
    ]

    # Dry run changes nothing.
    dry = _tool(url, "purge", "--older-than-days", "30", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "would delete" in dry.stdout
    assert _event_count(url) == total

    # Erasure of one conversation, then the daily purge.
    erased = _tool(url, "erase", "--sender", "to-erase")
    assert erased.returncode == 0 and "erased" in erased.stdout, erased
    again = _tool(url, "erase", "--sender", "to-erase")
    assert again.returncode == 1 and "no conversation" in again.stderr
    purged = _tool(url, "purge", "--older-than-days", "30")
    assert purged.returncode == 0, purged.stderr
    assert "from 2 conversations (1 removed entirely)" in purged.stdout, purged.stdout

    # What Rasa itself now loads.
    after = _typed(spec)
    assert after["old-only"] in (None, []), after["old-only"]
    assert after["to-erase"] in (None, []), after["to-erase"]
    assert after["straddling"] == ["second complaint about roads"]
    assert after["recent"] == ["Robert Newcase, 1 High St"]
    assert after["unicode"] == before["unicode"]
    # And no trace of the purged text is left anywhere in the table.
    for gone in ("Jane Oldcase", "jane.old", "07700 900001", "erin@example.org", "Erin Erasure"):
        assert _tool(url, "find", "--contains", gone).stdout == "", gone


def test_tool_refuses_bad_use_with_one_line_messages(tmp_path: Path) -> None:
    not_rasa = tmp_path / "other.db"
    sqlite3.connect(not_rasa).execute("CREATE TABLE t (x)").connection.close()
    cases = [
        ([], "give --db URL"),
        (["--db", f"sqlite:///{not_rasa}", "purge", "--older-than-days", "1"], "no `events` table"),
        (["--db", "nonsense://", "purge", "--older-than-days", "1"], "cannot use database URL"),
        (["--db", f"sqlite:///{not_rasa}", "find", "--contains", "ab"], "no `events` table"),
    ]
    for args, message in cases:
        result = subprocess.run(
            [
                sys.executable,
                str(TOOL),
                *args,
                *([] if args else ["purge", "--older-than-days", "1"]),
            ],
            capture_output=True,
            text=True,
            timeout=60,
            env={"PATH": "/usr/bin:/bin"},
        )
        assert result.returncode == 2, (args, result)
        assert message in result.stderr and "Traceback" not in result.stderr, result.stderr


def test_the_tracker_tool_no_longer_touches_the_outbox(tmp_path: Path) -> None:
    # The outbox has its own command (python -m actions.outbox, tests/actions/test_outbox_cli.py).
    result = _tool(
        f"sqlite:///{tmp_path / 't.db'}", "purge", "--older-than-days", "30", "--outbox", "x"
    )
    assert result.returncode == 2 and "unrecognized arguments: --outbox" in result.stderr
