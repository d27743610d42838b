"""Hypothesis strategies for the nouns of `banenafspraak` (needs the ``testing`` extra).

One strategy per noun, named as a plural, with keyword-only arguments that take strategies, as
Hypothesis's own API does. :func:`scenarios` builds whole scenarios whose references resolve, so
that property tests can state the invariants of every rule set.

>>> from hypothesis import given
>>> @given(scenarios())
... def test(scenario): ...
"""

from __future__ import annotations

import calendar
from decimal import Decimal

import attrs
import pendulum

from banenafspraak.baselines import Baseline
from banenafspraak.employers import Employer, EmployerId, EmployerKind
from banenafspraak.exceptions import MissingExtraError
from banenafspraak.people import SUPPORT_REQUIRED_FROM, Ground, Person, PersonId, Registration
from banenafspraak.periods import Period
from banenafspraak.placements import PayPeriod, Placement, PlacementId, PlacementKind
from banenafspraak.procurement import ContractId, ContractKind, ProcurementContract
from banenafspraak.scenario import Scenario
from banenafspraak.sectors import Pool, Sector, Subsector

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - only without the testing extra
    feature = "banenafspraak.strategies"
    raise MissingExtraError(feature, "testing") from error

__all__ = [
    "baselines",
    "contracts",
    "dates",
    "employers",
    "hours",
    "pay_periods",
    "people",
    "periods",
    "placements",
    "registrations",
    "scenarios",
]

FIRST_YEAR = 2013
LAST_YEAR = 2030


def dates(
    *, min_year: int = FIRST_YEAR, max_year: int = LAST_YEAR
) -> st.SearchStrategy[pendulum.Date]:
    """Dates between 1 January ``min_year`` and 31 December ``max_year``."""
    return st.dates(
        min_value=pendulum.Date(min_year, 1, 1), max_value=pendulum.Date(max_year, 12, 31)
    ).map(lambda d: pendulum.Date(d.year, d.month, d.day))


@st.composite
def periods(draw: st.DrawFn, *, min_year: int = FIRST_YEAR, max_year: int = LAST_YEAR) -> Period:
    """Any period of whole days within the years given."""
    start = draw(dates(min_year=min_year, max_year=max_year))
    days = draw(st.integers(min_value=0, max_value=800))
    end = min(start.add(days=days), pendulum.Date(max_year, 12, 31))
    return Period(start=start, end=end)


def hours(*, max_value: Decimal = Decimal(200)) -> st.SearchStrategy[Decimal]:
    """Paid hours with at most two decimals, from 0 to ``max_value``."""
    return st.decimals(min_value=0, max_value=max_value, places=2, allow_nan=False)


@st.composite
def pay_periods(draw: st.DrawFn, *, year: int | None = None, month: int | None = None) -> PayPeriod:
    """A monthly pay period with hours (the month may be given)."""
    y = year if year is not None else draw(st.integers(FIRST_YEAR, LAST_YEAR))
    m = month if month is not None else draw(st.integers(1, 12))
    return PayPeriod.month(y, m, draw(hours()))


@st.composite
def registrations(
    draw: st.DrawFn, *, grounds: st.SearchStrategy[Ground] = st.sampled_from(Ground)
) -> Registration:
    """A registration, which may have ceased conditions or an end on request.

    An ``own_request`` registration may say whether the municipality supports the person
    (Wfsv 38b(1)(e)): without that support only one that started before 2018-01-01 and whose
    conditions ceased by that day.
    """
    ground = draw(grounds)
    start = draw(dates(max_year=2022))
    exists = ground.exists_from
    if exists is not None and start < exists[0]:
        start = exists[0]
    ceased = draw(
        st.none() | dates(min_year=start.year, max_year=2028).filter(lambda d: d >= start)
    )
    on_request = draw(
        st.none() | dates(min_year=start.year, max_year=2030).filter(lambda d: d >= start)
    )
    support = draw(st.sampled_from(_supports(ground, start, ceased)))
    return Registration(
        ground=ground,
        start=start,
        conditions_ceased=ceased,
        ended_on_request=on_request,
        municipal_support=support,
    )


