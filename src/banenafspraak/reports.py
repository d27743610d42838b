"""The reports sector teams and policy makers ask for, beyond the national count.

Four pure computations, each resting on :func:`~banenafspraak.counting.count_jobs` under a rule set
chosen by name or object, each carrying the :class:`~banenafspraak.counting.Receipt` of the
count(s) it rests on and the :class:`~banenafspraak.rulesets.Reason` of every step of its method:

* :func:`subsector_monitoring`: realised extra jobs per government sub-sector (Rijk, Defensie,
  Politie, Gemeenten, ..., UMC's, onderzoeksinstellingen) against a user-supplied sub-sector target,
  with the realisation percentage, as the yearly progress letters report it;
* :func:`procurement_jobs`: the jobs delivered through procurement contracts (services and social
  return), per buying employer and per buyer's sector, beside where they count under each
  rule set;
* :func:`durability`: how long placements last and the share still running twelve months after
  they started, per employer, sector and year of start;
* :func:`trend`: the yearly series of extra jobs per pool and sub-sector against the targets, with
  the year-on-year change and whether each target was met.

The method of each report is documented in ``docs/reports.md``.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from operator import itemgetter
from typing import TYPE_CHECKING, TypeVar

import attrs
import pendulum

from banenafspraak._util import FrozenMap, exact_sum, paused_gc, positional_maker, to_date
from banenafspraak.counting import (
    JobCount,
    Monitoring,
    ParametersArg,
    Receipt,
    Tally,
    count_jobs,
    measured_period,
    parameters_for,
    rules_in_force,
)
from banenafspraak.employers import Employer, EmployerId
from banenafspraak.exceptions import InvalidValueError, NotFoundError
from banenafspraak.parameters import Parameters
from banenafspraak.periods import Period
from banenafspraak.placements import PayPeriod, Placement, PlacementId
from banenafspraak.procurement import ContractId, ContractKind
from banenafspraak.references import LegalReference, Tag
from banenafspraak.rulesets import available_rule_sets, resolve
from banenafspraak.rulesets._protocol import Attribution, Reason, RuleSet
from banenafspraak.rulesets.common import by_122n_text
from banenafspraak.rulesets.national_pool import WBA_VERSION
from banenafspraak.scenario import Scenario
from banenafspraak.sectors import Pool, Sector, Subsector

__all__ = [
    "DurabilityLine",
    "DurabilityReport",
    "PlacementSpell",
    "ProcurementBuyer",
    "ProcurementDestination",
    "ProcurementReport",
    "SpellStatus",
    "SubsectorBasis",
    "SubsectorLine",
    "SubsectorMonitoring",
    "Trend",
    "TrendPoint",
    "TrendSeries",
    "durability",
    "procurement_jobs",
    "subsector_monitoring",
    "trend",
]

ZERO = Fraction(0)

_REPORTING = LegalReference(
    law="Sub-sector reporting of the banenafspraak",
    source="yearly progress letters to parliament; VSO sector tables (wbqa-2015 spec §5)",
)
_ART_4_4 = LegalReference(law="Wet banenafspraak", article="4(4)", version=WBA_VERSION)
_PROCUREMENT_STUDY = LegalReference(
    law="Letter on the banenafspraak at government employers",
    source="kst-34352-279 (21 February 2023) with the Beleidsonderzoekers study: "
    "15,000-17,000 market jobs through government procurement and social return",
)
_DURABILITY_RESEARCH = LegalReference(
    law="Durability research of the banenafspraak",
    source="UWV/SZW yearly research on how long banenafspraak jobs last",
)


def _tally(attributions: Iterable[tuple[Attribution, Fraction]]) -> Tally:
    """Hours and jobs of ``(attribution, share of it)`` pairs."""
    total = Tally()
    for attribution, share in attributions:
        total += Tally(hours=attribution.hours * share, jobs=attribution.jobs * share)
    return total


_K = TypeVar("_K")


def _sum(tallies: Iterable[Tally]) -> Tally:
    """The tallies added up: each of hours and jobs as one exact sum, made once."""
    return _sums((None, tally) for tally in tallies).get(None, Tally())


def _sums(pairs: Iterable[tuple[_K, Tally]]) -> dict[_K, Tally]:
    """The tallies added up per key, in the order the keys first appear.

    Exact, and the same as adding them one by one; made once per key (:func:`exact_sum`), which
    a report with tens of thousands of parts needs. A key with one tally keeps it.
    """
    grouped: dict[_K, list[Tally]] = {}
    for key, tally in pairs:
        if key in grouped:
            grouped[key].append(tally)
        else:
            grouped[key] = [tally]
    return {
        key: tallies[0]
        if len(tallies) == 1
        else Tally(
            hours=exact_sum(t.hours for t in tallies), jobs=exact_sum(t.jobs for t in tallies)
        )
        for key, tallies in grouped.items()
    }


def _check_count(
    count: JobCount, rule_set: RuleSet, period: Period, scenario: Scenario, params: Parameters
) -> None:
    """A count passed in must be of the same rules, period, parameters and scenario."""
    if count.rules != rule_set.name or count.period != period:
        msg = (
            f"the count given is of {count.rules}, {count.period}; "
            f"this report needs {rule_set.name}, {period}"
        )
        raise InvalidValueError(msg)
    if count.receipt.parameters_digest != params.digest():
        msg = "the count given was made with other parameters than this report's"
        raise InvalidValueError(msg)
    if count.scenario is not scenario and count.receipt.scenario_digest != scenario.digest():
        msg = "the count given is of another scenario"
        raise InvalidValueError(msg)


# -- 1. sub-sector monitoring ------------------------------------------------------------------


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
"""For a year from 2020: the renumbered text (see
:func:`~banenafspraak.rulesets.common.by_122n_text`)."""
SUBSECTOR_CREDITED = Reason(
    code="SUB-CREDITED",
    text="a job belongs to the sub-sector of the government employer the rule set credits it to "
    "(the formal employer under the 2025 law, whose yearly report covers jobs at government "
    "employers; the buyer of a procurement contract under the 2018 outline), or of its formal "
    "employer when nobody is credited",
    reference=_ART_4_4,
    tag=Tag.DERIVED,
)
SUBSECTOR_FORMAL = Reason(
    code="SUB-FORMAL",
    text="a job belongs to the sub-sector of the government employer that reports its hours",
    reference=_ART_4_4,
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
    reference=_REPORTING,
    tag=Tag.UNVERIFIED,
)

_BASIS_REASON = {
    SubsectorBasis.WORKPLACE: (SUBSECTOR_WORKPLACE, SUBSECTOR_WORKPLACE_2020),
    SubsectorBasis.FORMAL_EMPLOYER: (SUBSECTOR_FORMAL, SUBSECTOR_FORMAL),
    SubsectorBasis.CREDITED: (SUBSECTOR_CREDITED, SUBSECTOR_CREDITED),
}
"""Per basis, its reason before and after the renumbering of Wfsv 122n (:func:`by_122n_text`)."""


def _percentage(extra: Fraction, target: Decimal | None) -> Fraction | None:
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
        return _percentage(self.extra_jobs, self.target)


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
        return _sum(Tally(hours=line.hours, jobs=line.jobs) for line in self.lines)

    @property
    def government(self) -> Tally:
        """Hours at government employers: the lines plus ``without_subsector``."""
        return self.total + self.without_subsector


class _Holder(enum.StrEnum):
    """Whose sub-sector a counted share belongs to, relative to its placement."""

    FORMAL_EMPLOYER = "formal_employer"
    """The placement's formal employer."""
    HIRER = "hirer"
    """The placement's hirer (nobody when the hirer is not known)."""
    CREDITED = "credited"
    """The employer the rule set credits the share to."""


