"""Durability: how long placements last, and the share still running after twelve months.

See :mod:`banenafspraak.reports` and ``docs/reports.md`` for the method.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable, Sequence
from fractions import Fraction
from operator import itemgetter
from typing import TYPE_CHECKING

import attrs
import pendulum

from banenafspraak._util import paused_gc, positional_maker, to_date
from banenafspraak.counting import (
    ParametersArg,
    Receipt,
    count_jobs,
    rules_in_force,
)
from banenafspraak.employers import Employer, EmployerId
from banenafspraak.exceptions import InvalidValueError, NotFoundError
from banenafspraak.periods import Period
from banenafspraak.placements import PayPeriod, Placement, PlacementId
from banenafspraak.references import LegalReference, Tag
from banenafspraak.rulesets._protocol import Reason, RuleSet
from banenafspraak.scenario import Scenario
from banenafspraak.sectors import Sector

DURABILITY_RESEARCH = LegalReference(
    law="Durability research of the banenafspraak",
    source="UWV/SZW yearly research on how long banenafspraak jobs last",
)


class SpellStatus(enum.StrEnum):
    """What is known of a placement at the survival horizon (12 months after its start)."""

    SURVIVED = "survived"
    """It still runs on the day the horizon is reached."""
    ENDED = "ended"
    """Its last counted pay period ended before the horizon, which lies inside the data."""
    CENSORED = "censored"
    """The horizon lies after the end of the data: not known (left out of the share)."""


DURABILITY_SPELL = Reason(
    code="DUR-SPELL",
    text="a placement runs from the first day of its first pay period with counted hours to the "
    "last day of its last one (cut at the end of the data); pay periods with no counted hours "
    "in between (a gap) do not end it: it is one employment relation",
    reference=DURABILITY_RESEARCH,
    tag=Tag.DERIVED,
)
DURABILITY_SHARE = Reason(
    code="DUR-SHARE",
    text="share still running = placements still running on the day the horizon is reached / "
    "placements started in the year whose horizon lies inside the data; placements whose horizon "
    "lies after the end of the data are censored and left out of both",
    reference=DURABILITY_RESEARCH,
    tag=Tag.DERIVED,
)
DURABILITY_GROUPS = Reason(
    code="DUR-GROUPS",
    text="placements are grouped by the year their spell starts, the formal employer (whose "
    "employment relation it is) and that employer's sector",
    reference=DURABILITY_RESEARCH,
    tag=Tag.DERIVED,
)


@attrs.frozen(kw_only=True)
class PlacementSpell:
    """How long one placement ran, as the pay periods with counted hours show.

    Attributes:
        placement: the placement's id.
        employer: the formal employer.
        sector: the formal employer's sector in the year the spell starts.
        start: the first day of its first pay period with counted hours.
        end: the last day of its last one, cut at the end of the data.
        days: ``end - start + 1``.
        gap_days: days of the spell not covered by a pay period with counted hours.
        horizon: the day the survival horizon is reached (``start`` + 12 months).
        status: survived, ended or censored at the horizon.
        running_at_end: its last pay period reaches the end of the data (``days`` is then a
            lower bound).
    """

    placement: PlacementId
    employer: EmployerId
    sector: Sector
    start: pendulum.Date
    end: pendulum.Date
    days: int
    gap_days: int
    horizon: pendulum.Date
    status: SpellStatus
    running_at_end: bool


if TYPE_CHECKING:

    def _spell_of(  # noqa: PLR0917 - the fields in order, as fast as calls go
        placement: PlacementId,
        employer: EmployerId,
        sector: Sector,
        start: pendulum.Date,
        end: pendulum.Date,
        days: int,
        gap_days: int,
        horizon: pendulum.Date,
        status: SpellStatus,
        running_at_end: bool,  # noqa: FBT001 - a field, in order
    ) -> PlacementSpell:
        """A :class:`PlacementSpell` with these fields, in field order."""

else:
    _spell_of = positional_maker(PlacementSpell)


@attrs.frozen(kw_only=True)
class DurabilityLine:
    """Durability of the placements that started in one year, for one group (never empty).

    ``sector`` and ``employer`` are ``None`` in the lines that cover all of them.

    Attributes:
        year: the year the spells start.
        sector: the formal employers' sector, or ``None`` for all sectors.
        employer: the formal employer, or ``None`` for all employers.
        placements: the number of spells that started.
        mean_days: their mean duration in days (exact), observed up to the end of the data.
        median_days: their median duration in days.
        running_at_end: how many still run at the end of the data (their duration is a lower
            bound).
        survived: still running at the horizon.
        ended: ended before the horizon.
        censored: horizon after the end of the data.
    """

    year: int
    sector: Sector | None
    employer: EmployerId | None
    placements: int
    mean_days: Fraction
    median_days: Fraction
    running_at_end: int
    survived: int
    ended: int
    censored: int

    @property
    def share_still_running(self) -> Fraction | None:
        """``survived / (survived + ended)``, or ``None`` when every spell is censored."""
        known = self.survived + self.ended
        return None if known == 0 else Fraction(self.survived, known)


if TYPE_CHECKING:

    def _line_of(  # noqa: PLR0917 - the fields in order, as fast as calls go
        year: int,
        sector: Sector | None,
        employer: EmployerId | None,
        placements: int,
        mean_days: Fraction,
        median_days: Fraction,
        running_at_end: int,
        survived: int,
        ended: int,
        censored: int,
    ) -> DurabilityLine:
        """A :class:`DurabilityLine` with these fields, in field order."""

else:
    _line_of = positional_maker(DurabilityLine)


_GroupKey = tuple[int, Sector | None, EmployerId | None]
"""A durability line's group: the year of start, the sector and the employer (``None``: all)."""


