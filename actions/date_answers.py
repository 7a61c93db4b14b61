# mypy: allow-subclassing-any
"""The complaint form's date questions: when it happened, when they found out, and when the
council's reply came. An old date is read back by the question that follows it, and a
correction given to that question ("no i meant july 2026") corrects when it happened."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from . import texts, triage_link
from .dates import date_within, is_unsure
from .forms import AnswerForm
from .plan import over_a_year_ago

_CORRECTION = re.compile(
    r"^\W*(no+|nope|sorry|oops|wrong|that'?s wrong|not (that|right)|i meant|i mean|actually)\b"
)


class DateAnswers(AnswerForm):
    """Mixed into ValidateComplaintForm (complaint_form.py)."""

    def validate_incident_date(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        out = self._date("incident_date", value, dispatcher, tracker, read_back=False)
        spoken = out.get("incident_date_spoken")
        # An old date is read back by the next question ("Got it — ... That's more than a
        # year ago."), so saying it here too would repeat it.
        if spoken and not over_a_year_ago(out.get("incident_date")):
            dispatcher.utter_message(text=texts.say("date_read_back", date=spoken))
        return out

    def validate_aware_date(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = str(value).lower()
        if (
            _CORRECTION.match(text)
            and not is_unsure(text)
            and date_within(text, triage_link.today()) is not None
        ):
            # "no i meant this summer, july 2026": a correction of when it happened, answered
            # to the question the read-back led into.
            corrected = self._date("incident_date", value, dispatcher, tracker, read_back=True)
            if corrected.get("incident_date"):
                return {**corrected, "aware_date": None}
        if re.search(r"\b(same time|at the time|straight away|when it happened|then)\b", text):
            return {"aware_date": tracker.get_slot("incident_date")}
        return self._date("aware_date", value, dispatcher, tracker)

    def validate_previous_response_date(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._date("previous_response_date", value, dispatcher, tracker)
