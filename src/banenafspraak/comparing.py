"""One scenario under several rule sets, side by side: per pool, per employer, and why they differ.

This layer knows no law either. It counts the scenario under each rule set (:func:`count_jobs`,
:func:`assess_quotum`), lines the figures up, and for every figure that differs from the first rule
set (the reference) it names the placements whose contribution changed, with the reasons each rule
set gave for them. It also holds the yearly report on government employers of the 2025 law
(Wet banenafspraak art. 4(4)), which is a count of its own beside the national monitoring.
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from banenafspraak._util import FrozenMap
from banenafspraak.counting import (
    JobCount,
    ParametersArg,
    Progress,
    QuotumReport,
    Receipt,
    assess_quotum,
    count_jobs,
    parameters_for,
)
from banenafspraak.employers import EmployerId
from banenafspraak.exceptions import InvalidValueError, NotFoundError
from banenafspraak.references import LegalReference, Tag
from banenafspraak.render import summary as _summary
from banenafspraak.rulesets import available_rule_sets, resolve
from banenafspraak.rulesets._protocol import (
    Attribution,
    FigureValue,
    QuotumResult,
    Reason,
    RuleSet,
)
from banenafspraak.scenario import Scenario
from banenafspraak.sectors import Pool, Sector, Subsector

__all__ = [
    "Comparison",
    "Difference",
    "EmployerFigures",
    "EmployerLine",
    "GovernmentReport",
    "PlacementChange",
    "PoolFigures",
    "PoolLine",
    "compare",
    "government_report",
]


@attrs.frozen(kw_only=True)
class PoolFigures:
    """A pool's figures under one rule set.

    ``derived`` is true for the ``national`` line of a rule set that counts per sector: it is the
    sum of its pools (jobs, baseline and targets), for comparison only.
    """

    jobs: Fraction
    baseline_jobs: Fraction
    extra_jobs: Fraction
    target: Decimal | None
    met: bool | None
    derived: bool = False


@attrs.frozen(kw_only=True)
class EmployerFigures:
    """An employer's figures under one rule set: credited jobs and the quotum instrument.

    ``net_effect`` is what the quotum instrument costs (negative) or pays (positive) in the year
    (:attr:`QuotumResult.net_effect`); ``assessment`` is the law's own result, whose other
    figures :meth:`figure` reads by key (``"levy"``, ``"lkv"``).
    """

    credited_hours: Fraction
    credited_jobs: Fraction
    liable: bool | None
    net_effect: Decimal | None
    assessment: QuotumResult | None = attrs.field(eq=False, repr=False)

    def figure(self, key: str) -> FigureValue:
        """A figure of the law's result by its key (``None`` when the law has no such figure)."""
        if self.assessment is None:
            return None
        return next((f.value for f in self.assessment.figures() if f.key == key), None)


@attrs.frozen(kw_only=True)
class PlacementChange:
    """How one placement's contribution to a figure differs between two rule sets."""

    placement: str
    before: Fraction
    after: Fraction
    reasons_before: tuple[Reason, ...]
    reasons_after: tuple[Reason, ...]

    @property
    def change(self) -> Fraction:
        """``after - before``."""
        return self.after - self.before


@attrs.frozen(kw_only=True)
class Difference:
    """A figure that differs between the reference rule set and another one.

    ``subject`` names the line (``"pool national"``, ``"employer G"``), ``measure`` the figure
    (``"jobs"`` or ``"net_effect"``). Job differences list the placements behind them; money
    differences give the quotum reasons of both rule sets.
    """

    subject: str
    measure: str
    reference: str
    rules: str
    before: Fraction | Decimal
    after: Fraction | Decimal
    placements: tuple[PlacementChange, ...] = ()
    reasons: tuple[Reason, ...] = ()

    @property
    def change(self) -> Fraction | Decimal:
        """``after - before``."""
        if isinstance(self.before, Decimal) and isinstance(self.after, Decimal):
            return self.after - self.before
        return Fraction(self.after) - Fraction(self.before)


@attrs.frozen(kw_only=True)
class PoolLine:
    """One pool, under every rule set compared (``None`` where a rule set has no such pool)."""

    pool: Pool
    figures: FrozenMap[str, PoolFigures | None]
    differences: tuple[Difference, ...]


@attrs.frozen(kw_only=True)
class EmployerLine:
    """One employer, under every rule set compared."""

    employer: EmployerId
    name: str
    sector: Sector
    figures: FrozenMap[str, EmployerFigures]
    differences: tuple[Difference, ...]


