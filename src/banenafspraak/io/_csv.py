"""A scenario as a folder of CSV files, one table per kind of item.

=======================  ===========================================================================
file                     columns (``*`` = required)
=======================  ===========================================================================
``employers.csv`` *      ``id*, name, sector*, subsector, kind``
``employer_years.csv``   ``employer*, year*, total_hours, agency_or_wsw_staff_hours, premium_wage,
                         exempt_wage, small_employer, sector``: one row per employer and year;
                         ``sector`` is the year's sector where it differs from the employer's
                         (Regeling Wfsv 3.27; the JSON key ``sector_by_year``)
``people.csv`` *         ``id*, name, date_of_birth, date_of_death, sheltered_work_finding, ground,
                         start, conditions_ceased, ended_on_request, municipal_support``: one row
                         per registration (a person with two registrations has two rows, whose
                         person columns agree or are empty; a person without one has one row with
                         an empty ``ground``); ``municipal_support`` (a flag) for ``own_request``
``placements.csv`` *     ``id*, person*, employer*, kind, hirer, credited_to_hirer, contract,
                         employment_start``
``hours.csv`` *          ``placement*, start*, end*, hours*``: one row per pay period
``contracts.csv``        ``id*, buyer*, supplier*, start*, end*, kind``
``baseline.csv``         ``pool*, jobs*, on, source``: one row per pool
``parameters.csv``       ``name*, start, value*``: an empty ``start`` replaces the whole table
``scenario.csv``         ``format, name``: one row
=======================  ===========================================================================

Files are UTF-8 (a byte-order mark is fine), comma- or semicolon-separated, with a header row.
Only the files named above are read, and only if they are regular files: a link, a folder or a
FIFO with such a name is refused by name without being followed or opened (the same policy as the
batch engine's, :mod:`banenafspraak._folders`). In a semicolon-separated file (the Dutch Excel
default) the number columns (hours, the employer's yearly figures, baseline jobs, parameter
values) are read with a decimal comma: ``25,5`` reads as 25.5, and a number without a comma as
written (``25.5``, ``16``). A number that could be read two ways is refused at its row and column:
one with both a point and a comma (``1.234,5``), or with a point followed by exactly three digits
(``16.000``: sixteen, or sixteen thousand?).
Empty cells mean "not given". ``true``/``false`` (also ``yes``/``no``, ``1``/``0``) for flags.
The rows are assembled into the same document a JSON file holds, so that both go through the same
checks; every part of the document remembers its file and row. The sheets of an Excel workbook
come in as cells through :func:`read_tables` and take the same path.

Safe to open in a spreadsheet, and loss-free: the writer puts a single quote before every cell a
spreadsheet would run as a formula (text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return, after any quotes of its own; not a plain number such as ``-12.5``), as
:func:`banenafspraak.render.export.safe_cell` does for results; the reader takes exactly that
quote off again (:func:`banenafspraak.render.export.restored_cell`), so ``'=x`` reads as ``=x``,
``''=x`` as ``'=x``, and ``'s-Hertogenbosch`` stays as written. A workbook's cells are text
cells, which a spreadsheet never runs: they are written and read as they are, without the quote.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path as FilePath
from typing import Any

import attrs

from banenafspraak._files import write_text
from banenafspraak._folders import (
    decimal_comma,
    delimiter_of,
    read_file,
    table_file,
    utf8_error,
    without_bom,
)
from banenafspraak.bsn import mask_text
from banenafspraak.employers import YEAR_TABLES
from banenafspraak.exceptions import Problem
from banenafspraak.io._document import FORMAT
from banenafspraak.io._places import Path, Places
from banenafspraak.render.export import restored_cell, safe_cell

__all__ = [
    "FILES",
    "Cells",
    "Row",
    "assemble_rows",
    "read_folder",
    "read_settings",
    "read_tables",
    "table_records",
    "write_folder",
]

_YEAR_COLUMNS = tuple(YEAR_TABLES)
_YEAR_KEYS = {column: field for column, field in YEAR_TABLES.items() if column != field}
"""Columns of ``employer_years.csv`` whose key in the document has another name."""
_NUMBER_COLUMNS = {
    "hours": frozenset({"hours"}),
    "employer_years": frozenset(
        {"total_hours", "agency_or_wsw_staff_hours", "premium_wage", "exempt_wage"}
    ),
    "baseline": frozenset({"jobs"}),
    "parameters": frozenset({"value"}),
}
"""The number columns, where a semicolon-separated file may use decimal commas."""
_TRUE = {"true", "yes", "1", "y", "ja", "j"}
_FALSE = {"false", "no", "0", "n", "nee"}


@attrs.frozen
class _Table:
    file: str
    columns: tuple[str, ...]
    required: frozenset[str]
    must_exist: bool


def _table(file: str, columns: str, *, must_exist: bool) -> _Table:
    """A table spec from ``"id*, name, sector*"`` (a star marks a required column)."""
    names = tuple(c.strip() for c in columns.split(","))
    required = frozenset(n.rstrip("*") for n in names if n.endswith("*"))
    return _Table(file, tuple(n.rstrip("*") for n in names), required, must_exist)


FILES: Mapping[str, _Table] = {
    "scenario": _table("scenario.csv", "format, name", must_exist=False),
    "employers": _table("employers.csv", "id*, name, sector*, subsector, kind", must_exist=True),
    "employer_years": _table(
        "employer_years.csv", "employer*, year*, " + ", ".join(_YEAR_COLUMNS), must_exist=False
    ),
    "people": _table(
        "people.csv",
        "id*, name, date_of_birth, date_of_death, sheltered_work_finding, ground, start, "
        "conditions_ceased, ended_on_request, municipal_support",
        must_exist=True,
    ),
    "placements": _table(
        "placements.csv",
        "id*, person*, employer*, kind, hirer, credited_to_hirer, contract, employment_start",
        must_exist=True,
    ),
    "hours": _table("hours.csv", "placement*, start*, end*, hours*", must_exist=True),
    "contracts": _table(
        "contracts.csv", "id*, buyer*, supplier*, start*, end*, kind", must_exist=False
    ),
    "baseline": _table("baseline.csv", "pool*, jobs*, on, source", must_exist=False),
    "parameters": _table("parameters.csv", "name*, start, value*", must_exist=False),
}
"""The tables of a CSV folder, by the key of the document they fill."""

Row = tuple[int, dict[str, str]]
Cells = Sequence[Sequence[str]]
"""The records of one table as cell texts, the header first (the rows of a file or a sheet)."""

_PERSON_COLUMNS = ("date_of_birth", "date_of_death", "sheltered_work_finding")
_REGISTRATION_COLUMNS = (
    "ground",
    "start",
    "conditions_ceased",
    "ended_on_request",
    "municipal_support",
)


_SHOWN_COLUMNS = 5
_CELL = 40


def _excerpt(cells: Sequence[str]) -> str:
    """A short text for header cells: a header that is no header is not quoted at length."""
    text = ", ".join(c if len(c) <= _CELL else c[: _CELL - 3] + "..." for c in cells[:8])
    return text + (", ..." if len(cells) > 8 else "")  # noqa: PLR2004 - a readable excerpt


def _flag(text: str) -> bool | str:
    lowered = text.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    return text


def _parameter_value(text: str) -> object:
    lowered = text.lower()
    if lowered in {"true", "false"}:
        return lowered == "true"
    if lowered == "null":
        return None
    return text


@attrs.define
class _Reader:
    """Reads the tables of one folder, collecting problems and the place of every part."""

    folder: FilePath
    full_ids: bool
    records: Mapping[str, Cells] | None = None
    """The records of each file by its name, when they come from elsewhere than the folder."""
    problems: list[Problem] = attrs.field(factory=list)
    unread: set[str] = attrs.field(factory=set)
    rows: dict[Path, tuple[str, str | None]] = attrs.field(factory=dict)
    given: Mapping[str, Sequence[Row]] | None = None
    """Rows read elsewhere (another engine's tables), by key; then no file is read."""
    names: Mapping[str, str] = attrs.field(factory=dict)
    """The file names shown in places, where they differ from :data:`FILES`."""
    id_column: Mapping[str, str] = attrs.field(factory=dict)
    """The column that holds a table's id, where it is not ``id`` (``registrations``: person)."""

    def file(self, key: str) -> str:
        """The name of a table's file, as places show it."""
        return self.names.get(key, FILES[key].file)

    def problem(self, where: str, field: str, value: str, message: str) -> None:
        text = (lambda s: s) if self.full_ids else mask_text
        self.problems.append(Problem(text(where), field, text(value), message))

    def table(self, key: str) -> list[Row]:
        """The rows of one table (none if the file is missing or unreadable: then it is unread)."""
        self.unread.add(key)
        spec = FILES[key]
        if self.given is not None:
            return self._given_rows(key, self.given)
        found = self._records(key, spec)
        if found is None:
            return []
        reader, delimiter = found
        try:
            header = [cell.strip() for cell in next(reader)]
        except StopIteration:
            self.problem(
                spec.file, "", "an empty file", f"expected a header row: {', '.join(spec.columns)}"
            )
            return []
        except csv.Error as error:  # pragma: no cover - the csv module rarely refuses a header
            self.problem(spec.file, "", "the header", str(error))
            return []
        if not self._header_ok(spec, header):
            return []
        self.unread.discard(key)
        rows = self._rows(spec, header, reader, semicolons=delimiter == ";")
        numbers = _NUMBER_COLUMNS.get(key, frozenset())
        if delimiter == ";" and numbers:
            rows = self._decimal_commas(spec, rows, numbers)
        return rows

    def _decimal_commas(self, spec: _Table, rows: list[Row], numbers: frozenset[str]) -> list[Row]:
        """The rows of a decimal-comma file with their numbers read (:func:`decimal_comma`).

        A row with a number that could be read two ways is refused at its place and left out.
        """
        kept: list[Row] = []
        for line, row in rows:
            sound = True
            for column in sorted(numbers & row.keys()):
                row[column], refused = decimal_comma(row[column])
                if refused is not None:
                    self.problem(f"{spec.file} row {line}", column, row[column], refused)
                    sound = False
            if sound:
                kept.append((line, row))
        return kept

    def _records(self, key: str, spec: _Table) -> tuple[Iterator[list[str]], str] | None:
        """The records of one file and their delimiter, or ``None`` (missing or unreadable).

        An optional file that is not there is not unread: the scenario has no items of its kind.
        """
        if self.records is not None:
            if spec.file not in self.records:
                if spec.must_exist:
                    self.problem(spec.file, "", "nothing", "missing file")
                else:
                    self.unread.discard(key)
                return None
            return (list(record) for record in self.records[spec.file]), ","
        path, problems = table_file(self.folder, spec.file.removesuffix(".csv"), (".csv",))
        if path is None:
            if spec.must_exist:
                self.problem(spec.file, "", "nothing", "missing file")
            else:
                self.unread.discard(key)  # an optional file not given: no items of its kind
            return None
        text = self._text(path, problems)
        if text is None:
            return None
        delimiter = delimiter_of(text.split("\n", 1)[0])
        return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), delimiter

    def _given_rows(self, key: str, given: Mapping[str, Sequence[Row]]) -> list[Row]:
        """The rows of a table read elsewhere (an absent table was not read)."""
        if key not in given:
            return []
        self.unread.discard(key)
        return [(line, dict(row)) for line, row in given[key]]

    def _text(self, path: FilePath, problems: list[Problem]) -> str | None:
        """The text of one file, or ``None`` with the problems of a file that cannot be read.

        Only a regular file is opened (:mod:`banenafspraak._folders`): no link is followed, so
        no problem quotes another file's text, and no FIFO is waited on.
        """
        data = None
        if not problems:
            data, problem = read_file(path)
            problems = [] if problem is None else [problem]
        for problem in problems:
            self.problem(problem.location, problem.field, problem.value, problem.message)
        if data is None:
            return None
        bad = utf8_error(data)
        if bad is not None:
            self.problem(path.name, "", f"byte {bad}", "not UTF-8 text")
            return None
        return without_bom(data).decode("utf-8")

    def _header_ok(self, spec: _Table, header: Sequence[str]) -> bool:
        ok = True
        for column in spec.columns:
            if column in spec.required and column not in header:
                self.problem(
                    f"{spec.file} row 1", column, _excerpt(header), "missing required column"
                )
                ok = False
        unknown = [column for column in header if column not in spec.columns]
        for column in unknown[:_SHOWN_COLUMNS]:
            self.problem(
                f"{spec.file} row 1",
                _excerpt([column]),
                _excerpt([column]),
                f"unknown column; the columns are {', '.join(spec.columns)}",
            )
        if len(unknown) > _SHOWN_COLUMNS:
            self.problem(
                f"{spec.file} row 1",
                "",
                f"{len(unknown) - _SHOWN_COLUMNS} more",
                f"and {len(unknown) - _SHOWN_COLUMNS} more unknown columns",
            )
        ok = ok and not unknown
        for column in {c for c in header if header.count(c) > 1}:
            self.problem(f"{spec.file} row 1", column, column, "column given twice")
            ok = False
        return ok

    def _rows(
        self, spec: _Table, header: Sequence[str], reader: Iterable[list[str]], *, semicolons: bool
    ) -> list[Row]:
        # A file's formula-like text carries the writer's quote; a workbook's cells are text.
        restore = restored_cell if self.records is None else str
        rows: list[Row] = []
        line = 1
        try:
            for cells in reader:
                line += 1
                if not any(cell.strip() for cell in cells):
                    continue
                if len(cells) > len(header):
                    extra = ", ".join(cells[len(header) :])
                    digits = any(c.strip().isdigit() for c in cells[len(header) :])
                    hint = (
                        " (a decimal comma? Write 25.5, or separate the cells by semicolons)"
                        if digits and not semicolons
                        else ""
                    )
                    self.problem(
                        f"{spec.file} row {line}",
                        "",
                        extra,
                        f"more cells than the header has{hint}",
                    )
                    continue
                row = {
                    column: restore(cell.strip())
                    for column, cell in zip(header, cells, strict=False)
                    if cell.strip()
                }
                rows.append((line, row))
        except csv.Error as error:
            self.problem(f"{spec.file} row {line + 1}", "", "the row", str(error))
            # A table read in part: a reference to one of its items is not reported as unknown.
            self.unread.update(key for key, table in FILES.items() if table is spec)
        return rows

    def place(self, path: Path, key: str, line: int, column: str | None = None) -> None:
        self.rows[path] = (f"{self.file(key)} row {line}", column)


