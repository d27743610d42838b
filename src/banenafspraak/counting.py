"""Apply a rule set to a scenario: attribute every hour, tally, monitor, assess the quotum.

This layer knows no law: it walks the pay periods of a scenario that fall in a measured period,
asks the rule set where each share of their hours counts, and adds up. Every result carries a
:class:`Receipt` that makes it reproducible.
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Generic, Literal, Protocol, TypeVar, overload

import attrs
import pendulum

from banenafspraak._util import FrozenMap, as_decimal, display, paused_gc, summed_numerators
from banenafspraak._version import __version__
from banenafspraak.baselines import Baseline
from banenafspraak.employers import EmployerId
from banenafspraak.exceptions import InvalidTypeError, InvalidValueError, NotFoundError
from banenafspraak.parameters import Parameters, default_parameters
from banenafspraak.periods import Period
from banenafspraak.placements import Placement, PlacementKind
from banenafspraak.render import summary as _summary
from banenafspraak.rulesets import resolve, rule_set_in_force
from banenafspraak.rulesets._protocol import (
    Attribution,
    FigureValue,
    Ledger,
    QuotumResult,
    Reason,
    RuleContext,
    RuleSet,
    Share,
    Stage,
    attribution,
    years_employed,
)
from banenafspraak.rulesets.common import aow_age_reached, remember_situations
from banenafspraak.rulesets.contouren_2018 import Contouren2018
from banenafspraak.rulesets.national_pool import NationalInstrument
from banenafspraak.rulesets.wbqa_2015 import SectorQuotum, Wbqa2015
from banenafspraak.rulesets.wet_2025 import Wet2025
from banenafspraak.scenario import Scenario
from banenafspraak.sectors import Pool

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]
    import polars as pl
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

    from banenafspraak.render.frames import CountTable, Numbers

__all__ = [
    "FigureTotal",
    "JobCount",
    "Monitoring",
    "QuotumReport",
    "Receipt",
    "Tally",
    "assess_ledger",
    "assess_quotum",
    "baseline_from",
    "count_jobs",
    "count_warnings",
    "formal_stages",
    "job_unit",
    "ledger_of",
    "measured_period",
    "monitor",
    "parameters_for",
    "period_warnings",
    "rules_in_force",
]

ParametersArg = Parameters | Mapping[str, Any] | None
Progress = Callable[[str, int, int], None]
"""Told ``(stage, done, total)`` as a long run goes on (the command line's progress display)."""
PROGRESS_EVERY = 4096
"""Placements between two progress reports of a count."""


@attrs.frozen(kw_only=True)
class Receipt:
    """What makes a result reproducible: library, rule set, parameters and input, by digest."""

    library_version: str
    rules: str
    rules_version: str
    parameters_digest: str
    scenario_digest: str
    period: str


@attrs.frozen(kw_only=True)
class Tally:
    """Hours and jobs (exact) added up."""

    hours: Fraction = Fraction(0)
    jobs: Fraction = Fraction(0)

    def __add__(self, other: Tally) -> Tally:
        return Tally(hours=self.hours + other.hours, jobs=self.jobs + other.jobs)


@attrs.frozen(kw_only=True)
class Monitoring:
    """A pool's jobs in a measured period against its baseline and its target.

    ``extra_jobs`` = jobs - baseline jobs (Wfsv 122n(2)); the target is the cumulative number of
    extra jobs for the end of the year, so it is given for calendar-year periods only.
    """

    pool: Pool
    period: Period
    hours: Fraction
    jobs: Fraction
    baseline_jobs: Fraction
    extra_jobs: Fraction
    target: Decimal | None
    met: bool | None
    shortfall: Fraction | None


def rules_in_force(
    scenario: Scenario,
    measured: Period,
    parameters: ParametersArg = None,
    rules: str | RuleSet | None = None,
) -> RuleSet:
    """``rules`` when given; else the rule set in force on the last day of ``measured``.

    The one default of the library and the command line (:func:`~banenafspraak.rule_set_in_force`
    with the scenario's and the call's parameters, so that an override of the 2025 law's start
    date moves it too). Every entry point whose ``rules`` is ``None`` asks it: :func:`count_jobs`,
    :func:`assess_quotum`, the reports of :mod:`banenafspraak.reports`, the batch engine (with
    its tables' parameters, by ``banenafspraak.batch._engine.rules_for``) and the command line.
    A report over several years (durability, trend) asks it once, for the end of its data.
    """
    if rules is not None:
        return resolve(rules)
    return rule_set_in_force(measured.end, parameters=parameters_for(scenario, parameters))


def parameters_for(
    scenario: Scenario, parameters: ParametersArg = None, rules: RuleSet | None = None
) -> Parameters:
    """The parameters in force: defaults, then the scenario's overrides, then the call's.

    ``parameters`` may be a :class:`Parameters` (it replaces the defaults) or a mapping of
    overrides (applied last). The tables a rule set brings (``rules.extra_parameters``) join
    the defaults first, so that they can be overridden too.
    """
    base = parameters if isinstance(parameters, Parameters) else default_parameters()
    if rules is not None:
        base = base.including(rules.extra_parameters)
    merged = base.with_overrides(scenario.parameters)
    if parameters is not None and not isinstance(parameters, Parameters):
        merged = merged.with_overrides(parameters)
    return merged


def measured_period(year: int | None, period: Period | None) -> Period:
    """The period asked for: a calendar ``year`` or a ``period``, exactly one of them."""
    if (year is None) == (period is None):
        msg = "give exactly one of year= or period="
        raise InvalidTypeError(msg)
    return period if period is not None else Period.year(year)  # type: ignore[arg-type]


def job_unit(measured: Period, parameters: Parameters) -> Fraction:
    """The hours of one job in ``measured``: 1,331 h x the period's length in years (exact)."""
    hours = Fraction(parameters.decimal("job.hours_per_year", measured.end.year))
    return hours * measured.length_in_years()


def _attribute_placement(
    placement: Placement, measured: Period, rules: RuleSet, context: RuleContext, unit: Fraction
) -> Iterable[Attribution]:
    for pay_period in placement.hours:
        overlap = measured.overlap_days(pay_period.period)
        if not overlap:
            continue
        days = pay_period.period.days
        in_period = (
            Fraction(pay_period.hours) * overlap / days
            if overlap != days
            else Fraction(pay_period.hours)
        )
        for share in rules.attribute(placement, pay_period, context):
            hours = in_period * share.fraction
            yield Attribution(
                placement=placement.id,
                person=placement.person,
                employer=placement.employer,
                pay_period=pay_period,
                hours=hours,
                jobs=hours / unit,
                pool=share.pool,
                credited_to=share.credited_to,
                excluded_because=share.excluded_because,
                reasons=share.reasons,
            )


_Sums = tuple[dict[Pool, Tally], dict[str, Tally], Fraction, Fraction]
"""Per pool, per credited employer, and the counted and the excluded hours."""


class _Attributed(Protocol):
    """How the attributions and sums of a count are made (:func:`_attributed` and its reference)."""

    def __call__(
        self,
        scenario: Scenario,
        measured: Period,
        rules: RuleSet,
        context: RuleContext,
        unit: Fraction,
        *,
        progress: Progress | None = None,
    ) -> tuple[tuple[Attribution, ...], _Sums]: ...


def _attributed_straight(
    scenario: Scenario,
    measured: Period,
    rules: RuleSet,
    context: RuleContext,
    unit: Fraction,
    *,
    progress: Progress | None = None,
) -> tuple[tuple[Attribution, ...], _Sums]:
    """Every pay period decided on its own and every share added one by one: the reference."""
    del progress  # the reference is not run where anyone watches
    attributions = tuple(
        attribution
        for placement in scenario.placements
        for attribution in _attribute_placement(placement, measured, rules, context, unit)
    )
    pools: dict[Pool, Tally] = dict.fromkeys(rules.pools, Tally())
    employers: defaultdict[str, Tally] = defaultdict(Tally)
    counted = excluded = Fraction(0)
    for a in attributions:
        tally = Tally(hours=a.hours, jobs=a.jobs)
        if a.pool is not None:
            pools[a.pool] = pools.get(a.pool, Tally()) + tally
            counted += a.hours
        else:
            excluded += a.hours
        if a.credited_to is not None:
            employers[a.credited_to] += tally
    return attributions, (pools, employers, counted, excluded)


def _attributed(
    scenario: Scenario,
    measured: Period,
    rules: RuleSet,
    context: RuleContext,
    unit: Fraction,
    *,
    progress: Progress | None = None,
) -> tuple[tuple[Attribution, ...], _Sums]:
    """The same attributions and sums as :func:`_attributed_straight`, computed faster.

    The rules decide each distinct situation once (:func:`.remember_situations`) and hand the
    very same shares to every pay period in it, which are read once per run of pay periods with
    the same shares. The hours of a share are computed once per distinct (hours, overlap, days,
    fraction), and equal hours share one pair of fractions. The sums add numerators per
    denominator (exact), with the jobs of a sum its hours / ``unit``.
    """
    remember_situations(context)
    start_day, end_day = measured.start, measured.end
    first, last = start_day.toordinal(), end_day.toordinal()
    portions: dict[Hashable, _Portion] = {}
    values: dict[tuple[int, int], _Portion] = {}
    sums: dict[tuple[Pool | None, EmployerId | None], dict[int, int]] = {}
    attributions: list[Attribution] = []
    append = attributions.append
    attribute = rules.attribute
    for placement in _watched(scenario.placements, f"count {rules.name}", progress):
        placement_id, person, employer = placement.id, placement.person, placement.employer
        seen: tuple[Share, ...] = ()
        parts: list[_Part] = []
        for pay_period in placement.hours:
            whole = start_day <= pay_period.start and pay_period.end <= end_day
            if whole:
                overlap = days = 1
            else:
                start, end = pay_period.start.toordinal(), pay_period.end.toordinal()
                overlap = min(end, last) - max(start, first) + 1
                if overlap <= 0:
                    continue
                days = end - start + 1
            paid = pay_period.hours
            shares = attribute(placement, pay_period, context)
            if shares is not seen:  # the rules' shares of a new situation
                seen, parts = shares, [_part(share, sums) for share in shares]
            for part, of, pool, credited_to, because, reasons, by_denominator in parts:
                key: Hashable
                if whole:
                    key = paid if part == of else (paid, part, of)
                else:
                    key = (paid, overlap, days, part, of)
                portion = portions.get(key)
                if portion is None:
                    portion = portions[key] = _portion(
                        paid, overlap, days, part, of, values=values, unit=unit
                    )
                hours, jobs, numerator, denominator = portion
                append(
                    attribution(
                        placement_id,
                        person,
                        employer,
                        pay_period,
                        hours,
                        jobs,
                        pool,
                        credited_to,
                        because,
                        reasons,
                    )
                )
                by_denominator[denominator] = by_denominator.get(denominator, 0) + numerator
    return tuple(attributions), _summed(sums, rules, unit)


_Portion = tuple[Fraction, Fraction, int, int]
"""The hours of a share inside the measured period, its jobs, and the hours' numerator and
denominator."""

_Part = tuple[
    int,
    int,
    Pool | None,
    EmployerId | None,
    Reason | None,
    tuple[Reason, ...],
    dict[int, int],
]
"""A share as the count reads it: its fraction's numerator and denominator, its pool, credit,
reasons, and the numerators of its sum per denominator."""


def _part(share: Share, sums: dict[tuple[Pool | None, EmployerId | None], dict[int, int]]) -> _Part:
    """The share's fields, with the numerators per denominator of its pool and credit."""
    by_denominator = sums.get((share.pool, share.credited_to))
    if by_denominator is None:
        by_denominator = sums[share.pool, share.credited_to] = {}
    fraction = share.fraction
    return (
        fraction.numerator,
        fraction.denominator,
        share.pool,
        share.credited_to,
        share.excluded_because,
        share.reasons,
        by_denominator,
    )


def _portion(
    paid: Decimal,
    overlap: int,
    days: int,
    part: int,
    of: int,
    *,
    values: dict[tuple[int, int], _Portion],
    unit: Fraction,
) -> _Portion:
    """The hours ``paid`` x ``overlap``/``days`` x ``part``/``of``: one portion per value."""
    hours = Fraction(paid)
    if overlap != days:
        hours = hours * overlap / days
    if part != of:
        hours = hours * part / of
    numerator, denominator = hours.numerator, hours.denominator
    found = values.get((numerator, denominator))
    if found is None:
        found = values[numerator, denominator] = (hours, hours / unit, numerator, denominator)
    return found


def _watched(
    placements: Sequence[Placement], stage: str, progress: Progress | None
) -> Iterable[Placement]:
    """The placements, telling ``progress`` every :data:`PROGRESS_EVERY` of them and at the end."""
    if progress is None:
        yield from placements
        return
    total = len(placements)
    for number, placement in enumerate(placements):
        if not number % PROGRESS_EVERY:
            progress(stage, number, total)
        yield placement
    progress(stage, total, total)


def _summed(
    sums: Mapping[tuple[Pool | None, EmployerId | None], Mapping[int, int]],
    rules: RuleSet,
    unit: Fraction,
) -> _Sums:
    """The sums of :func:`_attributed_straight`, from numerators per denominator per share key.

    The numerators are merged per pool and per credited employer first, so that each sum is
    one exact fraction made once.
    """
    by_pool: dict[Pool | None, dict[int, int]] = {}
    by_employer: dict[EmployerId, dict[int, int]] = {}
    for (pool, credited_to), by_denominator in sums.items():
        _merge(by_pool.setdefault(pool, {}), by_denominator)
        if credited_to is not None:
            _merge(by_employer.setdefault(credited_to, {}), by_denominator)
    pools: dict[Pool, Tally] = dict.fromkeys(rules.pools, Tally())
    counted = excluded = Fraction(0)
    for pool, by_denominator in by_pool.items():
        tally = _tally(by_denominator, unit)
        if pool is None:
            excluded = tally.hours
        else:
            pools[pool] = tally
            counted += tally.hours
    employers: dict[str, Tally] = {
        employer: _tally(by_denominator, unit) for employer, by_denominator in by_employer.items()
    }
    return pools, employers, counted, excluded


def _merge(into: dict[int, int], by_denominator: Mapping[int, int]) -> None:
    for denominator, numerator in by_denominator.items():
        into[denominator] = into.get(denominator, 0) + numerator


def _tally(by_denominator: Mapping[int, int], unit: Fraction) -> Tally:
    """The hours of numerators per denominator (exact), and their jobs."""
    hours = summed_numerators(by_denominator)
    return Tally(hours=hours, jobs=hours / unit)


@attrs.frozen(kw_only=True)
class JobCount:
    """Where every hour of a measured period counts, under one rule set.

    Attributes:
        rules: the rule set's name.
        period: the measured period.
        attributions: one per placement, pay period and share, in the order of ids.
        pools: hours and jobs per monitoring pool of the rule set (zero pools included).
        employers: hours and jobs credited to each employer.
        input_hours: all hours of the pay periods, inside the measured period.
        counted_hours: the hours that add to a pool.
        excluded_hours: the hours that add to no pool (``input = counted + excluded``).
        monitoring: per pool, against the baseline and the target.
        receipt: what makes the result reproducible.
        warnings: where the answer is plausible but may be empty or assumed (no hours in the
            period, a target carried past its last year); see :func:`count_warnings`.
    """

    rules: str
    period: Period
    attributions: tuple[Attribution, ...]
    pools: FrozenMap[Pool, Tally]
    employers: FrozenMap[str, Tally]
    input_hours: Fraction
    counted_hours: Fraction
    excluded_hours: Fraction
    monitoring: tuple[Monitoring, ...]
    receipt: Receipt
    scenario: Scenario = attrs.field(repr=False, eq=False)
    warnings: tuple[str, ...] = ()

    @functools.cached_property
    def _by_placement(self) -> dict[str, tuple[Attribution, ...]]:
        grouped: defaultdict[str, list[Attribution]] = defaultdict(list)
        for a in self.attributions:
            grouped[a.placement].append(a)
        return {placement: tuple(found) for placement, found in grouped.items()}

    def for_placement(self, placement_id: str) -> tuple[Attribution, ...]:
        """The attributions of one placement (looked up by index: linear over all placements)."""
        return self._by_placement.get(placement_id, ())

    def monitoring_of(self, pool: Pool | str) -> Monitoring:
        """The monitoring line of one pool."""
        wanted = Pool(pool)
        for line in self.monitoring:
            if line.pool is wanted:
                return line
        pools = ", ".join(m.pool.value for m in self.monitoring)
        msg = f"{self.rules} counts no pool {wanted}; its pools: {pools}"
        raise NotFoundError(msg)

    def explain(self, placement_id: str) -> str:
        """Where one placement's hours count and why, as text (see :func:`explain`)."""
        from banenafspraak.render.explain import explain_placement  # noqa: PLC0415 - avoids a cycle

        return explain_placement(self, placement_id)

    # -- results that travel (banenafspraak.render.frames, banenafspraak.render.export) -------

    def to_arrow(
        self,
        table: CountTable = "attributions",
        *,
        numbers: Numbers = "decimal",
        full_ids: bool = False,
    ) -> pa.Table:
        """One table (attributions, pools, employers) as Arrow; see :mod:`.render.frames`."""
        from banenafspraak.render.frames import count_arrow  # noqa: PLC0415 - the edge imports this

        return count_arrow(self, table, numbers=numbers, full_ids=full_ids)

    def to_pandas(
        self,
        table: CountTable = "attributions",
        *,
        numbers: Numbers = "decimal",
        full_ids: bool = False,
    ) -> pd.DataFrame:
        """One table as a pandas data frame (the ``pandas`` extra); see :meth:`to_arrow`."""
        from banenafspraak.render.frames import count_pandas  # noqa: PLC0415 - the edge imports this

        return count_pandas(self, table, numbers=numbers, full_ids=full_ids)

    def to_polars(
        self,
        table: CountTable = "attributions",
        *,
        numbers: Numbers = "decimal",
        full_ids: bool = False,
    ) -> pl.DataFrame:
        """One table as a polars data frame (the ``polars`` extra); see :meth:`to_arrow`."""
        from banenafspraak.render.frames import count_polars  # noqa: PLC0415 - the edge imports this

        return count_polars(self, table, numbers=numbers, full_ids=full_ids)

    def to_dict(self, *, full_ids: bool = False) -> dict[str, Any]:
        """The count as a JSON-serialisable dict, exact numbers as strings (no extra needed).

        The document of :func:`banenafspraak.render.export.count_document`: what
        ``banenafspraak count --format json`` prints.
        """
        from banenafspraak.render.export import count_document  # noqa: PLC0415 - the edge imports this

        return count_document(self, full_ids=full_ids)

    def to_json(self, *, full_ids: bool = False, indent: int | None = 2) -> str:
        """The count as JSON text (see :meth:`to_dict`)."""
        return json.dumps(self.to_dict(full_ids=full_ids), indent=indent, ensure_ascii=False)

    def __repr__(self) -> str:
        return _summary.count_repr(self)

    def _repr_html_(self) -> str:
        return _summary.count_html(self)


def count_jobs(
    scenario: Scenario,
    *,
    rules: str | RuleSet | None = None,
    year: int | None = None,
    period: Period | None = None,
    parameters: ParametersArg = None,
    progress: Progress | None = None,
) -> JobCount:
    """Where every hour of ``scenario`` counts in a year (or any period) under ``rules``.

    A pay period that straddles the measured period counts pro rata by days (DECISIONS,
    "measurement period", D/U). Jobs are hours / (1,331 x the period's length in years).

    Without ``rules``, the law in force at the end of the period counts (:func:`rules_in_force`),
    as on the command line. ``progress``, when given, is told ``("count RULES", placements
    done, placements)`` every :data:`PROGRESS_EVERY` placements and at the end.

    >>> from banenafspraak.demo import example_scenario
    >>> count = count_jobs(example_scenario(), rules="wbqa-2015", year=2019)
    >>> count.input_hours == count.counted_hours + count.excluded_hours
    True
    >>> count_jobs(example_scenario(), year=2019).rules
    'wbqa-2015'
    """
    measured = measured_period(year, period)
    return _count(scenario, rules, measured, parameters, _attributed, progress=progress)


def _count_straight(
    scenario: Scenario,
    *,
    rules: str | RuleSet | None = None,
    year: int | None = None,
    period: Period | None = None,
    parameters: ParametersArg = None,
) -> JobCount:
    """:func:`count_jobs` the straightforward way, the reference its faster path is held to."""
    return _count(scenario, rules, measured_period(year, period), parameters, _attributed_straight)


def _count(
    scenario: Scenario,
    rules: str | RuleSet | None,
    measured: Period,
    parameters: ParametersArg,
    attributed: _Attributed,
    *,
    progress: Progress | None = None,
) -> JobCount:
    rule_set = rules_in_force(scenario, measured, parameters, rules)
    params = parameters_for(scenario, parameters, rule_set)
    unit = job_unit(measured, params)
    with paused_gc():
        context = RuleContext(scenario=scenario, parameters=params)
        attributions, (pools, employers, counted, excluded) = attributed(
            scenario, measured, rule_set, context, unit, progress=progress
        )
        del context  # and what its rules remembered, before the collector looks at it
    monitoring = monitor(rule_set, measured, pools, scenario.baseline, params)
    return JobCount(
        rules=rule_set.name,
        period=measured,
        attributions=attributions,
        pools=FrozenMap(pools),
        employers=FrozenMap(employers),
        input_hours=counted + excluded,
        counted_hours=counted,
        excluded_hours=excluded,
        monitoring=monitoring,
        receipt=_receipt(rule_set, params, scenario, measured),
        scenario=scenario,
        warnings=count_warnings(scenario, measured, counted + excluded, params),
    )


def _receipt(rules: RuleSet, params: Parameters, scenario: Scenario, period: Period) -> Receipt:
    return Receipt(
        library_version=__version__,
        rules=rules.name,
        rules_version=rules.version,
        parameters_digest=params.digest(),
        scenario_digest=scenario.digest(),
        period=str(period),
    )


def monitor(
    rules: RuleSet,
    measured: Period,
    pools: Mapping[Pool, Tally],
    baseline: Baseline,
    params: Parameters,
) -> tuple[Monitoring, ...]:
    """Each pool's jobs against its baseline and, for a calendar year, the rule set's target.

    The one place monitoring is computed, for the pure path and the batch engine alike.
    """
    targets = rules.targets(measured.end.year, params) if measured.is_calendar_year() else {}
    lines = []
    for pool, tally in pools.items():
        base = baseline.jobs_in(pool)
        extra = tally.jobs - base
        target = targets.get(pool)
        met = None if target is None else extra >= target
        shortfall = None if target is None else max(Fraction(0), Fraction(target) - extra)
        lines.append(
            Monitoring(
                pool=pool,
                period=measured,
                hours=tally.hours,
                jobs=tally.jobs,
                baseline_jobs=base,
                extra_jobs=extra,
                target=target,
                met=met,
                shortfall=shortfall,
            )
        )
    return tuple(lines)


def ledger_of(count: JobCount, parameters: Parameters) -> Ledger:
    """The count of a calendar year summed the ways a quotum instrument reads it.

    Per credited employer: all credited hours and the credited hours that add to a pool; per
    formal employer and person: the counted hours by :class:`~banenafspraak.rulesets.Stage`
    (whole years from the placement's first day to the pay period's start, and whether the
    person had reached the AOW age by then).
    """
    if not count.period.is_calendar_year():
        msg = f"a quotum is assessed over a calendar year, not {count.period}"
        raise InvalidValueError(msg)
    credited: defaultdict[EmployerId, Fraction] = defaultdict(Fraction)
    credited_counted: defaultdict[EmployerId, Fraction] = defaultdict(Fraction)
    for a in count.attributions:
        if a.credited_to is not None:
            credited[a.credited_to] += a.hours
            if a.pool is not None:
                credited_counted[a.credited_to] += a.hours
    return Ledger.build(
        count.period.end.year,
        credited,
        credited_counted,
        lambda: _formal_hours(count, parameters),
    )


def _formal_hours(
    count: JobCount, parameters: Parameters
) -> Mapping[EmployerId, Mapping[str, Mapping[Stage, Fraction]]]:
    """The counted hours per formal employer, person and stage (what :func:`ledger_of` defers)."""
    formal: defaultdict[EmployerId, defaultdict[str, defaultdict[Stage, Fraction]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(Fraction))
    )
    for a, stage in formal_stages(count, parameters):
        formal[EmployerId(a.employer)][a.person][stage] += a.hours
    return formal


def formal_stages(
    count: JobCount, parameters: Parameters, employer: str | None = None
) -> Iterator[tuple[Attribution, Stage]]:
    """Each counted attribution (of ``employer``'s placements, or all) with its :class:`Stage`.

    The stage of the pay period in its employment, as :func:`ledger_of` sums the hours by: whole
    years from the placement's first day to the pay period's start, whether the person had
    reached the AOW age by then, and the placement's kind.
    """
    placements = count.scenario.placements
    first_days: dict[str, pendulum.Date | None] = {p.id: p.first_day for p in placements}
    kinds: dict[str, PlacementKind] = {p.id: p.kind for p in placements}
    pension: dict[str, pendulum.Date | None] = {
        p.id: aow_age_reached(p, parameters) for p in count.scenario.people
    }
    for a in count.attributions:
        if a.pool is not None and (employer is None or a.employer == employer):
            start = a.pay_period.start
            reached = pension[a.person]
            stage = Stage(
                years_employed(first_days[a.placement], start),
                pension_age=reached is not None and start >= reached,
                placement_kind=kinds[a.placement],
            )
            yield a, stage


R_co = TypeVar("R_co", bound=QuotumResult, covariant=True)


@attrs.frozen(kw_only=True)
class FigureTotal:
    """One figure of a quotum report added up over its employers, and whom it leaves out.

    ``amount`` is the sum over the employers whose value is known; ``unknown`` names the
    employers whose value the input does not give (a surcharge whose liability is unknown):
    they are not in ``amount``, and the text says how many. A figure that does not apply to an
    employer (no rate where nothing is due) adds nothing and leaves nobody out.
    """

    key: str
    amount: Decimal
    included: int
    unknown: tuple[EmployerId, ...] = ()

    def __str__(self) -> str:
        text = f"{self.key} {display(self.amount)} over {self.included:,} employer(s)"
        if self.unknown:
            text += f"; {len(self.unknown):,} employer(s) unknown, not included"
        return text


@attrs.frozen(kw_only=True)
class QuotumReport(Mapping[str, R_co], Generic[R_co]):
    """The quotum results of every employer (or the ones asked for) in one year, by employer id.

    A read-only mapping: ``report["G"]``, ``"G" in report``, ``len(report)``, iteration over the
    employer ids in the order of ids. Each result is the law's own type behind
    :class:`~banenafspraak.rulesets.QuotumResult`.
    """

    rules: str
    year: int
    assessments: tuple[R_co, ...]
    receipt: Receipt
    count_warnings: tuple[str, ...] = ()
    """The warnings of the count the results rest on (:attr:`JobCount.warnings`)."""

    @functools.cached_property
    def _by_employer(self) -> dict[str, R_co]:
        return {a.employer: a for a in self.assessments}

    def __getitem__(self, employer_id: str) -> R_co:
        try:
            return self._by_employer[employer_id]
        except KeyError:
            msg = f"no quotum assessment for employer {employer_id!r}"
            raise NotFoundError(msg) from None

    def __iter__(self) -> Iterator[str]:
        return (a.employer for a in self.assessments)

    def __len__(self) -> int:
        return len(self.assessments)

    def liable(self) -> tuple[R_co, ...]:
        """The results of liable employers (not those whose liability is unknown)."""
        return tuple(a for a in self.assessments if a.liable)

    def total(self, key: str = "net_effect") -> FigureTotal:
        """A figure (by its key, or ``"net_effect"``) added up over the employers, exactly.

        The employers whose value is unknown (``None`` in a figure marked unknown, or a net
        effect of ``None``) are left out of the amount and named in
        :attr:`FigureTotal.unknown`, so that a total never quietly reads them as 0.
        """
        amounts: list[Fraction] = []
        unknown: list[EmployerId] = []
        for result in self.assessments:
            value: FigureValue
            if key == "net_effect":
                value = result.net_effect
                missing = value is None
            else:
                found = {f.key: f for f in result.figures()}.get(key)
                if found is None:
                    known = ", ".join(["net_effect", *(f.key for f in result.figures())])
                    msg = f"{self.rules} results have no figure {key!r}; the figures: {known}"
                    raise InvalidValueError(msg, field="key", value=key, expected=known)
                value, missing = found.value, found.value is None and found.unknown
            if missing:
                unknown.append(result.employer)
            elif isinstance(value, (bool, str)):
                msg = f"figure {key!r} is not a number (employer {result.employer}: {value!r})"
                raise InvalidValueError(msg, field="key", value=key)
            elif value is not None:
                amounts.append(Fraction(value))
        return FigureTotal(
            key=key,
            amount=as_decimal(sum(amounts, Fraction(0))),
            included=len(self.assessments) - len(unknown),
            unknown=tuple(unknown),
        )

    @property
    def warnings(self) -> tuple[str, ...]:
        """The count's warnings, then every result's, in employer order.

        A warning that several results share (an assumed date of the law, the same for every
        employer) is listed once, where it first appears.
        """
        every = (*self.count_warnings, *(w for a in self.assessments for w in a.warnings))
        return tuple(dict.fromkeys(every))

    # -- results that travel (banenafspraak.render.frames, banenafspraak.render.export) -------

    def to_arrow(self, *, numbers: Numbers = "decimal") -> pa.Table:
        """One row per employer with every figure, as Arrow; see :mod:`.render.frames`."""
        from banenafspraak.render.frames import quotum_arrow  # noqa: PLC0415 - the edge imports this

        return quotum_arrow(self, numbers=numbers)

    def to_pandas(self, *, numbers: Numbers = "decimal") -> pd.DataFrame:
        """One row per employer, as a pandas data frame (the ``pandas`` extra)."""
        from banenafspraak.render.frames import quotum_pandas  # noqa: PLC0415 - the edge imports this

        return quotum_pandas(self, numbers=numbers)

    def to_polars(self, *, numbers: Numbers = "decimal") -> pl.DataFrame:
        """One row per employer, as a polars data frame (the ``polars`` extra)."""
        from banenafspraak.render.frames import quotum_polars  # noqa: PLC0415 - the edge imports this

        return quotum_polars(self, numbers=numbers)

    def to_dict(self) -> dict[str, Any]:
        """The report as a JSON-serialisable dict, exact numbers as strings (no extra needed).

        The document of :func:`banenafspraak.render.export.quotum_document`: what
        ``banenafspraak quotum --format json`` prints.
        """
        from banenafspraak.render.export import quotum_document  # noqa: PLC0415 - the edge imports this

        return quotum_document(self)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON text (see :meth:`to_dict`)."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def __repr__(self) -> str:
        return _summary.quotum_repr(self)

    def _repr_html_(self) -> str:
        return _summary.quotum_html(self)


@overload
def assess_quotum(
    scenario: Scenario,
    *,
    rules: Literal["wbqa-2015"] | Wbqa2015,
    year: int,
    employers: Sequence[str] | None = ...,
    parameters: ParametersArg = ...,
    count: JobCount | None = ...,
) -> QuotumReport[SectorQuotum]: ...
@overload
def assess_quotum(
    scenario: Scenario,
    *,
    rules: Literal["wet-banenafspraak-2025", "contouren-2018"] | Wet2025 | Contouren2018,
    year: int,
    employers: Sequence[str] | None = ...,
    parameters: ParametersArg = ...,
    count: JobCount | None = ...,
) -> QuotumReport[NationalInstrument]: ...
@overload
def assess_quotum(
    scenario: Scenario,
    *,
    rules: str | RuleSet | None = ...,
    year: int,
    employers: Sequence[str] | None = ...,
    parameters: ParametersArg = ...,
    count: JobCount | None = ...,
) -> QuotumReport[QuotumResult]: ...
def assess_quotum(
    scenario: Scenario,
    *,
    rules: str | RuleSet | None = None,
    year: int,
    employers: Sequence[str] | None = None,
    parameters: ParametersArg = None,
    count: JobCount | None = None,
) -> QuotumReport[Any]:
    """The quotum instrument of each employer in ``year`` under ``rules``.

    ``count`` may pass a :func:`count_jobs` result for the same scenario, rules and year, to save
    counting twice. Each result is the law's own type (``SectorQuotum`` under ``wbqa-2015``,
    ``NationalInstrument`` under the 2025 law and the 2018 outline; type checkers know which
    from the rule set's name). Without ``rules``, the law in force at the end of ``year``
    (:func:`rules_in_force`), as on the command line.
    """
    rule_set = rules_in_force(scenario, Period.year(year), parameters, rules)
    params = parameters_for(scenario, parameters, rule_set)
    if count is None:
        count = count_jobs(scenario, rules=rule_set, year=year, parameters=params)
    report = assess_ledger(
        rule_set,
        ledger_of(count, params),
        scenario,
        params,
        receipt=_receipt(rule_set, params, scenario, Period.year(year)),
        employers=employers,
    )
    return attrs.evolve(report, count_warnings=count.warnings)


def assess_ledger(
    rules: RuleSet,
    ledger: Ledger,
    scenario: Scenario,
    params: Parameters,
    *,
    receipt: Receipt,
    employers: Sequence[str] | None = None,
) -> QuotumReport[QuotumResult]:
    """Ask ``rules`` for the quotum of each of the scenario's employers, given a year's ledger.

    The one place a quotum is assessed, for the pure path and the batch engine alike. The
    scenario gives the rule set its context: its employers (no placement is read). ``employers``
    limits the assessment to these ids.
    """
    context = RuleContext(scenario=scenario, parameters=params)
    wanted = set(employers) if employers is not None else None
    with paused_gc():  # a result per employer, with its reasons: nothing cyclic to collect
        assessments = tuple(
            rules.assess_quotum(employer, ledger.year, ledger, context)
            for employer in scenario.employers
            if wanted is None or employer.id in wanted
        )
    return QuotumReport(
        rules=rules.name, year=ledger.year, assessments=assessments, receipt=receipt
    )


def baseline_from(
    scenario: Scenario,
    *,
    rules: str | RuleSet = "wbqa-2015",
    period: Period | None = None,
    parameters: ParametersArg = None,
) -> Baseline:
    """A baseline counted from a scenario of December 2012 (Regeling Wfsv 3.35(a)(2°)).

    The jobs of each pool of ``rules`` over ``period`` (default: December 2012).
    """
    measured = period or Period.month(2012, 12)
    count = count_jobs(scenario, rules=rules, period=measured, parameters=parameters)
    return Baseline(
        jobs={pool: tally.jobs for pool, tally in count.pools.items()},
        source=f"counted over {measured} under {count.rules}",
    )


def summary_line(count: JobCount) -> str:
    """One line per pool, for quick printing."""
    return "; ".join(
        f"{m.pool}: {display(m.jobs)} jobs ({display(m.extra_jobs)} extra)"
        for m in count.monitoring
    )


TARGETS = ("target.market", "target.government")
"""The parameters the built-in rule sets read for their monitoring targets."""


def count_warnings(
    scenario: Scenario, measured: Period, input_hours: Fraction, params: Parameters
) -> tuple[str, ...]:
    """Where a count is plausible but empty or assumed; empty when the answer is complete.

    * no hours in the measured period although the scenario has pay periods (counting 2030 on
      data of 2018-2019 gives 0 jobs, which is no finding);
    * a monitoring target of a calendar year carried past the last year it was set for
      (:meth:`~banenafspraak.parameters.Parameters.carried_forward`).

    The batch engine gives the same warnings from the same code (:func:`period_warnings`).
    """
    return period_warnings(scenario.years, measured, input_hours, params)


def period_warnings(
    years: range, measured: Period, input_hours: Fraction, params: Parameters
) -> tuple[str, ...]:
    """:func:`count_warnings` of input whose pay periods cover the calendar years ``years``."""
    warnings: list[str] = []
    if years and not input_hours:
        warnings.append(
            f"no hours in {measured}: the scenario's pay periods cover {years[0]}-{years[-1]}, "
            "so every figure is 0"
        )
    if measured.is_calendar_year():
        warnings.extend(params.carried_forward(measured.end.year, TARGETS))
    return tuple(warnings)
