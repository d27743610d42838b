"""People in the target register (*doelgroepregister*) and their registrations.

UWV keeps the register (Wfsv art. 38d). A person is registered on a legal ground (:class:`Ground`)
from a start date. When the conditions of the ground cease, the registration does not end at once.
What happens then depends on the text of Besluit SUWI art. 3.2 in force: the *t+2* end (2016
text), its suspension to 31 December 2028 (2018-01-01 text), and from the 2020-01-01 text no end
at all: the person stays registered under Wfsv art. 38b(6) until the AOW age, death, a
beschut-werk finding or a request. Those end dates are **computed** by dated rules (see
:func:`banenafspraak.rulesets.common.registration_end`), never stored.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import NewType

import attrs
import pendulum

from banenafspraak._util import optional_date, to_date
from banenafspraak.exceptions import InvalidValueError
from banenafspraak.references import LegalReference

__all__ = ["Ground", "Person", "PersonId", "Registration"]

PersonId = NewType("PersonId", str)
"""A key for a person: a BSN (*burgerservicenummer*) or any pseudonymous key."""


def person_id(value: str) -> PersonId:
    """Attrs converter: a text key as a :data:`PersonId`."""
    return PersonId(value)


class Ground(enum.StrEnum):
    """The legal ground of a registration in the doelgroepregister.

    Wfsv art. 38b (BWBR0017745), text from 2015-05-01 unless stated; gelijkstelling by Regeling
    Wfsv art. 3.26 (later 3.30) with Participatiewet art. 78d.
    """

    PARTICIPATION_ACT = "participation_act"
    """38b(1)(a): supported by the municipality, UWV found "cannot earn the minimum wage"."""
    WSW_INDICATION = "wsw_indication"
    """38b(1)(b): a Wsw indication (the waiting list included)."""
    WAJONG = "wajong"
    """38b(1)(c): Wajong with work capacity (not *duurzaam geen mogelijkheden*)."""
    AMVB_INDICATION = "amvb_indication"
    """38b(1)(d) with Besluit Wfsv 2.24-2.25: VSO/PrO, entreeopleiding, lapsed Wsw indication,
    the *indicatie banenafspraak*."""
    OWN_REQUEST = "own_request"
    """38b(1)(e), from the Wfsv text of 2015-12-11: UWV found "cannot earn the minimum wage" on
    the person's own request. From the text of 2018-01-01 the person must also be supported by
    the municipality towards a job (Participatiewet 7(1)(a)):
    :attr:`Registration.municipal_support`.
    """
    TRANSITIONAL = "transitional"
    """38b(1)(f): was (b) or (c) on or after 1 January 2013, no longer on 1 May 2015."""
    YOUNG_DISABLED_WITH_PROVISION = "young_disabled_with_provision"
    """38b(2): *jonggehandicapte* who earns the minimum wage only with a provision. Under the 2015
    rules counts for the quotum only up to 2019 (122n(1) monitors 38b(1) people), and in the
    sector monitoring too from the 2020-01-01 text of 122n(1),(2)."""
    WIW_ID_JOB = "wiw_id_job"
    """*Gelijkgesteld*: a former WIW or ID job (Participatiewet 78d; Regeling Wfsv 3.26/3.30)."""
    WIA_EXPERIMENT = "wia_experiment"
    """38b(1)(g), from 2026: WIA recipient in the Wajong-instrument experiment (SUWI 82a)."""

    @property
    def dutch(self) -> str:
        """The Dutch legal description, with the article."""
        return _DUTCH[self]

    @property
    def exists_from(self) -> tuple[pendulum.Date, LegalReference] | None:
        """The day the ground entered the law, with the text that added it (``None``: from 2015).

        A registration on a ground cannot start before the ground exists: 38b(1)(e) was added by
        the Wfsv text of 2015-12-11 (V: the texts of 2015-05-01 and 2015-07-01 end the list at
        (d)), 38b(1)(g) by the text of 2026-01-01 (V: the text of 2025-01-01 ends the list at
        (f)).
        """
        return _EXISTS_FROM.get(self)


_DUTCH = {
    Ground.PARTICIPATION_ACT: "Participatiewet, kan geen WML verdienen (Wfsv 38b lid 1 onder a)",
    Ground.WSW_INDICATION: "Wsw-indicatie (Wfsv 38b lid 1 onder b)",
    Ground.WAJONG: "Wajong met arbeidsvermogen (Wfsv 38b lid 1 onder c)",
    Ground.AMVB_INDICATION: "indicatie bij AMvB (Wfsv 38b lid 1 onder d; Besluit Wfsv 2.24-2.25)",
    Ground.OWN_REQUEST: "oordeel UWV op eigen verzoek (Wfsv 38b lid 1 onder e)",
    Ground.TRANSITIONAL: "overgangsgroep (Wfsv 38b lid 1 onder f)",
    Ground.YOUNG_DISABLED_WITH_PROVISION: "jonggehandicapte met voorziening (Wfsv 38b lid 2)",
    Ground.WIW_ID_JOB: "gelijkgestelde WIW- of ID-baan (Participatiewet 78d)",
    Ground.WIA_EXPERIMENT: "WIA-experiment (Wfsv 38b lid 1 onder g)",
}


_EXISTS_FROM = {
    Ground.OWN_REQUEST: (
        pendulum.Date(2015, 12, 11),
        LegalReference(law="Wfsv", article="38b(1)(e)", version="2015-12-11"),
    ),
    Ground.WIA_EXPERIMENT: (
        pendulum.Date(2026, 1, 1),
        LegalReference(law="Wfsv", article="38b(1)(g)", version="2026-01-01"),
    ),
}


SUPPORT_REQUIRED_FROM = (
    pendulum.Date(2018, 1, 1),
    LegalReference(law="Wfsv", article="38b(1)(e)", version="2018-01-01"),
)
"""The day 38b(1)(e) starts to ask for the municipality's support towards a job (Participatiewet
7(1)(a)), with the text that asks it: the texts of 2015-12-11 to 2017-02-01 ask only UWV's
finding on the person's own request (V)."""


