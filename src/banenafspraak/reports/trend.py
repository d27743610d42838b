"""The trend over years: extra jobs per pool and sub-sector against the targets.

See :mod:`banenafspraak.reports` and ``docs/reports.md`` for the method.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction

import attrs

from banenafspraak.counting import (
    Monitoring,
    ParametersArg,
    Receipt,
    count_jobs,
    parameters_for,
    rules_in_force,
)
from banenafspraak.exceptions import InvalidValueError, NotFoundError
from banenafspraak.periods import Period
from banenafspraak.references import LegalReference, Tag
from banenafspraak.reports.subsectors import (
    SUBSECTOR_REALISATION,
    SubsectorBasis,
    SubsectorMonitoring,
    realisation_percentage,
    subsector_monitoring,
)
from banenafspraak.rulesets._protocol import Reason, RuleSet
from banenafspraak.rulesets.common import by_122n_text
from banenafspraak.scenario import Scenario
from banenafspraak.sectors import Pool, Subsector

TREND_SERIES = Reason(
    code="TREND",
    text="per pool and sub-sector, the extra jobs of each calendar year against that year's "
    "cumulative target; the change is the difference with the previous calendar year",
    reference=LegalReference(law="Wfsv", article="122n(1),(2)", version="2015-05-01"),
    tag=Tag.DERIVED,
)
TREND_SERIES_2020 = attrs.evolve(
    TREND_SERIES,
    reference=LegalReference(law="Wfsv", article="122n(1),(3)", version="2020-01-01"),
)
"""A trend that reaches 2020 or later cites the renumbered text (:func:`by_122n_text`)."""


@attrs.frozen(kw_only=True)
class TrendPoint:
    """One year of a trend series.

    Attributes:
        year: the calendar year.
        jobs: jobs counted in the year.
        baseline_jobs: jobs at the baseline date.
        extra_jobs: ``jobs - baseline_jobs``.
        target: cumulative extra jobs to realise by the end of the year, or ``None``.
        met: ``extra_jobs >= target``, or ``None`` without a target.
        change: ``extra_jobs`` minus that of the previous calendar year, or ``None`` when the
            previous year is not in the series.
    """

    year: int
    jobs: Fraction
    baseline_jobs: Fraction
    extra_jobs: Fraction
    target: Decimal | None
    met: bool | None
    change: Fraction | None

    @property
    def realisation(self) -> Fraction | None:
        """Extra jobs as a percentage of the target (``None`` without a positive target)."""
        return realisation_percentage(self.extra_jobs, self.target)


@attrs.frozen(kw_only=True)
class TrendSeries:
    """The yearly points of one pool or sub-sector, in year order, ready to chart."""

    label: str
    pool: Pool | None
    subsector: Subsector | None
    points: tuple[TrendPoint, ...]

    @property
    def years(self) -> tuple[int, ...]:
        """The years, for the x-axis."""
        return tuple(p.year for p in self.points)

    @property
    def extra_jobs(self) -> tuple[Fraction, ...]:
        """The extra jobs per year."""
        return tuple(p.extra_jobs for p in self.points)

    @property
    def targets(self) -> tuple[Decimal | None, ...]:
        """The targets per year (``None`` where none is given)."""
        return tuple(p.target for p in self.points)

    def point(self, year: int) -> TrendPoint:
        """The point of one year."""
        for point in self.points:
            if point.year == year:
                return point
        msg = f"{self.label} has no point for {year}"
        raise NotFoundError(msg)


@attrs.frozen(kw_only=True)
class Trend:
    """Extra jobs per pool and sub-sector over several years, under one rule set.

    Attributes:
        rules: the rule set's name.
        years: the calendar years, ascending.
        pools: one series per pool of the rule set.
        subsectors: one series per sub-sector that has jobs, a baseline or a target in some year.
        reasons: the method.
        receipts: one per year, of the count the year rests on.
    """

    rules: str
    years: tuple[int, ...]
    pools: tuple[TrendSeries, ...]
    subsectors: tuple[TrendSeries, ...]
    reasons: tuple[Reason, ...]
    receipts: tuple[Receipt, ...]

    def pool(self, pool: Pool | str) -> TrendSeries:
        """The series of one pool."""
        wanted = Pool(pool)
        for series in self.pools:
            if series.pool is wanted:
                return series
        msg = f"{self.rules} counts no pool {wanted}"
        raise NotFoundError(msg)

    def subsector(self, subsector: Subsector | str) -> TrendSeries:
        """The series of one sub-sector."""
        wanted = Subsector(subsector)
        for series in self.subsectors:
            if series.subsector is wanted:
                return series
        msg = f"sub-sector {wanted} has no jobs, baseline or target in {self.years}"
        raise NotFoundError(msg)


def _points(
    rows: Sequence[tuple[int, Fraction, Fraction, Decimal | None]],
) -> tuple[TrendPoint, ...]:
    points = []
    extra_by_year: dict[int, Fraction] = {}
    for year, jobs, baseline, target in rows:
        extra = jobs - baseline
        extra_by_year[year] = extra
        previous = extra_by_year.get(year - 1)
        points.append(
            TrendPoint(
                year=year,
                jobs=jobs,
                baseline_jobs=baseline,
                extra_jobs=extra,
                target=target,
                met=None if target is None else extra >= target,
                change=None if previous is None else extra - previous,
            )
        )
    return tuple(points)


def trend(
    scenario: Scenario,
    *,
    rules: str | RuleSet | None = None,
    years: Iterable[int] | None = None,
    parameters: ParametersArg = None,
    basis: SubsectorBasis | str = SubsectorBasis.AUTO,
) -> Trend:
    """Extra jobs per pool and sub-sector for each of ``years`` (default: the scenario's years).

    One law for every year, so that each series has the same pools: ``rules``, or the law in
    force at the end of the last year followed (:func:`~banenafspraak.counting.rules_in_force`).

    >>> from banenafspraak.demo import example_scenario
    >>> series = trend(example_scenario()).pool("government")
    >>> series.years
    (2018, 2019)
    """
    data_years = scenario.years
    wanted = trend_years(
        data_years[0] if data_years else None, data_years[-1] if data_years else None, years
    )
    rule_set = rules_in_force(scenario, Period.year(wanted[-1]), parameters, rules)
    params = parameters_for(scenario, parameters)
    years_done = []
    for year in wanted:
        count = count_jobs(scenario, rules=rule_set, year=year, parameters=params)
        report = subsector_monitoring(
            scenario, rules=rule_set, year=year, parameters=params, basis=basis, count=count
        )
        years_done.append((count.receipt, count.monitoring, report))
    return trend_report(rules=rule_set, years=wanted, counts=years_done)


def trend_years(first: int | None, last: int | None, years: Iterable[int] | None) -> list[int]:
    """The years to follow: those given, else ``first..last`` (the data's years)."""
    data_years = range(0) if first is None or last is None else range(first, last + 1)
    wanted = sorted(set(data_years if years is None else years))
    if not wanted:
        msg = "no years to follow: the scenario has no pay periods and no years= were given"
        raise InvalidValueError(msg)
    return wanted


def trend_report(
    *,
    rules: RuleSet,
    years: Sequence[int],
    counts: Sequence[tuple[Receipt, Sequence[Monitoring], SubsectorMonitoring]],
) -> Trend:
    """The trend from each year's receipt, pool monitoring and sub-sector report (both engines)."""
    pool_rows: dict[Pool, list[tuple[int, Fraction, Fraction, Decimal | None]]] = {}
    sub_rows: dict[Subsector, list[tuple[int, Fraction, Fraction, Decimal | None]]] = {}
    for year, (_receipt, monitoring, report) in zip(years, counts, strict=True):
        for line in monitoring:
            pool_rows.setdefault(line.pool, []).append(
                (year, line.jobs, line.baseline_jobs, line.target)
            )
        for sub in report.lines:
            sub_rows.setdefault(sub.subsector, []).append(
                (year, sub.jobs, sub.baseline_jobs, sub.target)
            )
    return Trend(
        rules=rules.name,
        years=tuple(years),
        pools=tuple(
            TrendSeries(label=pool.value, pool=pool, subsector=None, points=_points(rows))
            for pool, rows in pool_rows.items()
        ),
        subsectors=tuple(
            TrendSeries(label=sub.value, pool=None, subsector=sub, points=_points(rows))
            for sub, rows in sub_rows.items()
            if _active(rows)
        ),
        reasons=(
            by_122n_text(max(years, default=None), TREND_SERIES, TREND_SERIES_2020),
            SUBSECTOR_REALISATION,
        ),
        receipts=tuple(receipt for receipt, _monitoring, _report in counts),
    )


def _active(rows: Sequence[tuple[int, Fraction, Fraction, Decimal | None]]) -> bool:
    return any(jobs or baseline or target is not None for _, jobs, baseline, target in rows)
