"""Rules that every law shares, as plain functions and named reasons (public, for plug-ins too).

Nothing here knows which rule set calls it: the doelgroep test per pay period with the end of a
registration by the text of Besluit SUWI art. 3.2 in force, the exclusions of internal Wsw work
and beschut werk (under the 2015 law; the national rule sets have their own reasons), and the
citation of a text by the year (Wfsv 122n's numbering, a parameter's row).
"""

from __future__ import annotations

import bisect
import weakref
from collections.abc import Callable, Hashable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

import attrs
import pendulum

from banenafspraak.employers import EmployerId
from banenafspraak.exceptions import InvalidTypeError, OutOfRangeError
from banenafspraak.parameters import DatedValue, Parameters, default_parameters
from banenafspraak.people import Ground, Person, Registration
from banenafspraak.placements import PayPeriod, Placement, PlacementKind
from banenafspraak.references import LegalReference, Tag
from banenafspraak.rulesets._protocol import Figure, Reason, RuleContext, Share
from banenafspraak.sectors import Pool

__all__ = [
    "NOT_REGISTERED",
    "REGISTERED",
    "REGISTERED_BEFORE_2019",
    "RENUMBERED_122N",
    "SHELTERED_WORK",
    "WSW_INTERNAL",
    "WSW_INTERNAL_2020",
    "NoInstrument",
    "SituationMemo",
    "aow_age_reached",
    "by_122n_text",
    "cited_as_row",
    "counted",
    "decided_once",
    "doelgroep_exclusion",
    "excluded",
    "is_young_disabled",
    "membership",
    "membership_in",
    "register_text",
    "registration_end",
    "registration_in",
    "registration_last_day",
    "remember_situations",
]

ONE = Fraction(1)

WFSV_2015 = "2015-05-01"
RENUMBERED_122N = 2020
"""The first year of the 2020-01-01 text of Wfsv 122n: a new second paragraph (the quotumheffing
not executed by regulation) moves the count of the jobs from (2) to (3), the Wsw exclusion from
(3) to (4) and the placed workers from (4) to (5). A reason that cites 122n cites the numbering
of the year it explains."""


def by_122n_text(year: int | None, before: Reason, renumbered: Reason) -> Reason:
    """``before`` (the 2015 numbering of Wfsv 122n), or ``renumbered`` in a later ``year``.

    ``renumbered`` cites the text of :data:`RENUMBERED_122N` and later; without a year, the 2015
    text is cited.
    """
    return renumbered if year is not None and year >= RENUMBERED_122N else before


def cited_as_row(reason: Reason, parameter: str, year: int, parameters: Parameters) -> Reason:
    """``reason`` citing the version of the text that ``parameter``'s row for ``year`` cites.

    A rule whose amount is a parameter applies the text in force in the year, as the amount's
    row says; an overridden row cites no version.
    """
    version = parameters[parameter].row_for_year(year).reference.version
    return attrs.evolve(reason, reference=attrs.evolve(reason.reference, version=version))