class _Lines:
    """The durability lines of groups of spells, each made from its days and its counts.

    A national year has tens of thousands of lines, and many share their numbers of days: each
    mean and median is made once per distinct value (a :class:`~fractions.Fraction` normalises
    itself, which is most of the work of a line).
    """

    def __init__(self) -> None:
        self._fractions: dict[tuple[int, int], Fraction] = {}

    def _fraction(self, numerator: int, denominator: int) -> Fraction:
        key = (numerator, denominator)
        found = self._fractions.get(key)
        if found is None:
            found = self._fractions[key] = Fraction(numerator, denominator)
        return found

    def line(self, key: _GroupKey, days: list[int], counts: list[int]) -> DurabilityLine:
        """The line of ``key`` from its spells' days and counts (running, survived, ended).

        ``days`` is put in order here (the median's); the spells were counted into ``counts``.
        """
        year, sector, employer = key
        count = len(days)
        running, survived, ended = counts
        mean = self._fraction(sum(days), count)
        if count <= 2:  # noqa: PLR2004 - the median of one or two values is their mean
            median = mean
        else:
            days.sort()
            middle = count // 2
            if count % 2:
                median = self._fraction(days[middle], 1)
            else:
                median = self._fraction(days[middle - 1] + days[middle], 2)
        # the fields in order (placements, mean and median days, running at the end, survived,
        # ended, censored): a line per employer, made by the quicker maker
        return _line_of(
            year,
            sector,
            employer,
            count,
            mean,
            median,
            running,
            survived,
            ended,
            count - survived - ended,
        )


_Tally = tuple[list[int], list[int]]
"""A group's days, and its counts of spells running at the end, survived and ended."""


def _tallied(group: Iterable[PlacementSpell]) -> _Tally:
    """The days of ``group``'s spells, and how many run at the end, survived and ended."""
    days: list[int] = []
    running = survived = ended = 0
    for spell in group:
        days.append(spell.days)
        running += spell.running_at_end
        status = spell.status
        if status is SpellStatus.SURVIVED:
            survived += 1
        elif status is SpellStatus.ENDED:
            ended += 1
    return days, [running, survived, ended]


def _add(tallies: dict[_GroupKey, _Tally], key: _GroupKey, tally: _Tally) -> None:
    """Add ``tally`` to the wider group ``key`` (a sector's or a year's)."""
    found = tallies.get(key)
    if found is None:
        tallies[key] = (list(tally[0]), list(tally[1]))
        return
    found[0].extend(tally[0])
    counts = found[1]
    for i, number in enumerate(tally[1]):
        counts[i] += number


_LinesPerLevel = tuple[
    tuple[DurabilityLine, ...], tuple[DurabilityLine, ...], tuple[DurabilityLine, ...]
]
"""The durability lines per employer, per sector and per year."""


