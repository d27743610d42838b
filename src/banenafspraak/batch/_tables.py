"""Columnar input of the batch engine: six tables, checked and normalised once, at the edge.

The tables follow the nouns of the scenario (one row per item, pay periods as rows of ``hours``):

=================  ==============================================================================
table              columns (``?`` = optional)
=================  ==============================================================================
``employers``      ``id, sector, kind?, name?, subsector?``
``employer_years`` ``employer, year, total_hours, agency_or_wsw_staff_hours?, premium_wage?,
                   exempt_wage?, small_employer?, sector?`` (optional table; ``sector`` is the
                   year's sector where it differs from the employer's, Regeling Wfsv 3.27)
``registrations``  ``person, ground, start, conditions_ceased?, ended_on_request?,
                   municipal_support?, date_of_birth?, date_of_death?, sheltered_work_finding?``
                   (the last three are the person's and agree on all rows of one person;
                   ``municipal_support`` is a flag of an ``own_request`` registration)
``placements``     ``id, person, employer, kind?, hirer?, credited_to_hirer?, contract?,
                   employment_start?``
``hours``          ``placement, start, end, hours``
``contracts``      ``id, buyer, supplier, start, end, kind?`` (optional table)
=================  ==============================================================================

Dates are Arrow/Parquet dates or ISO strings. Hours are decimal strings, decimals, whole numbers,
or floats that are exact to four decimals; they are held as whole ten-thousandths of an hour
(``hours_e4``), so that every sum is exact. Input with more decimals is refused.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import attrs
import polars as pl

from banenafspraak._files import replacing
from banenafspraak._folders import (
    AMBIGUOUS_BOTH,
    AMBIGUOUS_GROUPS,
    BATCH_TABLES,
    COMMA_DECIMAL,
    decimal_comma,
    delimiter_of,
    read_file,
    table_file,
    utf8_error,
    without_bom,
)
from banenafspraak._util import FrozenMap, paused_gc
from banenafspraak.baselines import Baseline
from banenafspraak.batch._checks import loader_problems, without_blank_rows
from banenafspraak.employers import (
    YEAR_TABLES,
    Employer,
    EmployerId,
    EmployerKind,
    _checked_employer,
)
from banenafspraak.exceptions import (
    InvalidScenarioError,
    InvalidTypeError,
    MissingExtraError,
    Problem,
)
from banenafspraak.people import Person, PersonId, Registration
from banenafspraak.periods import Period
from banenafspraak.placements import PayPeriod, Placement, PlacementKind
from banenafspraak.procurement import ContractKind, ProcurementContract
from banenafspraak.scenario import Scenario
from banenafspraak.sectors import Sector, Subsector

__all__ = ["HOURS_SCALE", "PERSON_COLUMNS", "TABLES", "Tables", "kept_for_equal"]

PERSON_COLUMNS = ("date_of_birth", "date_of_death", "sheltered_work_finding")
"""The person's own columns, repeated on each of the person's rows of ``registrations``."""

HOURS_SCALE = 10_000
"""Hours are held as whole ten-thousandths of an hour."""
_PLACES = 4
T = TypeVar("T")

TABLES = BATCH_TABLES

_STR = pl.String
_SCHEMA: dict[str, dict[str, Any]] = {
    "employers": {"id": _STR, "name": _STR, "sector": _STR, "subsector": _STR, "kind": _STR},
    "employer_years": {
        "employer": _STR,
        "year": pl.Int32,
        "total_hours": _STR,
        "agency_or_wsw_staff_hours": _STR,
        "premium_wage": _STR,
        "exempt_wage": _STR,
        "small_employer": pl.Boolean,
        "sector": _STR,
    },
    "registrations": {
        "person": _STR,
        "ground": _STR,
        "start": pl.Date,
        "conditions_ceased": pl.Date,
        "ended_on_request": pl.Date,
        "municipal_support": pl.Boolean,
        "date_of_birth": pl.Date,
        "date_of_death": pl.Date,
        "sheltered_work_finding": pl.Date,
    },
    "placements": {
        "id": _STR,
        "person": _STR,
        "employer": _STR,
        "kind": _STR,
        "hirer": _STR,
        "credited_to_hirer": pl.Boolean,
        "contract": _STR,
        "employment_start": pl.Date,
    },
    "hours": {"placement": _STR, "start": pl.Date, "end": pl.Date, "hours_e4": pl.Int64},
    "contracts": {
        "id": _STR,
        "buyer": _STR,
        "supplier": _STR,
        "start": pl.Date,
        "end": pl.Date,
        "kind": _STR,
    },
}
_REQUIRED: dict[str, tuple[str, ...]] = {
    "employers": ("id", "sector"),
    "employer_years": ("employer", "year", "total_hours"),
    "registrations": ("person", "ground", "start"),
    "placements": ("id", "person", "employer"),
    "hours": ("placement", "start", "end", "hours"),
    "contracts": ("id", "buyer", "supplier", "start", "end"),
}
_DEFAULTS: dict[tuple[str, str], object] = {
    ("employers", "kind"): EmployerKind.REGULAR.value,
    ("employers", "name"): "",
    ("placements", "kind"): PlacementKind.EMPLOYEE.value,
    ("placements", "credited_to_hirer"): False,
    ("contracts", "kind"): ContractKind.SERVICES.value,
}
_MUST_EXIST = ("employers", "registrations", "placements", "hours")
_TRUE = ("true", "yes", "1", "y", "ja", "j")
_FALSE = ("false", "no", "0", "n", "nee")
_SHOWN_COLUMNS = 5
_ONE_VALUE = "expected one text, number, date or flag per cell (not a list, struct or bytes)"


def _empty(table: str) -> pl.DataFrame:
    return pl.DataFrame(schema=_SCHEMA[table])


def _columns_of(table: str) -> tuple[str, ...]:
    return tuple("hours" if c == "hours_e4" else c for c in _SCHEMA[table])


def _header_problems(table: str, frame: pl.DataFrame, file: str, *, header: bool) -> list[Problem]:
    """The columns of one table, checked as the scenario loader checks a CSV file's header."""
    where = f"{file} row 1" if header else file
    columns = _columns_of(table)
    shown = ", ".join(frame.columns[:8]) + (", ..." if len(frame.columns) > 8 else "")  # noqa: PLR2004
    problems = [
        Problem(where, column, shown, "missing required column")
        for column in _REQUIRED[table]
        if column not in frame.columns
    ]
    problems.extend(
        Problem(where, column, f"a {dtype} column", _ONE_VALUE)
        for column, dtype in frame.schema.items()
        if column in columns and (dtype.is_nested() or dtype in {pl.Object, pl.Binary})
    )
    unknown = [c for c in frame.columns if c not in columns]
    problems.extend(
        Problem(where, column, column, f"unknown column; the columns are {', '.join(columns)}")
        for column in unknown[:_SHOWN_COLUMNS]
    )
    if len(unknown) > _SHOWN_COLUMNS:
        more = len(unknown) - _SHOWN_COLUMNS
        problems.append(Problem(where, "", f"{more} more", f"and {more} more unknown columns"))
    return problems


