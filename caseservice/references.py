"""Case references people can read out on the phone, e.g. TW-2026-7K3Q9M.

Shape: authority prefix, year received, five random characters and one check character.
The alphabet leaves out 0/O, 1/I/L so a reference survives being spoken or handwritten; its
size (31) is prime, so a position-weighted sum catches any single wrong character and any
swap of two neighbours before the database is even asked.
"""

from __future__ import annotations

import re
import secrets

from sqlalchemy import ColumnElement, SQLColumnExpression, func

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
RANDOM_LENGTH = 5
_PATTERN = re.compile(r"^([A-Z]{2,4})-(\d{4})-([" + ALPHABET + r"]{6})$")


def check_char(body: str) -> str:
    total = sum((i + 1) * ALPHABET.index(ch) for i, ch in enumerate(body))
    return ALPHABET[total % len(ALPHABET)]


def new_reference(prefix: str, year: int) -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_LENGTH))
    return f"{prefix}-{year:04d}-{body}{check_char(body)}"


def normalise(text: str) -> str:
    """Upper-cases and strips spaces, so 'tw 2026 7k3q9m' read back over the phone still matches."""
    cleaned = re.sub(r"\s+", "", text.strip().upper())
    if re.fullmatch(r"[A-Z]{2,4}\d{4}[A-Z0-9]{6}", cleaned):
        cleaned = f"{cleaned[:-10]}-{cleaned[-10:-6]}-{cleaned[-6:]}"
    return cleaned


def is_valid(reference: str) -> bool:
    match = _PATTERN.match(reference)
    if not match:
        return False
    random_part = match.group(3)
    return check_char(random_part[:-1]) == random_part[-1]


def receipt_matches(key_column: SQLColumnExpression[str], receipt: str) -> ColumnElement[bool]:
    """Whether a case's Idempotency-Key gives this receipt number: its first 8 characters, any
    case (the assistant shows them in capitals)."""
    return func.upper(func.substr(key_column, 1, 8)) == receipt.strip().upper()