def _employers(reader: _Reader) -> list[dict[str, Any]]:
    employers: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for line, row in reader.table("employers"):
        reader.place(("employers", len(employers)), "employers", line)
        index.setdefault(row.get("id", ""), len(employers))
        employers.append(row)
    for line, row in reader.table("employer_years"):
        where = f"{reader.file('employer_years')} row {line}"
        employer, year = row.get("employer", ""), row.get("year", "")
        if employer not in index:
            if "employers" in reader.unread:
                continue
            reader.problem(where, "employer", employer, "unknown employer")
            continue
        if not (len(year) == 4 and year.isdigit()):  # noqa: PLR2004 - YYYY
            reader.problem(where, "year", year, "expected a year YYYY")
            continue
        item = employers[index[employer]]
        for column in _YEAR_COLUMNS:
            if column not in row:
                continue
            key = _YEAR_KEYS.get(column, column)
            table = item.setdefault(key, {})
            if year in table:
                reader.problem(where, column, year, "this employer's year is given twice")
                continue
            table[year] = _flag(row[column]) if column == "small_employer" else row[column]
            path = ("employers", index[employer], key, year)
            reader.place(path, "employer_years", line, column)
    return employers


def _people(reader: _Reader) -> list[dict[str, Any]]:
    people: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for line, row in reader.table("people"):
        key = row.get("id", "")
        if key not in index or not key:
            index[key] = len(people)
            reader.place(("people", len(people)), "people", line)
            if "people" in reader.id_column:
                column = reader.id_column["people"]
                reader.place(("people", len(people), "id"), "people", line, column)
            person: dict[str, Any] = {"id": key} if key else {}
            people.append(person)
        person = people[index[key]]
        if "name" in row:
            person.setdefault("name", row["name"])
        for column in _PERSON_COLUMNS:
            if column not in row:
                continue
            if column not in person:
                reader.place(("people", index[key], column), "people", line, column)
            seen = person.setdefault(column, row[column])
            if seen != row[column]:
                reader.problem(
                    f"{reader.file('people')} row {line}",
                    column,
                    row[column],
                    f"the rows of person {key!r} disagree: an earlier row has {seen!r}",
                )
        registration = _registration(row)
        if registration:
            registrations = person.setdefault("registrations", [])
            path = ("people", index[key], "registrations", len(registrations))
            reader.place(path, "people", line)
            registrations.append(registration)
    return people


