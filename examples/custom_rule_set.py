"""A fourth law in one module: the 2015 count, procurement at the buyer, its own instrument.

A rule set is data plus small functions behind one protocol (:class:`banenafspraak.RuleSet`); this
one composes the built-in ``wbqa-2015`` count and changes one rule (a job serving a procurement
contract counts at the buyer), and brings its own quotum instrument (a procurement credit per job
credited to an employer, with its own dated parameter) and its own result type. Nothing in the
library changes: count, quotum, compare, the tables, JSON and the batch engine take it as it is.
A package registers it in its ``pyproject.toml``::

    [project.entry-points."banenafspraak.rulesets"]
    wbqa-2015-buyer = "my_package.rules:BUYER_2015"

This script registers it the same way, through a throwaway distribution put on ``sys.path``, then
compares it with the rule set it started from. Run it with ``python examples/custom_rule_set.py``.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import attrs
import pendulum

from banenafspraak import (
    Employer,
    EmployerId,
    Figure,
    Ledger,
    LegalReference,
    Parameters,
    PayPeriod,
    Placement,
    Pool,
    Reason,
    RuleContext,
    RuleSet,
    Share,
    Tag,
    available_rule_sets,
    compare,
    rule_set,
)
from banenafspraak.demo import example_scenario
from banenafspraak.parameters import DatedValue, Parameter, ParameterKind
from banenafspraak.render.text import comparison_table
from banenafspraak.rulesets import refresh
from banenafspraak.rulesets.wbqa_2015 import WBQA_2015

AT_BUYER = Reason(
    code="X-BUYER",
    text="a job serving a procurement contract counts at the buyer, in the buyer's sector",
    reference=LegalReference(law="Kamerbrief 20 november 2018", source="kst-34352-137"),
    tag=Tag.SECONDARY,
)


CREDIT_SOURCE = LegalReference(law="Illustrative procurement credit", source="example only")
CREDIT_PER_JOB = Parameter(
    name="example.credit_per_job",
    description="Procurement credit per job credited to an employer (illustrative)",
    unit="EUR/job",
    kind=ParameterKind.DECIMAL,
    rows=(DatedValue(start="2015-01-01", value=Decimal(1000), reference=CREDIT_SOURCE, tag="U"),),
)
CREDIT = Reason(
    code="X-CREDIT",
    text="a procurement credit per job credited to the employer",
    reference=CREDIT_SOURCE,
    tag=Tag.UNVERIFIED,
)


@attrs.frozen(kw_only=True)
class ProcurementCredit:
    """The example's own quotum result: jobs credited and the credit they earn."""

    employer: EmployerId
    year: int
    rules: str
    jobs: Fraction
    credit: Decimal
    liable: bool = True
    active: bool = True
    warnings: tuple[str, ...] = ()
    reasons: tuple[Reason, ...] = ()

    @property
    def net_effect(self) -> Decimal:
        """The credit is paid to the employer."""
        return self.credit

    def figures(self) -> tuple[Figure, ...]:
        """The jobs credited and the credit."""
        return (
            Figure(key="jobs", label="jobs credited", value=self.jobs, unit="jobs"),
            Figure(key="credit", label="credit", value=self.credit, unit="EUR"),
        )


@attrs.frozen
class Buyer2015:
    """``wbqa-2015`` with one change: procurement jobs count at the buyer while it runs."""

    name: str = "wbqa-2015-buyer"
    version: str = "1"
    title: str = "Wet bqa (2015), procurement credited to the buyer"
    in_force_from: None = None
    references: tuple[LegalReference, ...] = (*WBQA_2015.references, AT_BUYER.reference)
    pools: tuple[Pool, ...] = WBQA_2015.pools
    extra_parameters: tuple[Parameter, ...] = (CREDIT_PER_JOB,)

    def starts(self, parameters: Parameters) -> pendulum.Date | None:  # noqa: ARG002
        """Never selected by date: a what-if."""
        return None

    def attribute(
        self, placement: Placement, pay_period: PayPeriod, context: RuleContext
    ) -> tuple[Share, ...]:
        """The 2015 shares, moved to the buyer when the contract runs on the pay period's end."""
        shares = WBQA_2015.attribute(placement, pay_period, context)
        if placement.contract is None:
            return shares
        contract = context.contract(placement.contract)
        if pay_period.end not in contract.period:
            return shares
        buyer = context.employer(contract.buyer)
        return tuple(
            attrs.evolve(
                share,
                pool=buyer.sector.pool,
                credited_to=buyer.id,
                reasons=(*share.reasons, AT_BUYER.with_detail(f"contract {contract.id}")),
            )
            if share.pool is not None
            else share
            for share in shares
        )

    def targets(self, year: int, parameters: Parameters) -> Mapping[Pool, Decimal]:
        """The 2015 targets per sector."""
        return WBQA_2015.targets(year, parameters)

    def assess_quotum(
        self, employer: Employer, year: int, ledger: Ledger, context: RuleContext
    ) -> ProcurementCredit:
        """The credit per job credited to the employer (from the year's ledger)."""
        params = context.parameters
        jobs = ledger.credited_counted_hours(employer.id) / Fraction(
            params.decimal("job.hours_per_year", year)
        )
        per_job = params.decimal("example.credit_per_job", year)
        exact = Fraction(per_job) * jobs
        credit = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(Decimal("0.01"))
        return ProcurementCredit(
            employer=employer.id,
            year=year,
            rules=self.name,
            jobs=jobs,
            credit=credit,
            reasons=(CREDIT.with_detail(f"EUR {per_job} per job"),),
        )


BUYER_2015 = Buyer2015()


def register(folder: Path) -> None:
    """Register ``BUYER_2015`` through the entry-point group, as an installed package would."""
    info = folder / "custom_rule_set_example-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: custom-rule-set-example\n")
    (info / "entry_points.txt").write_text(
        "[banenafspraak.rulesets]\nwbqa-2015-buyer = custom_rule_set:BUYER_2015\n"
    )
    sys.path[:0] = [str(folder), str(Path(__file__).parent)]
    refresh()


def main() -> str:
    """Register the rule set, compare it with ``wbqa-2015`` for 2019, and return the table."""
    saved = list(sys.path)
    with tempfile.TemporaryDirectory() as folder:
        try:
            register(Path(folder))
            assert "wbqa-2015-buyer" in available_rule_sets()  # noqa: S101 - shown to the reader
            rules: list[str | RuleSet] = ["wbqa-2015", rule_set("wbqa-2015-buyer")]
            return comparison_table(compare(example_scenario(), rules=rules, year=2019))
        finally:
            sys.path[:] = saved
            refresh()


if __name__ == "__main__":
    print(main())
