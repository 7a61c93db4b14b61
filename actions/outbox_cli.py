"""`python -m actions.outbox status|retry|purge`: the outbox's own command, for staff who need
to see which cases are waiting, send failed ones again, or clear delivered rows. It never
prints a case's body: only receipts, states, counts and the last error."""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

from .outbox import Outbox
from .settings import settings

_STATES = ("pending", "failed", "delivered")


def _print_rows(rows: list[dict[str, Any]]) -> None:
    print("receipt\tstate\tcreated (UTC)\tattempts\treference\terror")
    for r in rows:
        created = time.strftime("%Y-%m-%d %H:%M", time.gmtime(r["created"]))
        fields = (r["receipt"], r["state"], created, r["attempts"], r["reference"], r["error"])
        print("\t".join("" if v is None else str(v) for v in fields))


def main(argv: list[str] | None = None) -> int:
    """The command's entry point; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m actions.outbox",
        description="The action server's outbox of cases waiting for the case service.",
    )
    parser.add_argument(
        "--path",
        type=Path,
        default=None,
        help="the outbox file (default: OUTBOX_PATH, else var/outbox.sqlite3)",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    st = sub.add_parser("status", help="counts, and the rows waiting or failed (no bodies)")
    st.add_argument("--receipt", help="only the case with this receipt number")
    st.add_argument("--all", action="store_true", help="list delivered rows too")
    rt = sub.add_parser("retry", help="send failed cases again (all, or one by receipt)")
    rt.add_argument("--receipt", help="only the case with this receipt number")
    pu = sub.add_parser("purge", help="delete delivered rows older than N days")
    pu.add_argument("--older-than-days", type=float, required=True, metavar="N")
    pu.add_argument("--dry-run", action="store_true", help="count, delete nothing")
    args = parser.parse_args(argv)

    path = args.path or settings().outbox_path
    if not path.exists():
        print(f"outbox: no outbox at {path}", file=sys.stderr)
        return 2
    try:
        box = Outbox(path)
        if args.command == "status":
            rows = box.rows(args.receipt)
            counts = {state: sum(r["state"] == state for r in rows) for state in _STATES}
            print(", ".join(f"{n} {state}" for state, n in counts.items()))
            shown = [r for r in rows if args.all or args.receipt or r["state"] != "delivered"]
            if shown:
                _print_rows(shown)
            return 0 if rows or not args.receipt else 1
        if args.command == "retry":
            n = box.retry(args.receipt)
            print(f"{n} case{'s' if n != 1 else ''} queued to send again")
            return 0 if n or not args.receipt else 1
        if args.older_than_days < 0:
            print("outbox: --older-than-days must not be negative", file=sys.stderr)
            return 2
        n = box.purge(args.older_than_days, dry_run=args.dry_run)
        print(f"{'would delete' if args.dry_run else 'deleted'} {n} delivered rows")
        return 0
    except sqlite3.DatabaseError as exc:
        print(f"outbox: {path} is not an outbox ({exc})", file=sys.stderr)
        return 2