@attrs.frozen(kw_only=True)
class Registration:
    """One registration of a person in the doelgroepregister (Besluit SUWI art. 3.2).

    Args:
        ground: the legal ground.
        start: the registration date.
        conditions_ceased: the day the conditions of the ground stopped being met, if they did.
            The registration then runs on to an end date computed by the t+2 rule.
        ended_on_request: the last day of the registration, if it was ended at the person's own
            request (Besluit SUWI 3.2, 2018 text).
        municipal_support: for a 38b(1)(e) registration (``own_request``) only: whether the
            municipality supports the person towards a job (Participatiewet 7(1)(a)). From the
            Wfsv text of 2018-01-01 that support is a condition of the ground: a registration
            starting on or after that day needs it, and one that started before it without the
            support no longer met the conditions on 2018-01-01 (``conditions_ceased`` on that
            day or earlier). ``None`` (not given): the register's answer, taken as met.
    """

    ground: Ground = attrs.field(converter=Ground)
    start: pendulum.Date = attrs.field(converter=to_date)

    @start.validator
    def _ground_exists(self, _a: object, value: pendulum.Date) -> None:
        exists = self.ground.exists_from
        if exists is not None and value < exists[0]:
            day, reference = exists
            msg = (
                f"a registration on ground {self.ground.value} cannot start on {value}: the "
                f"ground exists from {day} ({reference}); record an earlier registration on the "
                "ground that applied then"
            )
            raise InvalidValueError(msg)

    conditions_ceased: pendulum.Date | None = attrs.field(default=None, converter=optional_date)
    ended_on_request: pendulum.Date | None = attrs.field(default=None, converter=optional_date)
    municipal_support: bool | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(bool))
    )

    @municipal_support.validator
    def _support_fits_the_text(self, _a: object, value: bool | None) -> None:  # noqa: FBT001
        if value is None:
            return
        if self.ground is not Ground.OWN_REQUEST:
            msg = (
                f"municipal_support is a condition of ground {Ground.OWN_REQUEST.value} "
                f"(Wfsv 38b(1)(e)) only; leave it empty on ground {self.ground.value}"
            )
            raise InvalidValueError(msg)
        if value:
            return
        day, reference = SUPPORT_REQUIRED_FROM
        asked = f"{reference} asks for the municipality's support (Participatiewet 7(1)(a))"
        if self.start >= day:
            msg = (
                f"a registration on ground {self.ground.value} starting {self.start} without "
                f"municipal support is not one: from {day} {asked}"
            )
            raise InvalidValueError(msg)
        if self.conditions_ceased is None or self.conditions_ceased > day:
            seen = self.conditions_ceased or "not given"
            msg = (
                f"without municipal support the conditions of ground {self.ground.value} ceased "
                f"on {day} at the latest ({asked}); conditions_ceased is {seen}: give {day} or "
                "an earlier day"
            )
            raise InvalidValueError(msg)

    @conditions_ceased.validator
    def _ceased_not_before_start(self, _a: object, value: pendulum.Date | None) -> None:
        if value is not None and value < self.start:
            msg = f"conditions_ceased ({value}) lies before the registration start ({self.start})"
            raise InvalidValueError(msg)

    @ended_on_request.validator
    def _ended_not_before_start(self, _a: object, value: pendulum.Date | None) -> None:
        if value is not None and value < self.start:
            msg = f"ended_on_request ({value}) lies before the registration start ({self.start})"
            raise InvalidValueError(msg)