def _subsector_holder(basis: SubsectorBasis, *, lends_to_hirer: bool, credited: bool) -> _Holder:
    """Whose sub-sector a counted share belongs to under ``basis`` (not ``AUTO``).

    ``lends_to_hirer``: the placement puts its worker at a hirer (an uitzendkracht or a Wsw
    secondee); ``credited``: the rule set credits the share to some employer. The pure path asks
    this per attribution, the batch engine once per distinct situation.
    """
    if basis is SubsectorBasis.WORKPLACE and lends_to_hirer:
        return _Holder.HIRER
    if basis is SubsectorBasis.CREDITED and credited:
        return _Holder.CREDITED
    return _Holder.FORMAL_EMPLOYER


_ELSEWHERE, _UNASSIGNED, _WITHOUT = "elsewhere", "unassigned", "without_subsector"


def _subsector_bucket(
    pool: Pool, sector: Sector | None, subsector: Subsector | None
) -> Subsector | str:
    """Where a counted share goes in the sub-sector report.

    ``sector`` and ``subsector`` are those of the holder (:func:`_subsector_holder`) in the pay
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
    holder = _subsector_holder(
        basis,
        lends_to_hirer=placement.kind.lends_to_hirer,
        credited=attribution.credited_to is not None,
    )
    ident = {
        _Holder.FORMAL_EMPLOYER: placement.employer,
        _Holder.HIRER: placement.hirer,
        _Holder.CREDITED: attribution.credited_to,
    }[holder]
    return None if ident is None else scenario.employer(ident)


def _resolve_basis(basis: SubsectorBasis | str, rule_set: RuleSet) -> SubsectorBasis:
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
        _check_count(count, rule_set, measured, scenario, params)
    chosen = _resolve_basis(basis, rule_set)
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
        bucket = _subsector_bucket(
            attribution.pool,
            None if employer is None else employer.sector_in(pay_year),
            None if employer is None else employer.subsector_in(pay_year),
        )
        parts.append((bucket, Tally(hours=attribution.hours, jobs=attribution.jobs)))
        if isinstance(bucket, Subsector) and employer is not None:
            employers[bucket].add(employer.id)
    return _subsector_report(
        rules=rule_set,
        year=year,
        basis=chosen,
        parameters=params,
        sums=_sums(parts),
        employers={sub: tuple(sorted(ids)) for sub, ids in employers.items()},
        government_pool=count.pools.get(Pool.GOVERNMENT),
        receipt=count.receipt,
    )


def _subsector_report(
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
    """The sub-sector report from the counted hours per bucket (:func:`_subsector_bucket`).

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
        counted=_sum(sums.values()),
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


