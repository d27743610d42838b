"""Sub-sector monitoring: realised extra jobs per government sub-sector against its target.

See :mod:`banenafspraak.reports` and ``docs/reports.md`` for the method.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

import attrs

from banenafspraak.counting import (
    JobCount,
    ParametersArg,
    Receipt,
    Tally,
    count_jobs,
    parameters_for,
    rules_in_force,
)
from banenafspraak.employers import Employer, EmployerId
from banenafspraak.parameters import Parameters
from banenafspraak.periods import Period
from banenafspraak.placements import Placement, PlacementId
from banenafspraak.references import LegalReference, Tag
from banenafspraak.reports.common import check_count, sum_tallies, sums_by_key
from banenafspraak.rulesets._protocol import Attribution, Reason, RuleSet
from banenafspraak.rulesets.common import by_122n_text
from banenafspraak.rulesets.national_pool import WBA_VERSION
from banenafspraak.scenario import Scenario
from banenafspraak.sectors import Pool, Sector, Subsector


class SubsectorBasis(enum.StrEnum):
    """Which employer's sub-sector a counted job belongs to."""

    AUTO = "auto"
    """``WORKPLACE`` for a rule set with sector pools, ``CREDITED`` for one national pool."""
    WORKPLACE = "workplace"
    """The employer in whose sector the job counts: the hirer (*inlener*) of a placed
    uitzendkracht or Wsw secondee, otherwise the formal employer (Wfsv 122n(2),(4); 122n(3),(5)
    from the 2020-01-01 text)."""
    FORMAL_EMPLOYER = "formal_employer"
    """The employer that reports the hours in its payroll (*loonaangifte*)."""
    CREDITED = "credited"
    """The employer the rule set credits the job to, else the formal employer."""


SUBSECTOR_WORKPLACE = Reason(
    code="SUB-WORKPLACE",
    text="a job belongs to the sub-sector of the government employer in whose sector it counts: "
    "the hirer of a placed uitzendkracht or Wsw secondee, otherwise the employer that reports "
    "its hours",
    reference=LegalReference(law="Wfsv", article="122n(2),(4)", version="2015-05-01"),
    tag=Tag.DERIVED,
)
SUBSECTOR_WORKPLACE_2020 = attrs.evolve(
    SUBSECTOR_WORKPLACE,
    reference=LegalReference(law="Wfsv", article="122n(3),(5)", version="2020-01-01"),
)

SUBSECTOR_REPORTING = LegalReference(
    law="Sub-sector reporting of the banenafspraak",
    source="yearly progress letters to parliament; VSO sector tables (wbqa-2015 spec §5)",
)

ART_4_4 = LegalReference(law="Wet banenafspraak", article="4(4)", version=WBA_VERSION)
"""For a year from 2020: the renumbered text (see
:func:`~banenafspraak.rulesets.common.by_122n_text`)."""
SUBSECTOR_CREDITED = Reason(
    code="SUB-CREDITED",
    text="a job belongs to the sub-sector of the government employer the rule set credits it to "
    "(the formal employer under the 2025 law, whose yearly report covers jobs at government "
    "employers; the buyer of a procurement contract under the 2018 outline), or of its formal "
    "employer when nobody is credited",
    reference=ART_4_4,
    tag=Tag.DERIVED,
)
SUBSECTOR_FORMAL = Reason(
    code="SUB-FORMAL",
    text="a job belongs to the sub-sector of the government employer that reports its hours",
    reference=ART_4_4,
    tag=Tag.DERIVED,
)
SUBSECTOR_KEYED = Reason(
    code="SUB-KEYED",
    text="a placed worker whose hirer is not known is split over the sectors by the published "
    "key; those hours belong to no sub-sector",
    reference=LegalReference(law="Regeling Wfsv", article="3.34(3)", source="SEO verdeelsleutel"),
    tag=Tag.SECONDARY,
)
SUBSECTOR_REALISATION = Reason(
    code="SUB-REALISATION",
    text="extra jobs = jobs - the sub-sector's baseline; realisation = extra jobs / target x 100; "
    "sub-sector targets and baselines are user-supplied (target.subsector.*, "
    "baseline.subsector.*) and not legally binding",
    reference=SUBSECTOR_REPORTING,
    tag=Tag.UNVERIFIED,
)