def _registration(row: Mapping[str, str]) -> dict[str, Any]:
    """The registration columns of a ``people.csv`` row (none: the person has no registration)."""
    registration: dict[str, Any] = {k: row[k] for k in _REGISTRATION_COLUMNS if k in row}
    if "municipal_support" in registration:
        registration["municipal_support"] = _flag(registration["municipal_support"])
    return registration


def _placements(reader: _Reader) -> list[dict[str, Any]]:
    placements: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for line, row in reader.table("placements"):
        reader.place(("placements", len(placements)), "placements", line)
        index.setdefault(row.get("id", ""), len(placements))
        placement: dict[str, Any] = dict(row)
        if "credited_to_hirer" in row:
            placement["credited_to_hirer"] = _flag(row["credited_to_hirer"])
        placements.append(placement)
    for line, row in reader.table("hours"):
        key = row.pop("placement", "")
        if key not in index:
            if "placements" in reader.unread:
                continue
            where = f"{reader.file('hours')} row {line}"
            reader.problem(where, "placement", key, "unknown placement")
            continue
        hours = placements[index[key]].setdefault("hours", [])
        reader.place(("placements", index[key], "hours", len(hours)), "hours", line)
        hours.append(row)
    return placements


def _contracts(reader: _Reader) -> list[dict[str, Any]]:
    contracts: list[dict[str, Any]] = []
    for line, row in reader.table("contracts"):
        path: Path = ("contracts", len(contracts))
        reader.place(path, "contracts", line)
        period = {k: row.pop(k) for k in ("start", "end") if k in row}
        for column in ("start", "end"):
            reader.place((*path, "period", column), "contracts", line, column)
        reader.place((*path, "period"), "contracts", line, "start, end")
        contracts.append({**row, "period": period})
    return contracts


