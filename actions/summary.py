"""The summary read back before filing, one line per thing the person can change."""

from __future__ import annotations

from typing import Any

from . import reply_channel, services

WHO_WORDS = {
    "self": "You",
    "parent": "Your child",
    "guardian": "A child you're guardian of",
    "foster_carer": "A child you foster",
    "special_guardian": "A child you're special guardian of",
    "prospective_adopter": "A child you're adopting",
    "advocate": "Someone you're an advocate for",
    "relative_or_friend": "A family member or friend",
    "representative": "Someone you represent",
    "partner_agency": "Someone you work with",
}


def summary(slots: dict[str, Any]) -> str:
    lines = [f"• Who it's about: {WHO_WORDS.get(str(slots.get('relationship')), 'Not given')}"]
    service = slots.get("service")
    lines.append(f"• Service: {services.label(service) if service else 'Not given'}")
    tenant = slots.get("council_tenant")
    if isinstance(tenant, bool):
        lines.append(f"• The council is your landlord: {'Yes' if tenant else 'No'}")
    if slots.get("what_happened") and int(slots.get("stage_requested") or 1) == 1:
        lines.append(f"• What happened: {slots['what_happened']}")
    if slots.get("why_dissatisfied"):
        lines.append(f"• Why you're still unhappy: {slots['why_dissatisfied']}")
    for slot, label in (
        ("incident_date", "When"),
        ("aware_date", "When you found out"),
        ("previous_response_date", "Date of the council's reply"),
    ):
        value = slots.get(slot)
        if value and value != "skipped":
            spoken = slots.get(f"{slot}_spoken") or ("Not known" if value == "unknown" else value)
            lines.append(f"• {label}: {spoken}")
    channel = reply_channel.spoken(slots.get("previous_response_channel"))
    if channel:
        lines.append(f"• How the council sent its reply: {channel}")
    if slots.get("desired_outcome"):
        lines.append(f"• What you'd like: {slots['desired_outcome']}")
    if slots.get("anonymous"):
        lines.append("• Contact: you'd like to stay anonymous")
    else:
        how = slots.get("contact_email") or slots.get("contact_phone") or slots.get("address")
        lines.append(f"• Name: {slots.get('name') or 'Not given'}")
        lines.append(f"• Reply to: {how or 'Not given'}")
    return "\n".join(lines)