def _supports(
    ground: Ground, start: pendulum.Date, ceased: pendulum.Date | None
) -> tuple[bool | None, ...]:
    """The values ``municipal_support`` may take on a registration with these facts.

    Only ``own_request`` has it; false only for a registration that started before the Wfsv
    text of 2018-01-01 asked for the support and whose conditions ceased by that day.
    """
    if ground is not Ground.OWN_REQUEST:
        return (None,)
    day = SUPPORT_REQUIRED_FROM[0]
    if start < day and ceased is not None and ceased <= day:
        return (None, True, False)
    return (None, True)


@st.composite
def people(
    draw: st.DrawFn,
    *,
    ids: st.SearchStrategy[str] = st.text("abcdefghij", min_size=1, max_size=6),
    registrations: st.SearchStrategy[Registration] = registrations(),
    max_registrations: int = 2,
) -> Person:
    """A person with zero or more registrations on distinct grounds.

    Most have a date of birth (some reach the AOW age in the years drawn); a few a date of death
    or a beschut-werk finding.
    """
    regs = draw(st.lists(registrations, max_size=max_registrations, unique_by=lambda r: r.ground))
    born = draw(st.none() | dates(min_year=1950, max_year=2004))
    died = draw(st.none() | dates(min_year=2015, max_year=2030))
    if died is not None and born is not None and died < born:
        died = None
    finding = draw(st.none() | dates(min_year=2015, max_year=2030))
    return Person(
        id=PersonId(draw(ids)),
        registrations=tuple(regs),
        date_of_birth=born,
        date_of_death=died,
        sheltered_work_finding=finding,
    )


@st.composite
def employers(
    draw: st.DrawFn,
    *,
    ids: st.SearchStrategy[str] = st.text("ABCDEFGH", min_size=1, max_size=4),
    kinds: st.SearchStrategy[EmployerKind] = st.sampled_from(EmployerKind),
    sectors: st.SearchStrategy[Sector] = st.sampled_from(Sector),
) -> Employer:
    """An employer with yearly totals around the quotum threshold.

    Sometimes it changes sector in some years (Regeling Wfsv 3.27: the sector is fixed per year).
    """
    sector = draw(sectors)
    subsector = (
        draw(st.none() | st.sampled_from(Subsector)) if sector is Sector.GOVERNMENT else None
    )
    years = range(2016, 2022)
    other = Sector.GOVERNMENT if sector is Sector.MARKET else Sector.MARKET
    changed = draw(st.lists(st.sampled_from(years), max_size=2, unique=True))
    totals = {
        y: draw(st.sampled_from([Decimal(0), Decimal(20_000), Decimal(40_575), Decimal(250_000)]))
        for y in years
    }
    return Employer(
        id=EmployerId(draw(ids)),
        sector=sector,
        sector_by_year=dict.fromkeys(changed, other),
        subsector=subsector,
        kind=draw(kinds),
        total_hours=totals,
        agency_or_wsw_staff_hours={y: t / 2 for y, t in totals.items()},
    )


@st.composite
def contracts(
    draw: st.DrawFn, *, buyer: str, supplier: str, ids: st.SearchStrategy[str] = st.just("k")
) -> ProcurementContract:
    """A procurement contract between two given employers."""
    return ProcurementContract(
        id=ContractId(draw(ids)),
        buyer=EmployerId(buyer),
        supplier=EmployerId(supplier),
        period=draw(periods(min_year=2016, max_year=2021)),
        kind=draw(st.sampled_from(ContractKind)),
    )


