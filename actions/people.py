"""Reads short answers about people: who is complaining, ages, yes/no, child status, consent.

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
    r"she isn'?t|i'?m not|im not|not that i know|no they|no he|no she|no thanks|don'?t think so|"
    r"not yet)\b"
)


def yes_no(text: str) -> bool | None:
    if _has(_NO, text):
        return False
    if _has(_YES, text):
        return True
    return None


def age_in(text: str) -> int | None:
    m = re.search(
        r"\b(?:i'?m|im|i am|age|aged|he'?s|she'?s|they'?re|he is|she is|they are|is)\s*"
        r"(?:only |just |nearly |almost |about )?(\d{1,3})\b(?!\s*(?:%|pm|am|th|st|nd|rd))",
        text,
        re.I,
    )
    if m and int(m.group(1)) < 120:
        return int(m.group(1))
    m = re.search(r"\b(\d{1,3})[\s-]*(?:yrs?|years?|yo)[\s-]*(?:old|of age)?\b", text, re.I)
    return int(m.group(1)) if m and int(m.group(1)) < 120 else None


@dataclass(frozen=True)
class Who:
    """Who is complaining relative to the person affected (contract codes)."""

    relationship: str  # self / parent / guardian / ... / "other" until we know more
    is_child: bool | None
    young_person: bool = False  # the person typing is under 18


# "my social worker", "the school", "our councillor" are people in the story, not the person
# typing: a professional's role counts only when nothing marks it as someone else's.
_NOT_MINE = (
    r"(?<!\bmy )(?<!\bour )(?<!\bthe )(?<!\byour )(?<!\bhis )(?<!\bher )(?<!\btheir )(?<!'s )"
    r"(?<!’s )"
)
_REPRESENTATIVE = (
    r"solicitor|lawyer|barrister|legal rep\w*|caseworker|case worker|councillor|mp|"
    r"representative|attorney|appointee|deputy"
)
_RELATIONSHIP_WORDS = [
    # The person names their own role ("I'm his solicitor", "I am the solicitor acting for
    # Mr Jones"), before any word about the person they act for ("...for the foster carer").
    (
        rf"\b(i'?m|im|i am|as|speaking as|writing as) (his|her|their|the|a|an|your) "
        rf"({_REPRESENTATIVE})\b|\b(acting|instructed) (for|by|on behalf of) (my |our |a |the )?"
        r"(client|clients|mr|mrs|ms|miss|dr)\b",
        "representative",
    ),
    # "I'm her support worker": the person's own role, though "her support worker" alone is
    # someone else's ("Her social worker hasn't reviewed her care plan").
    (
        r"\b(i'?m|im|i am|as|i work as) (his|her|their|the|a|an) (social worker|support worker|"
        r"key ?worker|teacher|youth worker|care worker|family worker|health visitor|"
        r"housing officer|care coordinator|nurse|gp|doctor)\b",
        "partner_agency",
    ),
    (r"\bspecial guardian", "special_guardian"),
    # Fostering as the carer: not "my foster placement", "in foster care" or "my foster carer",
    # which a child in care says about themselves.
    (
        r"(?<!\bmy )(?<!\bour )\bfoster (carer|carers|parent|parents|mum|mom|dad|mother|father)\b|"
        r"\b(i|we) (foster|have fostered)\b|\bfostering\b|\b(my|our) foster (son|daughter|child|"
        r"children|kid|kids|baby|boy|girl|teen|teenager|placement'?s? (child|boy|girl))('?s)?\b",
        "foster_carer",
    ),
    (r"\b(prospective adopt|adopting|adoptive parent)", "prospective_adopter"),
    (r"\b(legal )?guardian\b", "guardian"),
    (r"\badvocate\b|\badvocacy\b", "advocate"),
    (
        _NOT_MINE + r"\b(solicitor|lawyer|barrister|legal rep\w*|mp'?s?\b|member of parliament|"
        r"councillor|"
        r"caseworker|case worker|representative|represent(ing)? (them|him|her|a client)|"
        r"\brepresent\b|on behalf of (a|my) client|my client|power of attorney|attorney|"
        r"appointee|deputy)",
        "representative",
    ),
    (
        _NOT_MINE + r"\b(social worker|teacher|school|gp|doctor|nurse|police|professional|agency|"
        r"charity|support worker|health visitor|key ?worker|work with (them|him|her)|i work with|"
        r"(care|family|outreach|link|community) worker|colleague|youth worker|housing officer|"
        r"care coordinator)\b",
        "partner_agency",
    ),
    (
        r"\b(friend|neighbou?r|mum|mom|mam|mummy|dad|daddy|mother|father|nan|nanna|nana|gran|"
        r"granny|grandad|grandpa|grandma|grandmother|grandfather|grandparent|husband|wife|"
        r"partner|brother|sister|sibling|aunt|auntie|aunty|uncle|cousin|relative|family|"
        r"grandson|granddaughter|grandchild|nephew|niece|in-?law|step.?(mum|dad|mother|father)|"
        r"carer for|care for (him|her|them)|look after (him|her|them)|next of kin|son|daughter)\b",
        "relative_or_friend",
    ),
]


def relationship_in(text: str) -> str | None:
    for pattern, code in _RELATIONSHIP_WORDS:
        if _has(pattern, text):
            return code
    return None


# Words that put someone else at the centre: "my mum", "for a client", "on behalf of", "him".
# "my social worker" or "my PA" is not someone else: a care leaver talks about them.
_FOR_ANOTHER = (
    r"\b(my|our|his|her|their) (own |foster |step |adopted |youngest |eldest |little |elderly |"
    r"disabled |younger |older |baby |big )?(mum|mam|mom|mother|dad|father|parents?|son|daughter|"
    r"child|children|kids?|baby|boy|girl|nan|nana|nanna|gran|granny|grandma|grandad|granddad|"
    r"grandfather|grandmother|grandson|granddaughter|grandchild\w*|husband|wife|partner|brother|"
    r"sister|sibling|aunt\w*|uncle|cousin|friend|neighbou?r|client|constituent|niece|nephew|"
    r"family|relative|tenant|resident)s?\b|\b(for|on behalf of) (an?|my|our|someone|somebody|"
    r"him|her|them)\b|\b(someone|somebody) else\b|\banother person\b|\b(him|them)\b"
)


_CARERS_OWN = (
    r"(\b(i'?m|im|i am|we'?re|we are|as) (an? )?(foster|kinship|special guardian)\w*"
    r"( carers?| parents?)?|\b(i|we) foster)\b.*\b(my|our) (own )?(allowances?|payments?|fees?|"
    r"pay|mileage|expenses|training|supervising social worker|assessment|approval|panel|"
    r"fostering agreement)\b"
)


def who_from(text: str) -> Who | None:
    """Reads the answer to 'who is this about?' (buttons or free text)."""
    low = text.lower().strip()
    age = age_in(low)
    young = _has(r"\bunder 18\b|\bi'?m (a )?(kid|child|teen|teenager)\b", low) or (
        age is not None and age < 18
    )
    if _has(_CARERS_OWN, low):
        # "I'm a foster carer and my allowance is late": the carer's own matter, not a child's.
        return Who("self", False)
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
    ) or (
        # An age alone is the person's own ("im 15"), unless the words are about someone
        # else ("I'm an advocate for a 15 year old girl").
        young and not _has(_FOR_ANOTHER, low) and relationship_in(low) is None
    ):
        return Who("self", young, young_person=young)
    if _has(r"^(yes,? )?(i'?m|im|i am|i was|i'?ve been|i have been|i live|i rent)\b", low) and not (
        _has(_FOR_ANOTHER, low) or relationship_in(low) is not None
    ):
        # "I'm a care leaver", "I was adopted", "I'm 19": the person is telling us about
        # themselves.
        return Who("self", young, young_person=young)
    if _has(r"\b(someone else|somebody else|another person|on behalf|for (my|a) )", low) or (
        relationship_in(low) is not None
    ):
        rel = relationship_in(low)
        # "an advocate for a 15 year old girl": the age is the other person's.
        return Who(rel or "other", None if age is None else age < 18)
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


def council_tenant(text: str) -> tuple[bool | None, str | None] | None:
    """Reads 'is the council your landlord?': (tenant, service hint), where the hint is
    housing_association when the words name one. None when the words do not answer."""
    if _has(r"\b(housing association|housing trust|registered provider|ha\b)", text):
        return False, "housing_association"
    if _has(
        r"\b(private(ly)?|landlord is not|own (my|the|our) (home|house|flat)|owner|"
        r"mortgage|homeowner|letting agent)\b",
        text,
    ):
        return False, None
    if _has(r"\b(not sure|unsure|don'?t know|dunno|no idea)\b", text):
        return None, None
    answer = yes_no(text)
    if answer is None and _has(
        r"\b(council (house|flat|tenant|home|property)|i rent from the "
        r"council|council'?s? tenant|tenancy with the council)\b",
        text,
    ):
        answer = True
    if answer is None:
        return None
    return answer, None


def cannot_agree(text: str) -> bool:
    """The person cannot be asked: too ill, no capacity, or a young child ("she's 7")."""
    age = age_in(text) or _bare_ages(text)
    return (age is not None and age < 12) or _has(
        r"\b(can'?t agree|cannot agree|unable to (agree|consent)|too (ill|young|unwell|little)|"
        r"lacks? (mental )?capacity|no capacity|dementia|not able to|only a baby|just a baby)\b",
        text,
    )


def _bare_ages(text: str) -> int | None:
    """ "they're 4 and 6": the youngest age given as bare numbers after they're/she's/he's."""
    m = re.search(
        r"\b(?:they'?re|theyre|she'?s|he'?s|shes|hes)\s+(\d{1,2})(?:\s*(?:and|&)\s*\d{1,2})?\b",
        text,
        re.I,
    )
    return int(m.group(1)) if m else None


def consent_in(text: str) -> str | None:
    """'given', 'not_given' or 'unknown' for the consent question, None when unclear."""
    if cannot_agree(text):
        return "unknown"
    if _has(
        r"\b(not (yet )?(asked|sure)|haven'?t asked|didn'?t ask|don'?t know|dunno|"
        r"no idea|unsure|will ask|going to ask|need to ask)\b",
        text,
    ):
        return "unknown"
    if _has(
        r"\b(refus\w*|doesn'?t want|don'?t want|won'?t agree|does not want|said no|"
        r"disagrees?|against it)\b",
        text,
    ):
        return "not_given"
    if _has(
        r"\b(agree[sd]?|consent(s|ed)?|happy (for|with)|knows?|asked me|wants me|"
        r"said (yes|i could|it'?s ok)|permission|signed)\b",
        text,
    ) and not _has(r"\b(doesn'?t|does not|don'?t|do not|didn'?t|not)\b", text):
        return "given"
    answer = yes_no(text)
    if answer is None:
        return None
    return "given" if answer else "not_given"