# -- 2. jobs carried by procurement ------------------------------------------------------------

PROCUREMENT_CARRIED = Reason(
    code="PROC-CARRIED",
    text="jobs carried by procurement: the hours of placements that serve a procurement contract "
    "(services or social return), inside the contract's period, that count in a pool under the "
    "rule set, added up per buying employer whatever employer and pool they count for",
    reference=_PROCUREMENT_STUDY,
    tag=Tag.DERIVED,
)
PROCUREMENT_CONTRACT_PERIOD = Reason(
    code="PROC-CONTRACT-PERIOD",
    text="a pay period that straddles the start or end of the contract is split pro rata by days; "
    "hours outside the contract's period are not carried by it",
    reference=LegalReference(law="Measurement period", source="DECISIONS: measurement period"),
    tag=Tag.DERIVED,
)
PROCUREMENT_COMPARED = Reason(
    code="PROC-COMPARED",
    text="beside it, for every rule set: the pool the same hours add to and the employer they "
    "are credited to (the buyer, the supplier, another employer or nobody)",
    reference=LegalReference(
        law="Rule sets compared", source="DECISIONS: procurement / SROI (wbqa-2015 spec §4.4)"
    ),
    tag=Tag.SECONDARY,
)


@attrs.frozen(kw_only=True)
class ProcurementDestination:
    """Where the hours of procurement placements count under one rule set.

    Two partitions of the same input hours: by pool (``pools`` + ``excluded``), and by the
    employer they are credited to (``at_buyer`` + ``at_supplier`` + ``at_other`` +
    ``at_nobody``).
    """

    rules: str
    pools: FrozenMap[Pool, Tally]
    excluded: Tally
    at_buyer: Tally
    at_supplier: Tally
    at_other: Tally
    at_nobody: Tally
    receipt: Receipt

    @property
    def counted(self) -> Tally:
        """Hours that add to a pool."""
        return _sum(self.pools.values())

    @property
    def input(self) -> Tally:
        """All procurement hours of the period."""
        return self.counted + self.excluded


