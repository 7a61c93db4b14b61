"""How long a case record is kept (Telford and Wrekin policy 4.3, applied to every authority
because it is the strictest stated rule and the others are silent):

corporate complaint records are kept 6 years; where there is a children's social care file,
25 years, to be destroyed with that file. The clock runs from the case's last activity
(closure, response, or receipt), so an old case reopened by escalation is kept for longer.
Cases still being worked are never purged, however old.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

CORPORATE_YEARS = 6
CHILDRENS_FILE_YEARS = 25

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


def retain_until(last_activity: dt.date, childrens_file: bool) -> dt.date:
    return add_years(last_activity, CHILDRENS_FILE_YEARS if childrens_file else CORPORATE_YEARS)