def _baseline(reader: _Reader) -> dict[str, Any] | None:
    rows = reader.table("baseline")
    if not rows:
        return None
    baseline: dict[str, Any] = {"jobs": {}}
    reader.place(("baseline",), "baseline", rows[0][0])
    for line, row in rows:
        pool, jobs = row.get("pool"), row.get("jobs")
        for key in ("on", "source"):
            if key in row:
                baseline.setdefault(key, row[key])
        if pool is None and jobs is None:
            continue
        if pool is None or jobs is None:
            where = f"{reader.file('baseline')} row {line}"
            missing = "pool" if pool is None else "jobs"
            reader.problem(where, missing, "nothing", "required field missing")
            continue
        baseline["jobs"][pool] = jobs
        reader.place(("baseline", "jobs", pool), "baseline", line, "jobs")
    return baseline


def _parameters(reader: _Reader) -> dict[str, Any]:
    parameters: dict[str, Any] = {}
    for line, row in reader.table("parameters"):
        where = f"{reader.file('parameters')} row {line}"
        name, start = row.get("name", ""), row.get("start")
        value = _parameter_value(row.get("value", ""))
        if start is None:
            if name in parameters:
                twice = "the value is given twice"
                also = "the table is also given by start"
                message = also if isinstance(parameters[name], dict) else twice
                reader.problem(where, "start", "nothing", message)
                continue
            parameters[name] = value
            reader.place(("parameters", name), "parameters", line, "value")
            continue
        table = parameters.setdefault(name, {})
        if not isinstance(table, dict):
            reader.problem(where, "start", start, "the table is also given as a whole")
            continue
        table[start] = value
        reader.place(("parameters", name), "parameters", line, "value")
        reader.place(("parameters", name, start), "parameters", line, "value")
    return parameters


