"""The checks of the batch engine's tables: the scenario loader's checks, applied to columns.

The scenario loader (:mod:`banenafspraak.io`) is the one definition of every check, its message
and its place. The batch engine does not restate them: it marks, column by column, every row
that *may* have a problem (a cell that does not convert, a reference to nothing, two pay periods
that overlap, ...), and gives those rows, with the rows they refer to, to the scenario loader as
the rows of a CSV folder. The problems are the loader's, named at the table's file and row.

A clean table marks no row, so national-scale input never meets the row-wise checks. The marks
are a superset: a marked row the loader accepts is no problem. The few limits of the engine
itself (hours with more than four decimals) are the only problems stated here.
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from banenafspraak._util import MAX_MAGNITUDE, MAX_PLACES
from banenafspraak.employers import EmployerKind
from banenafspraak.exceptions import InvalidScenarioError, Problem
from banenafspraak.people import Ground
from banenafspraak.placements import PlacementKind
from banenafspraak.procurement import ContractKind
from banenafspraak.scenario import FIRST_YEAR, LAST_YEAR
from banenafspraak.sectors import Sector, Subsector

MAX_DAYS = 2047
"""The longest pay period the batch engine counts: its situation key holds the days of a pay
period a contract covers in part, and which of them it covers (``batch._engine``)."""

__all__ = ["MARK", "loader_problems"]

_TRUE = ("true", "yes", "1", "y", "ja", "j")
_FALSE = ("false", "no", "0", "n", "nee")
_DATE = r"^\d{4}-\d{2}-\d{2}$"
_AMOUNT = r"^\s*\+?(\d+(\.\d*)?|\.\d+)\s*$"
_MAX_WHOLE_DIGITS = 10
"""Hours of at most ten whole digits fit the engine's 64-bit ten-thousandths; more never fit a
pay period (the loader refuses them)."""

_DECIMALS = r"\.(\d*?)0*\s*$"
"""The decimals of a number, without trailing zeros."""
_PLACES = 4
"""The engine holds hours as whole ten-thousandths."""

MARK = "_mark"
"""The column of a table's row marks (true: the row may have a problem)."""

_LENDING_PLACEMENTS = tuple(k.value for k in PlacementKind if k.lends_to_hirer)
_LENDING_EMPLOYERS = tuple(k.value for k in EmployerKind if k.lends_staff)
_NO_HIRER = (PlacementKind.WSW_INTERNAL.value, PlacementKind.SHELTERED_WORK.value)
_GROUND_FROM = {g.value: g.exists_from[0] for g in Ground if g.exists_from is not None}


def _text(column: str) -> pl.Expr:
    return pl.col(column).cast(pl.String)


def _blank(column: str) -> pl.Expr:
    """The cell is empty (null, or only spaces): "not given"."""
    return _text(column).str.strip_chars().fill_null("") == ""


def _given(column: str) -> pl.Expr:
    return ~_blank(column)


def _not_in(column: str, allowed: tuple[str, ...]) -> pl.Expr:
    return _given(column) & ~_text(column).str.strip_chars().is_in(allowed)


_DATES = {
    "hours": ("start", "end"),
    "registrations": (
        "start",
        "conditions_ceased",
        "ended_on_request",
        "date_of_birth",
        "date_of_death",
        "sheltered_work_finding",
    ),
    "placements": ("employment_start",),
    "contracts": ("start", "end"),
}


def _with_dates(table: str, frame: pl.DataFrame) -> pl.DataFrame:
    """The table with each date column read once: ``_d_<column>`` and ``_bad_<column>``."""
    columns: list[pl.Expr] = []
    for column in _DATES.get(table, ()):
        if frame[column].dtype == pl.Date:
            columns += [
                pl.col(column).alias(f"_d_{column}"),
                pl.lit(value=False).alias(f"_bad_{column}"),
            ]
            continue
        text = _text(column).str.strip_chars()
        parsed = text.str.to_date("%Y-%m-%d", strict=False)
        shape = text.str.contains(_DATE).fill_null(value=False)
        bad = _given(column) & (parsed.is_null() | ~shape)
        columns += [parsed.alias(f"_d_{column}"), bad.alias(f"_bad_{column}")]
    return frame.with_columns(columns)


