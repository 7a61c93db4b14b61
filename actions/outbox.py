"""A durable outbox (SQLite) so no case is lost when the case service is down.

Every case is written here before the first delivery attempt, and its body is cleared once
delivered. A background thread delivers whatever is still pending, oldest first, with backoff.
Each row carries its Idempotency-Key, so a delivery whose reply was lost is replayed safely: the
case service answers the replay with the same case, and the row is marked delivered exactly once.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import sys
import threading
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from .caseclient import Filed, file_case
from .settings import Settings, settings

log = logging.getLogger(__name__)

DELIVERED_BODY = "{}"
# How long one delivery attempt may hold a row; longer than any attempt with its retries.
CLAIM_SECONDS = 30.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    key TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    created REAL NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_try REAL NOT NULL,
    claimed_until REAL,
    delivered REAL,
    reference TEXT,
    failed TEXT
)
"""


SECONDS_PER_DAY = 86400.0


def receipt_of(key: str) -> str:
    """The receipt number a person is given when filing is delayed (the action's
    `_saved_receipt`): the first 8 characters of the case's Idempotency-Key, in capitals."""
    return key[:8].upper()


class Outbox:
    """The outbox table belongs to this class and `python -m actions.outbox`; nothing else
    reads or changes it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._db() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(_SCHEMA)
            columns = {row[1] for row in db.execute("PRAGMA table_info(outbox)")}
            if "last_error" not in columns:  # outboxes made before the column existed
                db.execute("ALTER TABLE outbox ADD COLUMN last_error TEXT")

    def _db(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=5, isolation_level=None)
        db.execute("PRAGMA secure_delete = ON")  # a cleared body must not linger in free pages
        return db

    def add(self, key: str, body: dict[str, Any], hold_seconds: float = 0.0) -> None:
        """Stores a case once; adding the same key again keeps the first body. `hold_seconds`
        keeps the background thread off the row while the caller makes its own first attempt:
        otherwise the thread can claim it first and the person is told "saved" instead of
        getting their reference, although the case is being delivered that very moment."""
        now = time.time()
        with self._db() as db:
            db.execute(
                "INSERT OR IGNORE INTO outbox (key, body, created, next_try) VALUES (?, ?, ?, ?)",
                (key, json.dumps(body), now, now + hold_seconds),
            )

    def claim(self, key: str, seconds: float = CLAIM_SECONDS) -> dict[str, Any] | None:
        """Takes a pending row for one delivery attempt; None if delivered or claimed elsewhere."""
        now = time.time()
        with self._db() as db:
            cur = db.execute(
                "UPDATE outbox SET claimed_until = ?, attempts = attempts + 1 WHERE key = ? "
                "AND delivered IS NULL AND failed IS NULL "
                "AND (claimed_until IS NULL OR claimed_until < ?)",
                (now + seconds, key, now),
            )
            if cur.rowcount != 1:
                return None
            row = db.execute("SELECT body FROM outbox WHERE key = ?", (key,)).fetchone()
        body: dict[str, Any] = json.loads(row[0])
        return body

    async def file_now(
        self, key: str, body: dict[str, Any], send: Callable[[dict[str, Any]], Awaitable[Filed]]
    ) -> Filed | None:
        """Files a case from the conversation: adds it (held from the background thread),
        claims it and makes the first delivery attempt with `send`, and records the result.
        None when it was delivered or is being delivered elsewhere (`status` has it); a
        result that is not ok stays here for the background thread, unless it is permanent."""
        self.add(key, body, hold_seconds=CLAIM_SECONDS)
        claimed = self.claim(key)
        if claimed is None:
            return None
        result = await send(claimed)
        self.record(key, result)
        return result

    def record(self, key: str, result: Filed) -> None:
        with self._db() as db:
            if result.ok:
                # Once the case service holds the case, the outbox keeps only a receipt: the
                # body is the person's story and contact details, and the case service is the
                # system of record (SECURITY.md F5).
                db.execute(
                    "UPDATE outbox SET delivered = ?, reference = ?, claimed_until = NULL, "
                    "body = ? WHERE key = ? AND delivered IS NULL",
                    (time.time(), result.reference, DELIVERED_BODY, key),
                )
            elif result.permanent:
                db.execute(
                    "UPDATE outbox SET failed = ?, claimed_until = NULL WHERE key = ?",
                    (result.error, key),
                )
            else:
                attempts = db.execute(
                    "SELECT attempts FROM outbox WHERE key = ?", (key,)
                ).fetchone()[0]
                wait = min(2 ** min(attempts, 6), 60)
                db.execute(
                    "UPDATE outbox SET next_try = ?, claimed_until = NULL, last_error = ? "
                    "WHERE key = ?",
                    (time.time() + wait, result.error, key),
                )

    def due(self, limit: int = 20) -> list[str]:
        with self._db() as db:
            rows = db.execute(
                "SELECT key FROM outbox WHERE delivered IS NULL AND failed IS NULL "
                "AND next_try <= ? ORDER BY created LIMIT ?",
                (time.time(), limit),
            ).fetchall()
        return [r[0] for r in rows]

    def status(self, key: str) -> dict[str, Any] | None:
        with self._db() as db:
            row = db.execute(
                "SELECT delivered, reference, failed, attempts FROM outbox WHERE key = ?", (key,)
            ).fetchone()
        if row is None:
            return None
        return {"delivered": row[0], "reference": row[1], "failed": row[2], "attempts": row[3]}

    def rows(self, receipt: str | None = None) -> list[dict[str, Any]]:
        """Every row without its body (a person's story stays out of any listing), newest
        first; only those whose receipt matches when one is given."""
        with self._db() as db:
            found = db.execute(
                "SELECT key, created, attempts, delivered, reference, failed, last_error "
                "FROM outbox ORDER BY created DESC"
            ).fetchall()
        wanted = receipt.strip().upper() if receipt else None
        out = []
        for key, created, attempts, delivered, reference, failed, last_error in found:
            if wanted is not None and receipt_of(key) != wanted:
                continue
            state = "delivered" if delivered else "failed" if failed else "pending"
            out.append(
                {
                    "receipt": receipt_of(key),
                    "key": key,
                    "state": state,
                    "created": created,
                    "attempts": attempts,
                    "reference": reference,
                    "error": failed or last_error,
                }
            )
        return out

    def retry(self, receipt: str | None = None) -> int:
        """Puts failed rows (all, or the one with this receipt) back to pending, to be sent on
        the next pass; a pending row with this receipt is tried at once. Returns how many."""
        now = time.time()
        changed = 0
        with self._db() as db:
            keys = [
                r[0]
                for r in db.execute(
                    "SELECT key FROM outbox WHERE delivered IS NULL"
                    + ("" if receipt else " AND failed IS NOT NULL")
                ).fetchall()
            ]
            for key in keys:
                if receipt and receipt_of(key) != receipt.strip().upper():
                    continue
                db.execute(
                    "UPDATE outbox SET failed = NULL, next_try = ?, claimed_until = NULL "
                    "WHERE key = ? AND delivered IS NULL",
                    (now, key),
                )
                changed += 1
        return changed

    def purge(self, older_than_days: float, *, dry_run: bool = False) -> int:
        """Deletes delivered rows older than the cutoff (each is only a receipt by then; the
        case service is the system of record). Pending and failed rows are never deleted."""
        cutoff = time.time() - older_than_days * SECONDS_PER_DAY
        where = "delivered IS NOT NULL AND delivered < ?"
        with self._db() as db:
            n = int(
                db.execute(f"SELECT COUNT(*) FROM outbox WHERE {where}", (cutoff,)).fetchone()[0]
            )
            if not dry_run:
                db.execute(f"DELETE FROM outbox WHERE {where}", (cutoff,))
        return n

    def pending_count(self) -> int:
        with self._db() as db:
            n: int = db.execute(
                "SELECT COUNT(*) FROM outbox WHERE delivered IS NULL AND failed IS NULL"
            ).fetchone()[0]
        return n

    def deliver_due(self, send: Callable[[str, dict[str, Any]], Filed]) -> int:
        """One pass over due rows; returns how many were delivered."""
        delivered = 0
        for key in self.due():
            body = self.claim(key)
            if body is None:
                continue
            result = send(key, body)
            self.record(key, result)
            if result.ok:
                delivered += 1
                log.info("outbox: delivered a case (%s)", result.reference)
            else:
                log.warning("outbox: delivery failed (%s); will retry", result.error)
        return delivered


_lock = threading.Lock()
_started: dict[str, Outbox] = {}


def shared() -> Outbox:
    """The process's outbox, with its delivery thread started on first use."""
    s = settings()
    key = str(s.outbox_path.resolve())
    with _lock:
        if key not in _started:
            box = Outbox(s.outbox_path)
            _started[key] = box
            threading.Thread(
                target=_deliver_forever, args=(box, s), name="outbox", daemon=True
            ).start()
        return _started[key]


def _deliver_forever(box: Outbox, s: Settings) -> None:
    def send(key: str, body: dict[str, Any]) -> Filed:
        return file_case(s, key, body, attempts=1)

    while True:
        try:
            box.deliver_due(send)
        except Exception:  # the thread must survive a bad pass; the next one retries
            log.exception("outbox: delivery pass failed")
        time.sleep(s.outbox_poll_seconds)


if __name__ == "__main__":
    # `python -m actions.outbox status|retry|purge`, the command staff already know.
    from .outbox_cli import main

    sys.exit(main())
