"""``wet-banenafspraak-2025``: the Wet banenafspraak (Wet van 23 april 2025), chapter I and the Wtl.

One national pool against one national target (the sum of the former sector targets); a job counts
once, at its formal employer (the agency, the SW-bedrijf, the cleaning company), with no hirer
administration; seconded Wsw hours count, internal Wsw work and beschut werk do not. One national
activation; from 1 January of the second calendar year after it, the inclusiviteitsopslag on the
premium wage of every employer that is not small for the Aof premium, paired with the
banenafspraakbonus per verloond uur of a doelgroep employee; the loonkostenvoordeel (LKV) of
EUR 1.01 per hour, at most EUR 2,000 per employee per year, with no time limit from 2026.

Chapter I applies from the date of art. 2 (a parameter, ``wet2025.article_2_in_force``); for the
years before it the 2015 rules stay (art. 12), which is what :func:`rule_set_in_force` selects.
Counting a year before that date under this rule set is a what-if: the law applied to that year.

References:
    * Wet banenafspraak (BWBR0051018), versions 2026-01-01 and 2026-07-01: art. 1 (quotumregeling,
      uitgeleende werknemer), 2 (doelgroep), 4 (national count, art. 4(4) yearly government
      report), 5 (activation), 6 (inclusiviteitsopslag and exemptions), 12 (transition).
      https://wetten.overheid.nl/BWBR0051018/2026-07-01
    * Wet tegemoetkomingen loondomein (BWBR0037522), version 2026-01-01: art. 2.10-2.13 (LKV
      doelgroep banenafspraak; the banenafspraakbonus of 2.13(2), which art. 1 names, is not
      in this text yet), 6.2 (transition); version 2018-01-01 (read up to 2025) for the
      three-year limit and the doelgroepverklaring.
      https://wetten.overheid.nl/BWBR0037522/2026-01-01
    * Besluit Wfsv (BWBR0019070), art. 2.19d (in the text since 2022-01-01, unchanged to
      2026-04-01): the small employer for the Aof premium.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import attrs
import pendulum

from banenafspraak.employers import Employer, EmployerId
from banenafspraak.parameters import Parameter, Parameters
from banenafspraak.placements import PayPeriod, Placement, PlacementKind
from banenafspraak.references import LegalReference, Tag
from banenafspraak.rulesets import common, national_pool
from banenafspraak.rulesets._protocol import Ledger, Reason, RuleContext, Share
from banenafspraak.rulesets.national_pool import WBA_VERSION, NationalInstrument
from banenafspraak.sectors import Pool

__all__ = ["WET_2025", "Wet2025"]


def _wba(article: str, version: str = WBA_VERSION) -> LegalReference:
    return LegalReference(law="Wet banenafspraak", article=article, version=version)


def _wtl(article: str, version: str = "2026-01-01") -> LegalReference:
    return LegalReference(law="Wtl", article=article, version=version)


# -- where a job counts -------------------------------------------------------------------------

FORMAL_EMPLOYER = Reason(
    code="W25-FORMAL-EMPLOYER",
    text="a job counts once, at the employer who reports its verloonde uren in the "
    "loonaangifte; that employer gets the LKV and the bonus",
    reference=_wba("1, 4(2)"),
    tag=Tag.DERIVED,
)
AGENCY_AT_LENDER = Reason(
    code="W25-AGENCY",
    text="an uitzendkracht or payroll worker counts at the agency that employs him; the hirer "
    "gets no credit and there is no inleenadministratie",
    reference=_wba("1, 4(2), 6(4)(a)"),
    tag=Tag.DERIVED,
)
WSW_SECONDED = Reason(
    code="W25-WSW-SECONDED",
    text="a Wsw employee counts for the pay periods in which he is seconded to another employer, "
    "at the SW-bedrijf that employs him",
    reference=_wba("4(3)"),
)
PROCUREMENT_AT_SUPPLIER = Reason(
    code="W25-PROCUREMENT",
    text="a job delivered through a procurement or SROI contract counts at the supplier who "
    "employs the person; the buyer gets no credit (the 2018 plan was dropped)",
    reference=LegalReference(
        law="Wet banenafspraak",
        article="4(2)",
        version=WBA_VERSION,
        source="opnaarde125000.nl ZPW 2020",
    ),
    tag=Tag.SECONDARY,
)
COLLEGIAL_SECONDMENT = Reason(
    code="W25-COLLEGIAL",
    text="a regular employer lending its own employee is no uitlener: the job counts at the "
    "legal employer",
    reference=_wba("1"),
    tag=Tag.DERIVED,
)
IN_FORCE = pendulum.Date(2027, 1, 1)
"""Default date of art. 2 (the parameter ``wet2025.article_2_in_force``; the KB was not found)."""


def _formal_employer_reasons(placement: Placement) -> tuple[Reason, ...]:
    if placement.kind is PlacementKind.AGENCY:
        return (AGENCY_AT_LENDER,)
    if placement.kind is PlacementKind.WSW_SECONDED:
        return (WSW_SECONDED,)
    reasons: tuple[Reason, ...] = (FORMAL_EMPLOYER,)
    if placement.hirer is not None:
        reasons = (*reasons, COLLEGIAL_SECONDMENT)
    if placement.contract is not None:
        reasons = (*reasons, PROCUREMENT_AT_SUPPLIER)
    return reasons


@attrs.frozen
class Wet2025:
    """The Wet banenafspraak (Wet van 23 april 2025, Stb. 2025; BWBR0051018) with the Wtl LKV."""

    name: str = "wet-banenafspraak-2025"
    version: str = "2"
    title: str = "Wet banenafspraak (Wet van 23 april 2025)"
    in_force_from: pendulum.Date | None = IN_FORCE
    references: tuple[LegalReference, ...] = (
        _wba("1, 2, 4, 5, 6, 12", "2026-01-01"),
        _wba("1, 2, 4, 5, 6, 12"),
        _wtl("2.10-2.13, 6.2"),
        LegalReference(law="Besluit Wfsv", article="2.19d", version="2026-01-01"),
    )
    extra_parameters: tuple[Parameter, ...] = ()
    pools: tuple[Pool, ...] = (Pool.NATIONAL,)

    def starts(self, parameters: Parameters) -> pendulum.Date | None:
        """The date of art. 2: the parameter ``wet2025.article_2_in_force`` (default 2027-01-01)."""
        default = self.in_force_from or IN_FORCE
        value = parameters.for_year("wet2025.article_2_in_force", default.year)
        return value if isinstance(value, pendulum.Date) else default

    def attribute(
        self, placement: Placement, pay_period: PayPeriod, context: RuleContext
    ) -> tuple[Share, ...]:
        """One national pool; credited to the formal employer (art. 4; Wtl 2.10).

        The answer reads the pay period's year and the registration found, nothing else of it:
        within a count it is decided once per placement and situation (:func:`.decided_once`).
        """
        return common.decided_once(self, self._decide, placement, pay_period, context)

    def _decide(
        self, placement: Placement, pay_period: PayPeriod, context: RuleContext
    ) -> tuple[Share, ...]:
        checked = national_pool.doelgroep_reasons(placement, pay_period, context)
        if isinstance(checked, Share):
            return (checked,)
        reasons = (*checked, *_formal_employer_reasons(placement))
        return (common.counted(Pool.NATIONAL, EmployerId(placement.employer), reasons),)

    def targets(self, year: int, parameters: Parameters) -> Mapping[Pool, Decimal]:
        """The national target (:func:`.national_pool.national_targets`)."""
        return national_pool.national_targets(year, parameters)

    def assess_quotum(
        self, employer: Employer, year: int, ledger: Ledger, context: RuleContext
    ) -> NationalInstrument:
        """Opslag, bonus, LKV and net effect (see :mod:`~banenafspraak.rulesets.national_pool`)."""
        return national_pool.assess_national_instrument(
            self.name, employer, year, ledger, context.parameters
        )


WET_2025 = Wet2025()
"""The ``wet-banenafspraak-2025`` rule set."""
