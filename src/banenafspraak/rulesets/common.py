"""Rules that every law shares, as plain functions and named reasons (public, for plug-ins too).

Nothing here knows which rule set calls it: the doelgroep test per pay period with the end of a
registration by the text of Besluit SUWI art. 3.2 in force, the exclusions of internal Wsw work
and beschut werk, and the job unit.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
import pendulum

from banenafspraak.employers import EmployerId
from banenafspraak.exceptions import InvalidTypeError, OutOfRangeError
from banenafspraak.parameters import DatedValue, Parameters, default_parameters
from banenafspraak.people import Ground, Person, Registration
from banenafspraak.placements import PayPeriod, Placement, PlacementKind
from banenafspraak.references import LegalReference, Tag
from banenafspraak.rulesets._protocol import Figure, Reason, Share
from banenafspraak.sectors import Pool

__all__ = [
    "NOT_REGISTERED",
    "REGISTERED",
    "SHELTERED_WORK",
    "WSW_INTERNAL",
    "NoInstrument",
    "aow_age_reached",
    "counted",
    "doelgroep_exclusion",
    "excluded",
    "is_young_disabled",
    "membership",
    "register_text",
    "registration_end",
    "registration_in",
]

ONE = Fraction(1)

WFSV_2015 = "2015-05-01"

REGISTERED = Reason(
    code="REG",
    text="the person is in the doelgroepregister during this pay period; a pay period that "
    "overlaps a registration counts whole",
    reference=LegalReference(law="Wfsv", article="38e(2)", version=WFSV_2015),
    tag=Tag.VERIFIED,
)
NOT_REGISTERED = Reason(
    code="NOT-REG",
    text="the person is not in the doelgroepregister during this pay period",
    reference=LegalReference(law="Besluit SUWI", article="3.2", version="2016-01-01"),
    tag=Tag.DERIVED,
)
WSW_INTERNAL = Reason(
    code="WSW-INTERNAL",
    text="a Wsw art. 2 job inside the SW-bedrijf counts neither as a job of a werknemer nor "
    "of an arbeidsbeperkte",
    reference=LegalReference(law="Wfsv", article="38g(2), 122n(3)", version=WFSV_2015),
)
SHELTERED_WORK = Reason(
    code="BESCHUT",
    text="beschut werk (Participatiewet 10b) is outside the doelgroep",
    reference=LegalReference(law="Wfsv", article="38b(1)(a)", version=WFSV_2015),
)


_TEXT_PARAMETERS = (
    "registration.years_after_ceasing",
    "registration.suspension_applies",
    "registration.stays_under_38b6",
)
"""The parameters whose rows mark a new text of Besluit SUWI art. 3.2."""


def _row_on(parameters: Parameters, name: str, day: pendulum.Date) -> DatedValue:
    """The row in force on ``day``; before the first row (the nulmeting of 2013), the first row."""
    parameter = parameters[name]
    first = parameter.rows[0]
    return first if day < first.start else parameter.row_on(day)


def _flag_on(parameters: Parameters, name: str, day: pendulum.Date) -> bool:
    return bool(_row_on(parameters, name, day).value)


def _date_on(parameters: Parameters, name: str, day: pendulum.Date) -> pendulum.Date:
    value = _row_on(parameters, name, day).value
    if not isinstance(value, pendulum.Date):
        msg = f"parameter {name!r} must be a date on {day}, got {value!r}"
        raise InvalidTypeError(msg)
    return value


def _int_on(parameters: Parameters, name: str, day: pendulum.Date) -> int:
    value = _row_on(parameters, name, day).value
    if not isinstance(value, int) or isinstance(value, bool):
        msg = f"parameter {name!r} must be a whole number on {day}, got {value!r}"
        raise InvalidTypeError(msg)
    return value


def register_text(parameters: Parameters, on: pendulum.Date) -> LegalReference:
    """The text of Besluit SUWI art. 3.2 in force on a date, as the reference of its parameter row.

    2016-01-01 text (from the start of the law): t+2; 2018-07-28 text: t+2 suspended to
    2028-12-31 (3.2(8)); 2020-01-01 text: no t+2, the person stays registered under Wfsv 38b(6).
    """
    for name in ("registration.stays_under_38b6", "registration.suspension_applies"):
        row = _row_on(parameters, name, on)
        if row.value:
            return row.reference
    return _row_on(parameters, "registration.years_after_ceasing", on).reference


def aow_age_reached(person: Person, parameters: Parameters | None = None) -> pendulum.Date | None:
    """The day ``person`` reaches the AOW pensioengerechtigde leeftijd (``None``: no birth date).

    AOW art. 7a(1) fixes the age per calendar year (parameter ``aow.pension_age_months``): the
    person reaches it in the first year Y in which the date of birth plus the age of year Y falls
    in Y or earlier. The same day ends a registration under Wfsv 38b(6) (Besluit SUWI 3.2(2)(a),
    2020-01-01 text) and the LKV (Wtl 2.10(2)(a)).

    >>> from banenafspraak import Person, aow_age_reached
    >>> str(aow_age_reached(Person(id="p", date_of_birth="1953-01-15")))
    '2019-05-15'
    """
    born = person.date_of_birth
    if born is None:
        return None
    params = parameters if parameters is not None else default_parameters()
    for year in range(born.year + 60, born.year + 80):
        months = _int_on(params, "aow.pension_age_months", pendulum.Date(year, 1, 1))
        reached = born.add(months=months)
        if reached.year <= year:
            return reached
    msg = f"no AOW age found for a person born on {born}"  # pragma: no cover - table covers all
    raise OutOfRangeError(msg)  # pragma: no cover


@attrs.frozen
class _Step:
    """The end of a registration as one text of Besluit SUWI 3.2 has it, from ``since``."""

    since: pendulum.Date
    end: pendulum.Date | None
    how: str


def _ceased_steps(
    registration: Registration, person: Person | None, parameters: Parameters
) -> list[_Step]:
    """The end the conditions' ceasing gives under each text, from the day they ceased on.

    A later text applies only to a registration still running on the day it takes effect: one
    ended by the t+2 rule before 2018-07-28 stays ended, one still running on 2020-01-01 stays
    registered under Wfsv 38b(6).
    """
    ceased = registration.conditions_ceased
    if ceased is None:
        return []
    changes = sorted(
        {row.start for name in _TEXT_PARAMETERS for row in parameters[name].rows} - {ceased}
    )
    steps: list[_Step] = []
    for day in (ceased, *(d for d in changes if d > ceased)):
        if steps and steps[-1].end is not None and steps[-1].end < day:
            break  # ended under the earlier text: a later text does not revive it
        text = register_text(parameters, day)
        if _flag_on(parameters, "registration.stays_under_38b6", day):
            aow = aow_age_reached(person, parameters) if person is not None else None
            stay = f"conditions ceased {ceased}: registered under Wfsv 38b(6) from {day} ({text})"
            if aow is None:
                how = f"{stay} until the AOW age (no date of birth given), death, a finding or a "
                how += "request"
                steps.append(_Step(since=day, end=None, how=how))
            else:
                end = max(aow, day)
                how = f"{stay} until the AOW age on {aow} (AOW art. 7a(1))"
                steps.append(_Step(since=day, end=end, how=how))
            break
        years = _int_on(parameters, "registration.years_after_ceasing", day)
        end = pendulum.Date(ceased.year + years, 12, 31)
        how = f"conditions ceased {ceased}: t+{years} ends it {end} ({text})"
        if _flag_on(parameters, "registration.suspension_applies", day):
            before = _date_on(parameters, "registration.suspension_ceased_before", day)
            suspended = _date_on(parameters, "registration.suspension_ends_on", day)
            if ceased < before and suspended > end:
                end = suspended
                how = f"conditions ceased {ceased} (before {before}): suspended t+2 ends it "
                how += f"{end} ({text})"
        steps.append(_Step(since=day, end=end, how=how))
    return steps


def _other_ends(
    registration: Registration, person: Person | None, parameters: Parameters
) -> list[tuple[pendulum.Date, str]]:
    """Ends that do not depend on the conditions: death, a beschut-werk finding, a request.

    The finding ends every registration of the person; one that starts after it is never in
    force (from the 2019 text, 38b(1) leaves out a person found fit only for beschut werk, D).
    """
    ends: list[tuple[pendulum.Date, str]] = []
    if person is not None and person.date_of_death is not None:
        died = person.date_of_death
        ends.append((died, f"ends on the day of death {died} (Besluit SUWI 3.2(2)(b))"))
    finding = person.sheltered_work_finding if person is not None else None
    if finding is not None and _finding_ends(registration, finding, parameters):
        text = register_text(parameters, finding)
        ends.append(
            (finding.add(days=1), f"beschut-werk finding {finding}: ends the next day ({text})")
        )
    requested = registration.ended_on_request
    if requested is not None:
        how = f"ended at the person's request on {requested}"
        stays = _flag_on(parameters, "registration.stays_under_38b6", requested)
        if stays and registration.ground is not Ground.TRANSITIONAL:
            floor = _date_on(parameters, "registration.request_ends_not_before", requested)
            if requested < floor:
                requested = floor
                how = f"{how}, not before {floor} (Besluit SUWI 3.2(4), version 2020-01-01)"
        ends.append((requested, how))
    return ends


def _finding_ends(
    registration: Registration, finding: pendulum.Date, parameters: Parameters
) -> bool:
    """Whether the text in force on the finding day ends this registration by the finding.

    2020-01-01 text, 3.2(3): every registration. 2018-07-28 text, 3.2(5): a Besluit Wfsv 2.25
    registration (the ``amvb_indication`` ground). 2016 text: no such rule.
    """
    if _flag_on(parameters, "registration.stays_under_38b6", finding):
        return True
    return registration.ground is Ground.AMVB_INDICATION and _flag_on(
        parameters, "registration.suspension_applies", finding
    )


def registration_end(
    registration: Registration, parameters: Parameters, person: Person | None = None
) -> tuple[pendulum.Date | None, str]:
    """The last day of a registration, and how it was found (``None``: still running).

    Each end follows the text of Besluit SUWI art. 3.2 (BWBR0013267) in force when it happens:
    t+2 after the conditions ceased (2016-01-01 text), suspended to 2028-12-31 for conditions that
    ceased before 2026 (3.2(8), 2018-07-28 text), and from the 2020-01-01 text no t+2: a person
    still registered stays registered under Wfsv 38b(6) until the AOW age or death (3.2(2)). A
    beschut-werk finding ends it the next day (3.2(3)); a request on the day UWV establishes it,
    not before 2021-01-01 except for a 38b(1)(f) registration (3.2(4),(5)). ``person`` gives the
    date of birth, death and finding; without it only the registration's own dates count.
    """
    ends = _other_ends(registration, person, parameters)
    steps = _ceased_steps(registration, person, parameters)
    if steps and steps[-1].end is not None:
        ends.append((steps[-1].end, steps[-1].how))
    if ends:
        return min(ends)
    if steps:
        return None, steps[-1].how
    return None, "registration still running"


def _how_on(
    registration: Registration, person: Person, parameters: Parameters, on: pendulum.Date
) -> str:
    """How the registration stands on ``on``, citing the text of Besluit SUWI 3.2 then in force."""
    steps = [s for s in _ceased_steps(registration, person, parameters) if s.since <= on]
    if steps:
        return steps[-1].how
    return f"conditions met ({register_text(parameters, on)})"


def registration_in(
    person: Person, pay_period: PayPeriod, parameters: Parameters
) -> tuple[Registration, str] | None:
    """A registration of ``person`` that overlaps the pay period, with its standing explained.

    The whole pay period counts when the person was registered on any day of it (Wfsv 38e(2);
    DECISIONS: "registration and pay periods", V for the quotum, D for monitoring). Where several
    registrations overlap, the earliest is reported. The explanation cites the text of Besluit
    SUWI 3.2 in force on the pay period's last day.
    """
    first = pay_period.start
    last = pay_period.end
    for registration in sorted(person.registrations, key=lambda r: r.start):
        if registration.start > last:
            continue
        end, _how = registration_end(registration, parameters, person)
        if end is None or end >= first:
            how = _how_on(registration, person, parameters, last)
            if end is not None:
                how = f"{how}; last day {end}"
            return registration, how
    return None


def counted(
    pool: Pool,
    credited_to: EmployerId | None,
    reasons: tuple[Reason, ...],
    fraction: Fraction = ONE,
) -> Share:
    """A share that adds to ``pool``."""
    return Share(
        fraction=fraction,
        pool=pool,
        credited_to=credited_to,
        excluded_because=None,
        reasons=reasons,
    )


def excluded(
    because: Reason,
    reasons: tuple[Reason, ...] = (),
    credited_to: EmployerId | None = None,
    fraction: Fraction = ONE,
) -> Share:
    """A share that adds to no pool, with the reason (it may still be credited to an employer)."""
    return Share(
        fraction=fraction,
        pool=None,
        credited_to=credited_to,
        excluded_because=because,
        reasons=(*reasons, because),
    )


def doelgroep_exclusion(placement: Placement) -> Reason | None:
    """The shared reason a placement's hours count nowhere, whatever the person's registration.

    Internal Wsw work (Wfsv 38g(2), 122n(3); Wet banenafspraak art. 4(3)) and beschut werk
    (Wfsv 38b(1)(a); Wet banenafspraak art. 2) count under no rule set.
    """
    if placement.kind is PlacementKind.WSW_INTERNAL:
        return WSW_INTERNAL
    if placement.kind is PlacementKind.SHELTERED_WORK:
        return SHELTERED_WORK
    return None


def membership(
    placement: Placement, pay_period: PayPeriod, person: Person, parameters: Parameters
) -> tuple[Registration | None, Reason]:
    """Whether the person counts in this pay period: the registration, and the reason."""
    found = registration_in(person, pay_period, parameters)
    if found is None:
        text = register_text(parameters, pay_period.end)
        return None, attrs.evolve(NOT_REGISTERED, reference=text).with_detail(
            f"placement {placement.id}"
        )
    registration, how = found
    return registration, REGISTERED.with_detail(
        f"ground {registration.ground.value} since {registration.start}; {how}"
    )


def is_young_disabled(registration: Registration) -> bool:
    """A 38b(2) registration (jonggehandicapte with a provision)."""
    return registration.ground is Ground.YOUNG_DISABLED_WITH_PROVISION


@attrs.frozen(kw_only=True)
class NoInstrument:
    """The quotum result of a rule set that has no quotum instrument: nothing due, one reason.

    For plug-ins that only count; it satisfies :class:`~banenafspraak.rulesets.QuotumResult`.
    """

    employer: EmployerId
    year: int
    rules: str
    reasons: tuple[Reason, ...] = ()
    liable: bool = False
    active: bool = False
    net_effect: Decimal = Decimal(0)
    warnings: tuple[str, ...] = ()

    def figures(self) -> tuple[Figure, ...]:
        """No figures."""
        return ()
