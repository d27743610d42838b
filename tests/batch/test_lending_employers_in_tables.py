"""The batch tables refuse what the scenario refuses: agency work at a regular employer.

Besluit Wfsv 2.27, 2.31 (2018-01-01 text): only an uitlener or an SW-bedrijf places its workers
with a hirer; the batch engine's table validation gives the scenario's own problem.
"""

from __future__ import annotations

import pytest

from banenafspraak import (
    Employer,
    EmployerKind,
    InvalidScenarioError,
    PayPeriod,
    Person,
    Placement,
    PlacementKind,
    Scenario,
    Sector,
    batch,
)


def _columns(employer_kind: str) -> dict[str, dict[str, list[object]]]:
    return {
        "employers": {
            "id": ["lender", "hirer"],
            "sector": ["market", "government"],
            "kind": [employer_kind, "regular"],
        },
        "registrations": {"person": [], "ground": [], "start": []},
        "placements": {
            "id": ["p1", "p2", "p3"],
            "person": ["w", "w", "w"],
            "employer": ["lender", "lender", "hirer"],
            "kind": ["agency", "wsw_seconded", "employee"],
            "hirer": ["hirer", None, "lender"],
        },
        "hours": {
            "placement": ["p1", "p2", "p3"],
            "start": ["2019-01-01"] * 3,
            "end": ["2019-12-31"] * 3,
            "hours": ["100"] * 3,
        },
    }


def test_agency_and_wsw_seconded_rows_of_a_regular_employer_are_refused() -> None:
    with pytest.raises(InvalidScenarioError) as raised:
        batch.Tables.from_columns(_columns("regular"))
    problems = raised.value.problems
    assert [(p.location, p.field, p.value) for p in problems] == [
        ("placements row 1 (placement 'p1')", "kind", "agency"),
        ("placements row 2 (placement 'p2')", "kind", "wsw_seconded"),
    ]
    assert all("employer 'lender' is regular" in p.message for p in problems)


@pytest.mark.parametrize("employer_kind", ["agency", "sheltered_workshop"])
def test_an_agency_or_sw_bedrijf_may_lend_staff_in_the_tables(employer_kind: str) -> None:
    tables = batch.Tables.from_columns(_columns(employer_kind))
    assert tables.placements.height == 3


def test_both_paths_give_the_same_message() -> None:
    scenario_message = ""
    try:
        Scenario(
            employers=(
                Employer(id="lender", sector=Sector.MARKET),
                Employer(id="hirer", sector=Sector.GOVERNMENT),
            ),
            people=(Person(id="w"),),
            placements=(
                Placement(
                    id="p1",
                    person="w",
                    employer="lender",
                    kind=PlacementKind.AGENCY,
                    hirer="hirer",
                    hours=(PayPeriod(start="2019-01-01", end="2019-12-31", hours=100),),
                ),
            ),
        )
    except InvalidScenarioError as error:
        (problem,) = error.problems
        scenario_message = problem.message
    with pytest.raises(InvalidScenarioError) as raised:
        batch.Tables.from_columns(_columns(EmployerKind.REGULAR.value))
    assert scenario_message
    assert raised.value.problems[0].message == scenario_message
