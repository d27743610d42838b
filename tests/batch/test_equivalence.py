"""The batch engine gives exactly the pure path's numbers, under every registered rule set."""

from __future__ import annotations

import pytest
from batch_helpers import assert_same_count
from hypothesis import given, settings
from hypothesis import strategies as st

from banenafspraak import Period, assess_quotum, available_rule_sets, batch, count_jobs, rule_set
from banenafspraak.demo import DEMO_YEARS, example_scenario
from banenafspraak.synthetic import SizeSpec, generate

RULE_SETS = available_rule_sets()


@pytest.mark.parametrize("rules", RULE_SETS)
@pytest.mark.parametrize("year", DEMO_YEARS)
def test_the_bundled_example_counts_the_same_in_batch(rules: str, year: int) -> None:
    """Every kind of job of the demo world, counted both ways."""
    scenario = example_scenario()
    tables = batch.Tables.from_scenario(scenario)
    result = batch.count_jobs(tables, rules=rules, year=year)
    assert_same_count(result, count_jobs(scenario, rules=rules, year=year))
    quotum = batch.assess_quotum(tables, rules=rules, year=year, count=result)
    assert quotum.assessments == assess_quotum(scenario, rules=rules, year=year).assessments


@st.composite
def measured_periods(draw: st.DrawFn, year: int) -> Period:
    """A calendar year, a quarter or a month (four-weekly pay periods straddle their ends)."""
    kind = draw(st.sampled_from(["year", "quarter", "month"]))
    if kind == "year":
        return Period.year(year)
    if kind == "quarter":
        return Period.quarter(year, draw(st.integers(1, 4)))
    return Period.month(year, draw(st.sampled_from([1, 6, 12])))


@settings(max_examples=8, deadline=None)
@given(
    rules=st.sampled_from(RULE_SETS),
    seed=st.integers(0, 10_000),
    placements=st.integers(1, 80),
    year=st.sampled_from([2016, 2017, 2018, 2019, 2021]),
    data=st.data(),
)
def test_batch_equals_pure_on_generated_scenarios(
    rules: str, seed: int, placements: int, year: int, data: st.DataObject
) -> None:
    """The central property: pools, credits, exclusions and monitoring are equal (==)."""
    generated = generate(SizeSpec(name="T", placements=placements), seed=seed, year=year)
    scenario = generated.to_scenario()
    tables = batch.Tables.from_columns(generated.tables())
    period = data.draw(measured_periods(year))
    result = batch.count_jobs(tables, rules=rules, period=period, chunk_rows=97)
    assert_same_count(result, count_jobs(scenario, rules=rules, period=period))
    if period.is_calendar_year():
        quotum = batch.assess_quotum(tables, rules=rules, year=year)
        assert quotum.assessments == assess_quotum(scenario, rules=rules, year=year).assessments


@pytest.mark.parametrize("rules", RULE_SETS)
def test_batch_equals_pure_on_ten_thousand_placements(rules: str) -> None:
    """A 10,000-placement synthetic year (about 110,000 pay periods), counted both ways."""
    generated = generate(SizeSpec(name="10k", placements=10_000), seed=10, year=2019)
    scenario = generated.to_scenario()
    tables = batch.Tables.from_columns(generated.tables())
    result = batch.count_jobs(tables, rules=rules, year=2019)
    pure = count_jobs(scenario, rules=rules, year=2019)
    assert_same_count(result, pure)
    assert len(pure.attributions) > 100_000
    quotum = batch.assess_quotum(tables, rules=rules, year=2019, count=result)
    expected = assess_quotum(scenario, rules=rules, year=2019, count=pure)
    assert quotum.assessments == expected.assessments


class _Undeclared:
    """A third-party rule set that does not say what its quotum reads (it wraps wbqa-2015)."""

    def __init__(self, inner: object) -> None:
        self._inner = inner

    def __getattr__(self, name: str) -> object:
        if name == "quotum_reads":
            raise AttributeError(name)
        return getattr(self._inner, name)


def test_a_rule_set_that_does_not_declare_its_quotum_inputs_gets_the_pure_quotum() -> None:
    """Without ``quotum_reads``, the engine hands the quotum to the pure path, never a summary."""
    wrapped = _Undeclared(rule_set("wbqa-2015"))
    scenario = example_scenario()
    tables = batch.Tables.from_scenario(scenario)
    report = batch.assess_quotum(tables, rules=wrapped, year=2018)  # type: ignore[arg-type]
    assert report.assessments == assess_quotum(scenario, rules="wbqa-2015", year=2018).assessments