def read_folder(
    folder: FilePath, *, full_ids: bool = False
) -> tuple[dict[str, Any], Places, list[Problem]]:
    """The scenario document of a CSV folder, the places of its parts, and the problems found.

    The problems are those of the files themselves (missing files, wrong headers, rows that point
    to nothing); a table with a wrong header is left out of the document.
    """
    return _assemble(_Reader(folder, full_ids), str(folder), folder.name)


def read_settings(
    folder: FilePath, *, full_ids: bool = False
) -> tuple[dict[str, Any], Places, list[Problem]]:
    """As :func:`read_folder`, for ``baseline.csv`` and ``parameters.csv`` alone (no items).

    The batch engine's folder holds its items in tables of its own; these two files are read
    and checked exactly as in a scenario folder.
    """
    reader = _Reader(folder, full_ids)
    reader.rows[()] = (str(folder), None)
    document: dict[str, Any] = {
        "format": FORMAT,
        "name": folder.name,
        "employers": [],
        "people": [],
        "placements": [],
        "contracts": [],
    }
    baseline = _baseline(reader)
    if baseline is not None:
        document["baseline"] = baseline
    parameters = _parameters(reader)
    if parameters:
        document["parameters"] = parameters
    places = Places(
        source=str(folder), rows=reader.rows, full_ids=full_ids, unread=frozenset(reader.unread)
    )
    return document, places, reader.problems


