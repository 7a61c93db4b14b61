"""The pack author's commands of `triage`: `test`, `lint` and `check-code`. Kept apart from
cli.py's decision commands; each returns the exit code (0 all well, 1 a check failed)."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from pathlib import Path
from typing import Any

from .calendar import calendar_for
from .codecheck import check_pack, load_codes, report_markdown, report_text
from .errors import PackError
from .pack import Period, load_pack
from .workbench import (
    default_scenarios,
    lint_contacts,
    lint_lines,
    pack_versions_from,
    read_source,
    run_scenarios,
)

TOOLS = ("test", "lint", "check-code", "count")
_STEP = re.compile(r"^(\+?)(\d+)(wd|cd|m|y)$")
_UNIT = {"wd": "working_days", "cd": "calendar_days", "m": "months", "y": "years"}


def add_parsers(sub: Any) -> None:
    p = sub.add_parser(
        "test",
        help="check a pack file and run its scenarios (from any folder, no reinstall)",
    )
    p.add_argument("pack", help="the pack file (e.g. my-council.yaml) or an installed pack id")
    p.add_argument(
        "scenarios", nargs="?", help="scenario file (default: scenarios/<id>.yaml beside the pack)"
    )
    p = sub.add_parser("lint", help="check that every contact in a pack appears in its source text")
    p.add_argument("pack", help="the pack file or an installed pack id")
    p.add_argument("source", help="the policy text the pack was encoded from")
    p = sub.add_parser(
        "check-code", help="compare a pack's timescales with the Complaint Handling Codes"
    )
    p.add_argument("--authority", required=True, help="pack id, or a pack file")
    p.add_argument("--format", choices=("text", "markdown"), default="text")
    p.add_argument("--codes", help="another Codes data file (default: the installed one)")
    p = sub.add_parser(
        "count",
        help="count dates as the engine does, to check a scenario worked out by hand",
    )
    p.add_argument("date", help="the day to count from (YYYY-MM-DD)")
    p.add_argument(
        "steps",
        nargs="+",
        help="5wd (working days), 28cd (calendar days), 3m, 1y; a leading + counts on from "
        "the previous result (5wd +10wd: 10 working days after the acknowledgement deadline)",
    )
    p.add_argument("--authority", help="use this pack's closure days too")


def run_tool(args: argparse.Namespace) -> int:
    if args.command == "test":
        versions = pack_versions_from(args.pack)
        print(f"{versions[0].id}: the pack loads ({len(versions)} version(s))")
        scenarios = (
            Path(args.scenarios) if args.scenarios else default_scenarios(args.pack, versions[0])
        )
        if not scenarios.is_file():
            raise PackError("scenarios", f"no scenario file at {scenarios}")
        report = run_scenarios(versions, scenarios)
        print("\n".join(report.lines()))
        return 0 if report.ok else 1
    if args.command == "lint":
        versions = pack_versions_from(args.pack)
        try:
            text = read_source(Path(args.source))
        except OSError as exc:
            raise PackError("source", f"cannot read {args.source}: {exc.strerror}") from None
        # every version's contacts, each detail once
        findings = list(
            {
                (f.contact, f.field, f.value): f for v in versions for f in lint_contacts(v, text)
            }.values()
        )
        lines, ok = lint_lines(versions[-1], findings, args.source)
        print("\n".join(lines))
        return 0 if ok else 1
    if args.command == "count":
        return _count(args)
    codes = load_codes(Path(args.codes) if args.codes else None)
    spec = args.authority
    pack = pack_versions_from(spec)[-1] if spec.endswith((".yaml", ".yml")) else load_pack(spec)
    rows = check_pack(pack, codes)
    render = report_markdown if args.format == "markdown" else report_text
    print(render(pack, codes, rows))
    return 0


def _count(args: argparse.Namespace) -> int:
    try:
        start = dt.date.fromisoformat(args.date)
    except ValueError:
        raise PackError("date", f"{args.date!r} is not a YYYY-MM-DD date") from None
    closures = load_pack(args.authority).calendar.closure_days if args.authority else ()
    cal = calendar_for(tuple(sorted(closures)))
    previous = start
    for step in args.steps:
        m = _STEP.match(step)
        if not m:
            raise PackError("steps", f"{step!r} is not like 5wd, 28cd, 3m or 1y")
        period = Period.model_validate({_UNIT[m[3]]: int(m[2])})
        base = previous if m[1] else start
        previous = period.add_to(base, cal)
        print(
            f"{base.isoformat()} + {period.words()} = {previous.isoformat()} "
            f"({previous.strftime('%a %d %b %Y')})"
        )
    return 0
