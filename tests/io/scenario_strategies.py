"""Small valid scenarios for round-trip properties of the scenario files."""

from __future__ import annotations

import datetime as dt
import string

from hypothesis import strategies as st

from banenafspraak import (
    Baseline,
    ContractId,
    ContractKind,
    Employer,
    EmployerId,
    EmployerKind,
    Ground,
    PayPeriod,
    Period,
    Person,
    PersonId,
    Placement,
    PlacementId,
    PlacementKind,
    ProcurementContract,
    Registration,
    Scenario,
    Sector,
    Subsector,
)
from banenafspraak.people import SUPPORT_REQUIRED_FROM

BSNS = ("111222333", "123456782", "999999990")
NAME = st.text(alphabet=string.ascii_letters + string.digits + " ,;\"'-=+@éë", max_size=12).map(
    str.strip
)
HOURS = st.decimals(min_value=0, max_value=200, places=2, allow_nan=False, allow_infinity=False)
AMOUNT = st.decimals(min_value=0, max_value=10**7, places=1, allow_nan=False, allow_infinity=False)
YEARS = st.sampled_from((2018, 2019))
FIRST, LAST = dt.date(2010, 1, 1), dt.date(2021, 12, 31)
DAY = st.dates(min_value=FIRST, max_value=LAST)


def _year_table(values: st.SearchStrategy[object]) -> st.SearchStrategy[dict[int, object]]:
    return st.dictionaries(YEARS, values, max_size=2)


@st.composite
def employers(draw: st.DrawFn, ids: list[str]) -> list[Employer]:
    """One employer per id, with any sector (sometimes another one in a year), kind and figures."""
    out = []
    for key in ids:
        sector = draw(st.sampled_from(Sector))
        subsector = (
            draw(st.none() | st.sampled_from(Subsector)) if sector is Sector.GOVERNMENT else None
        )
        out.append(
            Employer(
                id=EmployerId(key),
                name=draw(NAME),
                sector=sector,
                sector_by_year=draw(_year_table(st.sampled_from(Sector))),
                subsector=subsector,
                kind=draw(st.sampled_from(EmployerKind)),
                total_hours=draw(_year_table(AMOUNT)),
                agency_or_wsw_staff_hours=draw(_year_table(AMOUNT)),
                premium_wage=draw(_year_table(AMOUNT)),
                exempt_wage=draw(_year_table(AMOUNT)),
                small_employer=draw(_year_table(st.booleans())),
            )
        )
    return out


@st.composite
def registrations(draw: st.DrawFn) -> list[Registration]:
    """Up to two registrations on different grounds."""
    usable = [g for g in Ground if g.exists_from is None or g.exists_from[0].year <= LAST.year]
    grounds = draw(st.lists(st.sampled_from(usable), unique=True, max_size=2))
    out = []
    for ground in grounds:
        start = draw(DAY)
        exists = ground.exists_from
        if exists is not None:  # a ground cannot be used before it entered the law
            start = max(start, dt.date(exists[0].year, exists[0].month, exists[0].day))
        ceased = draw(st.none() | st.dates(min_value=start, max_value=LAST))
        ended = draw(st.none() | st.dates(min_value=start, max_value=LAST))
        support = None
        if ground is Ground.OWN_REQUEST:  # Wfsv 38b(1)(e): false needs ceased by 2018-01-01
            day = SUPPORT_REQUIRED_FROM[0]
            lost = start < day and ceased is not None and ceased <= day
            support = draw(st.sampled_from((None, True, False) if lost else (None, True)))
        out.append(
            Registration(
                ground=ground,
                start=start,
                conditions_ceased=ceased,
                ended_on_request=ended,
                municipal_support=support,
            )
        )
    return out


@st.composite
def pay_periods(draw: st.DrawFn) -> list[PayPeriod]:
    """Distinct calendar months of 2018-2019 with up to 200 hours each."""
    months = draw(st.lists(st.tuples(YEARS, st.integers(1, 12)), unique=True, max_size=4))
    return [PayPeriod.month(year, month, draw(HOURS)) for year, month in months]


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    """A small valid scenario using every kind of noun and field the file format carries."""
    employer_ids = draw(st.lists(st.sampled_from("ABCDE"), min_size=1, max_size=3, unique=True))
    person_ids = draw(
        st.lists(st.sampled_from(("P1", "P2", *BSNS)), min_size=1, max_size=3, unique=True)
    )
    people = [
        Person(
            id=PersonId(key),
            name=draw(NAME),
            registrations=draw(registrations()),
            date_of_birth=draw(st.none() | DAY),
            sheltered_work_finding=draw(st.none() | DAY),
        )
        for key in person_ids
    ]
    contracts = []
    if len(employer_ids) > 1 and draw(st.booleans()):
        contracts.append(
            ProcurementContract(
                id=ContractId("k1"),
                buyer=EmployerId(employer_ids[0]),
                supplier=EmployerId(employer_ids[1]),
                period=Period.of("2018-01-01", "2019-12-31"),
                kind=draw(st.sampled_from(ContractKind)),
            )
        )
    found_employers = draw(employers(employer_ids))
    kind_of = {e.id: e.kind for e in found_employers}
    placements = []
    for number in range(draw(st.integers(0, 3))):
        employer = draw(st.sampled_from(employer_ids))
        others = [e for e in employer_ids if e != employer]
        # agency and Wsw-seconded work only at an agency or SW-bedrijf (a scenario problem else)
        kind = draw(
            st.sampled_from(
                [
                    k
                    for k in PlacementKind
                    if kind_of[EmployerId(employer)].lends_staff or not k.lends_to_hirer
                ]
            )
        )
        hirer = (
            draw(st.none() | st.sampled_from(others))
            if others and kind in {PlacementKind.AGENCY, PlacementKind.WSW_SECONDED}
            else None
        )
        serves = contracts and employer == employer_ids[1] and draw(st.booleans())
        placements.append(
            Placement(
                id=PlacementId(f"pl{number}"),
                person=PersonId(draw(st.sampled_from(person_ids))),
                employer=EmployerId(employer),
                kind=kind,
                hirer=None if hirer is None else EmployerId(hirer),
                credited_to_hirer=hirer is not None and draw(st.booleans()),
                contract=ContractId("k1") if serves else None,
                hours=draw(pay_periods()),
                employment_start=draw(st.none() | DAY),
            )
        )
    baseline = draw(
        st.just(Baseline())
        | st.builds(
            Baseline,
            jobs=st.dictionaries(
                st.sampled_from(("market", "government", "national")),
                st.fractions(min_value=0, max_value=100, max_denominator=7),
                max_size=3,
            ),
            source=NAME.filter(bool),  # an empty cell means "not given"
        )
    )
    parameters: dict[str, object] = draw(
        st.sampled_from(
            (
                {},
                {"target.market": {"2019": "5"}},
                {"target.government": "12", "target.market": {"2018": "3", "2019": "4.5"}},
            )
        )
    )
    return Scenario(
        name=draw(NAME),
        employers=found_employers,
        people=people,
        placements=placements,
        contracts=contracts,
        baseline=baseline,
        parameters=parameters,
    )


__all__ = ["BSNS", "scenarios"]
