"""Agency and Wsw-seconded placements need an employer that lends staff (a decision of the library).

The inleen rules speak of the *uitlenende werkgever* with its uitzendpersoneel and of the
SW-bedrijf that makes its Wsw staff available (Besluit Wfsv art. 2.27, 2.31(a),(b), text of
2018-01-01, BWBR0019070). A placement of kind ``agency`` or ``wsw_seconded`` whose employer is a
regular employer is therefore refused as a scenario problem that names the placement, its kind
and the employer's kind. A regular employer lending its own employee is modelled as kind
``employee`` with a hirer: collegial secondment, which has its own reason (docs/decisions.md).
"""

from __future__ import annotations

import pytest

from banenafspraak import (
    Employer,
    EmployerKind,
    Ground,
    InvalidScenarioError,
    PayPeriod,
    Person,
    Placement,
    PlacementKind,
    Registration,
    Scenario,
    Sector,
    count_jobs,
)

HOURS = (PayPeriod(start="2019-01-01", end="2019-12-31", hours=1000),)


def _scenario(kind: PlacementKind, employer_kind: EmployerKind) -> Scenario:
    return Scenario(
        employers=(
            Employer(id="lender", sector=Sector.MARKET, kind=employer_kind),
            Employer(id="hirer", sector=Sector.GOVERNMENT),
        ),
        people=(
            Person(id="w", registrations=(Registration(ground=Ground.WAJONG, start="2013-01-01"),)),
        ),
        placements=(
            Placement(
                id="p1", person="w", employer="lender", kind=kind, hirer="hirer", hours=HOURS
            ),
        ),
    )


@pytest.mark.parametrize("kind", [PlacementKind.AGENCY, PlacementKind.WSW_SECONDED])
def test_a_regular_employer_cannot_have_agency_or_wsw_seconded_placements(
    kind: PlacementKind,
) -> None:
    """Besluit Wfsv 2.27, 2.31 (2018-01-01 text): only an uitlener or SW-bedrijf lends staff."""
    with pytest.raises(InvalidScenarioError) as raised:
        _scenario(kind, EmployerKind.REGULAR)
    (problem,) = raised.value.problems
    assert (problem.location, problem.field, problem.value) == ("placement 'p1'", "kind", kind)
    assert "employer 'lender' is regular" in problem.message
    assert "collegial secondment" in problem.message


@pytest.mark.parametrize("employer_kind", [EmployerKind.AGENCY, EmployerKind.SHELTERED_WORKSHOP])
@pytest.mark.parametrize("kind", [PlacementKind.AGENCY, PlacementKind.WSW_SECONDED])
def test_an_agency_or_sw_bedrijf_may_lend_staff(
    kind: PlacementKind, employer_kind: EmployerKind
) -> None:
    assert _scenario(kind, employer_kind).placement("p1").kind is kind


def test_a_regular_employer_lending_its_own_employee_is_collegial_secondment() -> None:
    """Modelled as kind employee with a hirer: it counts at the legal employer (W15-COLLEGIAL)."""
    scenario = _scenario(PlacementKind.EMPLOYEE, EmployerKind.REGULAR)
    (attribution,) = count_jobs(scenario, rules="wbqa-2015", year=2019).attributions
    assert "W15-COLLEGIAL" in {r.code for r in attribution.reasons}
    assert attribution.credited_to == "lender"


def test_every_wrongly_employed_placement_is_listed_at_once() -> None:
    with pytest.raises(InvalidScenarioError) as raised:
        Scenario(
            employers=(Employer(id="lender", sector=Sector.MARKET),),
            people=(Person(id="w"),),
            placements=tuple(
                Placement(id=f"p{n}", person="w", employer="lender", kind=kind, hours=HOURS)
                for n, kind in enumerate((PlacementKind.AGENCY, PlacementKind.WSW_SECONDED))
            ),
        )
    assert [p.location for p in raised.value.problems] == ["placement 'p0'", "placement 'p1'"]


def test_which_employer_kinds_lend_staff() -> None:
    assert [k for k in EmployerKind if k.lends_staff] == [
        EmployerKind.AGENCY,
        EmployerKind.SHELTERED_WORKSHOP,
    ]
