"""A custom rule set in a few dozen lines: the 2015 rules, with procurement credited to the buyer.

A rule set is data plus small functions behind one protocol; this one composes the built-in
``wbqa-2015`` and changes one rule. A package registers it in its ``pyproject.toml``::

    [project.entry-points."banenafspraak.rulesets"]
    wbqa-2015-buyer = "my_package.rules:BUYER_2015"

This script registers it the same way, through a throwaway distribution put on ``sys.path``, then
compares it with the rule set it started from. Run it with ``python examples/custom_rule_set.py``.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path

import attrs

from banenafspraak import (
    Attribution,
    LegalReference,
    Parameters,
    PayPeriod,
    Placement,
    Pool,
    QuotumAssessment,
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
from banenafspraak.employers import Employer
from banenafspraak.report import comparison_table
from banenafspraak.rulesets import _plugins
from banenafspraak.rulesets.wbqa_2015 import WBQA_2015

AT_BUYER = Reason(
    code="X-BUYER",
    text="a job serving a procurement contract counts at the buyer, in the buyer's sector",
    reference=LegalReference(law="Kamerbrief 20 november 2018", source="kst-34352-137"),
    tag=Tag.SECONDARY,
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
        self, employer: Employer, year: int, credited: Sequence[Attribution], context: RuleContext
    ) -> QuotumAssessment:
        """The 2015 quotum, over the hours credited under this rule set."""
        return attrs.evolve(
            WBQA_2015.assess_quotum(employer, year, credited, context), rules=self.name
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
    _plugins.cache_clear()


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
            _plugins.cache_clear()


if __name__ == "__main__":
    print(main())