def _as_given(table: str, frame: pl.DataFrame) -> pl.DataFrame:
    """The table with every column of its schema (an absent optional column as empty cells)."""
    absent = [
        pl.lit(None, dtype=_STR).alias(c) for c in _columns_of(table) if c not in frame.columns
    ]
    return frame.with_columns(absent).select(_columns_of(table))


def _cell(column: str) -> pl.Expr:
    """A cell as stripped text; an empty cell is null ("not given")."""
    text = pl.col(column).cast(pl.String).str.strip_chars()
    return pl.when(text != "").then(text)


def _typed(table: str, frame: pl.DataFrame) -> pl.DataFrame:
    """A checked table in the engine's schema: dates, flags, years and hours converted."""
    columns: list[pl.Expr] = []
    for name, dtype in _SCHEMA[table].items():
        if name == "hours_e4":
            hours = _cell("hours")
            whole = hours.str.extract(r"^\+?(\d*)", 1).str.replace(r"^$", "0").cast(pl.Int64)
            frac = hours.str.extract(r"\.(\d*?)0*$", 1).fill_null("").str.pad_end(_PLACES, "0")
            columns.append((whole * HOURS_SCALE + frac.cast(pl.Int64)).alias(name))
            continue
        given = frame[name].dtype
        if dtype == pl.Date and given == pl.Date:
            column = pl.col(name)
        elif dtype == pl.Date:
            column = _cell(name).str.to_date("%Y-%m-%d")
        elif dtype == pl.Boolean:
            flag = _cell(name).str.to_lowercase()
            column = pl.when(flag.is_in(_TRUE)).then(True).when(flag.is_in(_FALSE)).then(False)  # noqa: FBT003
        else:
            column = _cell(name).cast(dtype)
        default = _DEFAULTS.get((table, name))
        if default is not None:
            column = column.fill_null(pl.lit(default, dtype=dtype))
        columns.append(column.cast(dtype).alias(name))
    return frame.select(columns) if frame.height else _empty(table)


