"""The interface every rule set implements, and the values rules hand back.

A rule set answers three questions, each as a small function over frozen values:

* :meth:`RuleSet.attribute`: for one pay period of one placement, which share of its hours adds
  to which monitoring pool, which employer it is credited to, or why it counts nowhere;
* :meth:`RuleSet.targets`: the cumulative extra jobs each pool must reach by the end of a year;
* :meth:`RuleSet.assess_quotum`: the quotum of one employer in one year.

Rule sets compose shared rules (:mod:`banenafspraak.rulesets.common`); they do not inherit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import attrs
import pendulum

from banenafspraak.employers import Employer, EmployerId
from banenafspraak.parameters import Parameters
from banenafspraak.references import LegalReference, Tag
from banenafspraak.sectors import Pool, Sector

if TYPE_CHECKING:
    from banenafspraak.people import Person
    from banenafspraak.placements import PayPeriod, Placement
    from banenafspraak.procurement import ProcurementContract
    from banenafspraak.scenario import Scenario

__all__ = [
    "Attribution",
    "QuotumAssessment",
    "Reason",
    "RuleContext",
    "RuleSet",
    "Share",
]


@attrs.frozen(kw_only=True)
class Reason:
    """One step of an explanation: a rule that applied, with its legal source.

    ``code`` is short and stable (it is what the batch engine and the JSON carry); ``text`` says
    the rule in a sentence; ``detail`` adds the facts of the case where they matter.
    """

    code: str
    text: str
    reference: LegalReference
    tag: Tag = Tag.VERIFIED
    detail: str = ""

    def with_detail(self, detail: str) -> Reason:
        """The same rule, with the facts of this case."""
        return attrs.evolve(self, detail=detail)

    def __str__(self) -> str:
        detail = f" ({self.detail})" if self.detail else ""
        return f"[{self.code}] {self.text}{detail} - {self.reference} [{self.tag.value}]"


@attrs.frozen(kw_only=True)
class Share:
    """What a rule set decides for a share of one pay period's hours.

    ``fraction`` of the pay period's hours adds to ``pool`` (or to no pool: then
    ``excluded_because`` says why) and is credited to ``credited_to`` (or to nobody). The shares
    a rule set returns for one pay period add up to exactly 1.
    """

    fraction: Fraction
    pool: Pool | None
    credited_to: EmployerId | None
    excluded_because: Reason | None
    reasons: tuple[Reason, ...]

    def __attrs_post_init__(self) -> None:
        if (self.pool is None) == (self.excluded_because is None):
            msg = "a share adds to exactly one pool, or gives the reason it is excluded"
            raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Attribution:
    """Where the hours of one pay period of one placement count, within a measured period.

    Attributes:
        placement: the placement's id.
        person: the person's id.
        employer: the formal employer.
        pay_period: the pay period the hours come from.
        hours: the hours of this share inside the measured period (exact).
        jobs: ``hours`` in jobs of 1,331 h per year, for the measured period (exact).
        pool: the monitoring pool the hours add to, or ``None`` when excluded.
        credited_to: the employer whose own figure they add to (quotum variable C under the
            2015 law, the bonus/LKV employer under the 2025 law, the buyer under the 2018
            outline), or ``None``.
        excluded_because: why the hours add to no pool.
        reasons: the rules that decided it, in order.
    """

    placement: str
    person: str
    employer: str
    pay_period: PayPeriod
    hours: Fraction
    jobs: Fraction
    pool: Pool | None
    credited_to: EmployerId | None
    excluded_because: Reason | None
    reasons: tuple[Reason, ...]

    @property
    def counted(self) -> bool:
        """The hours add to a pool."""
        return self.pool is not None


def _money(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


@attrs.frozen(kw_only=True)
class QuotumAssessment:
    """The quotum of one employer in one year under one rule set.

    Under ``wbqa-2015`` the fields ``total_hours`` .. ``levy`` are the variables of Wfsv 38g(3)
    and the nominal quotumheffing; under ``wet-banenafspraak-2025`` the ``surcharge_*``,
    ``bonus``, ``lkv`` and ``net_effect`` fields hold the inclusiviteitsopslag, the
    banenafspraakbonus and the loonkostenvoordeel. Fields a rule set does not use are ``None``.
    Amounts are ``Decimal``: they are rounded only where the law rounds.
    """

    employer: EmployerId
    year: int
    rules: str
    sector: Sector
    liable: bool
    reasons: tuple[Reason, ...]
    active: bool = False
    total_hours: Decimal | None = None
    percentage: Decimal | None = None
    credited_hours: Decimal | None = None
    job_hours: Decimal | None = None
    required_hours: Decimal | None = None
    shortfall_jobs: Decimal | None = None
    levy: Decimal | None = None
    levied: bool = False
    small_employer: bool | None = None
    surcharge_base: Decimal | None = attrs.field(default=None, converter=_money)
    exempt_wage: Decimal | None = attrs.field(default=None, converter=_money)
    surcharge_rate: Decimal | None = None
    surcharge: Decimal | None = None
    bonus: Decimal | None = None
    lkv: Decimal | None = None
    net_effect: Decimal | None = None


@attrs.frozen(kw_only=True, eq=False)
class RuleContext:
    """What a rule may look up: the scenario's nouns and the parameters in force."""

    scenario: Scenario
    parameters: Parameters

    def employer(self, employer_id: str) -> Employer:
        """The employer with this id."""
        return self.scenario.employer(employer_id)

    def person(self, person_id: str) -> Person:
        """The person with this id."""
        return self.scenario.person(person_id)

    def contract(self, contract_id: str) -> ProcurementContract:
        """The procurement contract with this id."""
        return self.scenario.contract(contract_id)


@runtime_checkable
class RuleSet(Protocol):
    """The interface of a rule set.

    Built-in rule sets are registered in :mod:`banenafspraak.rulesets`; third-party ones through
    the entry-point group ``banenafspraak.rulesets``.
    """

    @property
    def name(self) -> str:
        """Registry name, for example ``"wbqa-2015"``."""

    @property
    def version(self) -> str:
        """Version of this encoding of the rules (changes when an outcome changes)."""

    @property
    def title(self) -> str:
        """The law or proposal, in words."""

    @property
    def in_force_from(self) -> pendulum.Date | None:
        """First day the rules applied; ``None`` for a proposal never enacted."""

    @property
    def references(self) -> tuple[LegalReference, ...]:
        """The main legal sources."""

    @property
    def pools(self) -> tuple[Pool, ...]:
        """The monitoring pools this rule set counts in."""

    def attribute(
        self, placement: Placement, pay_period: PayPeriod, context: RuleContext
    ) -> tuple[Share, ...]:
        """Where the hours of one pay period count; the shares' fractions add up to 1."""

    def targets(self, year: int, parameters: Parameters) -> Mapping[Pool, Decimal]:
        """Cumulative extra jobs each pool must reach by the end of ``year``."""

    def assess_quotum(
        self,
        employer: Employer,
        year: int,
        credited: Sequence[Attribution],
        context: RuleContext,
    ) -> QuotumAssessment:
        """The quotum of ``employer`` in ``year``, given the attributions credited to it."""
