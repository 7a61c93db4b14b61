"""Pack integrity: every pack loads, and every contact a person may ring, write to or visit comes
from the pack's source document, the repository's own copy in triage/packs/sources/."""

from __future__ import annotations

import pytest

from triage import FactsValidationError, UnknownAuthorityError, assess, authority_ids, load_pack
from triage.facts import Facts
from triage.pack import Contact, Silent, load_national
from triage.workbench import (
    SOURCES,
    SourceIndex,
    lint_contacts,
    phone_numbers,
    read_source,
    source_path,
    web_addresses,
)

# The national pack has no council document: its source lists each body's official contact page.
NATIONAL_SOURCE = SOURCES / "national.txt"
NATIONAL_NUMBERS = {"999", "08001111", "116123", "03000610614", "03001113000"}
DETAILS = ("phone", "email", "url", "address")


def test_every_pack_has_its_source_document_in_the_repository() -> None:
    for authority in authority_ids():
        path = source_path(load_pack(authority))
        assert path.is_file(), f"{authority}: no source document at {path}"
        head = path.read_text(encoding="utf-8").split("# ----- document -----", 1)[0]
        assert "Where from:" in head and "When:" in head, f"{path.name}: header says where and when"
        assert read_source(path).strip(), path
    assert NATIONAL_SOURCE.is_file()


def _problems(contacts: list[Contact], index: SourceIndex, source: str) -> list[str]:
    """Every detail of every contact that the document does not give (nothing skipped: a
    correction names the document's form in `source_text`, and that must be there)."""
    bad = []
    for c in contacts:
        assert c.ref, c.id
        for detail in DETAILS:
            value = getattr(c, detail)
            if value is None:
                continue
            original = c.source_text and c.source_text.get(detail)
            if original is not None:
                assert c.note, f"{c.id}: source_text needs a note saying why"
            if not index.has(detail, original or value):
                bad.append(f"{c.id}.{detail} {original or value!r} is not in {source}")
    return bad


@pytest.mark.parametrize("authority", authority_ids())
def test_contacts_come_from_the_source_document(authority: str) -> None:
    pack = load_pack(authority)
    index = SourceIndex(read_source(source_path(pack)))
    contacts = [*pack.directory, *(c for c in pack.contacts.values() if isinstance(c, Contact))]
    assert contacts, authority
    assert _problems(contacts, index, pack.source) == []
    # triage lint (the pack author's command) reaches the same verdict
    assert all(f.found for f in lint_contacts(pack, read_source(source_path(pack))))


def test_national_contacts_come_from_their_source() -> None:
    index = SourceIndex(read_source(NATIONAL_SOURCE))
    directory = list(load_national().directory)
    assert _problems(directory, index, NATIONAL_SOURCE.name) == []
    # every national web address is there, not only the numbers
    assert all(c.url for c in directory if c.id != "emergency")


def test_national_numbers_are_only_the_well_known_ones() -> None:
    phones = {c.phone.replace(" ", "") for c in load_national().directory if c.phone}
    assert phones <= NATIONAL_NUMBERS


def test_a_phone_number_matches_only_as_a_number_in_the_text() -> None:
    text = "Call 0300 061 0614 or 01952 382006 (option 2). See 9.5 and 19 99 Street.\n999 now"
    numbers = phone_numbers(text)
    assert {"03000610614", "01952382006", "999"} <= numbers
    assert "0614019" not in numbers  # not across "or"
    assert "99" in numbers and "1999" in numbers  # "19 99" as whole groups...
    assert "95" not in numbers  # ...but a section number 9.5 is not a phone number
    assert "999" in phone_numbers("ring 999") and "999" not in phone_numbers("ring 01999 1234")


def test_a_web_address_matches_with_its_path() -> None:
    urls = web_addresses("online at www.telford.gov.uk/complaints. Or help.team@cc.gov.uk")
    assert "telford.gov.uk/complaints" in urls
    assert "telford.gov.uk" not in urls  # the host alone is not the page
    assert not any("cc.gov.uk" in u for u in urls)  # an email is not a web address


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
