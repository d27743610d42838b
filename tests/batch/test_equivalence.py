"""The batch engine gives exactly the pure path's numbers, under every registered rule set.

The count (pools, credits, exclusions, monitoring) and the quotum instrument of every employer:
the 2015 quotum, and the national instrument of the 2025 law and the 2018 outline (bonus,
surcharge and the LKV with its three-year limit before 2026 and its end at the AOW age, Wtl
2.10(2)(a) and 2.12, versions 2025-01-01 and 2026-01-01).
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from batch_helpers import assert_same_count, assert_same_quotum
from hypothesis import given, settings
from hypothesis import strategies as st

from banenafspraak import (
    Employer,
    PayPeriod,
    Period,
    Person,
    Placement,
    Registration,
    Scenario,
    available_rule_sets,
    batch,
    count_jobs,
)
from banenafspraak.demo import DEMO_YEARS, example_scenario
from banenafspraak.rulesets.national_pool import NationalInstrument
from banenafspraak.synthetic import SizeSpec, generate

RULE_SETS = available_rule_sets()
ACTIVE = {"wet2025.activation_decided_on": "2016-06-01"}
"""An activation decided in 2016: the 2025 instrument's surcharge and bonus are due from 2018."""


@pytest.mark.parametrize("overrides", [None, ACTIVE], ids=["as-is", "activated-2016"])
@pytest.mark.parametrize("rules", RULE_SETS)
@pytest.mark.parametrize("year", DEMO_YEARS)
def test_the_bundled_example_counts_the_same_in_batch(
    rules: str, year: int, overrides: dict[str, Any] | None
) -> None:
    """Every kind of job of the demo world, counted and assessed both ways."""
    scenario = example_scenario()
    tables = batch.Tables.from_scenario(scenario)
    result = batch.count_jobs(tables, rules=rules, year=year, parameters=overrides)
    assert_same_count(result, count_jobs(scenario, rules=rules, year=year, parameters=overrides))
    assert_same_quotum(scenario, tables, rules=rules, year=year, parameters=overrides, count=result)


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
        assert_same_quotum(scenario, tables, rules=rules, year=year, parameters=ACTIVE)


@pytest.fixture(scope="module")
def ten_thousand() -> tuple[Scenario, batch.Tables]:
    """A synthetic year of 10,000 placements (about 110,000 pay periods), both ways."""
    generated = generate(SizeSpec(name="10k", placements=10_000), seed=10, year=2019)
    return generated.to_scenario(), batch.Tables.from_columns(generated.tables())


@pytest.mark.parametrize("rules", RULE_SETS)
def test_batch_equals_pure_on_ten_thousand_placements(
    rules: str, ten_thousand: tuple[Scenario, batch.Tables]
) -> None:
    """A 10,000-placement synthetic year, counted and every employer assessed, both ways.

    2019 with an activation decided in 2016: the national instrument is active, and the LKV
    still stops three years into an employment (a third of the placements began up to ten years
    earlier) and at the AOW age (people born in the early 1950s).
    """
    scenario, tables = ten_thousand
    result = batch.count_jobs(tables, rules=rules, year=2019, parameters=ACTIVE)
    pure = count_jobs(scenario, rules=rules, year=2019, parameters=ACTIVE)
    assert_same_count(result, pure)
    assert len(pure.attributions) > 100_000
    quotum = assert_same_quotum(
        scenario,
        tables,
        rules=rules,
        year=2019,
        parameters=ACTIVE,
        count=result,
        pure=pure,
        ledger=False,  # the pure ledger is summed inside assess_quotum; once is enough here
    )
    stages = {s for people in result.ledger.formal.values() for p in people.values() for s in p}
    assert any(s.years_employed >= 3 for s in stages)  # the LKV stops after three years
    assert any(s.pension_age for s in stages)
    assert len(quotum) == tables.employers.height


@pytest.mark.parametrize("rules", ["wet-banenafspraak-2025", "contouren-2018"])
def test_the_bonus_past_the_aow_age_and_an_early_activation_are_the_same_in_batch(
    rules: str,
) -> None:
    """Wet banenafspraak art. 1 and Wtl 2.10(2)(a): the 2025 law's bonus follows the LKV's
    hours, which end at the AOW age (the outline's bonus follows the credit); art. 12(1): an
    activation decided before art. 2 applies is warned of under the law (not the outline,
    which it does not bind). The batch engine says the same.
    """
    scenario = Scenario(
        employers=(Employer(id="E", sector="market"),),
        people=(
            Person(
                id="old",
                date_of_birth="1962-01-15",  # reaches the AOW age on 15 April 2029
                registrations=(Registration(ground="wajong", start="2015-01-01"),),
            ),
        ),
        placements=(
            Placement(id="job", person="old", employer="E", hours=PayPeriod.months(2029, 100)),
        ),
    )
    early = {"wet2025.activation_decided_on": "2026-06-01"}
    tables = batch.Tables.from_scenario(scenario)
    report = assert_same_quotum(scenario, tables, rules=rules, year=2029, parameters=early)
    result = report["E"]
    assert isinstance(result, NationalInstrument)
    assert result.credited_hours == 1200
    assert result.bonus_hours == (400 if rules == "wet-banenafspraak-2025" else 1200)
    law = rules == "wet-banenafspraak-2025"
    assert any("art. 12(1)" in w for w in result.warnings) is law


def test_an_unknown_small_employer_status_is_unknown_in_batch_too() -> None:
    """Wet banenafspraak art. 6(3): without the premium wage of t-2 (Besluit Wfsv 2.19d) the
    batch engine, like the pure path, reports liability, surcharge and net effect as unknown.
    """
    scenario = example_scenario()
    employers = tuple(
        attrs.evolve(e, premium_wage={}, small_employer={}) for e in scenario.employers
    )
    scenario = attrs.evolve(scenario, employers=employers)
    tables = batch.Tables.from_scenario(scenario)
    report = assert_same_quotum(
        scenario, tables, rules="wet-banenafspraak-2025", year=2019, parameters=ACTIVE
    )
    assert {a.liable for a in report.assessments} == {None}
    assert report.total("surcharge").unknown == tuple(a.employer for a in report.assessments)
