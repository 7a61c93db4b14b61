"""Complaint triage: a pure function from the facts of a complaint to a decision, driven by one
policy pack per authority. Public interface: docs/triage-contract.md."""

from .codes import EXCLUSION_CODES, FLAGS, SERVICES
from .decision import Decision
from .engine import assess
from .errors import FactsValidationError, PackError, TriageError, UnknownAuthorityError
from .facts import Facts
from .pack import Pack, authority_ids, load_national, load_pack

__all__ = [
    "EXCLUSION_CODES",
    "FLAGS",
    "SERVICES",
    "Decision",
    "Facts",
    "FactsValidationError",
    "Pack",
    "PackError",
    "TriageError",
    "UnknownAuthorityError",
    "assess",
    "authority_ids",
    "load_national",
    "load_pack",
]
