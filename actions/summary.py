"""The summary read back before filing, one line per thing the person can change. Its words
are data/messages.yml (`summary`)."""

from __future__ import annotations

from typing import Any

from . import reply_channel, services, texts
from .plan import SKIPPED


def summary(slots: dict[str, Any]) -> str:
    words: dict[str, Any] = texts.raw("summary")
    label: dict[str, str] = words["labels"]
    no, not_given = words["no"], words["not_given"]

    def line(key: str, value: Any) -> str:
        return str(words["line"]).format(label=label[key], value=value)

    who = words["who"].get(str(slots.get("relationship")), not_given)
    lines = [line("who", who)]
    affected = slots.get("affected_name")
    if affected and affected != SKIPPED:
        lines.append(line("affected_name", affected))
    service = slots.get("service")
    lines.append(line("service", services.label(service) if service else not_given))
    tenant = slots.get("council_tenant")
    if isinstance(tenant, bool):
        lines.append(line("council_tenant", words["yes"] if tenant else no))
    if slots.get("what_happened") and int(slots.get("stage_requested") or 1) == 1:
        lines.append(line("what_happened", slots["what_happened"]))
    if slots.get("why_dissatisfied"):
        lines.append(line("why_dissatisfied", slots["why_dissatisfied"]))
    for slot in ("incident_date", "aware_date", "previous_response_date"):
        value = slots.get(slot)
        if value and value != "skipped":
            spoken = slots.get(f"{slot}_spoken") or (
                words["not_known"] if value == "unknown" else value
            )
            lines.append(line(slot, spoken))
    channel = reply_channel.spoken(slots.get("previous_response_channel"))
    if channel:
        lines.append(line("previous_response_channel", channel))
    if slots.get("desired_outcome"):
        lines.append(line("desired_outcome", slots["desired_outcome"]))
    if slots.get("anonymous"):
        lines.append(line("contact", words["anonymous"]))
    else:
        how = slots.get("contact_email") or slots.get("contact_phone") or slots.get("address")
        lines.append(line("name", slots.get("name") or not_given))
        lines.append(line("reply_to", how or not_given))
    return "\n".join(lines)