def read_tables(
    tables: Mapping[str, Cells], *, source: str, name: str, full_ids: bool = False
) -> tuple[dict[str, Any], Places, list[Problem]]:
    """As :func:`read_folder`, for records that come as cells rather than files.

    ``tables`` holds the records of each file by its name (``"hours.csv"``), the header first;
    a file not in it is missing. They are read and checked exactly as the files of a folder,
    with the same places (``hours.csv row 7``; a record's row is its index plus one). ``source``
    names the whole (the workbook) and ``name`` is the scenario's name when it gives none.
    """
    return _assemble(_Reader(FilePath(source), full_ids, records=tables), source, name)


def assemble_rows(
    tables: Mapping[str, Sequence[Row]],
    *,
    source: str,
    names: Mapping[str, str],
    id_column: Mapping[str, str] | None = None,
    full_ids: bool = False,
) -> tuple[dict[str, Any], Places, list[Problem]]:
    """The scenario document of rows read elsewhere, as :func:`read_folder` assembles a folder.

    Another reader (the batch engine's tables) gives the rows of some tables as ``(row number,
    {column: text})``, with empty cells left out, and the file name of each table; the document,
    its places and the problems of the rows are those a CSV folder with these rows would give.
    """
    reader = _Reader(
        FilePath(source), full_ids, given=tables, names=names, id_column=id_column or {}
    )
    return _assemble(reader, source, "")


def _assemble(
    reader: _Reader, source: str, name: str
) -> tuple[dict[str, Any], Places, list[Problem]]:
    full_ids = reader.full_ids
    reader.rows[()] = (source, None)
    settings = reader.table("scenario")
    document: dict[str, Any] = {"format": FORMAT, "name": name}
    if settings:
        line, row = settings[0]
        document.update({"name": "", **row})
        reader.place(("format",), "scenario", line, "format")
        reader.place(("name",), "scenario", line, "name")
    document["employers"] = _employers(reader)
    document["people"] = _people(reader)
    document["placements"] = _placements(reader)
    document["contracts"] = _contracts(reader)
    baseline = _baseline(reader)
    if baseline is not None:
        document["baseline"] = baseline
    parameters = _parameters(reader)
    if parameters:
        document["parameters"] = parameters
    places = Places(
        source=source, rows=reader.rows, full_ids=full_ids, unread=frozenset(reader.unread)
    )
    return document, places, reader.problems