@attrs.frozen(kw_only=True)
class Comparison:
    """A scenario in one year under several rule sets (the first one is the reference).

    Attributes:
        rules: the rule sets' names, in the order given.
        year: the calendar year.
        pools: one line per pool any of them counts (national included for all).
        employers: one line per employer of the scenario.
        counts: the full :class:`JobCount` per rule set.
        quotums: the full :class:`QuotumReport` per rule set.
        receipts: the receipts of every count and quotum, in rule-set order.
    """

    rules: tuple[str, ...]
    year: int
    pools: tuple[PoolLine, ...]
    employers: tuple[EmployerLine, ...]
    counts: FrozenMap[str, JobCount] = attrs.field(eq=False, repr=False)
    quotums: FrozenMap[str, QuotumReport[QuotumResult]] = attrs.field(eq=False, repr=False)
    receipts: tuple[Receipt, ...]

    @property
    def reference(self) -> str:
        """The rule set the others are compared with."""
        return self.rules[0]

    def pool(self, pool: Pool | str) -> PoolLine:
        """The line of one pool."""
        wanted = Pool(pool)
        for line in self.pools:
            if line.pool is wanted:
                return line
        msg = f"no pool {wanted} in this comparison; pools: {[p.pool.value for p in self.pools]}"
        raise NotFoundError(msg)

    def employer(self, employer_id: str) -> EmployerLine:
        """The line of one employer."""
        for line in self.employers:
            if line.employer == employer_id:
                return line
        msg = f"no employer {employer_id!r} in this comparison"
        raise NotFoundError(msg)

    @property
    def differences(self) -> tuple[Difference, ...]:
        """Every difference, pools first, then employers."""
        pools = (d for line in self.pools for d in line.differences)
        employers = (d for line in self.employers for d in line.differences)
        return (*pools, *employers)

    def to_dict(self) -> dict[str, Any]:
        """The comparison as a JSON-serialisable dict, exact numbers as strings (no extra needed).

        The document of :func:`banenafspraak.render.export.comparison_document`: what
        ``banenafspraak compare --format json`` prints.
        """
        from banenafspraak.render.export import comparison_document  # noqa: PLC0415 - the edge imports this

        counts = {rules: self.counts[rules] for rules in self.rules}
        return comparison_document(counts, year=self.year, comparison=self)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The comparison as JSON text (see :meth:`to_dict`)."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def __repr__(self) -> str:
        return _summary.comparison_repr(self)

    def _repr_html_(self) -> str:
        return _summary.comparison_html(self)


def _unique_reasons(attributions: Sequence[Attribution]) -> tuple[Reason, ...]:
    seen: dict[str, Reason] = {}
    for a in attributions:
        for reason in a.reasons:
            seen.setdefault(reason.code, reason)
    return tuple(seen.values())


Selector = Callable[[Attribution], bool]


def _contributions(count: JobCount, selects: Selector) -> dict[str, Fraction]:
    jobs: defaultdict[str, Fraction] = defaultdict(Fraction)
    for a in count.attributions:
        if selects(a):
            jobs[a.placement] += a.jobs
    return jobs


def _credited_contributions(count: JobCount) -> dict[str, dict[str, Fraction]]:
    """The jobs of each placement credited to each employer: one pass over the attributions."""
    credited: defaultdict[str, defaultdict[str, Fraction]] = defaultdict(
        lambda: defaultdict(Fraction)
    )
    for a in count.attributions:
        if a.credited_to is not None:
            credited[a.credited_to][a.placement] += a.jobs
    return {employer: dict(jobs) for employer, jobs in credited.items()}


def _placement_changes(
    before: JobCount,
    after: JobCount,
    old: Mapping[str, Fraction],
    new: Mapping[str, Fraction],
) -> tuple[PlacementChange, ...]:
    """The placements whose jobs differ between ``old`` and ``new``, in the order of their ids."""
    changes = []
    for placement in sorted(old.keys() | new.keys()):
        was, now = old.get(placement, Fraction(0)), new.get(placement, Fraction(0))
        if was != now:
            changes.append(
                PlacementChange(
                    placement=placement,
                    before=was,
                    after=now,
                    reasons_before=_unique_reasons(before.for_placement(placement)),
                    reasons_after=_unique_reasons(after.for_placement(placement)),
                )
            )
    return tuple(changes)


