"""`caseservice` command line: migrate, serve, tokens, cases due/overdue/receipt, purge."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select

from . import audit, auth, references, retention
from .config import Settings, redact_url
from .db import Database, SchemaNotMigrated, check_schema, migrate
from .lifecycle import today
from .models import Case
from .schemas import RECEIPT_PATTERN


def _actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except Exception:
        return "cli"


def _database(settings: Settings) -> Database:
    db = Database(settings.database_url)
    db.head = check_schema(db.engine)
    return db


def cmd_migrate(args: argparse.Namespace, settings: Settings) -> int:
    before, after = migrate(settings.database_url)
    where = redact_url(settings.database_url)
    if before == after:
        print(f"{where}: already at schema revision {after}")
    else:
        print(f"{where}: migrated from {before or 'empty'} to {after}")
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    _database(settings).dispose()  # fail here, with the message, rather than inside uvicorn
    uvicorn.run(
        "caseservice.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level=args.log_level,
        # Access logs show paths (references) and status only; never bodies.
        access_log=not args.no_access_log,
        # No websockets here; the pinned websockets (for rasa-sdk) is too old for uvicorn's.
        ws="none",
    )
    return 0


def cmd_tokens_add(args: argparse.Namespace, settings: Settings) -> int:
    scopes = auth.parse_scopes(args.scopes)
    db = _database(settings)
    with db.write() as session:
        token = auth.add_token(session, args.name, scopes, replace=args.replace)
        audit.record(session, _actor(), "token.added", None, name=args.name, scopes=scopes)
    db.dispose()
    if args.token_file:
        path = Path(args.token_file)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Create with 0600 from the start so the token is never readable by others.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(token + "\n")
        os.chmod(path, 0o600)
        print(f"token {args.name!r} ({', '.join(scopes)}) written to {path}")
    else:
        print(token)
        print(
            f"token {args.name!r} ({', '.join(scopes)}): shown once, only its hash is stored",
            file=sys.stderr,
        )
    return 0


def cmd_tokens_revoke(args: argparse.Namespace, settings: Settings) -> int:
    db = _database(settings)
    with db.write() as session:
        n = auth.revoke_token(session, args.name)
        audit.record(session, _actor(), "token.revoked", None, name=args.name, count=n)
    db.dispose()
    if n == 0:
        print(f"no active token named {args.name!r}", file=sys.stderr)
        return 1
    print(f"revoked {n} token(s) named {args.name!r}")
    return 0


def cmd_tokens_list(args: argparse.Namespace, settings: Settings) -> int:
    from .models import ApiToken

    db = _database(settings)
    with db.read() as session:
        for row in session.scalars(select(ApiToken).order_by(ApiToken.name, ApiToken.id)):
            state = f"revoked {row.revoked_at:%Y-%m-%d}" if row.revoked_at else "active"
            print(f"{row.name}\t{row.scopes}\t{state}")
    db.dispose()
    return 0


def _print_cases(rows: Sequence[Case]) -> None:
    # References and dates only: this output ends up in terminals and cron mail.
    print("reference\tauthority\tstage\tstatus\tdue")
    for c in rows:
        print(f"{c.reference}\t{c.authority}\t{c.stage}\t{c.status}\t{c.due}")
    print(f"{len(rows)} case(s)", file=sys.stderr)


def _as_of(args: argparse.Namespace) -> dt.date:
    return dt.date.fromisoformat(args.as_of) if args.as_of else today()


def cmd_cases_due(args: argparse.Namespace, settings: Settings) -> int:
    now = _as_of(args)
    db = _database(settings)
    with db.write() as session:
        rows = session.scalars(
            select(Case)
            .where(
                Case.status == "open",
                Case.due >= now,
                Case.due <= now + dt.timedelta(days=args.within),
            )
            .order_by(Case.due, Case.reference)
        ).all()
        audit.record(session, _actor(), "case.list", None, command="due", count=len(rows))
    db.dispose()
    _print_cases(rows)
    return 0


def cmd_cases_overdue(args: argparse.Namespace, settings: Settings) -> int:
    now = _as_of(args)
    db = _database(settings)
    with db.write() as session:
        rows = session.scalars(select(Case).where(Case.overdue_on(now)).order_by(Case.due)).all()
        audit.record(session, _actor(), "case.list", None, command="overdue", count=len(rows))
    db.dispose()
    _print_cases(rows)
    return 0


def cmd_cases_receipt(args: argparse.Namespace, settings: Settings) -> int:
    receipt = str(args.receipt).strip()
    if not re.fullmatch(RECEIPT_PATTERN, receipt):
        print("caseservice: a receipt number is 8 letters and digits", file=sys.stderr)
        return 2
    db = _database(settings)
    with db.write() as session:
        rows = session.scalars(
            select(Case)
            .where(references.receipt_matches(Case.idempotency_key, receipt))
            .order_by(Case.created_at)
        ).all()
        audit.record(session, _actor(), "case.list", None, command="receipt", count=len(rows))
    db.dispose()
    if not rows:
        print(
            f"no case with receipt {receipt.upper()}; if the assistant has not delivered it yet "
            "it is in its outbox: python -m actions.outbox status --receipt " + receipt.upper(),
            file=sys.stderr,
        )
        return 1
    _print_cases(rows)
    return 0


def purge(db: Database, now: dt.date, *, dry_run: bool, actor: str) -> dict[str, int]:
    """Deletes cases whose retention has run out; open cases are kept whatever their age."""
    with db.write() as session:
        expired = session.scalars(select(Case).where(Case.retain_until < now)).all()
        kept_open = [c for c in expired if c.status in retention.OPEN_STATUSES]
        doomed = [c for c in expired if c.status not in retention.OPEN_STATUSES]
        counts = {
            "past_retention": len(expired),
            "deleted" if not dry_run else "would_delete": len(doomed),
            "kept_open": len(kept_open),
            "childrens_file": sum(1 for c in doomed if c.childrens_file),
        }
        if not dry_run:
            for case in doomed:
                audit.record(session, actor, "case.purged", case.reference)
                session.delete(case)
    return counts


def purge_plan(db: Database, now: dt.date) -> list[dict[str, str]]:
    """The cases purge would delete, each with the retention rule and pack version behind it."""
    with db.read() as session:
        rows = session.scalars(
            select(Case)
            .where(Case.retain_until < now, Case.status.not_in(retention.OPEN_STATUSES))
            .order_by(Case.authority, Case.retain_until, Case.reference)
        ).all()
        return [
            {
                "reference": c.reference,
                "authority": c.authority,
                "pack_version": c.pack_version or "(before versions)",
                "retain_until": c.retain_until.isoformat(),
                "rule": c.retention_rule or "(recorded before rules were kept per case)",
            }
            for c in rows
        ]


def cmd_purge(args: argparse.Namespace, settings: Settings) -> int:
    now = _as_of(args)
    db = _database(settings)
    if args.dry_run:
        plan = purge_plan(db, now)
        if plan:
            print("reference\tauthority\tpack version\tkept until\trule")
        for row in plan:
            print("\t".join(row.values()))
    counts = purge(db, now, dry_run=args.dry_run, actor=_actor())
    db.dispose()
    label = "dry run: " if args.dry_run else ""
    print(label + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in counts.items()))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="caseservice",
        description="Complaints case service. Database from DATABASE_URL "
        "(default: a SQLite file under var/).",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("migrate", help="create or upgrade the database schema").set_defaults(
        func=cmd_migrate
    )

    serve = sub.add_parser("serve", help="run the HTTP API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8100)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--log-level", default="info")
    serve.add_argument("--no-access-log", action="store_true")
    serve.set_defaults(func=cmd_serve)

    tokens = sub.add_parser("tokens", help="manage API tokens").add_subparsers(
        dest="tokens_command", required=True
    )
    add = tokens.add_parser("add", help="make a token (printed once; only its hash is kept)")
    add.add_argument("name")
    add.add_argument("--scopes", required=True, help=f"comma-separated: {', '.join(auth.SCOPES)}")
    add.add_argument("--token-file", help="write the token to this file (mode 0600), not stdout")
    add.add_argument("--replace", action="store_true", help="revoke any active token of NAME")
    add.set_defaults(func=cmd_tokens_add)
    revoke = tokens.add_parser("revoke", help="revoke every active token called NAME")
    revoke.add_argument("name")
    revoke.set_defaults(func=cmd_tokens_revoke)
    tokens.add_parser("list", help="token names, scopes and state").set_defaults(
        func=cmd_tokens_list
    )

    cases = sub.add_parser("cases", help="cases needing attention").add_subparsers(
        dest="cases_command", required=True
    )
    due = cases.add_parser("due", help="open cases due within N days")
    due.add_argument("--within", type=int, default=3, metavar="DAYS")
    due.add_argument("--as-of", metavar="YYYY-MM-DD", help="count from this day, not today")
    due.set_defaults(func=cmd_cases_due)
    overdue = cases.add_parser("overdue", help="open cases past their due date")
    overdue.add_argument("--as-of", metavar="YYYY-MM-DD", help="as on this day, not today")
    overdue.set_defaults(func=cmd_cases_overdue)
    by_receipt = cases.add_parser("receipt", help="the case a delayed filing's receipt names")
    by_receipt.add_argument("receipt", help="the 8-character receipt number given to the person")
    by_receipt.set_defaults(func=cmd_cases_receipt)

    purge_cmd = sub.add_parser(
        "purge", help="delete closed cases past retention (each pack's own rule)"
    )
    purge_cmd.add_argument("--dry-run", action="store_true", help="list and count, delete nothing")
    purge_cmd.add_argument("--as-of", metavar="YYYY-MM-DD", help="as on this day, not today")
    purge_cmd.set_defaults(func=cmd_purge)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = Settings.from_env()
    try:
        return int(args.func(args, settings))
    except SchemaNotMigrated as exc:
        print(f"caseservice: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"caseservice: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
