"""Deterministic synthetic scenarios at chosen sizes, for tests, benchmarks and demonstrations.

The generator is pure Python and seeded (:class:`random.Random`): the same size, seed and year give
the same data on every machine and Python version. It mixes what a national register holds: the
legal grounds of the doelgroepregister (some registrations ended by the t+2 rule, some ended on
request, some people with two registrations), direct employees, agency workers with and without a
known hirer and with and without the agreement to credit the hirer, internal and seconded Wsw
work, beschut werk, collegial secondment, procurement and SROI contracts that run for part of
the year, monthly and four-weekly pay periods (the four-weekly ones straddle the year's ends),
and employers above and below the quotum threshold.

The sizes (placement-months of one year):

======  =================================  ===========  ================
size    what it stands for                 placements   placement-months
======  =================================  ===========  ================
``S``   a region                           3,600        ~40,000
``M``   a large region                     20,000       ~220,000
``L``   a national year                    200,000      ~2.2 million
``XL``  ten national years (``L`` x 10)    2,000,000    ~22 million
======  =================================  ===========  ================

>>> data = generate("S", seed=1, scale=0.01)
>>> data.counts()["placements"]
36
>>> scenario = data.to_scenario()
>>> len(scenario.placements)
36
>>> generate("S", seed=1, scale=0.01) == data
True

:func:`generate` returns plain columns (:class:`SyntheticData`), fast enough for a national
year; :meth:`SyntheticData.to_scenario` builds the :class:`~banenafspraak.scenario.Scenario` of
the pure path, and :func:`generate_scenario` does both. The command line is
``python -m banenafspraak.synthetic SIZE OUTPUT [--seed N] [--year YYYY] [--format parquet|json]``.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import random
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs

from banenafspraak.employers import Employer, EmployerKind
from banenafspraak.exceptions import MissingExtraError
from banenafspraak.people import Ground, Person, PersonId, Registration
from banenafspraak.placements import PayPeriod, Placement, PlacementKind
from banenafspraak.procurement import ContractKind, ProcurementContract
from banenafspraak.scenario import Scenario
from banenafspraak.sectors import Sector, Subsector

__all__ = ["SIZES", "SizeSpec", "SyntheticData", "generate", "generate_scenario", "main"]

Columns = dict[str, list[Any]]


@attrs.frozen(kw_only=True)
class SizeSpec:
    """How big a synthetic scenario is.

    Args:
        name: ``S``, ``M``, ``L``, ``XL`` or any label.
        placements: placements per year.
        years: consecutive years of data (``XL`` is ten national years).
    """

    name: str
    placements: int = attrs.field(validator=attrs.validators.ge(1))
    years: int = attrs.field(default=1, validator=attrs.validators.ge(1))

    @property
    def people(self) -> int:
        """Registered people (about 1.35 per placement: most registered people have no job)."""
        return max(1, round(self.placements * 1.35))

    @property
    def employers(self) -> int:
        """Employers (about 0.3 per placement)."""
        return max(8, round(self.placements * 0.3))

    @property
    def contracts(self) -> int:
        """Procurement contracts."""
        return max(2, round(self.placements * 0.02))


SIZES: dict[str, SizeSpec] = {
    "S": SizeSpec(name="S", placements=3_600),
    "M": SizeSpec(name="M", placements=20_000),
    "L": SizeSpec(name="L", placements=200_000),
    "XL": SizeSpec(name="XL", placements=200_000, years=10),
}
"""The named sizes of the issue: a region, a large region, a national year, ten national years."""

_GROUNDS: tuple[tuple[Ground, int], ...] = (
    (Ground.PARTICIPATION_ACT, 34),
    (Ground.WAJONG, 26),
    (Ground.WSW_INDICATION, 14),
    (Ground.AMVB_INDICATION, 11),
    (Ground.OWN_REQUEST, 3),
    (Ground.TRANSITIONAL, 3),
    (Ground.YOUNG_DISABLED_WITH_PROVISION, 4),
    (Ground.WIW_ID_JOB, 4),
    (Ground.WIA_EXPERIMENT, 1),
)

_EMPLOYER_KINDS: tuple[tuple[EmployerKind, int], ...] = (
    (EmployerKind.REGULAR, 960),
    (EmployerKind.AGENCY, 30),
    (EmployerKind.SHELTERED_WORKSHOP, 10),
)

# Placement mixes: (what, weight). "contract" is an employee serving a procurement contract,
# "collegial" an employee lent by a regular employer.
_PLACEMENT_MIX: tuple[tuple[str, int], ...] = (
    ("employee", 64),
    ("agency", 15),
    ("wsw_internal", 6),
    ("wsw_seconded", 4),
    ("sheltered_work", 3),
    ("contract", 6),
    ("collegial", 2),
)


T = TypeVar("T")


def _weighted(rng: random.Random, table: Sequence[tuple[T, int]]) -> T:
    total = sum(w for _, w in table)
    pick = rng.randrange(total)
    for item, weight in table:
        if pick < weight:
            return item
        pick -= weight
    return table[-1][0]  # pragma: no cover - unreachable: pick < total


def _hours(rng: random.Random, low: int, high: int) -> str:
    """Hours with two decimals as a decimal string (exact)."""
    cents = rng.randrange(low * 100, high * 100)
    return f"{cents // 100}.{cents % 100:02d}"


_PERSON_COLUMNS = ("date_of_birth", "date_of_death", "sheltered_work_finding")


def _on_or_after_ground(ground: Ground, start: dt.date) -> dt.date:
    """``start``, or the day the ground entered the law if that is later (Ground.exists_from)."""
    exists = ground.exists_from
    if exists is None:
        return start
    day = exists[0]
    return max(start, dt.date(day.year, day.month, day.day))


@attrs.frozen(kw_only=True, eq=True)
class SyntheticData:
    """A synthetic scenario as plain columns, one ``dict`` of equal-length lists per table.

    Tables and columns (dates are :class:`datetime.date`, hours decimal strings):

    * ``employers``: ``id, name, sector, kind, subsector``
    * ``employer_years``: ``employer, year, total_hours, agency_or_wsw_staff_hours``
    * ``registrations``: ``person, ground, start, conditions_ceased, ended_on_request,
      date_of_birth, date_of_death, sheltered_work_finding`` (the last three are the person's)
    * ``placements``: ``id, person, employer, kind, hirer, credited_to_hirer, contract,
      employment_start`` (the last for about a third of the placements: an employment that
      began before the year)
    * ``hours``: ``placement, start, end, hours`` (one row per pay period)
    * ``contracts``: ``id, buyer, supplier, start, end, kind``
    """

    size: SizeSpec
    seed: int
    years: tuple[int, ...]
    employers: Columns
    employer_years: Columns
    registrations: Columns
    placements: Columns
    hours: Columns
    contracts: Columns

    def tables(self) -> dict[str, Columns]:
        """Every table by name."""
        return {
            "employers": self.employers,
            "employer_years": self.employer_years,
            "registrations": self.registrations,
            "placements": self.placements,
            "hours": self.hours,
            "contracts": self.contracts,
        }

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {name: len(next(iter(cols.values()))) for name, cols in self.tables().items()}

    def to_scenario(self, *, name: str = "") -> Scenario:
        """The :class:`Scenario` of the pure path (slow for ``L`` and above: objects per row)."""
        totals: dict[str, dict[int, str]] = {}
        staff: dict[str, dict[int, str]] = {}
        ey = self.employer_years
        for emp, year, total, lent in zip(
            ey["employer"],
            ey["year"],
            ey["total_hours"],
            ey["agency_or_wsw_staff_hours"],
            strict=True,
        ):
            totals.setdefault(emp, {})[year] = total
            if lent is not None:
                staff.setdefault(emp, {})[year] = lent
        e = self.employers
        employers = tuple(
            Employer(
                id=i,
                name=n,
                sector=s,
                kind=k,
                subsector=sub,
                total_hours=totals.get(i, {}),
                agency_or_wsw_staff_hours=staff.get(i, {}),
            )
            for i, n, s, k, sub in zip(
                e["id"], e["name"], e["sector"], e["kind"], e["subsector"], strict=True
            )
        )
        registrations: dict[str, list[Registration]] = {}
        facts: dict[str, dict[str, dt.date | None]] = {}
        r = self.registrations
        for i, (person, ground, start, ceased, ended) in enumerate(
            zip(
                r["person"],
                r["ground"],
                r["start"],
                r["conditions_ceased"],
                r["ended_on_request"],
                strict=True,
            )
        ):
            registrations.setdefault(person, []).append(
                Registration(
                    ground=ground, start=start, conditions_ceased=ceased, ended_on_request=ended
                )
            )
            facts.setdefault(person, {c: r[c][i] for c in _PERSON_COLUMNS})
        people = tuple(
            Person(
                id=PersonId(p),
                registrations=regs,
                date_of_birth=facts[p]["date_of_birth"],
                date_of_death=facts[p]["date_of_death"],
                sheltered_work_finding=facts[p]["sheltered_work_finding"],
            )
            for p, regs in registrations.items()
        )
        periods: dict[str, list[PayPeriod]] = {}
        h = self.hours
        for placement, start, end, hours in zip(
            h["placement"], h["start"], h["end"], h["hours"], strict=True
        ):
            periods.setdefault(placement, []).append(PayPeriod(start=start, end=end, hours=hours))
        p = self.placements
        placements = tuple(
            Placement(
                id=i,
                person=person,
                employer=employer,
                kind=kind,
                hirer=hirer,
                credited_to_hirer=credited,
                contract=contract,
                hours=periods.get(i, ()),
                employment_start=began,
            )
            for i, person, employer, kind, hirer, credited, contract, began in zip(
                p["id"],
                p["person"],
                p["employer"],
                p["kind"],
                p["hirer"],
                p["credited_to_hirer"],
                p["contract"],
                p["employment_start"],
                strict=True,
            )
        )
        c = self.contracts
        contracts = tuple(
            ProcurementContract(
                id=i,
                buyer=b,
                supplier=s,
                period=_period(start, end),
                kind=k,
            )
            for i, b, s, start, end, k in zip(
                c["id"], c["buyer"], c["supplier"], c["start"], c["end"], c["kind"], strict=True
            )
        )
        return Scenario(
            employers=employers,
            people=people,
            placements=placements,
            contracts=contracts,
            name=name or f"synthetic {self.size.name} seed {self.seed}",
        )

    def write_parquet(self, folder: str | Path) -> Path:
        """Write one Parquet file per table into ``folder`` (needs the ``batch`` extra)."""
        try:
            from banenafspraak.batch import Tables  # noqa: PLC0415 - optional extra
        except ImportError:  # pragma: no cover - the extra is installed in development
            feature = "writing Parquet"
            raise MissingExtraError(feature, "batch") from None
        return Tables.from_columns(self.tables()).write_parquet(folder)

    def write_json(self, path: str | Path) -> Path:
        """Write the scenario file format (needs the ``io`` extra's ``save_scenario``)."""
        try:
            from banenafspraak.io import save_scenario  # type: ignore[import-not-found,attr-defined,unused-ignore]  # noqa: PLC0415 - optional extra
        except ImportError:
            feature = "writing the scenario file format"
            raise MissingExtraError(feature, "io") from None
        target = Path(path)
        save_scenario(self.to_scenario(), target)
        return target


def _period(start: dt.date, end: dt.date) -> Any:  # noqa: ANN401 - a Period, imported lazily
    from banenafspraak.periods import Period  # noqa: PLC0415 - keeps the import list short

    return Period(start=start, end=end)


def _four_weekly(year: int, rng: random.Random) -> Iterator[tuple[dt.date, dt.date]]:
    """Four-weekly pay periods touching ``year``; the first and last straddle its ends."""
    first = dt.date(year, 1, 1) - dt.timedelta(days=rng.randrange(1, 27))
    start = first
    while start <= dt.date(year, 12, 31):
        end = start + dt.timedelta(days=27)
        yield start, end
        start = end + dt.timedelta(days=1)


def _months(year: int, first: int, last: int) -> Iterator[tuple[dt.date, dt.date]]:
    for month in range(first, last + 1):
        yield dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


class _Builder:
    """Fills the columns; one instance per call of :func:`generate`."""

    def __init__(self, size: SizeSpec, seed: int, first_year: int) -> None:
        self.size = size
        self.seed = seed
        self.rng = random.Random(  # noqa: S311 - synthetic data, not secrets
            f"banenafspraak-synthetic-{seed}-{size.name}-{size.placements}"
        )
        self.years = tuple(range(first_year, first_year + size.years))
        self.employers: Columns = {k: [] for k in ("id", "name", "sector", "kind", "subsector")}
        # Sub-sectors come from a stream of their own, so that every other draw stays as it was.
        self.subsector_rng = random.Random(  # noqa: S311 - synthetic data, not secrets
            f"banenafspraak-synthetic-subsector-{seed}-{size.name}-{size.placements}"
        )
        self.employer_years: Columns = {
            k: [] for k in ("employer", "year", "total_hours", "agency_or_wsw_staff_hours")
        }
        self.registrations: Columns = {
            k: []
            for k in (
                "person",
                "ground",
                "start",
                "conditions_ceased",
                "ended_on_request",
                *_PERSON_COLUMNS,
            )
        }
        # The person's own dates come from a second stream, so that adding them left every
        # other draw of a seed as it was.
        self.facts_rng = random.Random(  # noqa: S311 - synthetic data, not secrets
            f"banenafspraak-synthetic-person-{seed}-{size.name}-{size.placements}"
        )
        self.placements: Columns = {
            k: []
            for k in (
                "id",
                "person",
                "employer",
                "kind",
                "hirer",
                "credited_to_hirer",
                "contract",
                "employment_start",
            )
        }
        # Employment starts come from a third stream, for the same reason.
        self.start_rng = random.Random(  # noqa: S311 - synthetic data, not secrets
            f"banenafspraak-synthetic-start-{seed}-{size.name}-{size.placements}"
        )
        self.hours: Columns = {k: [] for k in ("placement", "start", "end", "hours")}
        self.contracts: Columns = {
            k: [] for k in ("id", "buyer", "supplier", "start", "end", "kind")
        }
        self.by_kind: dict[EmployerKind, list[str]] = {kind: [] for kind in EmployerKind}
        self.regular_market: list[str] = []
        self.sector_of: dict[str, str] = {}

    def build(self) -> SyntheticData:
        self._employers()
        people = self._people()
        contracts = self._contracts()
        working = people[: max(1, round(len(people) * 0.52))]
        for year in self.years:
            self._placements(year, working, contracts)
        return SyntheticData(
            size=self.size,
            seed=self.seed,
            years=self.years,
            employers=self.employers,
            employer_years=self.employer_years,
            registrations=self.registrations,
            placements=self.placements,
            hours=self.hours,
            contracts=self.contracts,
        )

    def _employers(self) -> None:
        rng = self.rng
        for n in range(self.size.employers):
            ident = f"e{n}"
            kind = _weighted(rng, _EMPLOYER_KINDS)
            if n < len(EmployerKind):  # every kind at least once, even in tiny scenarios
                kind = tuple(EmployerKind)[n]
            government = kind is EmployerKind.REGULAR and rng.random() < 0.15  # noqa: PLR2004
            sector = Sector.GOVERNMENT if government else Sector.MARKET
            self.employers["id"].append(ident)
            self.employers["name"].append(f"Employer {n}")
            self.employers["sector"].append(sector.value)
            self.employers["kind"].append(kind.value)
            self.employers["subsector"].append(self._subsector(sector))
            self.by_kind[kind].append(ident)
            self.sector_of[ident] = sector.value
            if kind is EmployerKind.REGULAR and sector is Sector.MARKET:
                self.regular_market.append(ident)
            # A heavy tail of sizes: about one employer in five is above the threshold.
            base = int(2_000 * rng.paretovariate(0.9))
            for year in (self.years[0] - 1, *self.years):
                total = min(base * rng.randrange(90, 111) // 100, 50_000_000)
                lent = None
                if kind is not EmployerKind.REGULAR:
                    lent = str(total * rng.randrange(40, 95) // 100)
                self.employer_years["employer"].append(ident)
                self.employer_years["year"].append(year)
                self.employer_years["total_hours"].append(str(total))
                self.employer_years["agency_or_wsw_staff_hours"].append(lent)
        if not self.regular_market:
            self.regular_market.append(self.by_kind[EmployerKind.REGULAR][0])

    def _subsector(self, sector: Sector) -> str | None:
        """Most government employers name their sub-sector (Rijk, Gemeenten, ...); some do not."""
        rng = self.subsector_rng
        if sector is not Sector.GOVERNMENT or rng.random() < 0.1:  # noqa: PLR2004
            return None
        return rng.choice(tuple(Subsector)).value

    def _people(self) -> list[str]:
        rng = self.rng
        first = self.years[0]
        people = []
        for n in range(self.size.people):
            ident = f"p{n}"
            people.append(ident)
            ground = _weighted(rng, _GROUNDS)
            start = _on_or_after_ground(
                ground, dt.date(rng.randrange(min(2013, first), first + 1), rng.randrange(1, 13), 1)
            )
            self.person_facts = self._facts()
            ceased = None
            ended = None
            roll = rng.random()
            if roll < 0.15:  # noqa: PLR2004 - conditions ceased: the t+2 rule ends it
                ceased = start + dt.timedelta(days=rng.randrange(30, 2_500))
            elif roll < 0.17:  # noqa: PLR2004 - ended at the person's request
                ended = start + dt.timedelta(days=rng.randrange(30, 2_500))
            self._registration(ident, ground, start, ceased, ended)
            if rng.random() < 0.03:  # noqa: PLR2004 - a second registration on another ground
                other = _weighted(rng, _GROUNDS)
                if other is not ground:
                    later = start + dt.timedelta(days=rng.randrange(60, 1_500))
                    self._registration(ident, other, _on_or_after_ground(other, later), None, None)
        return people

    def _facts(self) -> dict[str, dt.date | None]:
        """A person's date of birth (most people), death and beschut-werk finding (a few)."""
        rng = self.facts_rng
        born = None
        if rng.random() < 0.6:  # noqa: PLR2004 - most people have a date of birth
            born = dt.date(rng.randrange(1950, 2005), rng.randrange(1, 13), rng.randrange(1, 29))
        died = finding = None
        roll = rng.random()
        first = self.years[0]
        if roll < 0.01:  # noqa: PLR2004 - died
            died = dt.date(rng.randrange(first - 2, first + 3), rng.randrange(1, 13), 1)
            if born is not None and died < born:
                died = None
        elif roll < 0.03:  # noqa: PLR2004 - found fit only for beschut werk
            finding = dt.date(rng.randrange(first - 3, first + 3), rng.randrange(1, 13), 1)
        return {"date_of_birth": born, "date_of_death": died, "sheltered_work_finding": finding}

    def _registration(
        self,
        person: str,
        ground: Ground,
        start: dt.date,
        ceased: dt.date | None,
        ended: dt.date | None,
    ) -> None:
        r = self.registrations
        r["person"].append(person)
        r["ground"].append(ground.value)
        r["start"].append(start)
        r["conditions_ceased"].append(ceased)
        r["ended_on_request"].append(ended)
        for column in _PERSON_COLUMNS:
            r[column].append(self.person_facts[column])

    def _contracts(self) -> list[tuple[str, str]]:
        rng = self.rng
        employers = self.employers["id"]
        made = []
        first, last = self.years[0], self.years[-1]
        for n in range(self.size.contracts):
            ident = f"c{n}"
            supplier = rng.choice(self.regular_market)
            buyer = rng.choice(employers)
            while buyer == supplier:
                buyer = rng.choice(employers)
            start = dt.date(first, 1, 1) + dt.timedelta(days=rng.randrange(-400, 300))
            end = dt.date(last, 12, 31) - dt.timedelta(days=rng.randrange(-300, 400))
            end = max(end, start)
            kind = ContractKind.SROI if rng.random() < 0.3 else ContractKind.SERVICES  # noqa: PLR2004
            c = self.contracts
            c["id"].append(ident)
            c["buyer"].append(buyer)
            c["supplier"].append(supplier)
            c["start"].append(start)
            c["end"].append(end)
            c["kind"].append(kind.value)
            made.append((ident, supplier))
        return made

    def _other_than(self, employer: str) -> str:
        employers = self.employers["id"]
        hirer: str = self.rng.choice(employers)
        while hirer == employer:
            hirer = self.rng.choice(employers)
        return hirer

    def _placements(self, year: int, working: list[str], contracts: list[tuple[str, str]]) -> None:
        rng = self.rng
        regular = self.by_kind[EmployerKind.REGULAR]
        agencies = self.by_kind[EmployerKind.AGENCY]
        workshops = self.by_kind[EmployerKind.SHELTERED_WORKSHOP]
        for n in range(self.size.placements):
            ident = f"y{year}-{n}" if self.size.years > 1 else f"pl{n}"
            # The first placements go one to each working person; the rest add second jobs.
            person = working[n] if n < len(working) else rng.choice(working)
            what = _weighted(rng, _PLACEMENT_MIX)
            hirer = None
            credited = False
            contract = None
            kind = PlacementKind.EMPLOYEE
            if what == "agency":
                kind = PlacementKind.AGENCY
                employer = rng.choice(agencies)
                if rng.random() < 0.8:  # noqa: PLR2004 - the hirer is known
                    hirer = self._other_than(employer)
                    credited = rng.random() < 0.5  # noqa: PLR2004
            elif what in {"wsw_internal", "wsw_seconded", "sheltered_work"}:
                kind = PlacementKind(what)
                employer = rng.choice(workshops)
                if kind is PlacementKind.WSW_SECONDED and rng.random() < 0.9:  # noqa: PLR2004
                    hirer = self._other_than(employer)
                    credited = rng.random() < 0.3  # noqa: PLR2004
            elif what == "contract":
                contract, employer = rng.choice(contracts)
            else:
                employer = rng.choice(regular)
                if what == "collegial":
                    hirer = self._other_than(employer)
            p = self.placements
            p["id"].append(ident)
            p["person"].append(person)
            p["employer"].append(employer)
            p["kind"].append(kind.value)
            p["hirer"].append(hirer)
            p["credited_to_hirer"].append(credited)
            p["contract"].append(contract)
            p["employment_start"].append(self._employment_start(year))
            self._pay_periods(ident, year, agency=kind is PlacementKind.AGENCY)

    def _employment_start(self, year: int) -> dt.date | None:
        """For about a third of the placements, a first day up to ten years before ``year``."""
        rng = self.start_rng
        if rng.random() >= 1 / 3:
            return None
        return dt.date(year, 1, 1) - dt.timedelta(days=rng.randrange(1, 3_653))

    def _pay_periods(self, placement: str, year: int, *, agency: bool) -> None:
        rng = self.rng
        h = self.hours
        if agency and rng.random() < 0.3:  # noqa: PLR2004 - four-weekly pay periods
            periods = list(_four_weekly(year, rng))
            low, high = 20, 150
        else:
            first, last = 1, 12
            if rng.random() < 0.25:  # noqa: PLR2004 - started or ended during the year
                first = rng.randrange(1, 7)
                last = rng.randrange(first + 3, 13)
            periods = list(_months(year, first, last))
            low, high = 16, 170
        for start, end in periods:
            h["placement"].append(placement)
            h["start"].append(start)
            h["end"].append(end)
            h["hours"].append(_hours(rng, low, high))


def generate(
    size: str | SizeSpec = "S", *, seed: int = 0, year: int = 2019, scale: float = 1.0
) -> SyntheticData:
    """A deterministic synthetic scenario as plain columns.

    Args:
        size: ``S``, ``M``, ``L``, ``XL`` (see :data:`SIZES`) or a :class:`SizeSpec`.
        seed: the seed; the same seed gives the same data.
        year: the (first) calendar year of the pay periods.
        scale: multiplies the number of placements (``0.01`` for a quick example).
    """
    spec = SIZES[size.upper()] if isinstance(size, str) else size
    if scale != 1.0:
        spec = attrs.evolve(spec, placements=max(1, round(spec.placements * scale)))
    return _Builder(spec, seed, year).build()


def generate_scenario(
    size: str | SizeSpec = "S", *, seed: int = 0, year: int = 2019, scale: float = 1.0
) -> Scenario:
    """A deterministic synthetic :class:`Scenario` (see :func:`generate`)."""
    return generate(size, seed=seed, year=year, scale=scale).to_scenario()


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: write a synthetic scenario as Parquet files or a scenario file."""
    parser = argparse.ArgumentParser(
        prog="python -m banenafspraak.synthetic", description=main.__doc__
    )
    parser.add_argument("size", help="S, M, L or XL")
    parser.add_argument("output", help="a folder (parquet) or a file (json)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--year", type=int, default=2019)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--format", choices=("parquet", "json"), default="parquet")
    args = parser.parse_args(argv)
    data = generate(args.size, seed=args.seed, year=args.year, scale=args.scale)
    if args.format == "json":
        written = data.write_json(args.output)
    else:
        written = data.write_parquet(args.output)
    counts = ", ".join(f"{n} {k}" for k, n in data.counts().items())
    print(f"wrote {written}: {counts}")  # noqa: T201 - a command line prints
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