def _pool_figures(count: JobCount, pool: Pool) -> PoolFigures | None:
    for line in count.monitoring:
        if line.pool is pool:
            return PoolFigures(
                jobs=line.jobs,
                baseline_jobs=line.baseline_jobs,
                extra_jobs=line.extra_jobs,
                target=line.target,
                met=line.met,
            )
    if pool is not Pool.NATIONAL:
        return None
    lines = count.monitoring
    targets = [m.target for m in lines]
    target = (
        None
        if any(t is None for t in targets)
        else sum((t for t in targets if t is not None), Decimal(0))
    )
    extra = sum((m.extra_jobs for m in lines), Fraction(0))
    return PoolFigures(
        jobs=sum((m.jobs for m in lines), Fraction(0)),
        baseline_jobs=sum((m.baseline_jobs for m in lines), Fraction(0)),
        extra_jobs=extra,
        target=target,
        met=None if target is None else extra >= target,
        derived=True,
    )


def _pool_selector(count: JobCount, pool: Pool) -> Selector:
    if pool is Pool.NATIONAL and Pool.NATIONAL not in count.pools:
        return lambda a: a.pool is not None
    return lambda a: a.pool is pool


def _pool_line(pool: Pool, names: Sequence[str], counts: dict[str, JobCount]) -> PoolLine:
    figures = {name: _pool_figures(counts[name], pool) for name in names}
    reference = names[0]
    base = figures[reference]
    differences = []
    for name in names[1:]:
        other = figures[name]
        if base is None or other is None or base.jobs == other.jobs:
            continue
        changes = _placement_changes(
            counts[reference],
            counts[name],
            _contributions(counts[reference], _pool_selector(counts[reference], pool)),
            _contributions(counts[name], _pool_selector(counts[name], pool)),
        )
        differences.append(
            Difference(
                subject=f"pool {pool.value}",
                measure="jobs",
                reference=reference,
                rules=name,
                before=base.jobs,
                after=other.jobs,
                placements=changes,
            )
        )
    return PoolLine(pool=pool, figures=FrozenMap(figures), differences=tuple(differences))


def _employer_figures(
    employer: EmployerId, count: JobCount, quotum: QuotumReport[QuotumResult]
) -> EmployerFigures:
    tally = count.employers.get(employer)
    assessment = quotum.get(employer)
    return EmployerFigures(
        credited_hours=tally.hours if tally else Fraction(0),
        credited_jobs=tally.jobs if tally else Fraction(0),
        liable=None if assessment is None else assessment.liable,
        net_effect=None if assessment is None else assessment.net_effect,
        assessment=assessment,
    )


def _employer_line(
    scenario: Scenario,
    employer: EmployerId,
    names: Sequence[str],
    counts: dict[str, JobCount],
    quotums: dict[str, QuotumReport[QuotumResult]],
    *,
    credited: Callable[[str], Mapping[str, Mapping[str, Fraction]]],
    year: int,
) -> EmployerLine:
    figures = {name: _employer_figures(employer, counts[name], quotums[name]) for name in names}
    reference = names[0]
    base = figures[reference]
    differences = []
    for name in names[1:]:
        other = figures[name]
        if base.credited_jobs != other.credited_jobs:
            differences.append(
                Difference(
                    subject=f"employer {employer}",
                    measure="jobs",
                    reference=reference,
                    rules=name,
                    before=base.credited_jobs,
                    after=other.credited_jobs,
                    placements=_placement_changes(
                        counts[reference],
                        counts[name],
                        credited(reference).get(employer, {}),
                        credited(name).get(employer, {}),
                    ),
                )
            )
        if (
            base.net_effect is not None
            and other.net_effect is not None
            and base.net_effect != other.net_effect
        ):
            reasons = tuple(
                r for f in (base, other) if f.assessment is not None for r in f.assessment.reasons
            )
            differences.append(
                Difference(
                    subject=f"employer {employer}",
                    measure="net_effect",
                    reference=reference,
                    rules=name,
                    before=base.net_effect,
                    after=other.net_effect,
                    reasons=reasons,
                )
            )
    noun = scenario.employer(employer)
    return EmployerLine(
        employer=employer,
        name=noun.name,
        sector=noun.sector_in(year),
        figures=FrozenMap(figures),
        differences=tuple(differences),
    )