def _bad_date(column: str) -> pl.Expr:
    return pl.col(f"_bad_{column}")


def _bad_amount(column: str) -> pl.Expr:
    """Not a decimal amount, or one that ``to_decimal`` refuses (too many digits or decimals)."""
    text = _text(column)
    whole = text.str.extract(r"^\s*\+?0*(\d*)", 1).str.len_chars()
    places = text.str.extract(r"\.(\d*)\s*$", 1).str.len_chars()
    return _given(column) & (
        ~text.str.contains(_AMOUNT).fill_null(value=False)
        | (whole > MAX_MAGNITUDE).fill_null(value=False)
        | (places > MAX_PLACES).fill_null(value=False)
    )


def _bad_flag(column: str) -> pl.Expr:
    flag = _text(column).str.strip_chars().str.to_lowercase()
    return _given(column) & ~flag.is_in((*_TRUE, *_FALSE))


def _failed_elfproef(column: str) -> pl.Expr:
    """A nine-digit id whose elfproef (11-test) fails (Wet algemene bepalingen BSN, art. 1)."""
    text = _text(column).fill_null("")
    nine = text.str.contains(r"^\d{9}$")
    digits = [text.str.slice(i, 1).cast(pl.Int64, strict=False) for i in range(9)]
    total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
    return nine & ((total % 11) != 0).fill_null(value=True)


def _duplicated(*columns: str) -> pl.Expr:
    return pl.struct(*columns).is_duplicated() & pl.all_horizontal(_given(c) for c in columns)


def _missing(columns: tuple[str, ...]) -> pl.Expr:
    return pl.any_horizontal(_blank(c) for c in columns)


def _date(column: str) -> pl.Expr:
    return pl.col(f"_d_{column}")


def _unknown(column: str, ids: pl.Series) -> pl.Expr:
    return _given(column) & ~_text(column).is_in(ids.implode())


def _mark_rows(frames: Mapping[str, pl.DataFrame]) -> dict[str, pl.Series]:
    """For each table, the rows that may have a problem (see the module docstring)."""
    employers = frames["employers"]
    ids = _text("id")
    employer_ids = employers.select(ids)["id"]
    placement_ids = frames["placements"].select(ids)["id"]
    contract_ids = frames["contracts"].select(ids)["id"]
    marks: dict[str, pl.Expr] = {
        "employers": (
            _missing(("id", "sector"))
            | _not_in("sector", tuple(s.value for s in Sector))
            | _not_in("subsector", tuple(s.value for s in Subsector))
            | (_given("subsector") & (_text("sector") != Sector.GOVERNMENT.value))
            | _not_in("kind", tuple(k.value for k in EmployerKind))
            | _duplicated("id")
        ),
        "employer_years": (
            _missing(("employer", "year"))
            | ~_text("year").str.contains(r"^\d{4}$").fill_null(value=False)
            | _unknown("employer", employer_ids)
            | _duplicated("employer", "year")
            | pl.any_horizontal(
                _bad_amount(c)
                for c in ("total_hours", "agency_or_wsw_staff_hours", "premium_wage", "exempt_wage")
            )
            | _bad_flag("small_employer")
            | _not_in("sector", tuple(s.value for s in Sector))
        ),
        "registrations": _registration_marks(),
        "placements": _placement_marks(employers, employer_ids, contract_ids, frames["contracts"]),
        "hours": _hours_marks(placement_ids, _overlapping(frames["hours"])),
        "contracts": (
            _missing(("id", "buyer", "supplier", "start", "end"))
            | _bad_date("start")
            | _bad_date("end")
            | (_date("end") < _date("start")).fill_null(value=False)
            | _unknown("buyer", employer_ids)
            | _unknown("supplier", employer_ids)
            | (_text("buyer") == _text("supplier")).fill_null(value=False)
            | _not_in("kind", tuple(k.value for k in ContractKind))
            | _duplicated("id")
        ),
    }
    return {
        name: frames[name].select(mark.fill_null(value=True).alias(MARK))[MARK]
        for name, mark in marks.items()
    }