_BASIS_REASON = {
    SubsectorBasis.WORKPLACE: (SUBSECTOR_WORKPLACE, SUBSECTOR_WORKPLACE_2020),
    SubsectorBasis.FORMAL_EMPLOYER: (SUBSECTOR_FORMAL, SUBSECTOR_FORMAL),
    SubsectorBasis.CREDITED: (SUBSECTOR_CREDITED, SUBSECTOR_CREDITED),
}
"""Per basis, its reason before and after the renumbering of Wfsv 122n (:func:`by_122n_text`)."""


def realisation_percentage(extra: Fraction, target: Decimal | None) -> Fraction | None:
    """Extra jobs as a percentage of the target (``None`` without a positive target)."""
    if target is None or target <= 0:
        return None
    return extra / Fraction(target) * 100


@attrs.frozen(kw_only=True)
class SubsectorLine:
    """One government sub-sector in one year: realised extra jobs against its target.

    Attributes:
        subsector: the sub-sector.
        hours: counted hours that belong to it.
        jobs: the same in jobs (exact).
        baseline_jobs: its jobs at the baseline date (parameter ``baseline.subsector.<name>``).
        extra_jobs: ``jobs - baseline_jobs``.
        target: cumulative extra jobs to realise (parameter ``target.subsector.<name>``), or
            ``None`` when none is given.
        met: ``extra_jobs >= target``, or ``None`` without a target.
        employers: the government employers whose jobs make up the line.
        reasons: where the target and the baseline come from.
    """

    subsector: Subsector
    hours: Fraction
    jobs: Fraction
    baseline_jobs: Fraction
    extra_jobs: Fraction
    target: Decimal | None
    met: bool | None
    employers: tuple[EmployerId, ...]
    reasons: tuple[Reason, ...]

    @property
    def realisation(self) -> Fraction | None:
        """Extra jobs as a percentage of the target (``None`` without a positive target)."""
        return realisation_percentage(self.extra_jobs, self.target)


@attrs.frozen(kw_only=True)
class SubsectorMonitoring:
    """Realised extra jobs per government sub-sector in one year, under one rule set.

    The counted hours of the year fall in exactly one of: a sub-sector line, ``without_subsector``
    (a government employer with no sub-sector given), ``unassigned`` (a placed worker whose hirer
    is unknown, in a pool other than the market pool) or ``elsewhere`` (the rest: outside
    government). Under a rule set with sector pools, the lines, ``without_subsector`` and
    ``unassigned`` add up to the government pool.

    Attributes:
        rules: the rule set's name.
        year: the calendar year.
        basis: which employer's sub-sector a job belongs to.
        lines: one per :class:`~banenafspraak.sectors.Subsector`, in its order.
        without_subsector: hours at government employers without a sub-sector.
        unassigned: hours of placed workers whose hirer is unknown (not in the market pool).
        elsewhere: counted hours outside government.
        counted: all counted hours of the year.
        government_pool: the government pool, for a rule set that has one.
        reasons: the method, step by step.
        receipt: the receipt of the count the report rests on.
    """

    rules: str
    year: int
    basis: SubsectorBasis
    lines: tuple[SubsectorLine, ...]
    without_subsector: Tally
    unassigned: Tally
    elsewhere: Tally
    counted: Tally
    government_pool: Tally | None
    reasons: tuple[Reason, ...]
    receipt: Receipt

    def line(self, subsector: Subsector | str) -> SubsectorLine:
        """The line of one sub-sector."""
        wanted = Subsector(subsector)
        return next(line for line in self.lines if line.subsector is wanted)

    @property
    def total(self) -> Tally:
        """The sum of the sub-sector lines."""
        return sum_tallies(Tally(hours=line.hours, jobs=line.jobs) for line in self.lines)

    @property
    def government(self) -> Tally:
        """Hours at government employers: the lines plus ``without_subsector``."""
        return self.total + self.without_subsector


class Holder(enum.StrEnum):
    """Whose sub-sector a counted share belongs to, relative to its placement."""

    FORMAL_EMPLOYER = "formal_employer"
    """The placement's formal employer."""
    HIRER = "hirer"
    """The placement's hirer (nobody when the hirer is not known)."""
    CREDITED = "credited"
    """The employer the rule set credits the share to."""


