"""The custom rule set of ``examples/custom_rule_set.py`` runs through the batch engine unchanged.

It brings its own count rule (procurement jobs at the buyer), its own quotum instrument (a
procurement credit per job, ``ProcurementCredit``) and its own dated parameter
(``extra_parameters``); the batch engine counts it and assesses every employer as the pure path.
"""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from batch_helpers import assert_same_count, assert_same_quotum

from banenafspraak import RuleSet, batch, count_jobs
from banenafspraak.demo import DEMO_YEARS, example_scenario

EXAMPLE = Path(__file__).parents[2] / "examples" / "custom_rule_set.py"


@pytest.fixture(scope="module")
def buyer_2015() -> RuleSet:
    """The example's rule set object, loaded from the example file (not registered)."""
    spec = importlib.util.spec_from_file_location("custom_rule_set_in_batch", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rules: RuleSet = module.BUYER_2015
    return rules


@pytest.mark.parametrize("overrides", [None, {"example.credit_per_job": "250"}])
@pytest.mark.parametrize("year", DEMO_YEARS)
def test_the_custom_rule_set_counts_and_assesses_the_same_in_batch(
    buyer_2015: RuleSet, year: int, overrides: dict[str, Any] | None
) -> None:
    """Count and procurement credit of every employer, both ways, with its own parameter."""
    scenario = example_scenario()
    tables = batch.Tables.from_scenario(scenario)
    count = batch.count_jobs(tables, rules=buyer_2015, year=year, parameters=overrides)
    pure = count_jobs(scenario, rules=buyer_2015, year=year, parameters=overrides)
    assert_same_count(count, pure)
    report = assert_same_quotum(
        scenario, tables, rules=buyer_2015, year=year, parameters=overrides, count=count
    )
    paid = [result.net_effect for result in report.values()]
    assert any(credit is not None and credit > 0 for credit in paid)
    assert {type(result).__name__ for result in report.values()} == {"ProcurementCredit"}


def test_the_custom_rule_sets_own_parameter_changes_the_batch_result(
    buyer_2015: RuleSet,
) -> None:
    """Overriding ``example.credit_per_job`` (the rule set's ``extra_parameters``) reaches it."""
    tables = batch.Tables.from_scenario(example_scenario())
    full = batch.assess_quotum(tables, rules=buyer_2015, year=2019)
    half = batch.assess_quotum(
        tables, rules=buyer_2015, year=2019, parameters={"example.credit_per_job": "500"}
    )
    for employer, result in full.items():
        assert half[employer].figures()[0] == result.figures()[0]  # the same jobs credited
        assert half[employer].reasons[0].detail == "EUR 500 per job"
        halved, whole = half[employer].net_effect, result.net_effect
        assert halved is not None
        assert whole is not None
        assert abs(2 * halved - whole) <= Decimal("0.01")
    assert any((r.net_effect or 0) > 0 for r in half.values())


def test_the_batch_comparison_takes_the_custom_rule_set(buyer_2015: RuleSet) -> None:
    """``batch.compare`` counts and assesses it beside a built-in law."""
    scenario = example_scenario()
    tables = batch.Tables.from_scenario(scenario)
    results = batch.compare(tables, rules=["wbqa-2015", buyer_2015], year=2019)
    assert set(results) == {"wbqa-2015", "wbqa-2015-buyer"}
    count, quotum = results["wbqa-2015-buyer"]
    assert_same_count(count, count_jobs(scenario, rules=buyer_2015, year=2019))
    assert_same_quotum(scenario, tables, rules=buyer_2015, year=2019, count=count)
    assert (
        quotum.assessments == batch.assess_quotum(tables, rules=buyer_2015, year=2019).assessments
    )
