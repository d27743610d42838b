"""Placements: employment relations of registered people, with paid hours per pay period.

Dutch: *dienstbetrekking* / *inkomstenverhouding*, with *verloonde uren* per
*aangiftetijdvak*. A placement has one formal employer (the one who reports the hours in the
loonaangifte), a kind, optionally a hirer (*inlener*) and optionally the procurement contract it
serves.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import Decimal
from typing import NewType

import attrs
import pendulum

from banenafspraak._util import optional_date, to_date, to_decimal
from banenafspraak.employers import EmployerId, employer_id, optional_employer_id
from banenafspraak.exceptions import InvalidPeriodError, InvalidValueError
from banenafspraak.people import PersonId, person_id
from banenafspraak.periods import Period
from banenafspraak.procurement import ContractId, optional_contract_id

__all__ = ["PayPeriod", "Placement", "PlacementId", "PlacementKind"]

PlacementId = NewType("PlacementId", str)

HOURS_PER_DAY = 24


def placement_id(value: str) -> PlacementId:
    """Attrs converter: a text key as a :data:`PlacementId`."""
    return PlacementId(value)


class PlacementKind(enum.StrEnum):
    """What kind of employment relation a placement is."""

    EMPLOYEE = "employee"
    """A direct employee of the formal employer (begeleid werken, Wsw art. 7, included)."""
    AGENCY = "agency"
    """An *uitzendkracht* or payroll worker of an agency, placed with a hirer (*inlener*)."""
    WSW_INTERNAL = "wsw_internal"
    """A Wsw art. 2 job inside the SW-bedrijf: counts nowhere (Wfsv 38g(2), 122n(3))."""
    WSW_SECONDED = "wsw_seconded"
    """A Wsw art. 2 worker seconded (*gedetacheerd*) to a hirer."""
    SHELTERED_WORK = "sheltered_work"
    """*Beschut werk* (Participatiewet 10b): not in the doelgroep (Wfsv 38b(1)(a))."""

    @property
    def lends_to_hirer(self) -> bool:
        """The kind places the worker with a hirer (inleen)."""
        return self in {PlacementKind.AGENCY, PlacementKind.WSW_SECONDED}


def _hours(value: object) -> Decimal:
    hours = to_decimal(value)
    if hours < 0:
        msg = f"hours must not be negative, got {value!r}"
        raise InvalidValueError(msg)
    return hours


@attrs.frozen(kw_only=True)
class PayPeriod:
    """Paid hours (*verloonde uren*) in one pay period (*aangiftetijdvak*), both ends inclusive.

    The hours may not exceed 24 per day of the period.
    """

    start: pendulum.Date = attrs.field(converter=to_date)
    end: pendulum.Date = attrs.field(converter=to_date)
    hours: Decimal = attrs.field(converter=_hours)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            msg = f"pay period ends ({self.end}) before it starts ({self.start})"
            raise InvalidPeriodError(msg)
        capacity = self.period.days * HOURS_PER_DAY
        if self.hours > capacity:
            msg = (
                f"{self.hours} hours do not fit in the pay period {self.period} "
                f"({self.period.days} days, at most {capacity} hours)"
            )
            raise InvalidValueError(msg)

    @property
    def period(self) -> Period:
        """The pay period as a :class:`Period`."""
        return Period(start=self.start, end=self.end)

    @classmethod
    def month(cls, year: int, month: int, hours: object) -> PayPeriod:
        """A calendar-month pay period."""
        period = Period.month(year, month)
        return cls(start=period.start, end=period.end, hours=hours)

    @classmethod
    def months(
        cls, year: int, hours: object, *, first: int = 1, last: int = 12
    ) -> tuple[PayPeriod, ...]:
        """Calendar-month pay periods ``first``..``last`` of ``year``, each with ``hours``."""
        return tuple(cls.month(year, m, hours) for m in range(first, last + 1))


def _pay_periods(value: Iterable[PayPeriod]) -> tuple[PayPeriod, ...]:
    return tuple(sorted(value, key=lambda p: (p.start, p.end)))


@attrs.frozen(kw_only=True)
class Placement:
    """An employment relation of a registered person, with its paid hours.

    Args:
        id: any key.
        person: the person's id.
        employer: the formal employer: the one who reports the hours in the loonaangifte
            (the agency for an uitzendkracht, the SW-bedrijf for a Wsw worker, the supplier
            for a cleaner on a contract).
        kind: see :class:`PlacementKind`.
        hirer: the *inlener*, for agency work and Wsw secondment; ``None`` if not known (the 2015
            monitoring then splits the hours by the published sector key).
        credited_to_hirer: agency and hirer agreed, by 1 August of the next year, to credit the
            hours to the hirer for the 2015 quotum (Besluit Wfsv 2.28(2)-(3), from 2018).
        contract: the procurement contract this placement serves, if any.
        hours: paid hours per pay period.
        employment_start: the first day of the employment, if it lies before the first pay period
            given (the LKV's three-year limit runs from it).
    """

    id: PlacementId = attrs.field(converter=placement_id, validator=attrs.validators.min_len(1))
    person: PersonId = attrs.field(converter=person_id, validator=attrs.validators.min_len(1))
    employer: EmployerId = attrs.field(converter=employer_id, validator=attrs.validators.min_len(1))
    kind: PlacementKind = attrs.field(default=PlacementKind.EMPLOYEE, converter=PlacementKind)
    hirer: EmployerId | None = attrs.field(default=None, converter=optional_employer_id)
    credited_to_hirer: bool = attrs.field(
        default=False, validator=attrs.validators.instance_of(bool)
    )
    contract: ContractId | None = attrs.field(default=None, converter=optional_contract_id)
    hours: tuple[PayPeriod, ...] = attrs.field(
        factory=tuple,
        converter=_pay_periods,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(PayPeriod)),
    )
    employment_start: pendulum.Date | None = attrs.field(default=None, converter=optional_date)

    @property
    def total_hours(self) -> Decimal:
        """All hours of all pay periods."""
        return sum((p.hours for p in self.hours), Decimal(0))

    @property
    def first_day(self) -> pendulum.Date | None:
        """The first day of the employment (``employment_start`` or the first pay period)."""
        if self.employment_start is not None:
            return self.employment_start
        return self.hours[0].start if self.hours else None
