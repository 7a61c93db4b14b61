"""Retention and erasure for Rasa 3.6's SQL tracker store, which has neither.

Rasa keeps every conversation word for word in one table, `events` (id, sender_id, type_name,
timestamp, intent_name, action_name, data). This command works on that table directly, from the
app venv (SQLAlchemy 2), on SQLite or PostgreSQL:

    tracker_retention.py --db URL purge --older-than-days 30 [--dry-run]
    tracker_retention.py --db URL erase --sender SENDER_ID
    tracker_retention.py --db URL export --sender SENDER_ID   # JSON lines: subject access
    tracker_retention.py --db URL find --contains TEXT        # sender ids whose events hold TEXT

URL is a SQLAlchemy URL (e.g. postgresql+psycopg://user@host/rasa or sqlite:///var/tracker.db),
or TRACKER_DB_URL from the environment. Deleting whole old events never cuts into a live
conversation: Rasa starts a new session after 60 idle minutes (bot/domain.yml), far shorter than
any sensible retention period, and loads only the latest session.

The action server's outbox is not this tool's: it has its own command,
`python -m actions.outbox status|retry|purge`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence

from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.engine import make_url

SECONDS_PER_DAY = 86_400


class RetentionError(Exception):
    """A problem to tell the operator in one line (exit status 2)."""


def engine_for(url: str) -> Engine:
    try:
        engine = create_engine(url)
    except Exception as exc:  # a malformed URL or missing driver: say which
        raise RetentionError(f"cannot use database URL ({type(exc).__name__}: {exc})") from None
    try:
        has_events = inspect(engine).has_table("events")
    except Exception as exc:
        raise RetentionError(
            f"cannot open {make_url(url).render_as_string(hide_password=True)} "
            f"({type(exc).__name__})"
        ) from None
    if not has_events:
        raise RetentionError("this database has no `events` table; is it Rasa's tracker store?")
    return engine


def purge(engine: Engine, older_than_days: float, *, dry_run: bool = False) -> dict[str, int]:
    """Deletes events older than the cutoff; returns counts of events and conversations."""
    if older_than_days < 0:
        raise RetentionError("--older-than-days must be 0 or more")
    cutoff = time.time() - older_than_days * SECONDS_PER_DAY
    with engine.begin() as conn:
        events = conn.execute(
            text("SELECT COUNT(*) FROM events WHERE timestamp < :c"), {"c": cutoff}
        ).scalar_one()
        touched = conn.execute(
            text("SELECT COUNT(DISTINCT sender_id) FROM events WHERE timestamp < :c"),
            {"c": cutoff},
        ).scalar_one()
        # Conversations left with nothing at all once the old events go.
        emptied = conn.execute(
            text(
                "SELECT COUNT(*) FROM (SELECT sender_id FROM events GROUP BY sender_id "
                "HAVING MAX(timestamp) < :c) AS old"
            ),
            {"c": cutoff},
        ).scalar_one()
        if not dry_run:
            conn.execute(text("DELETE FROM events WHERE timestamp < :c"), {"c": cutoff})
    return {"events": int(events), "conversations": int(touched), "emptied": int(emptied)}


def erase(engine: Engine, sender_id: str) -> int:
    """Deletes every event of one conversation (an erasure request); returns how many."""
    with engine.begin() as conn:
        result = conn.execute(text("DELETE FROM events WHERE sender_id = :s"), {"s": sender_id})
    return int(result.rowcount or 0)


def export(engine: Engine, sender_id: str) -> list[dict[str, object]]:
    """Every event of one conversation, oldest first, as Rasa stored it."""
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT data FROM events WHERE sender_id = :s ORDER BY timestamp, id"),
            {"s": sender_id},
        ).scalars()
        return [json.loads(row) for row in rows]


def find(engine: Engine, contains: str) -> list[str]:
    """Sender ids whose stored events contain the text: a subject access request arrives by
    email with a name or an address, not a session id."""
    if len(contains.strip()) < 3:
        raise RetentionError("--contains needs at least 3 characters")
    # Rasa stores JSON with ASCII escapes (json.dumps default), so look for both spellings.
    needles = {contains, json.dumps(contains)[1:-1]}
    found: set[str] = set()
    with engine.connect() as conn:
        for needle in needles:
            escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            found.update(
                conn.execute(
                    text("SELECT DISTINCT sender_id FROM events WHERE data LIKE :p ESCAPE '\\'"),
                    {"p": f"%{escaped}%"},
                ).scalars()
            )
    return sorted(found)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="tracker_retention",
        description="Retention and erasure for Rasa's SQL tracker store.",
    )
    p.add_argument("--db", default=os.environ.get("TRACKER_DB_URL"), help="SQLAlchemy URL")
    sub = p.add_subparsers(dest="command", required=True)
    pu = sub.add_parser("purge", help="delete events older than N days")
    pu.add_argument("--older-than-days", type=float, required=True, metavar="N")
    pu.add_argument("--dry-run", action="store_true", help="count, delete nothing")
    er = sub.add_parser("erase", help="delete one conversation (erasure request)")
    er.add_argument("--sender", required=True)
    ex = sub.add_parser("export", help="print one conversation as JSON lines (access request)")
    ex.add_argument("--sender", required=True)
    fi = sub.add_parser("find", help="sender ids whose conversation contains TEXT")
    fi.add_argument("--contains", required=True)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if not args.db:
            raise RetentionError("give --db URL or set TRACKER_DB_URL")
        engine = engine_for(args.db)
        try:
            return _run(args, engine)
        finally:
            engine.dispose()
    except RetentionError as exc:
        print(f"tracker_retention: {exc}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace, engine: Engine) -> int:
    if args.command == "purge":
        counts = purge(engine, args.older_than_days, dry_run=args.dry_run)
        verb = "would delete" if args.dry_run else "deleted"
        print(
            f"{verb} {counts['events']} events older than {args.older_than_days:g} days from "
            f"{counts['conversations']} conversations ({counts['emptied']} removed entirely)"
        )
        return 0
    if args.command == "erase":
        n = erase(engine, args.sender)
        if n == 0:
            print(
                f"tracker_retention: no conversation with sender id {args.sender!r}",
                file=sys.stderr,
            )
            return 1
        print(f"erased {n} events of conversation {args.sender!r}")
        return 0
    if args.command == "export":
        events = export(engine, args.sender)
        if not events:
            print(
                f"tracker_retention: no conversation with sender id {args.sender!r}",
                file=sys.stderr,
            )
            return 1
        for event in events:
            print(json.dumps(event, ensure_ascii=False))
        return 0
    senders = find(engine, args.contains)
    for sender in senders:
        print(sender)
    return 0 if senders else 1


if __name__ == "__main__":
    sys.exit(main())
