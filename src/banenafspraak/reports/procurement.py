"""Jobs carried by procurement contracts (services and social return), per buyer.

See :mod:`banenafspraak.reports` and ``docs/reports.md`` for the method.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

import attrs

from banenafspraak._util import FrozenMap
from banenafspraak.counting import (
    JobCount,
    ParametersArg,
    Receipt,
    Tally,
    count_jobs,
    measured_period,
    parameters_for,
    rules_in_force,
)
from banenafspraak.employers import Employer, EmployerId
from banenafspraak.exceptions import NotFoundError
from banenafspraak.periods import Period
from banenafspraak.placements import PlacementId
from banenafspraak.procurement import ContractId, ContractKind
from banenafspraak.references import LegalReference, Tag
from banenafspraak.reports.common import ZERO, sum_tallies, sums_by_key, tally_of
from banenafspraak.rulesets import available_rule_sets, resolve
from banenafspraak.rulesets._protocol import Attribution, Reason, RuleSet
from banenafspraak.scenario import Scenario
from banenafspraak.sectors import Pool, Sector, Subsector

PROCUREMENT_STUDY = LegalReference(
    law="Letter on the banenafspraak at government employers",
    source="kst-34352-279 (21 February 2023) with the Beleidsonderzoekers study: "
    "15,000-17,000 market jobs through government procurement and social return",
)

PROCUREMENT_CARRIED = Reason(
    code="PROC-CARRIED",
    text="jobs carried by procurement: the hours of placements that serve a procurement contract "
    "(services or social return), inside the contract's period, that count in a pool under the "
    "rule set, added up per buying employer whatever employer and pool they count for",
    reference=PROCUREMENT_STUDY,
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
        return sum_tallies(self.pools.values())

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
class Part:
    """Hours of placements serving one contract, inside its period, alike in all that matters.

    The pure path makes one per attribution; the batch engine one per group of rows.
    """

    buyer: EmployerId
    contract: ContractId
    pool: Pool | None
    credit: str
    """``buyer``, ``supplier``, ``other`` or ``nobody``: see :func:`credit_class`."""
    year: int
    """The pay period's year (its end's)."""
    tally: Tally


def credit_class(credited_to: EmployerId | None, buyer: EmployerId, supplier: EmployerId) -> str:
    """Whom a share is credited to, seen from the contract it serves."""
    if credited_to is None:
        return "nobody"
    if credited_to == buyer:
        return "buyer"
    if credited_to == supplier:
        return "supplier"
    return "other"


def _procurement_parts(count: JobCount, scenario: Scenario) -> list[Part]:
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
                Part(
                    buyer=contract.buyer,
                    contract=contract_id,
                    pool=attribution.pool,
                    credit=credit_class(attribution.credited_to, contract.buyer, contract.supplier),
                    year=attribution.pay_period.end.year,
                    tally=tally_of([(attribution, share)]),
                )
            )
    return parts


def _destination(
    rules: str, pools: Sequence[Pool], parts: Sequence[Part], receipt: Receipt
) -> ProcurementDestination:
    summed = sums_by_key((part.pool, part.tally) for part in parts)
    by_pool = dict.fromkeys(pools, Tally())
    by_pool.update((pool, tally) for pool, tally in summed.items() if pool is not None)
    credit = {
        **dict.fromkeys(("buyer", "supplier", "other", "nobody"), Tally()),
        **sums_by_key((part.credit, part.tally) for part in parts),
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


def procurement_rule_sets(
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
    rule_sets = procurement_rule_sets(chosen, compare_with)
    params = parameters_for(scenario, parameters)
    counts = [count_jobs(scenario, rules=r, period=measured, parameters=params) for r in rule_sets]
    return procurement_report(
        rule_sets=rule_sets,
        period=measured,
        employers=scenario.employers,
        kinds={c.id: c.kind for c in scenario.contracts},
        parts=[_procurement_parts(c, scenario) for c in counts],
        receipts=[c.receipt for c in counts],
    )


def procurement_report(
    *,
    rule_sets: Sequence[RuleSet],
    period: Period,
    employers: Iterable[Employer],
    kinds: Mapping[ContractId, ContractKind],
    parts: Sequence[Sequence[Part]],
    receipts: Sequence[Receipt],
) -> ProcurementReport:
    """The procurement report from the parts of each rule set's count (the chosen one first).

    ``employers`` are at least the buyers, in the order of ids. Both engines build the report here.
    """
    parts_by_buyer: list[defaultdict[EmployerId, list[Part]]] = []
    for of_rule_set in parts:
        grouped: defaultdict[EmployerId, list[Part]] = defaultdict(list)
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
                input=sum_tallies(part.tally for part in mine[0]),
                carried=sum_tallies(part.tally for part in carried_parts),
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
        by_sector=FrozenMap(sums_by_key(by_sector)),
        by_kind=FrozenMap(sums_by_key(by_kind)),
        input=destinations[0].input,
        carried=destinations[0].counted,
        destinations=destinations,
        reasons=(PROCUREMENT_CARRIED, PROCUREMENT_CONTRACT_PERIOD, PROCUREMENT_COMPARED),
        receipt=receipts[0],
    )
