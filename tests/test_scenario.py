"""A scenario is validated as a whole and reports every problem at once."""

from __future__ import annotations

import pytest

from banenafspraak import (
    Employer,
    EmployerKind,
    InvalidScenarioError,
    PayPeriod,
    Period,
    Person,
    Placement,
    PlacementKind,
    Problem,
    ProcurementContract,
    Registration,
    Scenario,
)
from banenafspraak.demo import example_scenario


def test_every_problem_of_a_scenario_is_reported_at_once_with_its_place_and_value() -> None:
    with pytest.raises(InvalidScenarioError) as caught:
        Scenario(
            name="broken",
            employers=(
                Employer(id="e", sector="market"),
                Employer(id="e", sector="market"),
                Employer(id="a", sector="market", kind=EmployerKind.AGENCY),
            ),
            people=(Person(id="p"),),
            contracts=(
                ProcurementContract(id="k", buyer="e", supplier="ghost", period=Period.year(2019)),
                ProcurementContract(id="k2", buyer="e", supplier="e", period=Period.year(2019)),
            ),
            placements=(
                Placement(id="x", person="nobody", employer="nowhere"),
                Placement(
                    id="y",
                    person="p",
                    employer="a",
                    kind=PlacementKind.AGENCY,
                    hirer="a",
                    credited_to_hirer=True,
                ),
                Placement(
                    id="z", person="p", employer="e", credited_to_hirer=True, contract="missing"
                ),
                Placement(
                    id="w",
                    person="p",
                    employer="e",
                    contract="k",
                    kind=PlacementKind.WSW_INTERNAL,
                    hirer="a",
                    hours=(
                        PayPeriod.month(2019, 1, 10),
                        PayPeriod(start="2019-01-15", end="2019-02-14", hours=5),
                    ),
                ),
                Placement(id="v", person="p", employer="e", hirer="unknown"),
            ),
        )
    error = caught.value
    found = {(p.location, p.field, p.message) for p in error.problems}
    expected = {
        ("employer 'e'", "id", "duplicate id"),
        ("contract 'k'", "supplier", "unknown employer"),
        ("contract 'k2'", "supplier", "a buyer cannot buy from itself"),
        ("placement 'x'", "person", "unknown person"),
        ("placement 'x'", "employer", "unknown employer"),
        ("placement 'y'", "hirer", "the hirer is the employer itself"),
        ("placement 'z'", "credited_to_hirer", "crediting needs a known hirer"),
        ("placement 'z'", "contract", "unknown contract"),
        ("placement 'v'", "hirer", "unknown employer"),
        ("placement 'w'", "hirer", "a wsw_internal job has no hirer"),
    }
    assert expected <= found
    assert any(p.field == "hours[1]" and "count twice" in p.message for p in error.problems)
    assert any("not the placement's employer" in p.message for p in error.problems)
    assert any("only agency and Wsw-seconded" in p.message for p in error.problems)
    assert "scenario 'broken' has" in str(error)
    assert "(got nobody)" in str(error)
    assert isinstance(error, ValueError)


def test_a_second_registration_on_the_same_running_ground_is_a_problem() -> None:
    with pytest.raises(InvalidScenarioError, match="second registration"):
        Scenario(
            people=(
                Person(
                    id="p",
                    registrations=(
                        Registration(ground="wajong", start="2015-01-01"),
                        Registration(ground="wajong", start="2016-01-01"),
                    ),
                ),
            )
        )


def test_a_problem_prints_its_place_field_and_value() -> None:
    problem = Problem("people.csv row 4", "start", "2018-13-01", "not a date")
    assert str(problem) == "people.csv row 4, start: not a date (got 2018-13-01)"
    assert str(Problem("$", "", "{}", "empty")) == "$: empty (got {})"
    single = InvalidScenarioError([problem], source="people.csv")
    assert "people.csv has 1 problem:" in str(single)


def test_a_valid_scenario_looks_up_its_nouns() -> None:
    scenario = example_scenario()
    assert scenario.employer("G").name == "Gemeente Voorbeeld"
    assert scenario.person("W").id == "W"
    assert scenario.contract("cleaning").buyer == "G"
    assert scenario.placement("s-w").hirer == "G"
    assert list(scenario.years) == [2018, 2019]
    assert list(Scenario().years) == []
    with pytest.raises(KeyError, match="no placement 'nope'"):
        scenario.placement("nope")


def test_the_digest_changes_with_the_content_only() -> None:
    scenario = example_scenario()
    assert scenario.digest() == example_scenario().digest()
    assert scenario.digest().startswith("sha256:")
    assert scenario.evolve(name="other").digest() != scenario.digest()


def test_a_scenario_finds_the_placements_of_an_employer() -> None:
    scenario = example_scenario()
    assert [p.id for p in scenario.placements_of("U")] == ["u-y", "u-z"]  # in the order of ids
    assert scenario.placements_of("nobody") == ()