@st.composite
def placements(
    draw: st.DrawFn,
    *,
    id: str,  # noqa: A002 - the noun's own field name
    person: str,
    employer: Employer,
    others: tuple[Employer, ...] = (),
    contract: ProcurementContract | None = None,
    years: tuple[int, ...] = (2018, 2019),
) -> Placement:
    """A placement of ``person`` at ``employer`` with monthly pay periods in ``years``.

    Its kind fits the employer (agency work at an agency, Wsw work at an SW-bedrijf); a placed
    worker gets a hirer from ``others`` (or none: hirer unknown). Sometimes the employment began
    earlier (``employment_start`` up to eight years before the first year, on 29 February now
    and then), which the LKV's year limit reads.
    """
    kinds = {
        EmployerKind.REGULAR: [PlacementKind.EMPLOYEE, PlacementKind.SHELTERED_WORK],
        EmployerKind.AGENCY: [PlacementKind.AGENCY, PlacementKind.EMPLOYEE],
        EmployerKind.SHELTERED_WORKSHOP: [
            PlacementKind.WSW_INTERNAL,
            PlacementKind.WSW_SECONDED,
            PlacementKind.EMPLOYEE,
        ],
    }[employer.kind]
    kind = draw(st.sampled_from(kinds))
    hirer = None
    credited = False
    if kind.lends_to_hirer and others:
        hirer = draw(st.none() | st.sampled_from([e.id for e in others]))
        credited = hirer is not None and draw(st.booleans())
    months = draw(
        st.lists(
            st.tuples(st.sampled_from(years), st.integers(1, 12)),
            min_size=1,
            max_size=6,
            unique=True,
        )
    )
    pay = [PayPeriod.month(y, m, draw(hours())) for y, m in months]
    if draw(st.booleans()):  # sometimes a pay period that is not a calendar month
        y, m = months[0]
        last = calendar.monthrange(y, m)[1]
        pay[0] = PayPeriod(
            start=pendulum.Date(y, m, 1), end=pendulum.Date(y, m, min(last, 15)), hours=pay[0].hours
        )
    serves = contract.id if contract is not None and kind is PlacementKind.EMPLOYEE else None
    began = draw(
        st.none()
        | dates(min_year=min(years) - 8, max_year=max(years))
        | st.sampled_from([pendulum.Date(y, 2, 29) for y in (2012, 2016, 2020, 2024)])
    )
    return Placement(
        id=PlacementId(id),
        person=PersonId(person),
        employer=employer.id,
        kind=kind,
        hirer=hirer,
        credited_to_hirer=credited,
        contract=serves,
        hours=tuple(pay),
        employment_start=began,
    )


@st.composite
def baselines(
    draw: st.DrawFn, *, pools: tuple[Pool, ...] = (Pool.MARKET, Pool.GOVERNMENT)
) -> Baseline:
    """A baseline with a few jobs (two decimals) in some of ``pools``."""
    jobs = draw(
        st.dictionaries(
            st.sampled_from(pools), st.decimals(min_value=0, max_value=5, places=2), max_size=3
        )
    )
    return Baseline(jobs=jobs)


@st.composite
def scenarios(
    draw: st.DrawFn,
    *,
    min_employers: int = 1,
    max_employers: int = 4,
    max_people: int = 4,
    max_placements: int = 6,
    prefix: str = "",
    years: tuple[int, ...] = (2018, 2019),
) -> Scenario:
    """A valid scenario: every reference resolves, ids are unique (optionally prefixed)."""
    n_employers = draw(st.integers(min_employers, max_employers))
    found_employers = tuple(
        attrs.evolve(draw(employers()), id=EmployerId(f"{prefix}E{i}")) for i in range(n_employers)
    )
    n_people = draw(st.integers(1, max_people))
    found_people = tuple(
        attrs.evolve(draw(people()), id=PersonId(f"{prefix}P{i}")) for i in range(n_people)
    )
    found_contracts: tuple[ProcurementContract, ...] = ()
    if n_employers >= 2 and draw(st.booleans()):  # noqa: PLR2004 - a buyer and a supplier
        buyer, supplier = found_employers[0], found_employers[1]
        found_contracts = (
            draw(contracts(buyer=buyer.id, supplier=supplier.id, ids=st.just(f"{prefix}K0"))),
        )
    n_placements = draw(st.integers(0, max_placements))
    found_placements = []
    for i in range(n_placements):
        employer = draw(st.sampled_from(found_employers))
        others = tuple(e for e in found_employers if e.id != employer.id)
        contract = next((c for c in found_contracts if c.supplier == employer.id), None)
        found_placements.append(
            draw(
                placements(
                    id=f"{prefix}L{i}",
                    person=draw(st.sampled_from(found_people)).id,
                    employer=employer,
                    others=others,
                    contract=contract,
                    years=years,
                )
            )
        )
    return Scenario(
        employers=found_employers,
        people=found_people,
        placements=tuple(found_placements),
        contracts=found_contracts,
        baseline=draw(baselines()),
    )