@attrs.frozen(kw_only=True)
class ProcurementBuyer:
    """The jobs one buying employer's contracts carry, and where they count.

    Attributes:
        buyer: the buying employer.
        sector: the buyer's sector in the last year of the measured period.
        subsector: the buyer's sub-sector then, if any.
        contracts: the contracts whose placements have hours in the period.
        input: all hours of the placements serving those contracts, inside the contracts'
            periods.
        carried: the part of ``input`` that counts in a pool under the chosen rule set.
        destinations: per rule set, where the same hours count.
    """

    buyer: EmployerId
    sector: Sector
    subsector: Subsector | None
    contracts: tuple[ContractId, ...]
    input: Tally
    carried: Tally
    destinations: tuple[ProcurementDestination, ...]


@attrs.frozen(kw_only=True)
class ProcurementReport:
    """Jobs carried by procurement, per buyer and per buyer's sector, under each rule set.

    Attributes:
        rules: the chosen rule set (the one ``carried`` is counted under).
        period: the measured period.
        buyers: one line per buying employer, in the order of ids.
        by_sector: carried jobs per buyer's sector.
        by_kind: carried jobs per kind of contract (services, social return).
        input: all hours of the placements serving contracts, inside the contracts' periods.
        carried: the part that counts in a pool under the chosen rule set.
        destinations: per rule set, where all those hours count.
        reasons: the method, step by step.
        receipt: the receipt of the chosen rule set's count.
    """

    rules: str
    period: Period
    buyers: tuple[ProcurementBuyer, ...]
    by_sector: FrozenMap[Sector, Tally]
    by_kind: FrozenMap[ContractKind, Tally]
    input: Tally
    carried: Tally
    destinations: tuple[ProcurementDestination, ...]
    reasons: tuple[Reason, ...]
    receipt: Receipt

    def buyer(self, employer_id: str) -> ProcurementBuyer:
        """The line of one buyer."""
        for line in self.buyers:
            if line.buyer == employer_id:
                return line
        msg = f"employer {employer_id!r} bought nothing that carries hours in {self.period}"
        raise NotFoundError(msg)


def _contract_share(attribution: Attribution, measured: Period, contract: Period) -> Fraction:
    """The share of an attribution's hours (already inside ``measured``) inside ``contract``."""
    in_measured = attribution.pay_period.period.intersection(measured)
    if in_measured is None:  # pragma: no cover - an attribution always overlaps its period
        return ZERO
    inside = in_measured.overlap_days(contract)
    return Fraction(inside, in_measured.days)


@attrs.frozen(kw_only=True)
class _Part:
    """Hours of placements serving one contract, inside its period, alike in all that matters.

    The pure path makes one per attribution; the batch engine one per group of rows.
    """

    buyer: EmployerId
    contract: ContractId
    pool: Pool | None
    credit: str
    """``buyer``, ``supplier``, ``other`` or ``nobody``: see :func:`_credit_class`."""
    year: int
    """The pay period's year (its end's)."""
    tally: Tally


def _credit_class(credited_to: EmployerId | None, buyer: EmployerId, supplier: EmployerId) -> str:
    """Whom a share is credited to, seen from the contract it serves."""
    if credited_to is None:
        return "nobody"
    if credited_to == buyer:
        return "buyer"
    if credited_to == supplier:
        return "supplier"
    return "other"


def _procurement_parts(count: JobCount, scenario: Scenario) -> list[_Part]:
    """Each attribution of a placement serving a contract, with its share inside the contract."""
    placements = {p.id: p for p in scenario.placements}
    parts = []
    for attribution in count.attributions:
        contract_id = placements[PlacementId(attribution.placement)].contract
        if contract_id is None:
            continue
        contract = scenario.contract(contract_id)
        share = _contract_share(attribution, count.period, contract.period)
        if share:
            parts.append(
                _Part(
                    buyer=contract.buyer,
                    contract=contract_id,
                    pool=attribution.pool,
                    credit=_credit_class(
                        attribution.credited_to, contract.buyer, contract.supplier
                    ),
                    year=attribution.pay_period.end.year,
                    tally=_tally([(attribution, share)]),
                )
            )
    return parts


