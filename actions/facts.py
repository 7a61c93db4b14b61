"""Builds the triage facts (docs/triage-contract.md) from what the conversation collected."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .reply_channel import CHANNELS

# Slots that hold dates as ISO strings, or "unknown".
_DATES = {
    "incident_date": "incident_date",
    "aware_date": "aware_date",
    "previous_response_date": "previous_response_date",
}


def _iso(value: Any) -> str | None:
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        return value
    return None


def build_facts(slots: dict[str, Any], *, authority: str, today: dt.date) -> dict[str, Any]:
    # A skipped question is an unknown fact, never a value.
    slots = {k: (None if v == "skipped" else v) for k, v in slots.items()}
    kind = slots.get("kind") or "complaint"
    facts: dict[str, Any] = {"authority": authority, "kind": kind, "received": today.isoformat()}
    service = slots.get("service")
    if service and service != "skipped":
        facts["service"] = service
    if kind != "complaint":
        return facts
    stage = int(slots.get("stage_requested") or 1)
    facts["stage_requested"] = stage
    for slot, field in _DATES.items():
        iso = _iso(slots.get(slot))
        if iso and (stage > 1 or slot != "previous_response_date"):
            facts[field] = iso
    channel = slots.get("previous_response_channel")
    if stage > 1 and channel in CHANNELS:
        # Only a channel the person named: "a letter" or "not sure" leaves the engine's default.
        facts["previous_response_channel"] = channel
    complainant: dict[str, Any] = {"relationship": slots.get("relationship") or "self"}
    if complainant["relationship"] == "other":
        complainant["relationship"] = "relative_or_friend"
    complainant["anonymous"] = bool(slots.get("anonymous"))
    if isinstance(slots.get("council_tenant"), bool):
        complainant["council_tenant"] = slots["council_tenant"]
    if slots.get("complainant_age") is not None:
        complainant["age"] = int(slots["complainant_age"])
    if complainant["relationship"] != "self":
        consent = slots.get("consent")
        complainant["consent"] = consent if consent in ("given", "not_given") else "unknown"
    facts["complainant"] = complainant
    affected: dict[str, Any] = {}
    is_child = slots.get("affected_is_child")
    if isinstance(is_child, bool):
        affected["is_child"] = is_child
    statuses = slots.get("child_status")
    if isinstance(statuses, list) and statuses:
        affected["child_status"] = statuses
    if affected:
        facts["person_affected"] = affected
    circumstances = sorted(set(slots.get("circumstances") or []))
    if slots.get("safeguarding"):
        circumstances = sorted({*circumstances, "safeguarding_risk"})
    if circumstances:
        facts["circumstances"] = circumstances
    return facts


def contact_block(slots: dict[str, Any]) -> dict[str, Any] | None:
    affected = slots.get("affected_name")
    on_behalf_of = affected if affected and affected != "skipped" else None
    if slots.get("anonymous"):
        # No way to reply, but whose records to look at is kept.
        return {"on_behalf_of": on_behalf_of} if on_behalf_of else None
    given = {
        "email": slots.get("contact_email"),
        "phone": slots.get("contact_phone"),
        "post": slots.get("address"),
    }
    given = {how: value for how, value in given.items() if value and value != "skipped"}
    # A skipped "how should we reply?" leaves no way to reply: the case is filed all the same.
    preferred = slots.get("contact_preferred")
    block = {
        "name": slots.get("name"),
        "email": given.get("email"),
        "phone": given.get("phone"),
        "address": given.get("post"),
        "preferred": preferred if preferred in given else next(iter(given), None),
    }
    return {**block, "on_behalf_of": on_behalf_of} if on_behalf_of else block
