"""The four policy reports on the batch engine equal the pure path's, under every rule set.

Sub-sector monitoring, procurement jobs, durability and trend are computed twice: by the pure
path (one attribution at a time) and by the batch engine (its rows and decision table, summed by
situation). Every number, every type and every reason is equal; only the receipts differ, since
the engine identifies its input by ``Tables.digest``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any

import pytest
from batch_helpers import without_input_digests
from hypothesis import given, settings
from hypothesis import strategies as st

from banenafspraak import (
    Employer,
    EmployerId,
    EmployerKind,
    Ground,
    PayPeriod,
    Period,
    Person,
    Placement,
    PlacementId,
    PlacementKind,
    ProcurementContract,
    Scenario,
    Sector,
    Subsector,
    SubsectorBasis,
    available_rule_sets,
    batch,
    count_jobs,
    durability,
    procurement_jobs,
    subsector_monitoring,
    trend,
)
from banenafspraak.batch import _reports as batch_reports
from banenafspraak.demo import DEMO_YEARS, example_scenario
from banenafspraak.people import PersonId
from banenafspraak.procurement import ContractId, ContractKind
from banenafspraak.rulesets import resolve
from banenafspraak.strategies import scenarios
from banenafspraak.synthetic import SizeSpec, generate

RULE_SETS = available_rule_sets()

TARGETS: Mapping[str, Any] = {
    "target.subsector.rijk": "1.5",
    "target.subsector.gemeenten": "0",
    "baseline.subsector.gemeenten": "0.25",
    "baseline.subsector.politie": "2",
}
"""User-supplied sub-sector targets and baselines, so that realisation and "met" are compared."""


def assert_same_reports(tables: batch.Tables, scenario: Scenario, rules: str, year: int) -> None:
    """Each of the four reports, by both engines, is equal but for its receipts."""
    pure_count = count_jobs(scenario, rules=rules, year=year, parameters=TARGETS)
    fast_count = batch.count_jobs(tables, rules=rules, year=year, parameters=TARGETS)
    for basis in SubsectorBasis:
        pure = subsector_monitoring(
            scenario, rules=rules, year=year, basis=basis, parameters=TARGETS, count=pure_count
        )
        fast = batch.subsector_monitoring(
            tables, rules=rules, year=year, basis=basis, parameters=TARGETS, count=fast_count
        )
        assert without_input_digests(fast) == without_input_digests(pure), basis
    assert without_input_digests(batch.procurement_jobs(tables, rules=rules, year=year)) == (
        without_input_digests(procurement_jobs(scenario, rules=rules, year=year))
    )
    assert_same_or_same_error(
        lambda: batch.durability(tables, rules=rules), lambda: durability(scenario, rules=rules)
    )
    assert_same_or_same_error(
        lambda: batch.trend(tables, rules=rules, parameters=TARGETS),
        lambda: trend(scenario, rules=rules, parameters=TARGETS),
    )


def assert_same_or_same_error(fast: Callable[[], object], pure: Callable[[], object]) -> None:
    """Both engines give equal reports, or refuse with the same message (no pay periods)."""
    try:
        expected = pure()
    except ValueError as error:
        with pytest.raises(ValueError, match=re.escape(str(error))):
            fast()
        return
    assert without_input_digests(fast()) == without_input_digests(expected)


@pytest.mark.parametrize("rules", RULE_SETS)
@pytest.mark.parametrize("year", DEMO_YEARS)
def test_the_bundled_example_reports_the_same_in_batch(rules: str, year: int) -> None:
    """The demo world: a municipality, hired-in and procurement jobs, Wsw and beschut werk."""
    scenario = example_scenario()
    assert_same_reports(batch.Tables.from_scenario(scenario), scenario, rules, year)


@settings(max_examples=15, deadline=None)
@given(scenario=scenarios(max_placements=8), rules=st.sampled_from(RULE_SETS), data=st.data())
def test_every_report_of_the_batch_engine_equals_the_pure_path(
    scenario: Scenario, rules: str, data: st.DataObject
) -> None:
    """The central property of the reports, over the library's own strategies."""
    tables = batch.Tables.from_scenario(scenario)
    year = data.draw(st.sampled_from([2018, 2019]))
    assert_same_reports(tables, scenario, rules, year)


