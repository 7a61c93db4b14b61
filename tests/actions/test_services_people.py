from __future__ import annotations

import pytest

from actions import contact_details, people
from actions.services import appeal_question, match_service


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("my bin wasnt collected", "waste"),
        ("pothole outside my house", "highways"),
        ("I got a PCN", "parking"),
        ("damp and mould in my flat", "housing_landlord"),
        ("my son's social worker never rings back", "childrens_social_care"),
        ("mums carers didnt turn up", "adult_social_care"),
        ("rude woman on the phone", "staff_conduct"),
        ("Bins and recycling", "waste"),
        ("Children's social care", "childrens_social_care"),
        ("something else", "other"),
    ],
)
def test_free_descriptions_map_to_services(text: str, code: str) -> None:
    assert match_service(text) == code


def test_social_worker_alone_depends_on_context() -> None:
    text = "the social worker never rings back"
    assert match_service(text) is None
    assert match_service(text, about_child=True) == "childrens_social_care"
    assert match_service(text, about_child=False) == "adult_social_care"


def test_appeal_question_only_where_an_appeal_route_exists() -> None:
    assert appeal_question("parking")
    assert appeal_question("waste") is None


@pytest.mark.parametrize(
    ("text", "relationship", "is_child", "young"),
    [
        ("Me", "self", False, False),
        ("me, im 15", "self", True, True),
        ("Me - I'm under 18", "self", True, True),
        ("My child", "parent", True, False),
        ("my foster daughter", "foster_carer", True, False),
        ("my mum", "relative_or_friend", None, False),
        ("Someone else", "other", None, False),
    ],
)
def test_who(text: str, relationship: str, is_child: bool | None, young: bool) -> None:
    who = people.who_from(text)
    assert who is not None
    assert (who.relationship, who.is_child, who.young_person) == (relationship, is_child, young)


def test_child_status_lists_every_status() -> None:
    assert people.child_statuses("he is in care and has a social worker") == [
        "looked_after",
        "child_in_need",
    ]
    assert people.child_statuses("none of these") == ["none"]
    assert people.child_statuses("purple") is None


def test_contact_parsing() -> None:
    c = contact_details.contact_from("email me at jo@example.com")
    assert c is not None and c.email == "jo@example.com" and c.preferred == "email"
    c = contact_details.contact_from("07700 900123")
    assert c is not None and c.phone == "07700900123" and c.preferred == "phone"
    c = contact_details.contact_from("by post please")
    assert c is not None and c.post and c.preferred == "post"
    assert contact_details.contact_from("whatever") is None


@pytest.mark.parametrize(
    ("said", "address"),
    [
        ("post please, 14 Oak Road, Wellington TF1 2AB", "14 Oak Road, Wellington TF1 2AB"),
        (
            "a letter to Flat 3, 22 High Street, Luton LU1 2AA",
            "Flat 3, 22 High Street, Luton LU1 2AA",
        ),
        (
            "by post: Rose Cottage, Mill Lane, Ketley TF1 5AA",
            "Rose Cottage, Mill Lane, Ketley TF1 5AA",
        ),
        ("12a Church Lane, Hemel Hempstead", "12a Church Lane, Hemel Hempstead"),
    ],
)
def test_an_address_given_with_post_is_kept(said: str, address: str) -> None:
    # The address came with the answer: asking for it again would make them repeat it.
    c = contact_details.contact_from(said)
    assert c is not None and c.preferred == "post" and c.address == address


@pytest.mark.parametrize("said", ["by post", "a letter please", "send it to TF1 2AB"])
def test_post_without_a_full_address_leaves_the_address_to_ask(said: str) -> None:
    c = contact_details.contact_from(said)
    assert c is None or c.address is None


def test_yes_no_and_names() -> None:
    assert people.yes_no("yeah") is True
    assert people.yes_no("nope") is False
    assert people.yes_no("maybe") is None
    assert contact_details.clean_name("my name is jo bloggs") == "Jo Bloggs"
    assert contact_details.wants_anonymous("I'd rather stay anonymous")


@pytest.mark.parametrize("said", ["they're 4 and 6 ffs", "She's 7", "he's 9"])
def test_a_young_child_cannot_be_asked_for_consent(said: str) -> None:
    assert people.consent_in(said) == "unknown" and people.cannot_agree(said)


def test_a_third_persons_age_is_not_the_person_typing() -> None:
    who = people.who_from("I'm an advocate for a 13-year-old girl in a children's home")
    assert who is not None and who.relationship == "advocate" and who.is_child is True
    assert not who.young_person


@pytest.mark.parametrize(
    ("said", "relationship"),
    [
        # A child in care talks about their placement and carer: they are not a foster carer.
        ("im 15 and in care n i told her my foster placement aint working", "self"),
        ("Im 19 and a care leaver, my PA never calls", "self"),
        # Someone else's professional is not the person's own job.
        (
            "complaint about my mum's care, she's 87. Her social worker never calls",
            "relative_or_friend",
        ),
        ("I am a foster carer and my foster son's social worker never visits", "foster_carer"),
        ("we foster two kids and the placement team ignore us", "foster_carer"),
        # Their own role said with "her": the generated people's words for a partner agency.
        ("I'm her support worker. She has not had her care plan reviewed", "partner_agency"),
        # "sons" with no apostrophe: the browser persona's own words.
        ("i want to complain about my foster sons social worker", "foster_carer"),
    ],
)
def test_who_is_read_from_whose_words_they_are(said: str, relationship: str) -> None:
    who = people.who_from(said)
    assert who is not None and who.relationship == relationship


@pytest.mark.parametrize(
    "said",
    [
        "I am a foster carer and my allowance has been late three months",
        "we are foster carers and our mileage hasnt been paid",
        "I foster two kids and my allowance is late",
    ],
)
def test_a_foster_carer_about_their_own_allowance_complains_for_themselves(said: str) -> None:
    # A tester's foster carer was asked whether "the child" gets help from children's services.
    who = people.who_from(said)
    assert who is not None and who.relationship == "self"