# -- writing ---------------------------------------------------------------------------------


def _text(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _records(key: str, rows: Iterable[Mapping[str, object]]) -> list[list[str]]:
    """The header and the rows of one table as cell texts (an empty cell for ``None``)."""
    columns = FILES[key].columns
    return [
        list(columns),
        *(["" if row.get(c) is None else _text(row.get(c)) for c in columns] for row in rows),
    ]


def write_folder(document: Mapping[str, Any], folder: FilePath) -> None:
    """Write a scenario document as a folder of CSV files (the folder is created if need be).

    Each file is written whole or not at all (:func:`banenafspraak._files.replacing`).
    """
    folder.mkdir(parents=True, exist_ok=True)
    for file, (header, *records) in table_records(document).items():
        text = io.StringIO(newline="")
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(header)
        # formula-like text gets the quote the reader takes off again
        writer.writerows([safe_cell(cell) for cell in record] for record in records)
        write_text(folder / file, text.getvalue())  # whole or not at all, never through a link


def table_records(document: Mapping[str, Any]) -> dict[str, list[list[str]]]:
    """The files of a scenario document's CSV folder by name: header and rows as cell texts.

    The tables without rows that a folder may leave out (baseline, parameters) are left out.
    """
    tables: dict[str, list[list[str]]] = {}

    def _write(key: str, rows: Iterable[Mapping[str, object]]) -> None:
        tables[FILES[key].file] = _records(key, rows)

    _write("scenario", [{"format": document["format"], "name": document.get("name")}])
    employers = document["employers"]
    _write("employers", [{k: e.get(k) for k in FILES["employers"].columns} for e in employers])
    years: list[dict[str, object]] = []
    for employer in employers:
        keys = {c: _YEAR_KEYS.get(c, c) for c in _YEAR_COLUMNS}
        known = sorted({year for key in keys.values() for year in employer.get(key, {})})
        years.extend(
            {
                "employer": employer["id"],
                "year": year,
                **{c: employer.get(k, {}).get(year) for c, k in keys.items()},
            }
            for year in known
        )
    _write("employer_years", years)
    people: list[dict[str, object]] = []
    for person in document["people"]:
        base = {
            "id": person["id"],
            "name": person.get("name"),
            **{c: person.get(c) for c in _PERSON_COLUMNS},
        }
        registrations = person.get("registrations", ())
        people.extend([{**base, **r} for r in registrations] if registrations else [base])
    _write("people", people)
    placements = document["placements"]
    columns = FILES["placements"].columns
    _write("placements", [{k: p.get(k) for k in columns} for p in placements])
    _write(
        "hours",
        [{"placement": p["id"], **period} for p in placements for period in p.get("hours", ())],
    )
    _write(
        "contracts",
        [
            {k: c.get(k) for k in ("id", "buyer", "supplier", "kind")} | c["period"]
            for c in document["contracts"]
        ],
    )
    baseline = document.get("baseline")
    if baseline is not None:
        rows = [
            {"pool": pool, "jobs": jobs, "on": baseline.get("on"), "source": baseline.get("source")}
            for pool, jobs in baseline["jobs"].items()
        ] or [{"on": baseline.get("on"), "source": baseline.get("source")}]
        _write("baseline", rows)
    parameters = document.get("parameters", {})
    if parameters:
        rows = []
        for name, value in parameters.items():
            if isinstance(value, Mapping):
                rows.extend({"name": name, "start": k, "value": _text(v)} for k, v in value.items())
            else:
                rows.append({"name": name, "value": _text(value)})
        _write("parameters", rows)
    return tables