def _destination(
    rules: str, pools: Sequence[Pool], parts: Sequence[_Part], receipt: Receipt
) -> ProcurementDestination:
    summed = _sums((part.pool, part.tally) for part in parts)
    by_pool = dict.fromkeys(pools, Tally())
    by_pool.update((pool, tally) for pool, tally in summed.items() if pool is not None)
    credit = {
        **dict.fromkeys(("buyer", "supplier", "other", "nobody"), Tally()),
        **_sums((part.credit, part.tally) for part in parts),
    }
    return ProcurementDestination(
        rules=rules,
        pools=FrozenMap(by_pool),
        excluded=summed.get(None, Tally()),
        at_buyer=credit["buyer"],
        at_supplier=credit["supplier"],
        at_other=credit["other"],
        at_nobody=credit["nobody"],
        receipt=receipt,
    )


def _procurement_rule_sets(
    rules: str | RuleSet, compare_with: Sequence[str | RuleSet] | None
) -> list[RuleSet]:
    """The chosen rule set first, then the others to compare with (default: every one)."""
    chosen = resolve(rules)
    others = [resolve(r) for r in (available_rule_sets() if compare_with is None else compare_with)]
    return [chosen, *(r for r in others if r.name != chosen.name)]


def procurement_jobs(
    scenario: Scenario,
    *,
    rules: str | RuleSet | None = None,
    year: int | None = None,
    period: Period | None = None,
    parameters: ParametersArg = None,
    compare_with: Sequence[str | RuleSet] | None = None,
) -> ProcurementReport:
    """The jobs carried by procurement contracts in a year (or any period).

    Per buying employer and per buyer's sector: the hours of the placements that serve its
    contracts, inside each contract's period, that count in a pool under ``rules``, whatever
    employer and pool they count for. Beside them, for ``rules`` and every rule set of
    ``compare_with`` (default: every registered rule set), the pool those hours add to and the
    employer they are credited to, so that the effect of counting at the buyer is visible.
    Without ``rules``, the law in force at the end of the period
    (:func:`~banenafspraak.counting.rules_in_force`).

    >>> from banenafspraak.demo import example_scenario
    >>> line = procurement_jobs(example_scenario(), year=2019).buyer("G")
    >>> line.carried == line.destinations[0].pools[Pool.MARKET]  # at the supplier, in the market
    True
    """
    measured = measured_period(year, period)
    chosen = rules_in_force(scenario, measured, parameters, rules)
    rule_sets = _procurement_rule_sets(chosen, compare_with)
    params = parameters_for(scenario, parameters)
    counts = [count_jobs(scenario, rules=r, period=measured, parameters=params) for r in rule_sets]
    return _procurement_report(
        rule_sets=rule_sets,
        period=measured,
        employers=scenario.employers,
        kinds={c.id: c.kind for c in scenario.contracts},
        parts=[_procurement_parts(c, scenario) for c in counts],
        receipts=[c.receipt for c in counts],
    )


