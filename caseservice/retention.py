"""How long a case record is kept: the rule comes from the case's own policy pack version
(`retention:` with its section), or the national default in `triage/packs/national.yaml` where a
pack states none. No period is written here.

The clock runs from the case's last activity (closure, response, or receipt), so an old case
reopened by escalation is kept for longer. Cases still being worked are never purged, however
old.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import triage
from triage.pack import Retention

# Statuses that still owe the complainant something: purge never touches these.
OPEN_STATUSES = frozenset({"open", "suspended", "responded"})


def has_childrens_file(facts: dict[str, Any], decision: dict[str, Any]) -> bool:
    return (
        facts.get("service") == "childrens_social_care"
        or decision.get("procedure") == "childrens_statutory"
    )


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def rule_for(pack: triage.Pack) -> tuple[Retention, str]:
    """The retention rule that applies to a case judged by `pack`, and where it comes from."""
    if pack.retention is not None:
        return pack.retention, f"{pack.id} {pack.version}, {pack.cite} {pack.retention.ref}"
    national = triage.load_national().retention
    return national, f"{national.ref} ({pack.id} {pack.version} states no rule)"


def retain_until(
    last_activity: dt.date, childrens_file: bool, pack: triage.Pack
) -> tuple[dt.date, str]:
    """The last day to keep the record, and the rule behind it in words with its source."""
    rule, source = rule_for(pack)
    years = rule.years
    if childrens_file and rule.childrens_file_years is not None:
        years = max(years, rule.childrens_file_years)
    return add_years(last_activity, years), f"{rule.words()} [{source}]"
