"""What an opening message already answers, so the questions after it are not asked again:
"I'm a council tenant" answers "Is the council your landlord?", and "im 15 and in care"
answers whether a child gets help from children's services. Only plain words count: a long
story mentions many people, and a guess here would be worse than a question."""

from __future__ import annotations

import re
from typing import Any

from . import people

# The person's own home: "the council house next door" is not theirs.
_TENANCY = re.compile(
    r"\b((i'?m|im|i am|we'?re|we are) an? council tenants?|"
    r"(i|we) (live|rent) (in )?(an? |my |our )?council (house|flat|property|home|bungalow)|"
    r"(my|our) council (house|flat|property|home|bungalow|tenancy)|"
    r"i rent (it |my \w+ )?from the council|my landlord is the council|"
    r"(my|our) (landlord is (a|the) )?housing (association|trust))\b",
    re.IGNORECASE,
)
# "my son is not in care": a status said with a negation is asked about, not guessed.
_NEGATION = re.compile(
    r"\b(not|never|no longer|isn'?t|aren'?t|wasn'?t|no|nor)\b( \w+){0,3} (in care|care leaver|"
    r"looked after|adopted|social worker|child in need|foster|special guardian)",
    re.IGNORECASE,
)


def answered_by(text: str, child: bool) -> dict[str, Any]:
    """Slot values the opening gives plainly; `child` when the person affected is a child."""
    out: dict[str, Any] = {}
    if _TENANCY.search(text) and (read := people.council_tenant(text)) and read[0] is not None:
        out["council_tenant"] = read[0]
        if read[1]:
            out["service"] = read[1]
    statuses = people.child_statuses(text) or []
    # A care leaver is an adult now; their status is theirs whatever their age.
    if statuses and statuses != ["none"] and (child or "care_leaver" in statuses):
        if _NEGATION.search(text):
            return out
        out["child_status"] = statuses
    return out