@settings(max_examples=10, deadline=None)
@given(
    scenario=scenarios(max_placements=8),
    rules=st.sampled_from(RULE_SETS),
    quarter=st.integers(1, 4),
    until=st.dates(min_value=Period.year(2018).start, max_value=Period.year(2019).end),
)
def test_procurement_in_a_quarter_and_durability_cut_early_are_the_same_in_batch(
    scenario: Scenario, rules: str, quarter: int, until: Any
) -> None:
    """A period other than a year, and data that end before the last pay period."""
    tables = batch.Tables.from_scenario(scenario)
    period = Period.quarter(2019, quarter)
    assert without_input_digests(batch.procurement_jobs(tables, rules=rules, period=period)) == (
        without_input_digests(procurement_jobs(scenario, rules=rules, period=period))
    )
    if scenario.years and until >= min(p.start for pl in scenario.placements for p in pl.hours):
        fast = batch.durability(tables, rules=rules, observed_until=until, horizon_months=6)
        pure = durability(scenario, rules=rules, observed_until=until, horizon_months=6)
        assert without_input_digests(fast) == without_input_digests(pure)


@pytest.mark.parametrize("rules", RULE_SETS)
def test_procurement_over_two_periods_with_the_same_pay_periods_is_each_its_own(
    rules: str,
) -> None:
    """Two periods that end inside the same pay periods have the same rows, not the same days.

    The report keeps the rows of placements serving a contract for the rule sets it compares;
    the days inside each contract's period are those of the period asked for, every time.
    """
    scenario = example_scenario()
    tables = batch.Tables.from_scenario(scenario)
    for end in ("2019-06-15", "2019-06-20", "2019-06-15"):
        period = Period.of("2019-01-01", end)
        fast = batch.procurement_jobs(tables, rules=rules, period=period)
        assert without_input_digests(fast) == without_input_digests(
            procurement_jobs(scenario, rules=rules, period=period)
        ), end


@pytest.mark.parametrize("rules", RULE_SETS)
def test_a_synthetic_region_reports_the_same_in_batch(rules: str) -> None:
    """600 placements (about 6,600 pay periods) of every kind, with sub-sectors and contracts."""
    generated = generate(SizeSpec(name="600", placements=600), seed=11, year=2019)
    scenario = generated.to_scenario()
    tables = batch.Tables.from_columns(generated.tables())
    assert_same_reports(tables, scenario, rules, 2019)
    report = batch.subsector_monitoring(tables, rules=rules, year=2019)
    assert sum(1 for line in report.lines if line.jobs) > 3, "the lines are not all empty"
    assert batch.procurement_jobs(tables, rules=rules, year=2019).carried.jobs > 0


def test_a_report_keeps_the_receipt_of_the_batch_count_it_rests_on() -> None:
    tables = batch.Tables.from_scenario(example_scenario())
    count = batch.count_jobs(tables, rules="wbqa-2015", year=2019)
    report = batch.subsector_monitoring(tables, rules="wbqa-2015", year=2019, count=count)
    assert report.receipt == count.receipt
    assert report.receipt.scenario_digest == tables.digest()
    assert report.line(Subsector.GEMEENTEN).employers == ("G",)


def test_a_batch_count_of_another_year_parameters_or_tables_is_refused() -> None:
    scenario = example_scenario()
    tables = batch.Tables.from_scenario(scenario)
    count = batch.count_jobs(tables, year=2019)
    with pytest.raises(ValueError, match="this report needs wbqa-2015, 2018"):
        batch.subsector_monitoring(tables, year=2018, count=count)
    with pytest.raises(ValueError, match="other parameters"):
        batch.subsector_monitoring(tables, year=2019, count=count, parameters=TARGETS)
    other = batch.Tables.from_scenario(scenario.evolve(placements=scenario.placements[:1]))
    with pytest.raises(ValueError, match="other tables"):
        batch.subsector_monitoring(other, year=2019, count=count)
    combined = batch.finish(count.credits, year=2019, parameters=count.parameters)
    with pytest.raises(ValueError, match="combined from partials"):
        batch.subsector_monitoring(tables, year=2019, count=combined)


