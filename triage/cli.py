"""The `triage` command (contract: "Command line"). Errors are one JSON line and exit 2."""

from __future__ import annotations

import argparse
import json
import sys
from typing import IO, Any

from .cli_tools import TOOLS, add_parsers, run_tool
from .decision import Decision
from .engine import assess
from .errors import FactsValidationError, TriageError
from .explain import explain
from .pack import Pack, authority_ids, find_version, load_pack

EXIT_OK, EXIT_SOME_ERRORS, EXIT_BAD_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse would print usage and exit 2 untyped
        _emit_error("arguments", message)
        raise SystemExit(EXIT_BAD_INPUT)


def _emit_error(field: str, message: str) -> None:
    print(json.dumps({"error": {"field": field, "message": message}}), flush=True)


def _parse_json(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise FactsValidationError(
            "(root)", f"not valid JSON: {exc.msg} at column {exc.colno}"
        ) from None


def _read(path: str | None) -> str:
    try:
        if path in (None, "-"):
            return sys.stdin.read()
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise FactsValidationError("input", f"cannot read {path or 'stdin'}: {exc}") from None


def _assess_jsonl(text: str, authority: str | None, out: IO[str]) -> int:
    failed = False
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            result = assess(_parse_json(line), authority=authority).to_dict()
        except TriageError as exc:
            result, failed = exc.to_dict(), True
        out.write(json.dumps(result) + "\n")
    return EXIT_SOME_ERRORS if failed else EXIT_OK


def version_of(decision: Decision) -> Pack:
    """The pack version a decision was made under (its names and procedures for `explain`)."""
    found = find_version(decision.authority, decision.pack.content_hash) if decision.pack else None
    return found or load_pack(decision.authority)


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="triage", description="Complaint triage by policy pack.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("assess", "decide one facts object (or JSON Lines with --jsonl)"),
        ("explain", "the same decision in plain English, for staff"),
    ):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--authority", help="pack id; overrides facts.authority")
        p.add_argument("file", nargs="?", help="facts JSON file (default: stdin)")
        if name == "assess":
            p.add_argument("--jsonl", action="store_true", help="one facts object per line")
    sub.add_parser("authorities", help="list the pack ids with their display names")
    add_parsers(sub)
    args = parser.parse_args(argv)

    try:
        if args.command in TOOLS:
            return run_tool(args)
        if args.command == "authorities":
            for pack_id in authority_ids():
                print(f"{pack_id}\t{load_pack(pack_id).name}")
            return EXIT_OK
        if args.authority:
            load_pack(args.authority)  # an unknown authority fails the whole run up front
        text = _read(args.file)
        if args.command == "assess" and args.jsonl:
            return _assess_jsonl(text, args.authority, sys.stdout)
        decision = assess(_parse_json(text), authority=args.authority)
        if args.command == "explain":
            print(explain(decision, version_of(decision)))
        else:
            print(json.dumps(decision.to_dict(), indent=2))
        return EXIT_OK
    except TriageError as exc:
        _emit_error(exc.field, exc.message)
        return EXIT_BAD_INPUT


def run() -> None:
    """Console-script entry: a closed pipe (`triage ... | head`) ends quietly."""
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        sys.stderr.close()
        code = EXIT_OK
    raise SystemExit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