def _registration_marks() -> pl.Expr:
    dates = ("start", "conditions_ceased", "ended_on_request", "date_of_birth", "date_of_death")
    start = _date("start")
    ground_from = _text("ground").replace_strict(_GROUND_FROM, default=None, return_dtype=pl.Date)
    person = _text("person")
    same_ground = pl.len().over(person, _text("ground")) > 1
    return (
        _missing(("person", "ground", "start"))
        | _not_in("ground", tuple(g.value for g in Ground))
        | pl.any_horizontal(_bad_date(c) for c in (*dates, "sheltered_work_finding"))
        | (start < ground_from).fill_null(value=False)
        | (_given("municipal_support") & ~_supported_own_request())
        | (_date("conditions_ceased") < start).fill_null(value=False)
        | (_date("ended_on_request") < start).fill_null(value=False)
        | (_date("date_of_death") < _date("date_of_birth")).fill_null(value=False)
        | pl.any_horizontal(
            (_text(c).n_unique().over(person) > 1)
            for c in ("date_of_birth", "date_of_death", "sheltered_work_finding")
        )
        | same_ground
        | _failed_elfproef("person")
        | (_text("person") == "")
    )


def _supported_own_request() -> pl.Expr:
    """An ``own_request`` registration with the municipality's support given as true.

    The one use of ``municipal_support`` that needs no check (false asks the text's date, Wfsv
    38b(1)(e)); any other is given to the loader.
    """
    flag = _text("municipal_support").str.strip_chars().str.to_lowercase()
    own = _text("ground").str.strip_chars() == Ground.OWN_REQUEST.value
    return (own & flag.is_in(_TRUE)).fill_null(value=False)


def _placement_marks(
    employers: pl.DataFrame,
    employer_ids: pl.Series,
    contract_ids: pl.Series,
    contracts: pl.DataFrame,
) -> pl.Expr:
    lending = employers.filter(_text("kind").is_in(_LENDING_EMPLOYERS)).select(ids=_text("id"))
    kind = _text("kind").fill_null(PlacementKind.EMPLOYEE.value)
    suppliers = dict(
        zip(
            contracts.select(_text("id"))["id"].to_list(),
            contracts.select(_text("supplier"))["supplier"].to_list(),
            strict=True,
        )
    )
    supplier = _text("contract").replace_strict(suppliers, default=None, return_dtype=pl.String)
    credited = _given("credited_to_hirer") & _text("credited_to_hirer").str.to_lowercase().is_in(
        _TRUE
    )
    return (
        _missing(("id", "person", "employer"))
        | _not_in("kind", tuple(k.value for k in PlacementKind))
        | _bad_flag("credited_to_hirer")
        | _bad_date("employment_start")
        | _unknown("employer", employer_ids)
        | _unknown("hirer", employer_ids)
        | _unknown("contract", contract_ids)
        | (kind.is_in(_LENDING_PLACEMENTS) & ~_text("employer").is_in(lending["ids"].implode()))
        | (_text("hirer") == _text("employer")).fill_null(value=False)
        | (kind.is_in(_NO_HIRER) & _given("hirer"))
        | (credited & (_blank("hirer") | ~kind.is_in(_LENDING_PLACEMENTS)))
        | (_given("contract") & (supplier != _text("employer")).fill_null(value=False))
        | _failed_elfproef("person")
        | _duplicated("id")
    )


def _overlapping(hours: pl.DataFrame) -> pl.Series:
    """The placements with two pay periods that overlap (sorted once, compared with the next)."""
    periods = hours.select(p=_text("placement"), s=_date("start"), e=_date("end")).drop_nulls()
    ordered = periods.sort("p", "s", "e")
    after = (pl.col("s") <= pl.col("e").shift(1)) & (pl.col("p") == pl.col("p").shift(1))
    return ordered.filter(after)["p"].unique()