WHOLE_PAY_PERIOD_FROM = pendulum.Date(2019, 1, 1)
"""The day Wfsv 38g(8) enters the text (2019-01-01): a pay period in which the person's period
as arbeidsbeperkte begins or ends counts whole."""
REGISTERED = Reason(
    code="REG",
    text="the person is in the doelgroepregister during this pay period; a pay period that "
    "overlaps a registration counts whole",
    reference=LegalReference(law="Wfsv", article="38g(8)", version="2019-01-01"),
    tag=Tag.VERIFIED,
)
REGISTERED_BEFORE_2019 = attrs.evolve(
    REGISTERED,
    text="the person is in the doelgroepregister during this pay period; a pay period that "
    "overlaps a registration counts whole (no text before 2019 says so: the rule of Wfsv 38g(8), "
    "2019-01-01 text, is applied)",
    tag=Tag.DERIVED,
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


WSW_INTERNAL_2020 = attrs.evolve(
    WSW_INTERNAL,
    reference=LegalReference(law="Wfsv", article="38g(2), 122n(4)", version="2020-01-01"),
)
"""For a pay period from 2020: the renumbered text of 122n (:data:`RENUMBERED_122N`)."""
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

    2016-01-01 text (from the start of the law): t+2; 2018-01-01 text: t+2 suspended to
    2028-12-31 (3.2(8), not in the 2017-10-01 text); 2020-01-01 text: no t+2, the person stays
    registered under Wfsv 38b(6).
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
    days: dict[pendulum.Date, pendulum.Date] = params.derived("aow.day-by-birth", dict)
    day = days.get(born)
    if day is None:
        # which year's age applies depends on the year and month of birth alone
        key = ("aow.months-by-birth", born.year, born.month)
        day = days[born] = born.add(months=params.derived(key, lambda: _aow_months(born, params)))
    return day


def _aow_months(born: pendulum.Date, parameters: Parameters) -> int:
    """The AOW age in months of someone born in the month of ``born`` (:func:`aow_age_reached`)."""
    for year in range(born.year + 60, born.year + 80):
        months = _int_on(parameters, "aow.pension_age_months", pendulum.Date(year, 1, 1))
        if born.year + (born.month - 1 + months) // 12 <= year:  # the year of born + months
            return months
    msg = f"no AOW age found for a person born on {born}"  # pragma: no cover - table covers all
    raise OutOfRangeError(msg)  # pragma: no cover


class _Told(NamedTuple):
    """An explanation written only when read: ``form`` with the ``facts`` filled in.

    Most readers of a registration's end need the day alone (the batch engine, the pay periods
    a registration covers); the words, with their dates and legal references, cost more to
    write than the rule costs to apply, so they are written for those who ask (``str``).
    """

    form: str
    facts: tuple[tuple[str, object], ...] = ()

    def __str__(self) -> str:
        return self.form.format_map(dict(self.facts))


def _told(form: str, **facts: object) -> _Told:
    return _Told(form, tuple(facts.items()))


_STILL_RUNNING = _Told("registration still running")


@attrs.frozen
class _Step:
    """The end of a registration as one text of Besluit SUWI 3.2 has it, from ``since``."""

    since: pendulum.Date
    end: pendulum.Date | None
    told: _Told

    @property
    def how(self) -> str:
        """How the text ends it (or keeps it running), citing the text."""
        return str(self.told)


@attrs.frozen
class _Text:
    """What :func:`_ceased_steps` reads of the text of Besluit SUWI 3.2 in force on a day.

    ``stays``: a registration stays under Wfsv 38b(6) (no t+2); otherwise it ends ``years``
    after the year the conditions ceased, and ``suspension`` (when the text suspends that end)
    holds the day the conditions must have ceased before and the day the suspended end falls on.
    """

    reference: LegalReference
    stays: bool
    years: int = 0
    suspension: tuple[pendulum.Date, pendulum.Date] | None = None


class _Texts:
    """The texts of Besluit SUWI 3.2 that :func:`_ceased_steps` reads, from the parameters.

    ``changes``: the days a text takes effect; :meth:`on` reads the text of a day once. The
    parameters keep this (:meth:`~banenafspraak.parameters.Parameters.derived`), so it does not
    keep them: :meth:`on` is given them, and reference counting frees both with no cycle.
    """

    __slots__ = ("_on", "changes")

    def __init__(self, parameters: Parameters) -> None:
        self.changes = tuple(
            sorted({row.start for name in _TEXT_PARAMETERS for row in parameters[name].rows})
        )
        self._on: dict[pendulum.Date, _Text] = {}

    def on(self, day: pendulum.Date, parameters: Parameters) -> _Text:
        """The text of ``parameters`` in force on ``day``, as :func:`_ceased_steps` reads it."""
        text = self._on.get(day)
        if text is None:
            text = self._on[day] = _read_text(day, parameters)
        return text


def _read_text(day: pendulum.Date, parameters: Parameters) -> _Text:
    """The text of Besluit SUWI 3.2 in force on ``day`` under ``parameters`` (:meth:`_Texts.on`)."""
    reference = register_text(parameters, day)
    if _flag_on(parameters, "registration.stays_under_38b6", day):
        return _Text(reference=reference, stays=True)
    years = _int_on(parameters, "registration.years_after_ceasing", day)
    suspension = None
    if _flag_on(parameters, "registration.suspension_applies", day):
        suspension = (
            _date_on(parameters, "registration.suspension_ceased_before", day),
            _date_on(parameters, "registration.suspension_ends_on", day),
        )
    return _Text(reference=reference, stays=False, years=years, suspension=suspension)


_STAYS = "conditions ceased {ceased}: registered under Wfsv 38b(6) from {day} ({text})"


def _ceased_steps(
    registration: Registration, person: Person | None, parameters: Parameters
) -> tuple[_Step, ...]:
    """The end the conditions' ceasing gives under each text, from the day they ceased on.

    A later text applies only to a registration still running on the day it takes effect: one
    ended by the t+2 rule before 2018-01-01 (on 2017-12-31, conditions ceased in 2015) stays
    ended unless the parameter ``registration.suspension_keeps_ended_the_day_before`` says
    otherwise; one still running on 2020-01-01 stays registered under Wfsv 38b(6).

    The steps depend on the day the conditions ceased and the date of birth (the AOW age)
    alone, so they are worked out once per such pair and parameters: many registrations of a
    national register ceased on the same day.
    """
    ceased = registration.conditions_ceased
    if ceased is None:
        return ()
    born = person.date_of_birth if person is not None else None
    known: dict[tuple[pendulum.Date, pendulum.Date | None], tuple[_Step, ...]] = parameters.derived(
        "registration.ceased-steps", dict
    )
    steps = known.get((ceased, born))
    if steps is None:
        steps = known[ceased, born] = _steps_from(ceased, person, parameters)
    return steps


def _steps_from(
    ceased: pendulum.Date, person: Person | None, parameters: Parameters
) -> tuple[_Step, ...]:
    """:func:`_ceased_steps` worked out (``person`` gives the date of birth, if any)."""
    texts = parameters.derived("registration.texts", lambda: _Texts(parameters))
    changes = texts.changes
    steps: list[_Step] = []
    for day in (ceased, *changes[bisect.bisect_right(changes, ceased) :]):
        text = texts.on(day, parameters)
        ended = steps[-1].end if steps else None
        if ended is not None and ended < day and not _kept(ended, day, text, parameters):
            break  # ended under the earlier text: a later text does not revive it
        if text.stays:
            aow = aow_age_reached(person, parameters) if person is not None else None
            if aow is None:
                form = _STAYS + " until the AOW age (no date of birth given), death, a finding or "
                form += "a request"
                told = _told(form, ceased=ceased, day=day, text=text.reference)
                steps.append(_Step(since=day, end=None, told=told))
            else:
                form = _STAYS + " until the AOW age on {aow} (AOW art. 7a(1))"
                told = _told(form, ceased=ceased, day=day, text=text.reference, aow=aow)
                steps.append(_Step(since=day, end=max(aow, day), told=told))
            break
        end = pendulum.Date(ceased.year + text.years, 12, 31)
        form = "conditions ceased {ceased}: t+{years} ends it {end} ({text})"
        told = _told(form, ceased=ceased, years=text.years, end=end, text=text.reference)
        if text.suspension is not None:
            before, suspended = text.suspension
            if ceased < before and suspended > end:
                end = suspended
                form = "conditions ceased {ceased} (before {before}): suspended t+2 ends it "
                form += "{end} ({text})"
                told = _told(form, ceased=ceased, before=before, end=end, text=text.reference)
        steps.append(_Step(since=day, end=end, told=told))
    return tuple(steps)


def _kept(end: pendulum.Date, day: pendulum.Date, text: _Text, parameters: Parameters) -> bool:
    """Whether the suspension taking effect on ``day`` keeps a registration ended the day before.

    The parameter ``registration.suspension_keeps_ended_the_day_before`` says so (default no:
    3.2(8) of the 2018-01-01 text applies to a registration that "would end", one still running).
    """
    return (
        text.suspension is not None
        and end == day.subtract(days=1)
        and _flag_on(parameters, "registration.suspension_keeps_ended_the_day_before", day)
    )


def _other_ends(
    registration: Registration, person: Person | None, parameters: Parameters
) -> list[tuple[pendulum.Date, _Told]]:
    """Ends that do not depend on the conditions: death, a beschut-werk finding, a request.

    The finding ends every registration of the person; one that starts after it is never in
    force (from the 2019 text, 38b(1) leaves out a person found fit only for beschut werk, D).
    """
    ends: list[tuple[pendulum.Date, _Told]] = []
    if person is not None and person.date_of_death is not None:
        died = person.date_of_death
        ends.append(
            (died, _told("ends on the day of death {died} (Besluit SUWI 3.2(2)(b))", died=died))
        )
    finding = person.sheltered_work_finding if person is not None else None
    if finding is not None and _finding_ends(registration, finding, parameters):
        text = register_text(parameters, finding)
        if not _flag_on(parameters, "registration.stays_under_38b6", finding):
            text = _row_on(parameters, "registration.finding_ends_2_25", finding).reference
        form = "beschut-werk finding {finding}: ends the next day ({text})"
        ends.append((finding.add(days=1), _told(form, finding=finding, text=text)))
    requested = registration.ended_on_request
    if requested is not None:
        form = "ended at the person's request on {requested}"
        told = _told(form, requested=requested)
        stays = _flag_on(parameters, "registration.stays_under_38b6", requested)
        if stays and registration.ground is not Ground.TRANSITIONAL:
            floor = _date_on(parameters, "registration.request_ends_not_before", requested)
            if requested < floor:
                form += ", not before {floor} (Besluit SUWI 3.2(4), version 2020-01-01)"
                told = _told(form, requested=requested, floor=floor)
                requested = floor
        ends.append((requested, told))
    return ends


def _finding_ends(
    registration: Registration, finding: pendulum.Date, parameters: Parameters
) -> bool:
    """Whether the text in force on the finding day ends this registration by the finding.

    2020-01-01 text, 3.2(3): every registration. 3.2(5) of the texts from 2016-06-18 (parameter
    ``registration.finding_ends_2_25``): a Besluit Wfsv 2.25 registration (the
    ``amvb_indication`` ground). 2016-01-01 text: no such rule.
    """
    if _flag_on(parameters, "registration.stays_under_38b6", finding):
        return True
    return registration.ground is Ground.AMVB_INDICATION and _flag_on(
        parameters, "registration.finding_ends_2_25", finding
    )


def registration_end(
    registration: Registration, parameters: Parameters, person: Person | None = None
) -> tuple[pendulum.Date | None, str]:
    """The last day of a registration, and how it was found (``None``: still running).

    Each end follows the text of Besluit SUWI art. 3.2 (BWBR0013267) in force when it happens:
    t+2 after the conditions ceased (2016-01-01 text), suspended to 2028-12-31 for conditions that
    ceased before 2026 (3.2(8), 2018-01-01 text), and from the 2020-01-01 text no t+2: a person
    still registered stays registered under Wfsv 38b(6) until the AOW age or death (3.2(2)). A
    beschut-werk finding ends it the next day (3.2(3)); a request on the day UWV establishes it,
    not before 2021-01-01 except for a 38b(1)(f) registration (3.2(4),(5)). ``person`` gives the
    date of birth, death and finding; without it only the registration's own dates count.
    """
    end, told = _end(
        registration, person, parameters, _ceased_steps(registration, person, parameters)
    )
    return end, str(told)


def registration_last_day(
    registration: Registration, parameters: Parameters, person: Person | None = None
) -> pendulum.Date | None:
    """The last day of a registration (``None``: still running), without the explanation.

    The day :func:`registration_end` gives, for callers that do not read how it was found (the
    explanation cites the texts and dates that decide it, and costs more to write).
    """
    steps = _ceased_steps(registration, person, parameters)
    return _end(registration, person, parameters, steps)[0]


def _end(
    registration: Registration,
    person: Person | None,
    parameters: Parameters,
    steps: Sequence[_Step],
) -> tuple[pendulum.Date | None, _Told]:
    """:func:`registration_end`, given the steps of the conditions' ceasing (words unwritten)."""
    ends = _other_ends(registration, person, parameters)
    if steps and steps[-1].end is not None:
        ends.append((steps[-1].end, steps[-1].told))
    if len(ends) == 1:
        return ends[0]
    if ends:
        last = min(day for day, _ in ends)
        tied = [told for day, told in ends if day == last]
        # two ends on one day: the explanation that reads first in sorted order
        return last, tied[0] if len(tied) == 1 else min(tied, key=str)
    if steps:
        return None, steps[-1].told
    return None, _STILL_RUNNING


@attrs.frozen
class _Standing:
    """A registration with its last day and the steps of its conditions' ceasing."""

    registration: Registration
    end: pendulum.Date | None
    steps: tuple[_Step, ...]
    told: _Told = _STILL_RUNNING

    def how_on(self, parameters: Parameters, on: pendulum.Date) -> str:
        """How it stands on ``on``, citing the text of Besluit SUWI 3.2 then in force."""
        steps = [s for s in self.steps if s.since <= on]
        if steps:
            return steps[-1].how
        return f"conditions met ({register_text(parameters, on)})"


def _standings(person: Person, parameters: Parameters) -> tuple[_Standing, ...]:
    """The person's registrations by start, each worked out: what :func:`registration_in` walks."""
    standings = []
    for registration in sorted(person.registrations, key=lambda r: r.start):
        steps = _ceased_steps(registration, person, parameters)
        end, told = _end(registration, person, parameters, steps)
        standings.append(_Standing(registration=registration, end=end, steps=steps, told=told))
    return tuple(standings)


def _not_registered(
    standings: tuple[_Standing, ...], pay_period: PayPeriod, parameters: Parameters
) -> tuple[Reason, str]:
    """Why no registration covers the pay period, citing the text that says so, and the detail.

    When a registration of the person ended before the pay period, the one that ended last: the
    reason cites the text of Besluit SUWI 3.2 in force on its last day, and the detail says when
    and how it ended. Otherwise the reason cites the text in force on the pay period's last day.
    """
    ended = [
        (standing.end, index)
        for index, standing in enumerate(standings)
        if standing.end is not None and standing.end < pay_period.start
    ]
    if not ended:
        text = register_text(parameters, pay_period.end)
        return attrs.evolve(NOT_REGISTERED, reference=text), ""
    last, index = max(ended)
    standing = standings[index]
    registration = standing.registration
    how = (
        f"; registration on ground {registration.ground.value} since {registration.start} "
        f"ended {last}: {standing.told}"
    )
    reason = attrs.evolve(NOT_REGISTERED, reference=register_text(parameters, last))
    return reason, how


def _standing_in(
    standings: tuple[_Standing, ...], pay_period: PayPeriod
) -> tuple[int, _Standing] | None:
    """The first registration (by start) that overlaps the pay period, with its index."""
    first, last = pay_period.start, pay_period.end
    for index, standing in enumerate(standings):
        if standing.registration.start > last:
            continue
        if standing.end is None or standing.end >= first:
            return index, standing
    return None


def registration_in(
    person: Person, pay_period: PayPeriod, parameters: Parameters
) -> tuple[Registration, str] | None:
    """A registration of ``person`` that overlaps the pay period, with its standing explained.

    The whole pay period counts when the person was registered on any day of it (Wfsv 38g(8),
    from the 2019-01-01 text; before 2019 no text says so and the library applies the same rule;
    DECISIONS: "registration and pay periods", V for the quotum, D for monitoring). Where several
    registrations overlap, the earliest is reported. The explanation cites the text of Besluit
    SUWI 3.2 in force on the pay period's last day.
    """
    return _registration_in(_standings(person, parameters), pay_period, parameters)


def _registration_in(
    standings: tuple[_Standing, ...], pay_period: PayPeriod, parameters: Parameters
) -> tuple[Registration, str] | None:
    found = _standing_in(standings, pay_period)
    if found is None:
        return None
    standing = found[1]
    how = standing.how_on(parameters, pay_period.end)
    if standing.end is not None:
        how = f"{how}; last day {standing.end}"
    return standing.registration, how


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


def doelgroep_exclusion(placement: Placement, year: int | None = None) -> Reason | None:
    """The shared reason a placement's hours count nowhere, whatever the person's registration.

    Internal Wsw work (Wfsv 38g(2), 122n(3); 122n(4) from the 2020-01-01 text) and beschut werk
    (Wfsv 38b(1)(a)) count under no rule set; the national rule sets give their own reasons,
    citing Wet banenafspraak art. 4(3) and 2(3). ``year`` is the year of the pay period whose
    text the reason cites (without it, the 2015 text).
    """
    if placement.kind is PlacementKind.WSW_INTERNAL:
        return by_122n_text(year, WSW_INTERNAL, WSW_INTERNAL_2020)
    if placement.kind is PlacementKind.SHELTERED_WORK:
        return SHELTERED_WORK
    return None


def membership(
    placement: Placement, pay_period: PayPeriod, person: Person, parameters: Parameters
) -> tuple[Registration | None, Reason]:
    """Whether the person counts in this pay period: the registration, and the reason."""
    return _membership(placement, pay_period, _standings(person, parameters), parameters)


def membership_in(
    placement: Placement, pay_period: PayPeriod, context: RuleContext
) -> tuple[Registration | None, Reason]:
    """:func:`membership` of the placement's person, with the context's parameters.

    When the context remembers situations (:func:`remember_situations`), the person's
    registrations are worked out once, and the reason of each once per situation.
    """
    memo = _MEMOS.get(id(context))
    if memo is not None:
        return memo.membership(placement, pay_period)
    parameters = context.parameters
    standings = _standings(context.person(placement.person), parameters)
    return _membership(placement, pay_period, standings, parameters)


def _membership(
    placement: Placement,
    pay_period: PayPeriod,
    standings: tuple[_Standing, ...],
    parameters: Parameters,
) -> tuple[Registration | None, Reason]:
    found = _registration_in(standings, pay_period, parameters)
    if found is None:
        reason, how = _not_registered(standings, pay_period, parameters)
        return None, reason.with_detail(f"placement {placement.id}{how}")
    registration, how = found
    why = REGISTERED if pay_period.end >= WHOLE_PAY_PERIOD_FROM else REGISTERED_BEFORE_2019
    return registration, why.with_detail(
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


# -- deciding each distinct situation once -------------------------------------------------------


Decide = Callable[[Placement, PayPeriod, RuleContext], tuple[Share, ...]]
"""A rule set's own decision for one pay period of one placement (what ``attribute`` returns)."""


class SituationMemo:
    """What the rules remember while one context is in use: each distinct situation decided once.

    Some rules answer for a pay period from its year and the person's :func:`membership` alone,
    and from its year alone when :func:`doelgroep_exclusion` excludes the placement (the reason
    cites the text of the year); the rest comes from the placement. Such rules ask
    :func:`decided_once` for their shares: the first pay period of a placement in a situation is
    decided by the rules themselves, the others get the very same shares, reasons and details
    included. :func:`~banenafspraak.count_jobs` switches the
    memo on for its context (:func:`remember_situations`); without it every pay period is
    decided on its own.

    A situation is the pay period's year, the registration :func:`registration_in` finds and
    what its explanation reads on the pay period's last day (the steps of the conditions' ceasing
    begun by then, or else the text of Besluit SUWI 3.2 in force), and what else the rules say
    they read (``extra``). Keys hold values, or the identity of an object the memo keeps alive.
    Most placements lie in one situation from their first pay period to their last: the memo
    sees that once per placement (:meth:`_single`) instead of finding each pay period's.
    """

    __slots__ = (
        "_current",
        "_parameters",
        "_people",
        "_placements",
        "_registered",
        "_scenario",
        "_texts",
        "_unregistered",
    )

    def __init__(self, context: RuleContext) -> None:
        # Not the context itself: the memo lives as long as the context, in a weak mapping.
        self._parameters = context.parameters
        self._scenario = context.scenario
        self._people: dict[str, tuple[tuple[_Standing, ...], _Standings]] = {}
        self._placements: dict[int, _Known] = {}
        self._current: _Known | None = None
        self._texts: dict[pendulum.Date, LegalReference] = {}
        self._registered: dict[Hashable, tuple[Registration | None, Reason]] = {}
        self._unregistered: dict[Hashable, tuple[Reason, str]] = {}

    def standings(self, person_id: str) -> tuple[_Standing, ...]:
        """The registrations of the scenario's person, worked out once (:func:`_standings`)."""
        return self._person(person_id)[0]

    def _person(self, person_id: str) -> tuple[tuple[_Standing, ...], _Standings]:
        """The person's :func:`_standings`, and their days as :meth:`_situation` reads them."""
        found = self._people.get(person_id)
        if found is None:
            standings = _standings(self._scenario.person(person_id), self._parameters)
            marks = tuple(
                (s.registration.start, s.end, [step.since for step in s.steps]) for s in standings
            )
            found = self._people[person_id] = (standings, marks)
        return found

    def membership(
        self, placement: Placement, pay_period: PayPeriod
    ) -> tuple[Registration | None, Reason]:
        """:func:`_membership`, its reason made once per person, registration and situation.

        The reason of a registration reads its standing on the pay period's last day: the steps
        of the conditions' ceasing begun by then, or else the text in force (as
        :meth:`_situation`). The reason of no registration names the placement.
        """
        standings, marks = self._person(placement.person)
        found = _standing_in(standings, pay_period)
        last = pay_period.end
        if found is None:
            ended = [s.end for s in standings if s.end is not None and s.end < pay_period.start]
            key: Hashable = (placement.person, max(ended)) if ended else id(self._text(last))
            unregistered = self._unregistered.get(key)
            if unregistered is None:
                unregistered = self._unregistered[key] = _not_registered(
                    standings, pay_period, self._parameters
                )
            reason, how = unregistered
            return None, reason.with_detail(f"placement {placement.id}{how}")
        index = found[0]
        begun = bisect.bisect_right(marks[index][2], last)
        in_force = None if begun else id(self._text(last))
        key = (placement.person, index, begun, in_force, last >= WHOLE_PAY_PERIOD_FROM)
        registered = self._registered.get(key)
        if registered is None:
            registered = self._registered[key] = _membership(
                placement, pay_period, standings, self._parameters
            )
        return registered

    def _known(self, placement: Placement) -> _Known:
        """The placement as the memo knows it: excluded by kind, or its person's registrations."""
        known = _Known(placement=placement, excluded=doelgroep_exclusion(placement) is not None)
        if not known.excluded:
            marks = self._person(placement.person)[1]
            known.standings = marks
            if placement.hours:
                first = placement.hours[0].start  # the pay periods are sorted by start
                last = max(pay_period.end for pay_period in placement.hours)
                if self._single(marks, first, last):
                    known.first, known.last = first, last
        self._placements[id(placement)] = known
        return known

    def _single(self, standings: _Standings, first: pendulum.Date, last: pendulum.Date) -> bool:
        """Whether every pay period from ``first`` to ``last`` has one :meth:`_situation`.

        So it has when the days hold one year, no new text of Besluit SUWI 3.2 and, of the
        registrations in :func:`_standings` order, none that overlaps them before one that covers
        them all (or none at all), with no step of its conditions' ceasing beginning after
        ``first`` and by ``last``.
        """
        if first.year != last.year:
            return False
        parameters = self._parameters
        changes = parameters.derived("registration.texts", lambda: _Texts(parameters)).changes
        if bisect.bisect_right(changes, first) != bisect.bisect_right(changes, last):
            return False
        for start, end, steps in standings:
            if start > last or (end is not None and end < first):
                continue  # no pay period of these days overlaps it
            if start > first or (end is not None and end < last):
                return False  # overlaps some of the pay periods, not all
            return bisect.bisect_right(steps, first) == bisect.bisect_right(steps, last)
        return True

    def _situation(self, standings: _Standings, pay_period: PayPeriod) -> Hashable:
        """The year and the registration as :func:`_membership` finds and explains it."""
        first, last = pay_period.start, pay_period.end
        for index, (start, end, changes) in enumerate(standings):
            if start <= last and (end is None or end >= first):  # as _standing_in
                begun = bisect.bisect_right(changes, last)  # as _Standing.how_on
                return last.year, index, begun, None if begun else id(self._text(last))
        # not registered: the NOT-REG reason cites the registration that ended last, if any
        ended = [end for _, end, _ in standings if end is not None and end < first]
        if ended:
            return last.year, max(ended)
        return last.year, id(self._text(last))

    def _text(self, day: pendulum.Date) -> LegalReference:
        text = self._texts.get(day)
        if text is None:
            text = self._texts[day] = register_text(self._parameters, day)
        return text

    def shares(
        self,
        rules: object,
        decide: Decide,
        placement: Placement,
        pay_period: PayPeriod,
        context: RuleContext,
        *,
        extra: Hashable,
    ) -> tuple[Share, ...]:
        """The shares of ``rules`` for the pay period: ``decide`` the first time in a situation."""
        known = self._current  # the placement of the pay period before, most of the time
        if known is None or known.placement is not placement:
            known = self._placements.get(id(placement))
            if known is None or known.placement is not placement:
                known = self._known(placement)
            self._current = known
        situation: Hashable = None  # the placement's one situation
        if known.excluded:  # by kind: the reason cites the text of the year
            situation = pay_period.end.year
        else:
            first, last = known.first, known.last
            if first is None or last is None or pay_period.start < first or pay_period.end > last:
                situation = self._situation(known.standings, pay_period)
        key = (situation, extra)
        decided = known.decided.get(key)
        if decided is not None and decided[0] is rules:
            return decided[1]
        shares = decide(placement, pay_period, context)
        known.decided[key] = (rules, shares)
        return shares


_Standings = tuple[tuple[pendulum.Date, pendulum.Date | None, list[pendulum.Date]], ...]
"""Per registration in :func:`_standings` order: its first and last day, the days the steps of
its conditions' ceasing begin."""


@attrs.define
class _Known:
    """A placement as the memo knows it: excluded by kind, or its registrations.

    ``first`` and ``last`` are set when every pay period between them has one situation (its
    key is then ``None``); ``decided`` holds the rules' shares per situation and ``extra``.
    """

    placement: Placement
    excluded: bool
    standings: _Standings = ()
    first: pendulum.Date | None = None
    last: pendulum.Date | None = None
    decided: dict[Hashable, tuple[object, tuple[Share, ...]]] = attrs.field(factory=dict)


_MEMOS: dict[int, SituationMemo] = {}
"""The memo of each context that has one, by the context's identity (dropped when it dies)."""


def remember_situations(context: RuleContext) -> SituationMemo:
    """Let the rules decide each distinct situation once while ``context`` is in use."""
    memo = _MEMOS.get(id(context))
    if memo is None:
        memo = _MEMOS[id(context)] = SituationMemo(context)
        weakref.finalize(context, _MEMOS.pop, id(context), None)
    return memo


def decided_once(
    rules: object,
    decide: Decide,
    placement: Placement,
    pay_period: PayPeriod,
    context: RuleContext,
    *,
    extra: Hashable = (),
) -> tuple[Share, ...]:
    """``decide(placement, pay_period, context)``, once per placement and situation in a count.

    For rules whose answer depends on the pay period only through its year and
    :func:`membership`, and only through its year when :func:`doelgroep_exclusion` excludes the
    placement;
    ``extra`` holds whatever else of the pay period they read. Without a memo
    (:func:`remember_situations`) it is ``decide`` itself.
    """
    memo = _MEMOS.get(id(context))
    if memo is None:
        return decide(placement, pay_period, context)
    return memo.shares(rules, decide, placement, pay_period, context, extra=extra)
