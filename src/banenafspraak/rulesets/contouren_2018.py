"""``contouren-2018``: the outline of a simpler banenafspraak of September-November 2018.

Never enacted. One national pool; no hirer administration, so agency work counts at the formal
employer; and the one rule that sets it apart: **a job that serves a procurement contract
(services or SROI) counts at the buying employer while the contract runs**. Everything else
counts as under the 2025 law, and the instrument (an inclusiviteitsopslag paired with an
individual bonus, net zero at the quotum) is computed with the 2025 law's parameters.

The library ships it because policy work compares against it, and because it shows that a rule
set is data plus small functions: it reuses the national pool's doelgroep test and instrument
(:mod:`banenafspraak.rulesets.national_pool`) and adds one credit rule.

References:
    * Kamerbrief 20 November 2018, kst-34352-137 (the contours: one banenafspraak, opslag plus
      bonus, procurement and SROI jobs counted at the buyer).
      https://zoek.officielebekendmakingen.nl/kst-34352-137.html
    * Kamerbrief 7 September 2018 (breed offensief) and the motion Nijkerken-De Haan of
      October 2018 (one target for market and government).
    * For everything not in the outline: the Wet banenafspraak (BWBR0051018), version 2026-07-01,
      see :mod:`banenafspraak.rulesets.national_pool`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

import attrs
import pendulum

from banenafspraak.employers import Employer, EmployerId
from banenafspraak.parameters import Parameter, Parameters
from banenafspraak.placements import PayPeriod, Placement
from banenafspraak.references import LegalReference, Tag
from banenafspraak.rulesets import common, national_pool
from banenafspraak.rulesets._protocol import Ledger, Reason, RuleContext, Share
from banenafspraak.rulesets.national_pool import NationalInstrument
from banenafspraak.sectors import Pool

__all__ = ["CONTOUREN_2018", "Contouren2018"]

_LETTER = LegalReference(
    law="Kamerbrief contouren vereenvoudiging banenafspraak",
    source="kst-34352-137, 20 November 2018",
)

ONE_POOL = Reason(
    code="C18-NATIONAL",
    text="one banenafspraak for market and government together: one national pool",
    reference=attrs.evolve(_LETTER, source="kst-34352-137; motion Nijkerken-De Haan, Oct 2018"),
    tag=Tag.SECONDARY,
)
AT_BUYER = Reason(
    code="C18-BUYER",
    text="a job that serves a procurement or SROI contract counts at the buying employer while "
    "the contract runs",
    reference=_LETTER,
    tag=Tag.SECONDARY,
)
OUTSIDE_CONTRACT = Reason(
    code="C18-OUTSIDE-CONTRACT",
    text="the contract does not run on these days: the job counts at the supplier who employs "
    "the person",
    reference=_LETTER,
    tag=Tag.DERIVED,
)
AT_FORMAL_EMPLOYER = Reason(
    code="C18-FORMAL-EMPLOYER",
    text="no inleenadministratie: a job counts at the employer who reports its verloonde uren "
    "(agency, SW-bedrijf, regular employer)",
    reference=attrs.evolve(_LETTER, source="kst-34352-137; kst-34352-D (4 July 2019)"),
    tag=Tag.SECONDARY,
)
INSTRUMENT = Reason(
    code="C18-INSTRUMENT",
    text="the outline pairs an inclusiviteitsopslag with an individual bonus, net zero at the "
    "quotum; computed with the 2025 law's rules and parameters, the bonus going to the "
    "employer the job is credited to and the LKV to the formal employer",
    reference=_LETTER,
    tag=Tag.DERIVED,
)

BONUS = Reason(
    code="C18-BONUS",
    text="the outline's individual bonus = bonus per verloond uur x the verloonde uren of "
    "doelgroep employees credited to the employer, past the AOW age too (it is no raise of the "
    "LKV, as the 2025 law's art. 1 makes it; amount per hour: parameter "
    "wet2025.bonus_per_hour, illustrative)",
    reference=_LETTER,
    tag=Tag.DERIVED,
)


@attrs.frozen
class Contouren2018:
    """The November 2018 outline (kst-34352-137): never enacted, never selected by date."""

    name: str = "contouren-2018"
    version: str = "2"
    title: str = "Contouren vereenvoudiging banenafspraak (Kamerbrief 20 november 2018)"
    in_force_from: pendulum.Date | None = None
    references: tuple[LegalReference, ...] = (
        _LETTER,
        LegalReference(law="Wet banenafspraak", article="2, 4(3), 6", version="2026-07-01"),
        LegalReference(law="Wtl", article="2.10-2.13", version="2026-01-01"),
    )
    extra_parameters: tuple[Parameter, ...] = ()
    pools: tuple[Pool, ...] = (Pool.NATIONAL,)

    def attribute(
        self, placement: Placement, pay_period: PayPeriod, context: RuleContext
    ) -> tuple[Share, ...]:
        """One national pool; credited to the buyer of a running contract, else the employer.

        The answer reads the pay period's year, the registration found and the share of its days
        the contract runs (as a fraction in lowest terms: all days are one situation, whatever
        the length of the pay period): within a count it is decided once per placement and
        situation (:func:`.decided_once`).
        """
        running: tuple[int, int] | tuple[()] = ()
        if placement.contract is not None:
            contract = context.contract(placement.contract)
            overlap, days = contract.period.overlap_days(pay_period), pay_period.days
            common_divisor = math.gcd(overlap, days)
            running = (overlap // common_divisor, days // common_divisor)
        return common.decided_once(
            self, self._decide, placement, pay_period, context, extra=running
        )

    def _decide(
        self, placement: Placement, pay_period: PayPeriod, context: RuleContext
    ) -> tuple[Share, ...]:
        checked = national_pool.doelgroep_reasons(placement, pay_period, context)
        if isinstance(checked, Share):
            return (checked,)
        reasons = (*checked, ONE_POOL)
        employer = EmployerId(placement.employer)
        if placement.contract is None:
            return (common.counted(Pool.NATIONAL, employer, (*reasons, AT_FORMAL_EMPLOYER)),)
        contract = context.contract(placement.contract)
        running = Fraction(contract.period.overlap_days(pay_period), pay_period.days)
        shares = []
        if running:
            why = AT_BUYER.with_detail(
                f"contract {contract.id} ({contract.kind}) of {contract.buyer}, {contract.period}"
            )
            shares.append(common.counted(Pool.NATIONAL, contract.buyer, (*reasons, why), running))
        if running != 1:
            why = OUTSIDE_CONTRACT.with_detail(f"contract {contract.id} runs {contract.period}")
            shares.append(common.counted(Pool.NATIONAL, employer, (*reasons, why), 1 - running))
        return tuple(shares)

    def targets(self, year: int, parameters: Parameters) -> Mapping[Pool, Decimal]:
        """The national target, as under the 2025 law (the sum of the former sector targets)."""
        return national_pool.national_targets(year, parameters)

    def starts(self, parameters: Parameters) -> pendulum.Date | None:  # noqa: ARG002
        """Never: an outline that was not enacted is never selected by date."""
        return None

    def assess_quotum(
        self, employer: Employer, year: int, ledger: Ledger, context: RuleContext
    ) -> NationalInstrument:
        """Opslag, bonus, LKV and net effect as under the 2025 law (see INSTRUMENT).

        The outline's own bonus follows the credit (``BONUS``); its activation is read as the
        2025 law's parameter, with no warning of art. 12(1), which binds the law, not the outline.
        """
        return national_pool.assess_national_instrument(
            self.name,
            employer,
            year,
            ledger,
            context.parameters,
            preamble=(INSTRUMENT,),
            bonus_on_credit=BONUS,
            before_article_2=False,
        )


CONTOUREN_2018 = Contouren2018()
"""The ``contouren-2018`` rule set."""
