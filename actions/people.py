"""Reads short answers about people: who is complaining, ages, yes/no, child status, contact.

Every function takes the person's own words and returns a contract value or None when the
words do not say; the form then explains what it needs instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _has(pattern: str, text: str) -> bool:
    return re.search(pattern, text, re.IGNORECASE) is not None


_YES = r"^\s*(y|ya|yes+|yeah|yep|yup|ye|yh|aye|ok(ay)?|sure|correct|right|that'?s right|true|"
_YES += r"it is|they do|they are|i am|i do|he is|she is|she does|he does|definitely|of course)\b"
_NO = r"^\s*(n|no+|nah|nope|not really|none|never|negative|they don'?t|they aren'?t|he isn'?t|"
_NO += (
    r"she isn'?t|i'?m not|im not|not that i know|no they|no he|no she|no thanks|don'?t think so)\b"
)


def yes_no(text: str) -> bool | None:
    if _has(_NO, text):
        return False
    if _has(_YES, text):
        return True
    return None


def age_in(text: str) -> int | None:
    m = re.search(r"\b(?:i'?m|im|i am|age|aged|he'?s|she'?s|they'?re)\s*(\d{1,2})\b", text, re.I)
    if m:
        return int(m.group(1))
    m = re.search(r"\b(\d{1,2})\s*(?:yrs?|years?)\s*old\b", text, re.I)
    return int(m.group(1)) if m else None


@dataclass(frozen=True)
class Who:
    """Who is complaining relative to the person affected (contract codes)."""

    relationship: str  # self / parent / guardian / ... / "other" until we know more
    is_child: bool | None
    young_person: bool = False  # the person typing is under 18


_RELATIONSHIP_WORDS = [
    (r"\bspecial guardian", "special_guardian"),
    (r"\bfoster", "foster_carer"),
    (r"\b(prospective adopt|adopting)", "prospective_adopter"),
    (r"\bguardian\b", "guardian"),
    (r"\badvocate\b", "advocate"),
    (
        r"\b(solicitor|lawyer|mp\b|councillor|representative|on behalf of a client)",
        "representative",
    ),
    (
        r"\b(social worker|teacher|school|gp|doctor|nurse|police|professional|agency|charity|"
        r"support worker|health visitor)\b",
        "partner_agency",
    ),
    (
        r"\b(friend|neighbour|mum|mom|dad|mother|father|nan|gran|grandad|grandma|husband|wife|"
        r"partner|brother|sister|aunt|uncle|cousin|relative|family|grandson|granddaughter|"
        r"nephew|niece|carer for)\b",
        "relative_or_friend",
    ),
]


def relationship_in(text: str) -> str | None:
    for pattern, code in _RELATIONSHIP_WORDS:
        if _has(pattern, text):
            return code
    return None


def who_from(text: str) -> Who | None:
    """Reads the answer to 'who is this about?' (buttons or free text)."""
    low = text.lower().strip()
    age = age_in(low)
    young = _has(r"\bunder 18\b|\bi'?m (a )?(kid|child|teen|teenager)\b", low) or (
        age is not None and age < 18
    )
    if _has(
        r"\b(my|our) (own |foster |step |adopted |youngest |eldest |little )?"
        r"(son|daughter|child|children|kids?|baby|boy|girl|"
        r"step.?son|step.?daughter)\b|\bmy child\b",
        low,
    ):
        rel = relationship_in(low)
        rel = (
            rel
            if rel in ("foster_carer", "special_guardian", "guardian", "prospective_adopter")
            else "parent"
        )
        grown = _has(r"\b(adult|grown.?up|over 18|\b(19|[2-9]\d) ?(yrs?|years?)?)\b", low)
        return Who(rel, not grown)
    if _has(
        r"^(me|myself|for me|i am|it'?s me|me only|just me|self|me, ?i'?m.*|me "
        r"- ?i'?m.*|me \(.*\)|me i'?m.*)$|\b(about me|for myself|it'?s about me|"
        r"it happened to me|happened to me)\b",
        low,
    ) or (young and not _has(r"\bmy\b", low)):
        return Who("self", young, young_person=young)
    if _has(r"\b(someone else|somebody else|another person|on behalf|for (my|a) )", low) or (
        relationship_in(low) is not None
    ):
        rel = relationship_in(low)
        return Who(rel or "other", None)
    return None


_STATUSES = [
    (r"\b(in care|looked after|foster|children'?s home|residential home|lac)\b", "looked_after"),
    (r"\b(social worker|child in need|cin|child protection|family support)\b", "child_in_need"),
    (r"\b(care leaver|left care|leaving care|personal adviser)\b", "care_leaver"),
    (r"\bspecial guardian", "special_guardianship"),
    (r"\b(being adopted|may be adopted|adoption plan|placed for adoption)\b", "may_be_adopted"),
    (r"\badopted\b", "adopted"),
]


def child_statuses(text: str) -> list[str] | None:
    """Every status the words mention; ['none'] for a clear no; None when unclear."""
    found = [code for pattern, code in _STATUSES if _has(pattern, text)]
    if found:
        return found
    if _has(r"\b(none|no|neither|not any|nope|nah|none of (these|them|those))\b", text):
        return ["none"]
    return None


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"(?:\+44\s?|0)(?:\d[\s-]?){9,10}\b")


@dataclass(frozen=True)
class ContactChoice:
    email: str | None = None
    phone: str | None = None
    post: bool = False

    @property
    def preferred(self) -> str:
        return "email" if self.email else "phone" if self.phone else "post"


def contact_from(text: str) -> ContactChoice | None:
    email = _EMAIL.search(text)
    phone = _PHONE.search(text)
    if email or phone:
        return ContactChoice(
            email=email.group(0) if email else None,
            phone=re.sub(r"[\s-]", "", phone.group(0)) if phone else None,
        )
    if _has(r"\b(post|letter|by mail|write to me|address)\b", text):
        return ContactChoice(post=True)
    return None


def wants_anonymous(text: str) -> bool:
    return _has(
        r"\b(anon\w*|anonymous(ly)?|no name|rather not|don'?t want to (say|give)|"
        r"prefer not|not saying|skip)\b",
        text,
    )


def looks_like_name(text: str) -> bool:
    words = text.strip().split()
    return 0 < len(words) <= 6 and all(re.fullmatch(r"[A-Za-z'’.-]+", w) for w in words)


def clean_name(text: str) -> str:
    t = re.sub(
        r"^(my name is|my names|i'?m|im|it'?s|name:?|call me)\s+", "", text.strip(), flags=re.I
    )
    return t.strip(" .!").title() if t.islower() or t.isupper() else t.strip(" .!")