def _procurement_report(
    *,
    rule_sets: Sequence[RuleSet],
    period: Period,
    employers: Iterable[Employer],
    kinds: Mapping[ContractId, ContractKind],
    parts: Sequence[Sequence[_Part]],
    receipts: Sequence[Receipt],
) -> ProcurementReport:
    """The procurement report from the parts of each rule set's count (the chosen one first).

    ``employers`` are at least the buyers, in the order of ids. Both engines build the report here.
    """
    parts_by_buyer: list[defaultdict[EmployerId, list[_Part]]] = []
    for of_rule_set in parts:
        grouped: defaultdict[EmployerId, list[_Part]] = defaultdict(list)
        for part in of_rule_set:
            grouped[part.buyer].append(part)
        parts_by_buyer.append(grouped)
    buyers = {buyer for grouped in parts_by_buyer for buyer in grouped}
    by_sector: list[tuple[Sector, Tally]] = []
    by_kind: list[tuple[ContractKind, Tally]] = []
    lines = []
    for employer in employers:
        if employer.id not in buyers:
            continue
        mine = [per_buyer[employer.id] for per_buyer in parts_by_buyer]
        carried_parts = [part for part in mine[0] if part.pool is not None]
        for part in carried_parts:  # the buyer's sector of the pay period's year
            by_sector.append((employer.sector_in(part.year), part.tally))
            by_kind.append((kinds[part.contract], part.tally))
        lines.append(
            ProcurementBuyer(
                buyer=employer.id,
                sector=employer.sector_in(period.end.year),
                subsector=employer.subsector_in(period.end.year),
                contracts=tuple(sorted({part.contract for part in mine[0]})),
                input=_sum(part.tally for part in mine[0]),
                carried=_sum(part.tally for part in carried_parts),
                destinations=tuple(
                    _destination(r.name, r.pools, of_buyer, receipt)
                    for r, of_buyer, receipt in zip(rule_sets, mine, receipts, strict=True)
                ),
            )
        )
    destinations = tuple(
        _destination(r.name, r.pools, of_rule_set, receipt)
        for r, of_rule_set, receipt in zip(rule_sets, parts, receipts, strict=True)
    )
    return ProcurementReport(
        rules=rule_sets[0].name,
        period=period,
        buyers=tuple(lines),
        by_sector=FrozenMap(_sums(by_sector)),
        by_kind=FrozenMap(_sums(by_kind)),
        input=destinations[0].input,
        carried=destinations[0].counted,
        destinations=destinations,
        reasons=(PROCUREMENT_CARRIED, PROCUREMENT_CONTRACT_PERIOD, PROCUREMENT_COMPARED),
        receipt=receipts[0],
    )


# -- 3. durability -----------------------------------------------------------------------------


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
    reference=_DURABILITY_RESEARCH,
    tag=Tag.DERIVED,
)
DURABILITY_SHARE = Reason(
    code="DUR-SHARE",
    text="share still running = placements still running on the day the horizon is reached / "
    "placements started in the year whose horizon lies inside the data; placements whose horizon "
    "lies after the end of the data are censored and left out of both",
    reference=_DURABILITY_RESEARCH,
    tag=Tag.DERIVED,
)
DURABILITY_GROUPS = Reason(
    code="DUR-GROUPS",
    text="placements are grouped by the year their spell starts, the formal employer (whose "
    "employment relation it is) and that employer's sector",
    reference=_DURABILITY_RESEARCH,
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


def _observed(first: pendulum.Date | None, last: pendulum.Date | None, until: object) -> Period:
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
    return _placement_spell(
        placement=placement.id,
        employer=employer.id,
        sector=employer.sector_in(start.year),
        start=start,
        last=last,
        covered=sum(pp.period.overlap_days(spell) for pp in counted),
        observed=observed,
        horizon=start.add(months=horizon_months),
    )


def _placement_spell(
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
    _check_horizon(horizon_months)
    pay_periods = [pp for placement in scenario.placements for pp in placement.hours]
    observed = _observed(
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
    return _durability_report(
        rules=rule_set,
        observed=observed,
        horizon_months=horizon_months,
        spells=spells,
        receipt=count.receipt,
    )


def _check_horizon(horizon_months: int) -> None:
    if horizon_months < 1:
        msg = f"horizon_months is at least 1, got {horizon_months!r}"
        raise InvalidValueError(msg)


def _durability_report(
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


# -- 4. trend over years -----------------------------------------------------------------------

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
        return _percentage(self.extra_jobs, self.target)


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
    wanted = _trend_years(
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
    return _trend_report(rules=rule_set, years=wanted, counts=years_done)


def _trend_years(first: int | None, last: int | None, years: Iterable[int] | None) -> list[int]:
    """The years to follow: those given, else ``first..last`` (the data's years)."""
    data_years = range(0) if first is None or last is None else range(first, last + 1)
    wanted = sorted(set(data_years if years is None else years))
    if not wanted:
        msg = "no years to follow: the scenario has no pay periods and no years= were given"
        raise InvalidValueError(msg)
    return wanted


def _trend_report(
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