def subsector_holder(basis: SubsectorBasis, *, lends_to_hirer: bool, credited: bool) -> Holder:
    """Whose sub-sector a counted share belongs to under ``basis`` (not ``AUTO``).

    ``lends_to_hirer``: the placement puts its worker at a hirer (an uitzendkracht or a Wsw
    secondee); ``credited``: the rule set credits the share to some employer. The pure path asks
    this per attribution, the batch engine once per distinct situation.
    """
    if basis is SubsectorBasis.WORKPLACE and lends_to_hirer:
        return Holder.HIRER
    if basis is SubsectorBasis.CREDITED and credited:
        return Holder.CREDITED
    return Holder.FORMAL_EMPLOYER


_ELSEWHERE, _UNASSIGNED, _WITHOUT = "elsewhere", "unassigned", "without_subsector"


def subsector_bucket(
    pool: Pool, sector: Sector | None, subsector: Subsector | None
) -> Subsector | str:
    """Where a counted share goes in the sub-sector report.

    ``sector`` and ``subsector`` are those of the holder (:func:`subsector_holder`) in the pay
    period's year, ``sector`` is ``None`` when the holder is not known. The answer is a
    sub-sector, or ``"without_subsector"``, ``"unassigned"`` or ``"elsewhere"``.
    """
    if sector is None:
        return _ELSEWHERE if pool is Pool.MARKET else _UNASSIGNED
    if sector is not Sector.GOVERNMENT:
        return _ELSEWHERE
    if subsector is None:
        return _WITHOUT
    return subsector


def _basis_employer(
    attribution: Attribution, placement: Placement, basis: SubsectorBasis, scenario: Scenario
) -> Employer | None:
    """The employer whose sub-sector the attribution belongs to (``None``: not known)."""
    holder = subsector_holder(
        basis,
        lends_to_hirer=placement.kind.lends_to_hirer,
        credited=attribution.credited_to is not None,
    )
    ident = {
        Holder.FORMAL_EMPLOYER: placement.employer,
        Holder.HIRER: placement.hirer,
        Holder.CREDITED: attribution.credited_to,
    }[holder]
    return None if ident is None else scenario.employer(ident)


def resolve_basis(basis: SubsectorBasis | str, rule_set: RuleSet) -> SubsectorBasis:
    """The basis asked for, or for ``auto`` the one that fits the rule set's pools."""
    chosen = SubsectorBasis(basis)
    if chosen is not SubsectorBasis.AUTO:
        return chosen
    if Pool.GOVERNMENT in rule_set.pools:
        return SubsectorBasis.WORKPLACE
    return SubsectorBasis.CREDITED


def _parameter_reason(params: Parameters, name: str, year: int, what: str) -> Reason:
    row = params[name].row_for_year(year)
    return Reason(
        code="SUB-PARAMETER",
        text=f"the sub-sector {what}",
        reference=row.reference,
        tag=row.tag,
        detail=f"{name} = {'none' if row.value is None else row.value} from {row.start}",
    )