def _durability_lines(spells: Iterable[PlacementSpell]) -> _LinesPerLevel:
    """The lines per employer, per sector and per year (each in year, sector, employer order).

    Each spell is put in its employer's group, whose days and counts (:func:`_tallied`) make
    its line (:func:`_lines_of`).
    """
    groups: dict[_GroupKey, list[PlacementSpell]] = {}
    for spell in spells:
        found: _GroupKey = (spell.start.year, spell.sector, spell.employer)
        group = groups.get(found)
        if group is None:
            groups[found] = [spell]
        else:
            group.append(spell)
    # In year, sector and employer order, by one stable sort per field, the last field first:
    # each compares plain values, several times faster than a sort of the keys, whose tuples
    # compare field by field (a national year has tens of thousands of employers).
    ordered = sorted(groups, key=itemgetter(2))
    ordered.sort(key=itemgetter(1))  # a Sector is a str: ordered by its value
    ordered.sort(key=itemgetter(0))
    return _lines_of((key, _tallied(groups[key])) for key in ordered)


def _lines_of(tallies: Iterable[tuple[_GroupKey, _Tally]]) -> _LinesPerLevel:
    """The lines of each employer's tally, given in year, sector and employer order.

    Walking them in order, each employer's days and counts are added to its sector's and its
    year's. A spell is censored when it neither survived nor ended. Both engines make their
    lines here: the pure path from its spells (:func:`_durability_lines`), the batch engine
    from their columns.
    """
    lines = _Lines()
    employers: list[DurabilityLine] = []
    sectors: dict[_GroupKey, _Tally] = {}
    years: dict[_GroupKey, _Tally] = {}
    for key, tally in tallies:
        year, sector, _ = key
        _add(sectors, (year, sector, None), tally)
        _add(years, (year, None, None), tally)
        employers.append(lines.line(key, *tally))
    return (
        tuple(employers),
        tuple(lines.line(key, *tally) for key, tally in sectors.items()),
        tuple(lines.line(key, *tally) for key, tally in years.items()),
    )


@attrs.frozen(kw_only=True)
class DurabilityReport:
    """How long placements last under one rule set, per employer, sector and year of start.

    Attributes:
        rules: the rule set's name (it decides which hours count).
        observed: the data window: the first pay period's start to the end of the data.
        horizon_months: the survival horizon in months (12 by default).
        spells: one per placement with counted hours, in the order of ids.
        by_employer: per year of start, sector and formal employer, in that order.
        by_sector: per year of start and sector, in that order.
        by_year: per year of start, in year order.
        reasons: the method, step by step.
        receipt: the receipt of the count over the data window.
    """

    rules: str
    observed: Period
    horizon_months: int
    spells: tuple[PlacementSpell, ...]
    by_employer: tuple[DurabilityLine, ...]
    by_sector: tuple[DurabilityLine, ...]
    by_year: tuple[DurabilityLine, ...]
    reasons: tuple[Reason, ...]
    receipt: Receipt

    def spell(self, placement_id: str) -> PlacementSpell:
        """The spell of one placement."""
        for spell in self.spells:
            if spell.placement == placement_id:
                return spell
        msg = f"placement {placement_id!r} has no counted hours in {self.observed}"
        raise NotFoundError(msg)

    def year(self, year: int) -> DurabilityLine:
        """The line of all placements that started in ``year``."""
        for line in self.by_year:
            if line.year == year:
                return line
        msg = f"no placement started in {year}"
        raise NotFoundError(msg)


def data_window(first: pendulum.Date | None, last: pendulum.Date | None, until: object) -> Period:
    """The data window: from ``first`` (the first pay period's start) to ``until`` or ``last``.

    ``first`` and ``last`` are ``None`` when there are no pay periods.
    """
    until_date = None if until is None else to_date(until)
    if first is None or last is None:
        if until_date is None:
            msg = "the scenario has no pay periods: give observed_until= to measure durability"
            raise InvalidValueError(msg)
        return Period.day(until_date)
    end = until_date if until_date is not None else last
    if end < first:
        msg = f"observed_until ({end}) lies before the first pay period starts ({first})"
        raise InvalidValueError(msg)
    return Period(start=first, end=end)


def _spell(
    placement: Placement,
    counted: Sequence[PayPeriod],
    observed: Period,
    employer: Employer,
    horizon_months: int,
) -> PlacementSpell:
    start = counted[0].start
    last = max(pp.end for pp in counted)
    spell = Period(start=start, end=min(last, observed.end))
    return placement_spell(
        placement=placement.id,
        employer=employer.id,
        sector=employer.sector_in(start.year),
        start=start,
        last=last,
        covered=sum(pp.period.overlap_days(spell) for pp in counted),
        observed=observed,
        horizon=start.add(months=horizon_months),
    )


