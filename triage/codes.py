"""The vocabulary of the triage contract (docs/triage-contract.md), in one place.

Every enumerated value a caller may send or receive is listed here; the facts model, the pack
schema and the decision model all draw on these literals so a typo anywhere fails validation.
"""

from __future__ import annotations

from typing import Literal, get_args

Kind = Literal["complaint", "compliment", "comment", "service_request", "information_request"]

Channel = Literal["email", "first_class_post", "second_class_post", "in_person"]

Service = Literal[
    "childrens_social_care",
    "adult_social_care",
    "housing_landlord",
    "housing_options",
    "housing_association",
    "council_tax",
    "benefits",
    "parking",
    "planning",
    "highways",
    "waste",
    "schools",
    "school_admissions",
    "special_educational_needs",
    "licensing",
    "libraries_leisure",
    "environmental_health",
    "blue_badge",
    "councillor_conduct",
    "staff_conduct",
    "data_protection",
    "partner_agency",
    "contractor",
    "other",
]

Relationship = Literal[
    "self",
    "parent",
    "guardian",
    "foster_carer",
    "special_guardian",
    "prospective_adopter",
    "advocate",
    "relative_or_friend",
    "representative",
    "partner_agency",
]

Consent = Literal["given", "not_given", "unknown"]

ChildStatus = Literal[
    "looked_after",
    "child_in_need",
    "care_leaver",
    "special_guardianship",
    "may_be_adopted",
    "adopted",
    "none",
]

Circumstance = Literal[
    "legal_proceedings",
    "decided_by_court_or_tribunal",
    "right_of_appeal",
    "appeal_outcome",
    "insurance_claim",
    "compensation_claim",
    "criminal_investigation",
    "disciplinary_proceedings",
    "fraud_allegation",
    "public_law_proceedings",
    "child_protection_conference",
    "court_report",
    "previously_considered",
    "referred_to_ombudsman",
    "staff_grievance",
    "council_policy",
    "decision_without_fault",
    "multiple_services",
    "cse",
    "sexual_abuse",
    "safeguarding_risk",
    "placement_change_proposed",
    "contractor_first",
]

Procedure = Literal["childrens_statutory", "adults_statutory", "corporate", "none"]
# A procedure a pack can define (the contract's "none" is only ever an outcome).
PackProcedure = Literal["childrens_statutory", "adults_statutory", "corporate"]

Outcome = Literal["accept", "accept_discretionary", "redirect", "feedback", "decline"]

TimeStatus = Literal["in_time", "late_discretionary", "late", "no_limit", "unknown"]

ExclusionCode = Literal[
    "out_of_time",
    "right_of_appeal",
    "legal_proceedings",
    "decided_by_court_or_tribunal",
    "appeal_outcome",
    "insurance_claim",
    "councillor_conduct",
    "staff_employment",
    "schools",
    "fraud",
    "data_protection",
    "previously_considered",
    "child_protection_conference",
    "court_report",
    "public_law_proceedings",
    "criminal_investigation",
    "disciplinary_proceedings",
    "not_council_service",
    "decision_without_fault",
    "council_policy",
    "social_care_procedure",
    "not_eligible_statutory",
    "compensation_claim",
    "referred_to_ombudsman",
    "no_consent",
    "other_procedure",
    "procedure_exhausted",
]

# Suspension codes: any exclusion code, or a procedure the policy pauses for without excluding.
SuspensionOnlyCode = Literal[
    "safeguarding_procedure",
    "grievance_procedure",
    "harassment_procedure",
    "child_protection_procedure",
    "court_proceedings",
    "concurrent_investigation",
]

Flag = Literal[
    "safeguarding_referral",
    "confidential",
    "consent_required",
    "sufficient_interest_check",
    "anonymous_no_response",
    "single_coordinated_response",
    "contractor_first",
    "freeze_decision",
    "informal_resolution_possible",
    "advocacy_offered",
    "independent_investigation",
]

# What a signpost is for, so the words around it come from the pack, never from its name:
# advocacy (someone on your side), ombudsman (after the authority's final reply), support
# (other help) and emergency (danger now). Who it is for: the person's age group or everyone.
SignpostKind = Literal["advocacy", "ombudsman", "support", "emergency"]
Audience = Literal["children_young_people", "adults", "everyone"]

SERVICES: tuple[str, ...] = get_args(Service)
CIRCUMSTANCES: tuple[str, ...] = get_args(Circumstance)
RELATIONSHIPS: tuple[str, ...] = get_args(Relationship)
CHILD_STATUSES: tuple[str, ...] = get_args(ChildStatus)
KINDS: tuple[str, ...] = get_args(Kind)
CHANNELS: tuple[str, ...] = get_args(Channel)
EXCLUSION_CODES: tuple[str, ...] = get_args(ExclusionCode)
FLAGS: tuple[str, ...] = get_args(Flag)
SIGNPOST_KINDS: tuple[str, ...] = get_args(SignpostKind)
AUDIENCES: tuple[str, ...] = get_args(Audience)
