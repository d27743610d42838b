"""An employer's sector is fixed per calendar year (Regeling Wfsv art. 3.27, Stcrt. 2015, 31250).

The sector is judged on the last aangifte period of the previous year and holds for the whole
year; an employer that changes sector therefore counts in one sector pool in one year and in the
other the next. Every rule that reads an employer's sector reads the sector of the year at hand.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import find, given, settings

from banenafspraak import (
    Employer,
    EmployerKind,
    Ground,
    InvalidScenarioError,
    PayPeriod,
    Person,
    Placement,
    PlacementKind,
    Pool,
    Registration,
    Scenario,
    Sector,
    Subsector,
    assess_quotum,
    count_jobs,
)
from banenafspraak.io import load_scenario, parse_scenario_json, save_scenario, scenario_to_json
from banenafspraak.reports import subsector_monitoring
from banenafspraak.strategies import employers
from helpers import assert_counts_at

CHANGES_IN_2019 = {2019: Sector.GOVERNMENT}


def _year(year: int, hours: int) -> PayPeriod:
    return PayPeriod(start=f"{year}-01-01", end=f"{year}-12-31", hours=hours)


def _registered(person: str) -> Person:
    return Person(
        id=person, registrations=(Registration(ground=Ground.WAJONG, start="2013-01-01"),)
    )


def changing_employer(**extra: object) -> Employer:
    """A foundation in the market sector until 2018 that is a government employer from 2019."""
    return Employer(
        id="foundation",
        sector=Sector.MARKET,
        sector_by_year=CHANGES_IN_2019,
        total_hours={2018: 200_000, 2019: 200_000},
        **extra,  # type: ignore[arg-type]
    )


def direct_job_at_a_changing_employer() -> Scenario:
    return Scenario(
        employers=(changing_employer(subsector=Subsector.GEMEENTEN),),
        people=(_registered("w"),),
        placements=(
            Placement(
                id="job",
                person="w",
                employer="foundation",
                hours=(_year(2018, 1331), _year(2019, 1331)),
            ),
        ),
    )


def test_an_employer_keeps_its_sector_except_in_the_years_given() -> None:
    employer = changing_employer()
    assert [employer.sector_in(y) for y in (2017, 2018, 2019)] == [
        Sector.MARKET,
        Sector.MARKET,
        Sector.GOVERNMENT,
    ]
    assert employer.sector is Sector.MARKET


def test_a_job_counts_in_the_market_pool_in_2018_and_the_government_pool_in_2019() -> None:
    """Regeling Wfsv 3.27 (sector fixed per year): an employer that becomes a government employer
    on 1 January 2019 counts its direct job in the market pool in 2018 and in government in 2019
    (wbqa-2015, Wfsv 122n(3)).
    """
    scenario = direct_job_at_a_changing_employer()
    in_2018 = count_jobs(scenario, rules="wbqa-2015", year=2018)
    in_2019 = count_jobs(scenario, rules="wbqa-2015", year=2019)
    assert_counts_at(in_2018, "job", pool="market", credited_to="foundation", hours=1331)
    assert_counts_at(in_2019, "job", pool="government", credited_to="foundation", hours=1331)
    assert in_2018.pools[Pool.GOVERNMENT].jobs == 0
    assert in_2019.pools[Pool.MARKET].jobs == 0


def test_a_placed_worker_counts_in_the_hirers_sector_of_the_year() -> None:
    """Wfsv 122n(4) with Regeling Wfsv 3.27: the hirer's sector of the pay period's year."""
    scenario = Scenario(
        employers=(
            changing_employer(),
            Employer(id="agency", sector=Sector.MARKET, kind=EmployerKind.AGENCY),
        ),
        people=(_registered("w"),),
        placements=(
            Placement(
                id="temp",
                person="w",
                employer="agency",
                kind=PlacementKind.AGENCY,
                hirer="foundation",
                hours=(_year(2018, 1000), _year(2019, 1000)),
            ),
        ),
    )
    assert_counts_at(
        count_jobs(scenario, rules="wbqa-2015", year=2018),
        "temp",
        pool="market",
        credited_to=None,
        hours=1000,
    )
    assert_counts_at(
        count_jobs(scenario, rules="wbqa-2015", year=2019),
        "temp",
        pool="government",
        credited_to=None,
        hours=1000,
    )


def test_the_quotum_of_a_year_uses_the_sector_of_that_year() -> None:
    """Wfsv 38f/38g with Regeling Wfsv 3.27: only the 2019 assessment is a government one."""
    scenario = direct_job_at_a_changing_employer()
    for year, sector in ((2018, Sector.MARKET), (2019, Sector.GOVERNMENT)):
        (assessment,) = assess_quotum(scenario, rules="wbqa-2015", year=year).assessments
        assert assessment.sector is sector


def test_the_sub_sector_report_counts_the_employer_only_in_its_government_years() -> None:
    scenario = direct_job_at_a_changing_employer()
    in_2018 = subsector_monitoring(scenario, rules="wbqa-2015", year=2018)
    in_2019 = subsector_monitoring(scenario, rules="wbqa-2015", year=2019)
    assert in_2018.line(Subsector.GEMEENTEN).jobs == 0
    assert in_2019.line(Subsector.GEMEENTEN).jobs == 1


@settings(max_examples=200)
@given(employer=employers())
def test_the_strategies_sometimes_change_an_employers_sector(employer: Employer) -> None:
    assert all(sector is not employer.sector for sector in employer.sector_by_year.values())


def test_the_strategies_do_change_sectors() -> None:
    changed = find(employers(), lambda e: bool(e.sector_by_year))
    assert changed.sector_by_year


# -- the file formats -----------------------------------------------------------------------


def test_json_and_csv_carry_the_sector_per_year(tmp_path: Path) -> None:
    scenario = direct_job_at_a_changing_employer()
    document = json.loads(scenario_to_json(scenario))
    assert document["employers"][0]["sector_by_year"] == {"2019": "government"}
    assert parse_scenario_json(json.dumps(document)) == scenario
    save_scenario(scenario, tmp_path / "folder")
    rows = (tmp_path / "folder" / "employer_years.csv").read_text().splitlines()
    assert rows[0].endswith(",sector")
    assert any(r.startswith("foundation,2019,") and r.endswith(",government") for r in rows)
    assert load_scenario(tmp_path / "folder") == scenario


def test_a_wrong_sector_per_year_is_named_in_json_and_csv(tmp_path: Path) -> None:
    scenario = direct_job_at_a_changing_employer()
    document = json.loads(scenario_to_json(scenario))
    document["employers"][0]["sector_by_year"] = {"2019": "overheid"}
    with pytest.raises(InvalidScenarioError, match=r"sector_by_year\['2019'\].*overheid"):
        parse_scenario_json(json.dumps(document))
    save_scenario(scenario, tmp_path / "folder")
    years = tmp_path / "folder" / "employer_years.csv"
    years.write_text(years.read_text().replace(",government", ",overheid"))
    with pytest.raises(InvalidScenarioError, match=r"employer_years.csv row \d+, sector.*overheid"):
        load_scenario(tmp_path / "folder")


def test_a_sector_per_year_must_be_a_sector() -> None:
    with pytest.raises(ValueError, match="sector for 2019 must be one of market, government"):
        Employer(id="E", sector=Sector.MARKET, sector_by_year={2019: "overheid"})
    assert (
        Employer(id="E", sector="market", sector_by_year={"2019": "government"}).sector_in(2019)
        is Sector.GOVERNMENT
    )
    assert Decimal(0) == Employer(id="E", sector="market").hours_in(2019)