def compare(
    scenario: Scenario,
    *,
    rules: Sequence[str | RuleSet] | None = None,
    year: int,
    parameters: ParametersArg = None,
    progress: Progress | None = None,
) -> Comparison:
    """``scenario`` in ``year`` under each of ``rules`` (default: every registered rule set).

    The first rule set is the reference: every figure of another rule set that differs from it
    becomes a :class:`Difference`, which lists the placements whose contribution changed and the
    reasons each rule set gave for them. ``progress`` is told how each count goes on (see
    :func:`~banenafspraak.count_jobs`).

    >>> from banenafspraak.demo import example_scenario
    >>> comparison = compare(example_scenario(), rules=["wbqa-2015", "contouren-2018"], year=2019)
    >>> [d.subject for d in comparison.differences if d.measure == "jobs"][:2]
    ['pool national', 'employer C']

    Raises:
        ValueError: when no rule set, or the same rule set twice, is given.
    """
    chosen = [resolve(r) for r in (rules if rules is not None else available_rule_sets())]
    names = [r.name for r in chosen]
    if not names:
        msg = "compare needs at least one rule set, got none"
        raise InvalidValueError(msg)
    if len(set(names)) != len(names):
        msg = f"each rule set may be compared once, got {names}"
        raise InvalidValueError(msg)
    params = parameters_for(scenario, parameters)
    counts: dict[str, JobCount] = {}
    quotums: dict[str, QuotumReport[QuotumResult]] = {}
    for rule_set in chosen:
        count = count_jobs(
            scenario, rules=rule_set, year=year, parameters=params, progress=progress
        )
        counts[rule_set.name] = count
        quotums[rule_set.name] = assess_quotum(
            scenario, rules=rule_set, year=year, parameters=params, count=count
        )
    pools = [p for p in Pool if p is Pool.NATIONAL or any(p in r.pools for r in chosen)]
    credited = functools.cache(lambda name: _credited_contributions(counts[name]))
    return Comparison(
        rules=tuple(names),
        year=year,
        pools=tuple(_pool_line(pool, names, counts) for pool in pools),
        employers=tuple(
            _employer_line(scenario, e.id, names, counts, quotums, credited=credited, year=year)
            for e in scenario.employers
        ),
        counts=FrozenMap(counts),
        quotums=FrozenMap(quotums),
        receipts=tuple(r for n in names for r in (counts[n].receipt, quotums[n].receipt)),
    )


# -- the yearly report on government employers (Wet banenafspraak art. 4(4)) --------------------

GOVERNMENT_REPORT = Reason(
    code="W25-GOVERNMENT-REPORT",
    text="every year the minister of BZK reports how many extra jobs government employers "
    "realised compared with the previous year; counted at the formal employer, by its sector",
    reference=LegalReference(law="Wet banenafspraak", article="4(4)", version="2026-07-01"),
    tag=Tag.DERIVED,
)


@attrs.frozen(kw_only=True)
class GovernmentReport:
    """The art. 4(4) report: jobs at government employers in a year and the year before.

    ``by_subsector`` uses the employers' sub-sectors (``None``: not given).
    """

    year: int
    jobs: Fraction
    previous_jobs: Fraction
    extra_jobs: Fraction
    by_subsector: FrozenMap[Subsector | None, Fraction]
    reason: Reason


def _government_jobs(count: JobCount) -> tuple[Fraction, dict[Subsector | None, Fraction]]:
    scenario = count.scenario
    total = Fraction(0)
    parts: defaultdict[Subsector | None, Fraction] = defaultdict(Fraction)
    for a in count.attributions:
        if a.pool is None or a.credited_to is None:
            continue
        employer = scenario.employer(a.credited_to)
        year = a.pay_period.end.year  # Regeling Wfsv 3.27: the sector of the pay period's year
        if employer.sector_in(year) is Sector.GOVERNMENT:
            total += a.jobs
            parts[employer.subsector_in(year)] += a.jobs
    return total, parts


def government_report(
    scenario: Scenario,
    *,
    year: int,
    rules: str | RuleSet = "wet-banenafspraak-2025",
    parameters: ParametersArg = None,
) -> GovernmentReport:
    """The yearly report on government employers of the 2025 law (art. 4(4)), as a sub-report.

    The national monitoring has one pool; this report adds up the jobs credited to employers of
    the government sector, in ``year`` and in the year before, and their difference.
    """
    rule_set = resolve(rules)
    params = parameters_for(scenario, parameters)
    now, parts = _government_jobs(
        count_jobs(scenario, rules=rule_set, year=year, parameters=params)
    )
    before, _ = _government_jobs(
        count_jobs(scenario, rules=rule_set, year=year - 1, parameters=params)
    )
    return GovernmentReport(
        year=year,
        jobs=now,
        previous_jobs=before,
        extra_jobs=now - before,
        by_subsector=FrozenMap(parts),
        reason=GOVERNMENT_REPORT.with_detail(f"{rule_set.name}, {year} against {year - 1}"),
    )
