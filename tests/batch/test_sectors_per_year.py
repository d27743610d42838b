"""The batch engine reads an employer's sector of the pay period's year (Regeling Wfsv 3.27)."""

from __future__ import annotations

import pytest
from batch_helpers import assert_same_count
from hypothesis import given, settings
from hypothesis import strategies as st

from banenafspraak import (
    Employer,
    Ground,
    InvalidScenarioError,
    PayPeriod,
    Person,
    Placement,
    Registration,
    Scenario,
    Sector,
    available_rule_sets,
    batch,
    count_jobs,
)
from banenafspraak.strategies import scenarios


def direct_job_at_a_changing_employer() -> Scenario:
    """A direct job at an employer in the market sector in 2018 and in government in 2019."""
    return Scenario(
        employers=(
            Employer(id="foundation", sector=Sector.MARKET, sector_by_year={2019: "government"}),
        ),
        people=(
            Person(id="w", registrations=(Registration(ground=Ground.WAJONG, start="2013-01-01"),)),
        ),
        placements=(
            Placement(
                id="job",
                person="w",
                employer="foundation",
                hours=(
                    PayPeriod(start="2018-01-01", end="2018-12-31", hours=1331),
                    PayPeriod(start="2019-01-01", end="2019-12-31", hours=1331),
                ),
            ),
        ),
    )


@pytest.mark.parametrize("rules", available_rule_sets())
def test_the_batch_engine_uses_the_sector_of_the_pay_periods_year(rules: str) -> None:
    scenario = direct_job_at_a_changing_employer()
    tables = batch.Tables.from_scenario(scenario)
    for year in (2018, 2019):
        assert_same_count(
            batch.count_jobs(tables, rules=rules, year=year),
            count_jobs(scenario, rules=rules, year=year),
        )
    flat = batch.flatten(tables)
    assert sorted(zip(flat["end"].dt.year(), flat["emp_sector"], strict=True)) == [
        (2018, "market"),
        (2019, "government"),
    ]


@settings(max_examples=25, deadline=None)
@given(scenario=scenarios(), rules=st.sampled_from(available_rule_sets()))
def test_batch_equals_pure_when_employers_change_sector(scenario: Scenario, rules: str) -> None:
    """The strategies change some employers' sectors in some years; both paths agree (==)."""
    tables = batch.Tables.from_scenario(scenario)
    for year in (2018, 2019):
        assert_same_count(
            batch.count_jobs(tables, rules=rules, year=year),
            count_jobs(scenario, rules=rules, year=year),
        )


def test_the_batch_tables_refuse_an_unknown_sector_per_year() -> None:
    tables = batch.Tables.from_scenario(direct_job_at_a_changing_employer())
    frames = {name: getattr(tables, name) for name in batch.TABLES}
    frames["employer_years"] = frames["employer_years"].with_columns(
        frames["employer_years"]["sector"].replace("government", "overheid")
    )
    frames["hours"] = (
        frames["hours"]
        .with_columns(hours=(frames["hours"]["hours_e4"] / 10_000).cast(str))
        .drop("hours_e4", "p")
    )
    with pytest.raises(InvalidScenarioError, match="employer_years row 1, sector"):
        batch.Tables.from_frames(frames)