def _problems(
    frames: Mapping[str, pl.DataFrame | None],
    *,
    source: str,
    names: Mapping[str, str],
    first_row: Mapping[str, int],
) -> tuple[dict[str, pl.DataFrame], list[Problem]]:
    """Every problem of the tables in one pass: their columns, then the loader's checks."""
    problems: list[Problem] = []
    usable: dict[str, pl.DataFrame] = {}
    for table in TABLES:
        frame = frames.get(table)
        if frame is None:
            if table in _MUST_EXIST:
                problems.append(Problem(names[table], "", "nothing", "missing file"))
            else:
                usable[table] = _as_given(table, pl.DataFrame())
            continue
        found = _header_problems(table, frame, names[table], header=first_row[table] == 2)  # noqa: PLR2004
        problems.extend(found)
        if not found:
            usable[table] = _as_given(table, frame)

    complete = {t: usable.get(t, _as_given(t, pl.DataFrame())) for t in TABLES}
    problems += loader_problems(
        complete, read=set(usable), source=source, names=names, first_row=first_row
    )
    return {t: without_blank_rows(frame) for t, frame in usable.items()}, problems


@attrs.frozen(kw_only=True)
class Tables:
    """The six input tables, checked and normalised (see the module docstring)."""

    employers: pl.DataFrame
    employer_years: pl.DataFrame
    registrations: pl.DataFrame
    placements: pl.DataFrame
    hours: pl.DataFrame
    contracts: pl.DataFrame
    baseline: Baseline = attrs.field(factory=Baseline)
    parameters: Mapping[str, Any] = attrs.field(factory=dict)
    _kept: dict[Hashable, Any] = attrs.field(factory=dict, init=False, eq=False, repr=False)
    """Values derived from the tables, once computed (frozen is shallow: a cache, not a value)."""

    def kept(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The value derived from these tables under ``key``, computed on the first call only.

        Several counts of the same tables (a trend over years, a report under every rule set)
        derive some things alike: the digest, the registrations' ends under given parameters.
        """
        if key not in self._kept:
            self._kept[key] = compute()
        return self._kept[key]  # type: ignore[no-any-return]

    def digest(self) -> str:
        """A SHA-256 of the input tables (row order does not matter), for receipts.

        It identifies the same tables read again with the same polars version: per table, its
        columns, its number of rows and the sum of its row hashes modulo 2**64 (a sum, unlike a
        sort, needs one pass; unlike an exclusive or, it does not cancel a repeated row). It is
        not the digest the pure path gives the same data as a :class:`Scenario`. It is computed
        once per :class:`Tables`, and every receipt of the batch engine carries it.
        """
        return self.kept("digest", self._digest)

    def _digest(self) -> str:
        hasher = hashlib.sha256()
        for name in TABLES:
            frame: pl.DataFrame = getattr(self, name)
            hasher.update(f"{name}({','.join(frame.columns)}){frame.height}".encode())
            if frame.height:
                # each half's sum is exact below 2**32 rows: no overflow to rely on
                hashes = pl.DataFrame({"h": frame.hash_rows(seed=0)})
                high, low = hashes.select(
                    (pl.col("h") // 2**32).sum().alias("high"),
                    (pl.col("h") % 2**32).sum().alias("low"),
                ).row(0)
                hasher.update(f":{((high << 32) + low) % 2**64:016x}".encode())
        hasher.update(repr(sorted(self.baseline.jobs.items())).encode())
        hasher.update(repr(sorted(self.parameters.items())).encode())
        return "sha256:" + hasher.hexdigest()

    # -- building -----------------------------------------------------------------------------

    @classmethod
    def from_frames(
        cls,
        frames: Mapping[str, pl.DataFrame | Any],
        *,
        baseline: Baseline | None = None,
        parameters: Mapping[str, Any] | None = None,
        source: str = "tables",
        names: Mapping[str, str] | None = None,
        first_row: Mapping[str, int] | None = None,
    ) -> Tables:
        """Check and normalise data frames (polars, pandas or Arrow tables), reporting all problems.

        The checks are the scenario loader's (see :mod:`banenafspraak.batch._checks`): the same
        problems, messages and places as a folder of CSV files with these rows. ``names`` gives
        the file of each table as places show it (the table's name if not given); ``first_row``
        the number of each table's first row (1 if not given; 2 in a CSV file with a header).

        Raises:
            InvalidScenarioError: every problem found, each naming the file, row, column and value.
        """
        shown = {t: (names or {}).get(t, t) for t in TABLES}
        rows = {t: (first_row or {}).get(t, 1) for t in TABLES}
        given = {name: _as_polars(frames.get(name)) for name in TABLES}
        usable, problems = _problems(given, source=source, names=shown, first_row=rows)
        unknown = sorted(set(frames) - set(TABLES))
        if unknown:
            problems.insert(
                0,
                Problem(source, ", ".join(unknown), "", f"unknown table; the tables are {TABLES}"),
            )
        if problems:
            raise InvalidScenarioError(problems, source=source)
        normal = {name: _typed(name, usable[name]) for name in TABLES}
        tables = cls(**normal, baseline=baseline or Baseline(), parameters=dict(parameters or {}))
        index = tables.placements.select(pl.col("id").alias("placement")).with_row_index("p")
        hours = tables.hours.drop("p", strict=False).join(
            index, on="placement", how="left", maintain_order="left"
        )
        return attrs.evolve(tables, hours=hours)

    @classmethod
    def from_columns(cls, columns: Mapping[str, Mapping[str, Sequence[Any]]]) -> Tables:
        """Tables from plain columns (``{table: {column: values}}``), as the generator makes."""
        frames = {}
        for name, cols in columns.items():
            schema = {c: (_STR if c == "hours" else _SCHEMA[name].get(c, _STR)) for c in cols}
            frames[name] = pl.DataFrame(dict(cols), schema=schema, strict=False)
        return cls.from_frames(frames, source="columns")

    @classmethod
    def from_scenario(cls, scenario: Scenario) -> Tables:
        """The tables of a pure :class:`Scenario` (exact: hours go over as decimal strings)."""
        cols: dict[str, dict[str, list[Any]]] = {
            name: {c: [] for c in _SCHEMA[name] if c != "hours_e4"} for name in TABLES
        }
        cols["hours"]["hours"] = []
        for e in scenario.employers:
            _append(
                cols["employers"],
                id=e.id,
                name=e.name,
                sector=e.sector.value,
                subsector=e.subsector.value if e.subsector else None,
                kind=e.kind.value,
            )
            years = {
                *e.total_hours,
                *e.agency_or_wsw_staff_hours,
                *e.premium_wage,
                *e.exempt_wage,
                *e.small_employer,
                *e.sector_by_year,
            }
            for year in sorted(years):
                _append(
                    cols["employer_years"],
                    employer=e.id,
                    year=year,
                    total_hours=_text(e.total_hours.get(year)),
                    agency_or_wsw_staff_hours=_text(e.agency_or_wsw_staff_hours.get(year)),
                    premium_wage=_text(e.premium_wage.get(year)),
                    exempt_wage=_text(e.exempt_wage.get(year)),
                    small_employer=e.small_employer.get(year),
                    sector=_sector_text(e.sector_by_year.get(year)),
                )
        for person in scenario.people:
            for r in person.registrations:
                _append(
                    cols["registrations"],
                    person=person.id,
                    ground=r.ground.value,
                    start=r.start,
                    conditions_ceased=r.conditions_ceased,
                    ended_on_request=r.ended_on_request,
                    municipal_support=r.municipal_support,
                    date_of_birth=person.date_of_birth,
                    date_of_death=person.date_of_death,
                    sheltered_work_finding=person.sheltered_work_finding,
                )
        for p in scenario.placements:
            _append(
                cols["placements"],
                id=p.id,
                person=p.person,
                employer=p.employer,
                kind=p.kind.value,
                hirer=p.hirer,
                credited_to_hirer=p.credited_to_hirer,
                contract=p.contract,
                employment_start=p.employment_start,
            )
            for pp in p.hours:
                _append(
                    cols["hours"], placement=p.id, start=pp.start, end=pp.end, hours=str(pp.hours)
                )
        for c in scenario.contracts:
            _append(
                cols["contracts"],
                id=c.id,
                buyer=c.buyer,
                supplier=c.supplier,
                start=c.period.start,
                end=c.period.end,
                kind=c.kind.value,
            )
        frames = {}
        for name, table in cols.items():
            schema = {c: (_STR if c == "hours" else _SCHEMA[name][c]) for c in table}
            frames[name] = pl.DataFrame(
                {c: [_plain_date(v) for v in vs] for c, vs in table.items()},
                schema=schema,
            )
        return cls.from_frames(
            frames,
            baseline=scenario.baseline,
            parameters=dict(scenario.parameters),
            source=f"scenario {scenario.name!r}",
        )

    # -- files --------------------------------------------------------------------------------

    @classmethod
    def read(
        cls,
        folder: str | Path,
        *,
        baseline: Baseline | None = None,
        parameters: Mapping[str, Any] | None = None,
    ) -> Tables:
        """Read a folder with one Parquet (``NAME.parquet``) or CSV (``NAME.csv``) per table.

        The files are found and opened as the scenario loader finds and opens a CSV folder's,
        by the same code: only regular files with a table's name, one format
        per table; a CSV file is UTF-8, comma- or semicolon-separated, and a semicolon-separated
        file's numbers have a decimal comma. ``baseline.csv`` and ``parameters.csv`` in the
        folder give the baseline and the parameter overrides, read and checked as in a scenario
        folder; ``baseline`` and ``parameters`` give them instead (not both).

        Raises:
            InvalidScenarioError: every problem of the folder, each at its file, row and column.
        """
        root = Path(folder)
        if not root.is_dir():
            problem = Problem(str(root), "", str(root), "expected a folder of Parquet or CSV files")
            raise InvalidScenarioError([problem], source=str(root))
        frames: dict[str, pl.DataFrame] = {}
        names: dict[str, str] = {}
        first_row: dict[str, int] = {}
        problems: list[Problem] = []
        refused: set[tuple[str, str]] = set()
        not_read: set[str] = set()
        for name in TABLES:
            path, found = table_file(root, name, (".parquet", ".csv"))
            names[name] = f"{name}.csv" if path is None else path.name
            first_row[name] = 1 if path is not None and path.suffix == ".parquet" else 2
            problems.extend(found)
            if path is None:
                continue
            frame, trouble = (None, []) if found else _read_table(name, path)
            problems.extend(trouble)
            refused |= {(p.location, p.field) for p in trouble if p.field}
            if frame is None:
                not_read.add(names[name])
            else:
                frames[name] = frame
        settings, settings_problems = _settings(root, baseline=baseline, parameters=parameters)
        problems.extend(settings_problems)
        try:
            tables = cls.from_frames(
                frames,
                baseline=settings.baseline,
                parameters=settings.parameters,
                source=str(root),
                names=names,
                first_row=first_row,
            )
        except InvalidScenarioError as error:
            rest = [
                p
                for p in error.problems
                if not (p.message == "missing file" and p.location in not_read)
                and (p.location.split(" (")[0], p.field) not in refused
            ]
            raise InvalidScenarioError([*problems, *rest], source=str(root)) from None
        if problems:  # an optional table that cannot be read, or the numbers of a row
            raise InvalidScenarioError(problems, source=str(root))
        return tables

    def write_parquet(self, folder: str | Path) -> Path:
        """Write one Parquet file per table (hours as exact decimals with four places).

        Each file is written whole or not at all, never through a link (as every file the
        library writes).
        """
        root = Path(folder)
        root.mkdir(parents=True, exist_ok=True)
        for name in TABLES:
            frame: pl.DataFrame = getattr(self, name)
            if name == "hours":
                frame = frame.with_columns(
                    (pl.col("hours_e4").cast(pl.Decimal(38, _PLACES)) / HOURS_SCALE)
                    .cast(pl.Decimal(18, _PLACES))
                    .alias("hours")
                ).drop("hours_e4")
            with replacing(root / f"{name}.parquet") as handle:  # whole, never through a link
                frame.drop("p", strict=False).write_parquet(handle)
        return root

    # -- back to the pure nouns ------------------------------------------------------------------

    def to_scenario(self, placements: Iterable[str] | None = None, *, name: str = "") -> Scenario:
        """The pure :class:`Scenario` of these tables, or of some placements and what they need.

        The pure path is the reference: this is how a batch result is explained per placement.
        """
        chosen = self.placements
        contracts = self.contracts
        if placements is not None:
            wanted = pl.Series(list(placements), dtype=pl.String)
            chosen = chosen.filter(pl.col("id").is_in(wanted.implode()))
            contracts = contracts.filter(pl.col("id").is_in(chosen["contract"].implode()))
            ids = pl.concat(
                [chosen["employer"], chosen["hirer"], contracts["buyer"], contracts["supplier"]]
            ).drop_nulls()
            employers = self.employers.filter(pl.col("id").is_in(ids.implode()))
            registrations = self.registrations.filter(
                pl.col("person").is_in(chosen["person"].implode())
            )
        else:
            employers, registrations = self.employers, self.registrations
        hours = self.hours.filter(pl.col("placement").is_in(chosen["id"].implode()))
        years = self.employer_years.filter(pl.col("employer").is_in(employers["id"].implode()))
        return Scenario(
            employers=_employers(employers, years),
            people=_people(registrations, chosen["person"]),
            placements=_placements(chosen, hours),
            contracts=tuple(
                ProcurementContract(
                    id=r["id"],
                    buyer=r["buyer"],
                    supplier=r["supplier"],
                    period=Period(start=r["start"], end=r["end"]),
                    kind=r["kind"],
                )
                for r in contracts.iter_rows(named=True)
            ),
            baseline=self.baseline,
            parameters=self.parameters,
            name=name,
        )

    def employer_objects(self, ids: pl.Series | None = None) -> tuple[Employer, ...]:
        """The :class:`Employer` nouns (all, or those with the given ids), in table order.

        All of them are built once per tables (every quotum of every rule set reads them).
        """
        if ids is None:
            return self._all_employers
        employers = self.employers.filter(pl.col("id").is_in(ids.implode()))
        years = self.employer_years.filter(pl.col("employer").is_in(employers["id"].implode()))
        return _employers(employers, years)

    @functools.cached_property
    def _all_employers(self) -> tuple[Employer, ...]:
        return _employers(self.employers, self.employer_years)


def kept_for_equal(
    tables: Tables, key: Hashable, given: pl.DataFrame, compute: Callable[[], T]
) -> T:
    """What ``compute`` makes from ``given``, kept with ``tables`` for the next equal ``given``.

    Only the last value made under ``key`` is kept, with the frame it was made from: counts of
    several rule sets over the same tables and period come one after the other, and the ones
    that derive something alike derive it from equal frames.
    """
    last: list[tuple[pl.DataFrame, T]] = tables.kept(key, list)
    if last and last[0][0].equals(given):
        return last[0][1]
    made = compute()
    last[:] = [(given, made)]
    return made


_NUMBERS: dict[str, tuple[str, ...]] = {
    "hours": ("hours",),
    "employer_years": ("total_hours", "agency_or_wsw_staff_hours", "premium_wage", "exempt_wage"),
}
"""The number columns, where a semicolon-separated file has decimal commas."""


@attrs.frozen
class _Settings:
    baseline: Baseline | None
    parameters: Mapping[str, Any] | None


def _settings(
    root: Path, *, baseline: Baseline | None, parameters: Mapping[str, Any] | None
) -> tuple[_Settings, list[Problem]]:
    """The baseline and parameter overrides of a folder: its files, or the arguments.

    ``baseline.csv`` and ``parameters.csv`` are read by the scenario loader (the ``io`` extra);
    a file and an argument for the same thing are a problem, not a choice.
    """
    given = [key for key in ("baseline", "parameters") if table_file(root, key, (".csv",))[0]]
    if not given:
        return _Settings(baseline, parameters), []
    problems = [
        Problem(
            f"{key}.csv",
            "",
            f"the {key} argument",
            f"the {key} is given twice, in the folder and as an argument: give it once",
        )
        for key, argument in (("baseline", baseline), ("parameters", parameters))
        if key in given and argument is not None
    ]
    try:
        from banenafspraak.io import load_settings  # type: ignore[attr-defined,unused-ignore]  # noqa: PLC0415
    except ImportError:  # pragma: no cover - the extra is installed in development
        feature = f"reading {' and '.join(f'{k}.csv' for k in given)} in {root}"
        raise MissingExtraError(feature, "io") from None
    try:
        scenario = load_settings(root)
    except InvalidScenarioError as error:
        return _Settings(baseline, parameters), [*problems, *error.problems]
    return _Settings(
        scenario.baseline if "baseline" in given else baseline,
        dict(scenario.parameters) if "parameters" in given else parameters,
    ), problems


def _read_table(name: str, path: Path) -> tuple[pl.DataFrame | None, list[Problem]]:
    """One table's file as a frame of its cells, or the problems that keep it from being read."""
    data, problem = read_file(path)
    if data is None:
        return None, [] if problem is None else [problem]
    parquet = path.suffix == ".parquet"
    if not parquet:
        bad = utf8_error(data)
        if bad is not None:
            return None, [Problem(path.name, "", f"byte {bad}", "not UTF-8 text")]
        data = without_bom(data)
        first = data.split(b"\n", 1)[0].decode("utf-8")
        separator = delimiter_of(first)
    try:
        if parquet:
            frame = pl.read_parquet(io.BytesIO(data))
        else:
            frame = pl.read_csv(io.BytesIO(data), separator=separator, infer_schema=False)
    except Exception as error:  # noqa: BLE001 - any reader error is a problem of the file
        kind = "Parquet" if parquet else "CSV"
        reason = str(error).strip().splitlines()[0][:80] if str(error).strip() else ""
        message = f"cannot be read as {kind}" + (f" ({reason})" if reason else "")
        return None, [Problem(path.name, "", "the file", message)]
    if parquet or separator != ";":
        return frame, []
    return _decimal_commas(name, frame, path.name)


def _decimal_commas(
    name: str, frame: pl.DataFrame, file: str
) -> tuple[pl.DataFrame, list[Problem]]:
    """A semicolon-separated table with its numbers read (:func:`decimal_comma`).

    A number that reads two ways is a problem at its row; its cell is left as written, and the
    loader's problems at the same place are not told again.
    """
    problems: list[Problem] = []
    columns: list[pl.Expr] = []
    for column in (c for c in _NUMBERS.get(name, ()) if c in frame.columns):
        text = pl.col(column).str.strip_chars()
        ambiguous = text.str.contains(AMBIGUOUS_BOTH) | text.str.contains(AMBIGUOUS_GROUPS)
        seen = frame.with_row_index("_row").filter(ambiguous.fill_null(value=False))
        for row, value in seen.select("_row", column).iter_rows():
            _read, message = decimal_comma(value.strip())
            if message is not None:
                problems.append(Problem(f"{file} row {row + 2}", column, value.strip(), message))
        comma = text.str.contains(COMMA_DECIMAL).fill_null(value=False)
        columns.append(
            pl.when(comma)
            .then(text.str.replace(",", ".", literal=True))
            .otherwise(pl.col(column))
            .alias(column)
        )
    return frame.with_columns(columns), problems


def _as_polars(frame: object) -> pl.DataFrame | None:
    if frame is None or isinstance(frame, pl.DataFrame):
        return frame
    converted = (
        pl.from_pandas(frame)
        if hasattr(frame, "to_numpy") and hasattr(frame, "iloc")
        else pl.from_arrow(frame)
    )
    if not isinstance(converted, pl.DataFrame):  # pragma: no cover - a Series was given
        msg = f"expected a table, got {type(frame).__name__}"
        raise InvalidTypeError(msg)
    return converted


def _append(table: dict[str, list[Any]], **values: object) -> None:
    for key, value in values.items():
        table[key].append(value)


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _sector_text(value: Sector | None) -> str | None:
    return None if value is None else value.value


def _plain_date(value: object) -> object:
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    return value


def _employers(employers: pl.DataFrame, years: pl.DataFrame) -> tuple[Employer, ...]:
    """The :class:`Employer` nouns of the rows of ``employers``, with their years' figures.

    Each column of ``employer_years`` goes over as one table per employer, grouped by polars:
    the years it gives a value for, and the values as the noun's converters take them.
    """
    with paused_gc():  # tens of thousands of acyclic nouns: nothing for the collector to find
        return _employers_of(employers, years)


def _employers_of(employers: pl.DataFrame, years: pl.DataFrame) -> tuple[Employer, ...]:
    """:func:`_employers`; the cells have passed the loader's checks, so they are not re-checked.

    Each amount becomes its ``Decimal`` as written (the checks bound its digits as
    :func:`~banenafspraak._util.to_decimal` does), each table a map sorted by year.
    """
    convert: dict[str, Callable[[Any], Any]] = {
        "sector": Sector,
        "small_employer": bool,
    }
    years = years.sort("year")
    tables: dict[str, dict[str, FrozenMap[int, Any]]] = {}
    for column, field in YEAR_TABLES.items():
        given = (
            years.filter(pl.col(column).is_not_null())
            .group_by("employer", maintain_order=True)
            .agg("year", column)
        )
        value = convert.get(column, Decimal)
        tables[field] = {
            employer: FrozenMap.of_sorted(dict(zip(year, map(value, values), strict=True)))
            for employer, year, values in given.iter_rows()
        }
    nothing: FrozenMap[int, Any] = FrozenMap()
    sectors = {s.value: s for s in Sector}
    kinds = {k.value: k for k in EmployerKind}
    subsectors = {s.value: s for s in Subsector}
    total = tables["total_hours"]
    staff = tables["agency_or_wsw_staff_hours"]
    premium = tables["premium_wage"]
    exempt = tables["exempt_wage"]
    small = tables["small_employer"]
    by_year = tables["sector_by_year"]
    return tuple(
        _checked_employer(
            id=EmployerId(id_),
            name=name or "",
            sector=sectors[sector],
            sector_by_year=by_year.get(id_, nothing),
            subsector=None if subsector is None else subsectors[subsector],
            kind=kinds[kind],
            total_hours=total.get(id_, nothing),
            agency_or_wsw_staff_hours=staff.get(id_, nothing),
            premium_wage=premium.get(id_, nothing),
            exempt_wage=exempt.get(id_, nothing),
            small_employer=small.get(id_, nothing),
        )
        for id_, name, sector, subsector, kind in zip(
            *(employers[c].to_list() for c in ("id", "name", "sector", "subsector", "kind")),
            strict=True,
        )
    )


def _people(registrations: pl.DataFrame, persons: pl.Series) -> tuple[Person, ...]:
    """The people of the placements, with their registrations (possibly none)."""
    people: dict[str, list[Registration]] = {p: [] for p in persons.unique(maintain_order=True)}
    facts: dict[str, dict[str, Any]] = {}
    for r in registrations.iter_rows(named=True):
        people.setdefault(r["person"], []).append(
            Registration(
                ground=r["ground"],
                start=r["start"],
                conditions_ceased=r["conditions_ceased"],
                ended_on_request=r["ended_on_request"],
                municipal_support=r["municipal_support"],
            )
        )
        facts.setdefault(r["person"], {c: r[c] for c in PERSON_COLUMNS})
    return tuple(
        Person(id=PersonId(p), registrations=regs, **facts.get(p, {})) for p, regs in people.items()
    )


def _placements(placements: pl.DataFrame, hours: pl.DataFrame) -> tuple[Placement, ...]:
    periods: dict[str, list[PayPeriod]] = {}
    for placement, start, end, e4 in hours.select(
        "placement", "start", "end", "hours_e4"
    ).iter_rows():
        periods.setdefault(placement, []).append(
            PayPeriod(start=start, end=end, hours=Decimal(e4).scaleb(-_PLACES))
        )
    return tuple(
        Placement(
            id=r["id"],
            person=r["person"],
            employer=r["employer"],
            kind=r["kind"],
            hirer=r["hirer"],
            credited_to_hirer=bool(r["credited_to_hirer"]),
            contract=r["contract"],
            hours=periods.get(r["id"], ()),
            employment_start=r["employment_start"],
        )
        for r in placements.iter_rows(named=True)
    )