def placement_spell(
    *,
    placement: PlacementId,
    employer: EmployerId,
    sector: Sector,
    start: pendulum.Date,
    last: pendulum.Date,
    covered: int,
    observed: Period,
    horizon: pendulum.Date,
) -> PlacementSpell:
    """A spell from its facts; both engines build spells here.

    ``last`` is the last day of its last counted pay period, ``covered`` the days those pay
    periods cover inside the spell.
    """
    end = min(last, observed.end)
    days = end.toordinal() - start.toordinal() + 1  # plain day numbers: no pendulum Interval
    if end >= horizon:
        status = SpellStatus.SURVIVED
    elif horizon > observed.end:
        status = SpellStatus.CENSORED
    else:
        status = SpellStatus.ENDED
    # the fields in order: a spell per placement, made by the quicker maker
    return _spell_of(
        placement,
        employer,
        sector,
        start,
        end,
        days,
        days - covered,
        horizon,
        status,
        last >= observed.end,
    )


def durability(
    scenario: Scenario,
    *,
    rules: str | RuleSet | None = None,
    parameters: ParametersArg = None,
    observed_until: object = None,
    horizon_months: int = 12,
) -> DurabilityReport:
    """How long placements last, and the share still running ``horizon_months`` after the start.

    A placement's spell runs from the first pay period whose hours count in a pool under
    ``rules`` to the last one; gaps in between do not end it. The data end on ``observed_until``
    (default: the last day of any pay period of the scenario). A spell whose horizon lies after
    that is censored: left out of the share still running. Without ``rules``, the law in force
    on the last day observed (:func:`~banenafspraak.counting.rules_in_force` of the observed
    period, as :func:`~banenafspraak.count_jobs` of that period): one law for every spell.

    >>> from banenafspraak.demo import example_scenario
    >>> report = durability(example_scenario())
    >>> report.year(2018).share_still_running
    Fraction(1, 1)
    """
    check_horizon(horizon_months)
    pay_periods = [pp for placement in scenario.placements for pp in placement.hours]
    observed = data_window(
        min((pp.start for pp in pay_periods), default=None),
        max((pp.end for pp in pay_periods), default=None),
        observed_until,
    )
    rule_set = rules_in_force(scenario, observed, parameters, rules)
    count = count_jobs(scenario, rules=rule_set, period=observed, parameters=parameters)
    counted: defaultdict[str, dict[PayPeriod, None]] = defaultdict(dict)
    for attribution in count.attributions:
        if attribution.pool is not None and attribution.hours > 0:
            counted[attribution.placement][attribution.pay_period] = None
    spells = tuple(
        _spell(
            placement,
            tuple(counted[placement.id]),
            observed,
            scenario.employer(placement.employer),
            horizon_months,
        )
        for placement in scenario.placements
        if counted[placement.id]
    )
    return durability_report(
        rules=rule_set,
        observed=observed,
        horizon_months=horizon_months,
        spells=spells,
        receipt=count.receipt,
    )


def check_horizon(horizon_months: int) -> None:
    """Refuse a horizon of less than one month."""
    if horizon_months < 1:
        msg = f"horizon_months is at least 1, got {horizon_months!r}"
        raise InvalidValueError(msg)


def durability_report(
    *,
    rules: RuleSet,
    observed: Period,
    horizon_months: int,
    spells: tuple[PlacementSpell, ...],
    receipt: Receipt,
    tallies: Iterable[tuple[_GroupKey, _Tally]] | None = None,
) -> DurabilityReport:
    """The durability report from the spells (in the order of ids); both engines build it here.

    ``tallies`` are the spells' days and counts per employer, in year, sector and employer
    order (:func:`_lines_of`), when the caller has them; otherwise they are made from the spells.
    """
    with paused_gc():  # a line per employer: tens of thousands of acyclic objects
        if tallies is None:
            by_employer, by_sector, by_year = _durability_lines(spells)
        else:
            by_employer, by_sector, by_year = _lines_of(tallies)
    return DurabilityReport(
        rules=rules.name,
        observed=observed,
        horizon_months=horizon_months,
        spells=spells,
        by_employer=by_employer,
        by_sector=by_sector,
        by_year=by_year,
        reasons=(DURABILITY_SPELL, DURABILITY_SHARE, DURABILITY_GROUPS),
        receipt=receipt,
    )