def test_batch_reports_refuse_what_the_pure_reports_refuse() -> None:
    tables = batch.Tables.from_scenario(example_scenario())
    empty = batch.Tables.from_scenario(Scenario(name="empty"))
    with pytest.raises(ValueError, match="horizon_months is at least 1"):
        batch.durability(tables, horizon_months=0)
    with pytest.raises(ValueError, match="give observed_until="):
        batch.durability(empty)
    with pytest.raises(ValueError, match="no years to follow"):
        batch.trend(empty)
    with pytest.raises(TypeError, match="exactly one of year= or period="):
        batch.procurement_jobs(tables)


def test_an_uitzendkracht_serving_a_contract_counts_at_its_hirer_in_batch_as_in_the_pure_path() -> (
    None
):
    """Supplier AG places p at hirer H (not the buyer B) with the transfer agreement.

    Under wbqa-2015 the hours count in H's sector and are credited to H (Besluit Wfsv
    2.28(2)-(4), 2018-01-01 text): in the procurement report the share is credited to "another"
    employer; in the sub-sector report (workplace basis, Wfsv 122n(3)) it belongs to H's
    sub-sector. Both engines say so, under every rule set.
    """
    scenario = Scenario(
        employers=(
            Employer(id=EmployerId("B"), sector=Sector.GOVERNMENT, subsector=Subsector.RIJK),
            Employer(id=EmployerId("AG"), sector=Sector.MARKET, kind=EmployerKind.AGENCY),
            Employer(id=EmployerId("H"), sector=Sector.GOVERNMENT, subsector=Subsector.POLITIE),
        ),
        people=(Person.registered("p", ground=Ground.WAJONG, since="2014-01-01"),),
        contracts=(
            ProcurementContract(
                id=ContractId("c"),
                buyer=EmployerId("B"),
                supplier=EmployerId("AG"),
                period=Period(start="2022-03-01", end="2022-12-31"),
                kind=ContractKind.SROI,
            ),
        ),
        placements=(
            Placement(
                id=PlacementId("x"),
                person=PersonId("p"),
                employer=EmployerId("AG"),
                kind=PlacementKind.AGENCY,
                hirer=EmployerId("H"),
                credited_to_hirer=True,
                contract=ContractId("c"),
                hours=tuple(PayPeriod.month(2022, m, "110.5") for m in range(1, 13)),
            ),
        ),
    )
    tables = batch.Tables.from_scenario(scenario)
    fast = batch.procurement_jobs(tables, rules="wbqa-2015", year=2022)
    assert fast.destinations[0].at_other.hours == Fraction("110.5") * 10
    assert batch.subsector_monitoring(tables, rules="wbqa-2015", year=2022).line(
        Subsector.POLITIE
    ).employers == ("H",)
    for rules in RULE_SETS:
        assert_same_reports(tables, scenario, rules, 2022)


def test_the_reports_of_one_set_of_tables_count_each_rule_set_and_year_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counted: list[tuple[str, str]] = []
    count_jobs = batch.count_jobs  # what the reports call

    def counting(tables: batch.Tables, **arguments: Any) -> batch.BatchCount:
        counted.append((arguments["rules"].name, str(arguments["period"])))
        return count_jobs(tables, **arguments)

    monkeypatch.setattr(batch_reports, "count_jobs", counting)
    tables = batch.Tables.from_scenario(example_scenario())
    first = batch.subsector_monitoring(tables, rules="wbqa-2015", year=2019)
    procurement = batch.procurement_jobs(tables, rules="wbqa-2015", year=2019)
    over_years = batch.trend(tables, rules="wbqa-2015", years=[2019])
    assert sorted(counted) == sorted({(rules, "2019") for rules in RULE_SETS})
    assert procurement.receipt == first.receipt
    assert over_years.receipts[0] == first.receipt
    counted.clear()

    class Unhashable(type(resolve("wbqa-2015"))):  # type: ignore[misc]
        __hash__ = None  # type: ignore[assignment]

    again = batch.subsector_monitoring(tables, rules=Unhashable(), year=2019)
    assert again.lines == first.lines
    assert counted == [("wbqa-2015", "2019")]
