"""The facts of a complaint (contract: "Facts (input)"), validated so bad input names its field."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from .codes import Channel, ChildStatus, Circumstance, Consent, Kind, Relationship, Service
from .errors import FactsValidationError, pydantic_field

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date(value: Any) -> Any:
    # The contract fixes dates as ISO YYYY-MM-DD; pydantic alone would also take timestamps.
    if type(value) is str:  # the usual case first: this runs for every date of every case
        if not _ISO_DATE.fullmatch(value):
            raise ValueError("must be a date written YYYY-MM-DD")
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value} is not a real date") from None
    if isinstance(value, dt.datetime):
        raise ValueError("must be a date (YYYY-MM-DD), not a date and time")
    if isinstance(value, dt.date):
        return value
    raise ValueError("must be a date written YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Complainant(_Strict):
    relationship: Relationship | None = None
    anonymous: bool | None = None
    age: Annotated[int, Field(ge=0, le=130)] | None = None
    council_tenant: bool | None = None
    consent: Consent | None = None


class PersonAffected(_Strict):
    is_child: bool | None = None
    child_status: tuple[ChildStatus, ...] | None = None


class Facts(_Strict):
    authority: str | None = None
    kind: Kind
    received: IsoDate | None = None
    stage_requested: Annotated[int, Field(ge=1, le=3)] | None = None
    previous_response_date: IsoDate | None = None
    previous_response_channel: Channel | None = None
    stage1_response_date: IsoDate | None = None
    # When the authority actually acknowledged the complaint, once it has: a deadline the policy
    # counts from acknowledgement counts from this day rather than the acknowledgement deadline.
    acknowledged_date: IsoDate | None = None
    service: Service | None = None
    incident_date: IsoDate | None = None
    aware_date: IsoDate | None = None
    complainant: Complainant = Complainant()
    person_affected: PersonAffected = PersonAffected()
    circumstances: tuple[Circumstance, ...] = ()

    @classmethod
    def parse(cls, data: Any) -> Facts:
        """Validates a mapping, raising FactsValidationError that names the first bad field."""
        if isinstance(data, Facts):
            return data
        if not isinstance(data, dict):
            raise FactsValidationError("(root)", "facts must be a JSON object")
        try:
            facts = cls.model_validate(data)
        except ValidationError as exc:
            err = exc.errors()[0]
            field = pydantic_field(err["loc"])
            message = str(err["msg"]).removeprefix("Value error, ")
            if err["type"] == "extra_forbidden":
                message = "is not a field of the triage contract"
            elif err["type"] == "missing":
                message = "is required"
            elif err["type"] == "literal_error":
                got = err.get("input")
                message = f"{got!r} is not allowed; {message[0].lower()}{message[1:]}"
            raise FactsValidationError(field, message) from None
        if (
            facts.acknowledged_date is not None
            and facts.received is not None
            and facts.acknowledged_date < facts.received
        ):
            raise FactsValidationError(
                "acknowledged_date", f"is before the complaint was received ({facts.received})"
            )
        return facts

    def has(self, circumstance: str) -> bool:
        return circumstance in self.circumstances
