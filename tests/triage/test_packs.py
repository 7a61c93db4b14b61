"""Pack integrity: every pack loads, and every contact a person may ring comes from its source."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from triage import FactsValidationError, UnknownAuthorityError, assess, authority_ids, load_pack
from triage.facts import Facts
from triage.pack import Contact, Silent, load_national

POLICIES = Path(__file__).resolve().parents[3] / "shared" / "policies"
NATIONAL_NUMBERS = {"999", "08001111", "116123", "03000610614", "03001113000"}


def digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def test_the_policies_folder_is_beside_the_repo() -> None:
    assert POLICIES.is_dir(), f"expected the source policies at {POLICIES}"


@pytest.mark.parametrize("authority", authority_ids())
def test_contacts_come_from_the_source_document(authority: str) -> None:
    pack = load_pack(authority)
    text = (POLICIES / pack.source).read_text(encoding="utf-8")
    flat_digits, lower = digits(text), text.lower()
    contacts = [*pack.directory, *(c for c in pack.contacts.values() if isinstance(c, Contact))]
    for c in contacts:
        assert c.ref, c.id
        if c.phone:
            assert digits(c.phone) in flat_digits, f"{c.id} phone {c.phone} not in {pack.source}"
        if c.note:  # a note explains a correction of the document's spelling
            continue
        if c.email:
            assert c.email.lower() in lower, f"{c.id} email {c.email} not in {pack.source}"
        if c.url:
            host = urlparse(c.url).netloc.removeprefix("www.")
            assert host.lower() in lower, f"{c.id} url {c.url} not in {pack.source}"


def test_national_numbers_are_only_the_well_known_ones() -> None:
    phones = {digits(c.phone) for c in load_national().directory if c.phone}
    assert phones <= NATIONAL_NUMBERS


@pytest.mark.parametrize("authority", authority_ids())
def test_pack_says_when_the_document_is_silent(authority: str) -> None:
    pack = load_pack(authority)
    for role in ("complaints", "childrens_services"):
        assert role in pack.contacts, f"{authority}: say what the document gives for {role}"
    for contact in pack.contacts.values():
        if isinstance(contact, Silent):
            assert contact.silent and contact.ref


def test_packs_are_cached_and_ids_match_files() -> None:
    for authority in authority_ids():
        assert load_pack(authority) is load_pack(authority)
        assert load_pack(authority).id == authority


def test_python_api_raises_typed_errors_naming_the_field() -> None:
    with pytest.raises(FactsValidationError) as bad:
        assess({"kind": "complaint", "service": "moon"}, authority="luton")
    assert bad.value.field == "service"
    with pytest.raises(UnknownAuthorityError) as unknown:
        assess({"kind": "complaint"}, authority="atlantis")
    assert unknown.value.field == "authority"
    with pytest.raises(FactsValidationError) as missing:
        assess({"kind": "complaint"})
    assert missing.value.field == "authority"
    with pytest.raises(FactsValidationError) as not_a_dict:
        assess(["complaint"], authority="luton")  # type: ignore[arg-type]
    assert not_a_dict.value.field == "(root)"


def test_authority_argument_overrides_facts_and_facts_objects_work() -> None:
    facts = Facts.parse({"authority": "luton", "kind": "complaint", "received": "2026-11-23"})
    assert assess(facts).authority == "luton"
    assert assess(facts, authority="tameside").authority == "tameside"
    assert assess(facts).to_dict() == assess(facts.model_dump(mode="json")).to_dict()
