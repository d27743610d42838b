"""The bundled example: a small world of 2018-2019 that shows where each kind of job counts.

* **G**, a municipality (government), employs three registered people (P1, P2, P3) and one
  person in beschut werk (T).
* **S**, an SW-bedrijf (a gemeenschappelijke regeling, government), seconds Wsw worker W to G
  (credited to G by agreement) and employs Wsw worker V inside its own workshop.
* **C**, a cleaning company (market), cleans G's buildings under a procurement contract with
  registered cleaners K1 and K2.
* **U**, an agency (market), places Z at factory **F** with the transfer agreement and Y without.
* **F**, a factory (market), employs R, whose Wajong conditions ceased in 2015 (t+2), and J, a
  young disabled person with a provision (Wfsv 38b(2)).
* **B**, a bakery with ten staff, employs Q: below every threshold.

The targets are scaled down to this small world (scenario parameters), so that monitoring shows
both a met and a missed target.
"""

from __future__ import annotations

from decimal import Decimal

from banenafspraak.baselines import Baseline
from banenafspraak.employers import Employer, EmployerId, EmployerKind
from banenafspraak.people import Ground, Person, PersonId
from banenafspraak.periods import Period
from banenafspraak.placements import PayPeriod, Placement, PlacementId, PlacementKind
from banenafspraak.procurement import ContractId, ContractKind, ProcurementContract
from banenafspraak.scenario import Scenario
from banenafspraak.sectors import Sector, Subsector

__all__ = ["DEMO_YEARS", "example_scenario"]

DEMO_YEARS = (2018, 2019)


def _years(amount: int) -> dict[int, Decimal]:
    return dict.fromkeys((2017, 2018, 2019), Decimal(amount))


def _placement(
    pid: str,
    person: str,
    employer: str,
    monthly: str,
    kind: PlacementKind = PlacementKind.EMPLOYEE,
    **extra: object,
) -> Placement:
    hours = PayPeriod.months(2018, monthly) + PayPeriod.months(2019, monthly)
    return Placement(
        id=PlacementId(pid),
        person=PersonId(person),
        employer=EmployerId(employer),
        kind=kind,
        hours=hours,
        **extra,  # type: ignore[arg-type]
    )


def example_scenario() -> Scenario:
    """The bundled example scenario (see the module docstring)."""
    employers = (
        Employer(
            id=EmployerId("G"),
            name="Gemeente Voorbeeld",
            sector=Sector.GOVERNMENT,
            subsector=Subsector.GEMEENTEN,
            total_hours=_years(300_000),
            premium_wage=_years(9_000_000),
        ),
        Employer(
            id=EmployerId("S"),
            name="SW-bedrijf De Werkplaats",
            sector=Sector.GOVERNMENT,
            subsector=Subsector.GEMEENTEN,
            kind=EmployerKind.SHELTERED_WORKSHOP,
            total_hours=_years(180_000),
            agency_or_wsw_staff_hours=_years(150_000),
            premium_wage=_years(4_500_000),
            exempt_wage=_years(3_750_000),
        ),
        Employer(
            id=EmployerId("C"),
            name="Schoonmaakbedrijf Glans",
            sector=Sector.MARKET,
            total_hours=_years(90_000),
            premium_wage=_years(2_000_000),
        ),
        Employer(
            id=EmployerId("U"),
            name="Uitzendbureau Flex",
            sector=Sector.MARKET,
            kind=EmployerKind.AGENCY,
            total_hours=_years(400_000),
            agency_or_wsw_staff_hours=_years(350_000),
            premium_wage=_years(8_000_000),
            exempt_wage=_years(7_000_000),
        ),
        Employer(
            id=EmployerId("F"),
            name="Fabriek Staal",
            sector=Sector.MARKET,
            total_hours=_years(120_000),
            premium_wage=_years(3_600_000),
        ),
        Employer(
            id=EmployerId("B"),
            name="Bakkerij Brood",
            sector=Sector.MARKET,
            total_hours=_years(16_000),
            premium_wage=_years(350_000),
            small_employer={2017: True, 2018: True, 2019: True},
        ),
    )
    since = "2014-01-01"
    people = (
        *(
            Person.registered(pid, ground=Ground.WAJONG, since=since)
            for pid in ("P1", "P2", "Z", "Q")
        ),
        Person.registered("P3", ground=Ground.PARTICIPATION_ACT, since="2016-03-01"),
        Person.registered("W", ground=Ground.WSW_INDICATION, since=since),
        Person.registered("V", ground=Ground.WSW_INDICATION, since=since),
        Person.registered("T", ground=Ground.PARTICIPATION_ACT, since=since),
        Person.registered("K1", ground=Ground.AMVB_INDICATION, since=since),
        Person.registered("K2", ground=Ground.WIW_ID_JOB, since=since),
        Person.registered("Y", ground=Ground.PARTICIPATION_ACT, since=since),
        Person.registered(
            "R", ground=Ground.WAJONG, since="2013-06-01", conditions_ceased="2015-06-30"
        ),
        Person.registered("J", ground=Ground.YOUNG_DISABLED_WITH_PROVISION, since=since),
    )
    contract = ProcurementContract(
        id=ContractId("cleaning"),
        buyer=EmployerId("G"),
        supplier=EmployerId("C"),
        period=Period.of("2017-01-01", "2020-12-31"),
        kind=ContractKind.SERVICES,
    )
    placements = (
        _placement("g-p1", "P1", "G", "43.5"),
        _placement("g-p2", "P2", "G", "130"),
        _placement("g-p3", "P3", "G", "86.5"),
        _placement("g-t", "T", "G", "80", PlacementKind.SHELTERED_WORK),
        _placement(
            "s-w",
            "W",
            "S",
            "108.5",
            PlacementKind.WSW_SECONDED,
            hirer=EmployerId("G"),
            credited_to_hirer=True,
        ),
        _placement("s-v", "V", "S", "100", PlacementKind.WSW_INTERNAL),
        _placement("c-k1", "K1", "C", "86.5", contract=ContractId("cleaning")),
        _placement("c-k2", "K2", "C", "86.5", contract=ContractId("cleaning")),
        _placement(
            "u-z",
            "Z",
            "U",
            "130",
            PlacementKind.AGENCY,
            hirer=EmployerId("F"),
            credited_to_hirer=True,
        ),
        _placement("u-y", "Y", "U", "86.5", PlacementKind.AGENCY, hirer=EmployerId("F")),
        _placement("f-r", "R", "F", "69.5"),
        _placement("f-j", "J", "F", "100"),
        _placement("b-q", "Q", "B", "43.5"),
    )
    return Scenario(
        name="bundled example 2018-2019",
        employers=employers,
        people=people,
        placements=placements,
        contracts=(contract,),
        baseline=Baseline(jobs={"market": 1, "government": 1}, source="example"),
        parameters={
            "target.market": {"2018": "3", "2019": "5"},
            "target.government": {"2018": "2", "2019": "3"},
        },
    )
