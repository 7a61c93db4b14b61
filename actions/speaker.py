"""Who is speaking, as the questions and the outcome need it: a young person (shorter words,
an advocate offered first), someone about their own care, or someone who could be council
staff complaining about their own job."""

from __future__ import annotations

from rasa_sdk import Tracker


def could_be_staff(tracker: Tracker) -> bool:
    """Whether the person could be complaining about their own job at the council: not a
    young person, not someone complaining for another, not a care leaver about their care."""
    own = tracker.get_slot("relationship") in (None, "self")
    return own and not young(tracker) and not own_care(tracker)


def own_care(tracker: Tracker) -> bool:
    """The person is complaining about their own care (in care, or a care leaver): they are
    spoken to as the young person the outcome is for, whatever their age."""
    statuses = set(tracker.get_slot("child_status") or [])
    in_care = bool(statuses & {"looked_after", "care_leaver"})
    return in_care and tracker.get_slot("relationship") in (None, "self")


def young(tracker: Tracker) -> bool:
    return bool(tracker.get_slot("young_person"))