def _registrations(value: Registration | Iterable[Registration]) -> tuple[Registration, ...]:
    """The registrations in a canonical order: by start, then ground (input order is no data)."""
    if isinstance(value, Registration):
        return (value,)
    return tuple(sorted(value, key=lambda r: (r.start, str(r.ground))))


@attrs.frozen(kw_only=True)
class Person:
    """A person who is, or was, in the doelgroepregister.

    Args:
        id: a BSN or any key. The library never prints a BSN in full unless asked.
        registrations: the person's registrations, in any order.
        name: optional, for reports.
        date_of_birth: optional; gives the day the person reaches the AOW age
            (*pensioengerechtigde leeftijd*, AOW art. 7a), which ends a registration held under
            Wfsv 38b(6) (Besluit SUWI 3.2(2)(a), 2020-01-01 text).
        date_of_death: optional; the registration ends on that day (Besluit SUWI 3.2(2)(b),
            2020-01-01 text).
        sheltered_work_finding: optional; the day the municipality found that the person can work
            only in a sheltered setting (*vaststelling beschut werk*, Participatiewet 10b(1)). A
            registration running on that day ends on the next day (Besluit SUWI 3.2(3),
            2020-01-01 text; 3.2(5) of the texts from 2016-06-18 for Besluit Wfsv 2.25
            registrations).
    """

    id: PersonId = attrs.field(converter=person_id, validator=attrs.validators.min_len(1))
    registrations: tuple[Registration, ...] = attrs.field(
        factory=tuple,
        converter=_registrations,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(Registration)),
    )
    name: str = ""
    date_of_birth: pendulum.Date | None = attrs.field(default=None, converter=optional_date)
    date_of_death: pendulum.Date | None = attrs.field(default=None, converter=optional_date)
    sheltered_work_finding: pendulum.Date | None = attrs.field(
        default=None, converter=optional_date
    )

    @date_of_death.validator
    def _death_after_birth(self, _a: object, value: pendulum.Date | None) -> None:
        if value is not None and self.date_of_birth is not None and value < self.date_of_birth:
            msg = f"date_of_death ({value}) lies before date_of_birth ({self.date_of_birth})"
            raise InvalidValueError(msg)

    @classmethod
    def registered(
        cls,
        id: str,  # noqa: A002 - the noun's own field name
        *,
        ground: Ground | str,
        since: object,
        conditions_ceased: object = None,
        name: str = "",
        date_of_birth: object = None,
    ) -> Person:
        """A person with one registration."""
        return cls(
            id=PersonId(id),
            name=name,
            date_of_birth=date_of_birth,
            registrations=(
                Registration(
                    ground=Ground(ground), start=since, conditions_ceased=conditions_ceased
                ),
            ),
        )
