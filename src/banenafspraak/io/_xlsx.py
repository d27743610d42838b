"""A scenario as an Excel workbook: one sheet per file of the CSV folder format.

The sheets are named as the files without ``.csv`` (``employers``, ``hours``, ...), with the same
columns; the first row of a sheet is its header. Every cell becomes the text the CSV file would
hold (:func:`banenafspraak._workbook.cell_text`), and the sheets are read and checked by the
one path of CSV folders (:func:`~banenafspraak.io._csv.read_tables`): the same checks and
messages, at the same places, named by the workbook and the sheet
(``example.xlsx sheet hours row 7, end``) with the rows as the spreadsheet numbers them.
A sheet of another name is not read, as another file in a folder is not. A cell that has no
faithful text (a formula, an error value, a date with a time, a number past 15 significant
digits) is a problem of its own, the only one told about that cell.

Needs the ``xlsx`` extra (openpyxl).
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from pathlib import Path as FilePath
from typing import Any

import attrs

from banenafspraak._workbook import (
    MAX_BYTES,
    WorkbookProblem,
    cell_text,
    date_value,
    number_value,
    read_sheets,
    write_sheets,
)
from banenafspraak.exceptions import InvalidScenarioError, Problem
from banenafspraak.io._csv import _NUMBER_COLUMNS, FILES, read_tables, table_records
from banenafspraak.io._document import scenario_from_document
from banenafspraak.scenario import Scenario

__all__ = ["SUFFIX", "load_workbook", "write_workbook"]

SUFFIX = ".xlsx"
FILES_BY_NAME = frozenset(spec.file for spec in FILES.values())
FEATURE = "Excel scenario workbooks"
_NUMBERS = frozenset({"year"}).union(*_NUMBER_COLUMNS.values())
"""Columns whose cells are written as numbers (where that is exact)."""
_DATES = frozenset(
    {"start", "end", "on", "date_of_birth", "date_of_death", "conditions_ceased"}
    | {"employment_start", "sheltered_work_finding"}
)
"""Columns whose cells are written as dates."""
_SHEET_WORDS = {"missing file": "missing sheet", "an empty file": "an empty sheet"}


def _labels(workbook: str) -> dict[str, str]:
    """The place of each CSV file's table in the workbook (``"example.xlsx sheet hours"``)."""
    return {
        spec.file: f"{workbook} sheet {spec.file.removesuffix('.csv')}" for spec in FILES.values()
    }


def _relabelled(text: str, labels: Mapping[str, str]) -> str:
    for file, label in labels.items():
        if text == file or text.startswith(f"{file} "):
            return label + text[len(file) :]
    return text


def load_workbook(
    path: FilePath, *, full_ids: bool = False, max_bytes: int = MAX_BYTES
) -> Scenario:
    """The scenario of the workbook at ``path``, checked as a CSV folder is.

    Only the sheets of the format are read. The workbook is checked before it is parsed: its
    size and what its parts unpack to (at most ``max_bytes``), no part that unpacks to more
    than 100 times its size, XML without a DTD or entities, rows numbered up to 1,048,576 and
    cells of at most 32,767 characters (Excel's limits).

    Raises:
        InvalidScenarioError: listing every problem, each with its sheet, row, column and the
            value seen.
        MissingExtraError: the ``xlsx`` extra is not installed.
    """
    source = str(path)
    labels = _labels(path.name)
    names = {file.removesuffix(".csv") for file in FILES_BY_NAME}
    try:
        sheets = read_sheets(path, names=names, max_bytes=max_bytes, feature=FEATURE)
    except WorkbookProblem as error:
        where = source if error.location == "the file" else f"{source} {error.location}"
        problem = Problem(where, "", error.value, error.message)
        raise InvalidScenarioError([problem], source=source) from None
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, TypeError) as error:
        problem = Problem(source, "", "the file", f"not an Excel workbook (.xlsx) ({error})")
        raise InvalidScenarioError([problem], source=source) from None
    tables: dict[str, list[list[str]]] = {}
    converted: list[Problem] = []
    for sheet, rows in sheets.items():
        file = f"{sheet}.csv"
        if file not in labels:
            continue
        header = [cell_text(value, kind)[0].strip() for value, kind in rows[0]] if rows else []
        records: list[list[str]] = []
        for number, row in enumerate(rows, start=1):
            record = []
            for column, (value, kind) in enumerate(row):
                text, wrong = cell_text(value, kind)
                if wrong is not None:
                    field = header[column] if column < len(header) else ""
                    converted.append(Problem(f"{labels[file]} row {number}", field, text, wrong))
                record.append(text)
            records.append(record)
        tables[file] = records
    document, places, problems = read_tables(
        tables, source=source, name=path.stem, full_ids=full_ids
    )
    places = attrs.evolve(
        places,
        rows={
            key: (_relabelled(where, labels), c) for key, (where, c) in (places.rows or {}).items()
        },
    )
    problems = [places.masked(p) for p in converted] + [_sheet_problem(p, labels) for p in problems]
    try:
        return scenario_from_document(document, places, problems=problems)
    except InvalidScenarioError as error:
        cells = {(p.location, p.field) for p in problems[: len(converted)]}
        kept = [
            p
            for i, p in enumerate(error.problems)
            if i < len(converted) or (p.location, p.field) not in cells
        ]
        raise InvalidScenarioError(kept, source=source) from None


def _sheet_problem(problem: Problem, labels: Mapping[str, str]) -> Problem:
    """A problem of the CSV reader, placed in the workbook (a sheet, not a file)."""
    whole = problem.location in labels
    return Problem(
        _relabelled(problem.location, labels),
        problem.field,
        _SHEET_WORDS.get(problem.value, problem.value) if whole else problem.value,
        _SHEET_WORDS.get(problem.message, problem.message) if whole else problem.message,
    )


def _typed(_sheet: str, column: str, text: str) -> object:
    """A number or a date where the column holds them and the cell reads back the same."""
    if column in _NUMBERS:
        number = number_value(text)
        if number is not None:
            return number
    if column in _DATES:
        day = date_value(text)
        if day is not None:
            return day
    return text


def write_workbook(document: Mapping[str, Any], path: FilePath) -> None:
    """Write a scenario document as a workbook with the sheets of the CSV folder format."""
    sheets = {
        file.removesuffix(".csv"): records for file, records in table_records(document).items()
    }
    write_sheets(path, sheets, typed=_typed, feature=FEATURE)