def subsector_monitoring(
    scenario: Scenario,
    *,
    rules: str | RuleSet | None = None,
    year: int,
    parameters: ParametersArg = None,
    basis: SubsectorBasis | str = SubsectorBasis.AUTO,
    count: JobCount | None = None,
) -> SubsectorMonitoring:
    """Realised extra jobs per government sub-sector in ``year`` under ``rules``.

    Each counted hour belongs to the sub-sector of one employer (``basis``): by default, under a
    rule set with sector pools, the employer in whose sector it counts (the hirer of a placed
    worker, else the formal employer); under a rule set with one national pool, the employer it
    is credited to (else the formal employer). Targets and baselines per sub-sector are the
    parameters ``target.subsector.<name>`` and ``baseline.subsector.<name>``, supplied by the
    user, for example ``{"target.subsector.rijk": {"2022": "4"}}``.

    ``count`` may pass a :func:`count_jobs` result of the same scenario, rules and year.

    >>> from banenafspraak.demo import example_scenario
    >>> report = subsector_monitoring(example_scenario(), year=2019)
    >>> report.line("gemeenten").employers
    ('G',)

    Without ``rules``, the law in force at the end of ``year``
    (:func:`~banenafspraak.counting.rules_in_force`), as :func:`~banenafspraak.count_jobs`.
    """
    measured = Period.year(year)
    rule_set = rules_in_force(scenario, measured, parameters, rules)
    params = parameters_for(scenario, parameters)
    if count is None:
        count = count_jobs(scenario, rules=rule_set, year=year, parameters=params)
    else:
        check_count(count, rule_set, measured, scenario, params)
    chosen = resolve_basis(basis, rule_set)
    placements = {p.id: p for p in scenario.placements}
    parts: list[tuple[Subsector | str, Tally]] = []
    employers: defaultdict[Subsector, set[EmployerId]] = defaultdict(set)
    for attribution in count.attributions:
        if attribution.pool is None:
            continue
        placement = placements[PlacementId(attribution.placement)]
        employer = _basis_employer(attribution, placement, chosen, scenario)
        # Regeling Wfsv 3.27: the employer's sector of the pay period's year, as the rule sets
        pay_year = attribution.pay_period.end.year
        bucket = subsector_bucket(
            attribution.pool,
            None if employer is None else employer.sector_in(pay_year),
            None if employer is None else employer.subsector_in(pay_year),
        )
        parts.append((bucket, Tally(hours=attribution.hours, jobs=attribution.jobs)))
        if isinstance(bucket, Subsector) and employer is not None:
            employers[bucket].add(employer.id)
    return subsector_report(
        rules=rule_set,
        year=year,
        basis=chosen,
        parameters=params,
        sums=sums_by_key(parts),
        employers={sub: tuple(sorted(ids)) for sub, ids in employers.items()},
        government_pool=count.pools.get(Pool.GOVERNMENT),
        receipt=count.receipt,
    )


def subsector_report(
    *,
    rules: RuleSet,
    year: int,
    basis: SubsectorBasis,
    parameters: Parameters,
    sums: Mapping[Subsector | str, Tally],
    employers: Mapping[Subsector, tuple[EmployerId, ...]],
    government_pool: Tally | None,
    receipt: Receipt,
) -> SubsectorMonitoring:
    """The sub-sector report from the counted hours per bucket (:func:`subsector_bucket`).

    ``sums`` holds a tally for every bucket that received a counted share (even of zero hours);
    ``employers`` the holders per sub-sector, sorted. Both engines build the report here.
    """
    reasons = [by_122n_text(year, *_BASIS_REASON[basis])]
    if _UNASSIGNED in sums:
        reasons.append(SUBSECTOR_KEYED)
    reasons.append(SUBSECTOR_REALISATION)
    return SubsectorMonitoring(
        rules=rules.name,
        year=year,
        basis=basis,
        lines=tuple(
            _subsector_line(
                subsector,
                sums.get(subsector, Tally()),
                employers.get(subsector, ()),
                parameters,
                year,
            )
            for subsector in Subsector
        ),
        without_subsector=sums.get(_WITHOUT, Tally()),
        unassigned=sums.get(_UNASSIGNED, Tally()),
        elsewhere=sums.get(_ELSEWHERE, Tally()),
        counted=sum_tallies(sums.values()),
        government_pool=government_pool,
        reasons=tuple(reasons),
        receipt=receipt,
    )


def _subsector_line(
    subsector: Subsector,
    tally: Tally,
    employers: tuple[EmployerId, ...],
    params: Parameters,
    year: int,
) -> SubsectorLine:
    target_name = f"target.subsector.{subsector.value}"
    baseline_name = f"baseline.subsector.{subsector.value}"
    value = params.for_year(target_name, year)
    target = value if isinstance(value, Decimal) else None
    baseline = Fraction(params.decimal(baseline_name, year))
    extra = tally.jobs - baseline
    return SubsectorLine(
        subsector=subsector,
        hours=tally.hours,
        jobs=tally.jobs,
        baseline_jobs=baseline,
        extra_jobs=extra,
        target=target,
        met=None if target is None else extra >= target,
        employers=employers,
        reasons=(
            _parameter_reason(params, baseline_name, year, "baseline (nulmeting)"),
            _parameter_reason(params, target_name, year, "target"),
        ),
    )