def _hours_marks(placement_ids: pl.Series, overlapping: pl.Series) -> pl.Expr:
    start, end = _date("start"), _date("end")
    days = (end - start).dt.total_days() + 1
    hours = _text("hours").str.strip_chars()
    whole = hours.str.extract(r"^\+?(\d*)", 1).str.len_chars()
    amount = hours.str.contains(_AMOUNT).fill_null(value=False) & (whole <= _MAX_WHOLE_DIGITS)
    value = pl.when(amount).then(hours.cast(pl.Float64, strict=False))
    places = hours.str.extract(_DECIMALS, 1).str.len_chars().fill_null(0)
    return (
        _missing(("placement", "start", "end", "hours"))
        | _bad_date("start")
        | _bad_date("end")
        | ~amount.fill_null(value=False)
        | (places > _PLACES)
        | (days <= 0).fill_null(value=False)
        | (value > days * 24).fill_null(value=False)
        | (days > MAX_DAYS).fill_null(value=False)
        | (start.dt.year() < FIRST_YEAR).fill_null(value=False)
        | (end.dt.year() > LAST_YEAR).fill_null(value=False)
        | _unknown("placement", placement_ids)
        | _text("placement").is_in(overlapping.implode())
    )


def _as_text(value: object) -> str:
    """A cell as the text a CSV file would hold."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return str(value.isoformat())
    return str(value)


def _rows(frame: pl.DataFrame, first: int) -> list[tuple[int, dict[str, str]]]:
    """The rows of a frame (with ``_row``: the row index) as numbered rows of text cells.

    A row with no cell given is no row, as in a scenario's CSV file (:func:`without_blank_rows`).
    """
    rows = []
    for row in frame.iter_rows(named=True):
        line = row.pop("_row") + first
        cells = {k: _as_text(v).strip() for k, v in row.items() if v is not None and k[0] != "_"}
        given = {k: v for k, v in cells.items() if v}
        if given:
            rows.append((line, given))
    return rows


def without_blank_rows(frame: pl.DataFrame) -> pl.DataFrame:
    """The frame without its rows of no cell given (empty or blank text, or null).

    A spreadsheet writes such a row (``,,,``) where a row was emptied; the scenario loader reads
    it as no row at all, and so does the batch engine, once the rows are numbered as their file
    numbers them.
    """
    if not frame.width:
        return frame
    blank = [
        pl.col(c).cast(pl.String).str.strip_chars().fill_null("").eq("") for c in frame.columns
    ]
    return frame.filter(~pl.all_horizontal(blank))


def _with_context(
    frames: Mapping[str, pl.DataFrame], marks: Mapping[str, pl.Series]
) -> dict[str, pl.DataFrame]:
    """The marked rows of each table and the rows they refer to, with their row index."""
    chosen = {
        name: frame.with_row_index("_row").filter(marks[name]) for name, frame in frames.items()
    }

    def add(name: str, rows: pl.DataFrame) -> None:
        chosen[name] = pl.concat([chosen[name], rows], how="vertical_relaxed").unique(
            "_row", keep="first"
        )

    def referred(name: str, column: str, values: pl.Series) -> pl.DataFrame:
        frame = frames[name].with_row_index("_row")
        return frame.filter(_text(column).is_in(values.cast(pl.String).drop_nulls().implode()))

    add("placements", referred("placements", "id", chosen["hours"]["placement"]))
    placements = chosen["placements"]
    add("contracts", referred("contracts", "id", placements["contract"]))
    employers = pl.concat(
        [
            placements["employer"].cast(pl.String),
            placements["hirer"].cast(pl.String),
            chosen["contracts"]["buyer"].cast(pl.String),
            chosen["contracts"]["supplier"].cast(pl.String),
            chosen["employer_years"]["employer"].cast(pl.String),
        ]
    )
    add("employers", referred("employers", "id", employers))
    # An employer's years (its sector by year) and all rows of a person are read together.
    add("employer_years", referred("employer_years", "employer", chosen["employers"]["id"]))
    persons = pl.concat(
        [placements["person"].cast(pl.String), chosen["registrations"]["person"].cast(pl.String)]
    )
    add("registrations", referred("registrations", "person", persons))
    return {name: frame.sort("_row") for name, frame in chosen.items()}


def loader_problems(
    frames: Mapping[str, pl.DataFrame],
    *,
    read: set[str],
    source: str,
    names: Mapping[str, str],
    first_row: Mapping[str, int],
) -> list[Problem]:
    """The problems of the tables, as the scenario loader names them (none if they are sound).

    ``frames`` holds all six tables with every column as given (an absent column as empty
    cells); ``read`` the tables that could be read (a reference into another is not unknown);
    ``names`` the file name of each, shown in places; ``first_row`` the number each file gives
    its first row (2 under a CSV header, 1 in Parquet).
    """
    frames = {name: _with_dates(name, frame) for name, frame in frames.items()}
    marks = _mark_rows(frames)
    if not any(mark.any() for mark in marks.values()):
        return []
    from banenafspraak.io import scenario_from_rows  # noqa: PLC0415 - needed only for problems

    chosen = _with_context(frames, marks)
    rows = {name: _rows(frame, first_row[name]) for name, frame in chosen.items() if name in read}
    people = [
        (line, {"id" if k == "person" else k: v for k, v in row.items()})
        for line, row in rows.pop("registrations", [])
    ]
    registered = {row.get("id") for _, row in people}
    persons = chosen["placements"]["person"].cast(pl.String).str.strip_chars().drop_nulls()
    # A person without registrations has no row of its own: row 0, whose problems are not told.
    people.extend(
        (0, {"id": person})
        for person in persons.unique(maintain_order=True).to_list()
        if person and person not in registered
    )
    if "registrations" in read:
        rows["people"] = people
    shown = {"people" if k == "registrations" else k: v for k, v in names.items()}
    try:
        scenario_from_rows(rows, source=source, names=shown, id_columns={"people": "person"})
    except InvalidScenarioError as error:
        problems = [p for p in error.problems if not _unnumbered(p, shown)]
    else:
        problems = []
    named = {p.location.split(" (")[0] for p in problems}
    limits = _engine_limits(chosen["hours"], names["hours"], first_row["hours"])
    return problems + [p for p in limits if p.location not in named]


def _unnumbered(problem: Problem, names: Mapping[str, str]) -> bool:
    """A problem of a person the engine made up for a placement (row 0): told at the placement."""
    return problem.location.startswith(f"{names['people']} row 0")


def _engine_limits(hours: pl.DataFrame, file: str, first_row: int) -> list[Problem]:
    """What the loader accepts but the engine cannot count.

    Hours with more than four decimals, and pay periods longer than :data:`MAX_DAYS` days; both
    rare in pay-period data.
    """
    text = _text("hours").str.strip_chars()
    places = text.str.extract(_DECIMALS, 1).str.len_chars().fill_null(0)
    long = text.str.contains(_AMOUNT).fill_null(value=False) & (places > _PLACES)
    days = (_date("end") - _date("start")).dt.total_days() + 1
    limits = hours.with_columns(_long=long, _days=(days > MAX_DAYS).fill_null(value=False))
    problems = []
    for row in limits.filter(pl.col("_long") | pl.col("_days")).iter_rows(named=True):
        where = f"{file} row {row['_row'] + first_row}"
        if row["_long"]:
            message = "the batch engine holds hours to four decimals (ten-thousandths of an hour)"
            problems.append(Problem(where, "hours", _as_text(row["hours"]), message))
        if row["_days"]:
            message = f"the batch engine counts pay periods of at most {MAX_DAYS} days"
            seen = f"{_as_text(row['start'])}..{_as_text(row['end'])}"
            problems.append(Problem(where, "end", seen, message))
    return problems
