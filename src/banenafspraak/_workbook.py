"""Excel workbooks (``.xlsx``): sheets of cells in and out, exactly (the ``xlsx`` extra).

Reading turns every cell into the text a CSV file would hold (:func:`cell_text`):

=====================  =============================================================================
cell                   text
=====================  =============================================================================
empty                  empty (trailing empty cells of a row are no cells)
text                   the text itself (a text that looks like a formula is just text)
whole number           its digits: ``1560``
other number           the shortest decimal that is the same binary number, without an exponent:
                       ``25.5``, ``0.00001``; more than 15 significant digits is a problem (a
                       spreadsheet keeps 15: the digits past them are binary noise)
date                   ``YYYY-MM-DD``; a date with a time of day is a problem
true/false             ``true`` / ``false``
formula                a problem: formulas are not computed, and the value a spreadsheet stored
                       with one may be stale or missing (paste the values instead)
error (``#N/A``)       a problem
time, duration         a problem
=====================  =============================================================================

Writing is the other way round (:func:`write_sheets`): text cells are stored as text (never as
a formula, whatever they start with); a cell is written as a number only when reading it back
gives the very same text (:func:`number_value`), so that nothing changes on the way.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import re
import warnings
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

from banenafspraak._files import check_writable, replacing
from banenafspraak.exceptions import InvalidValueError, MissingExtraError

__all__ = [
    "SIGNIFICANT_DIGITS",
    "cell_text",
    "date_value",
    "load_openpyxl",
    "number_value",
    "write_sheets",
]

SIGNIFICANT_DIGITS = 15
"""The significant digits a spreadsheet keeps of a number (Excel's limit)."""

_PLAIN_DECIMAL = re.compile(r"-?\d+(\.\d+)?")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_FIRST_SAFE_DATE = dt.date(1900, 3, 1)
"""Excel counts 1900 as a leap year; from this date on its day numbers are right."""
_WIDEST = 60


def load_openpyxl(feature: str) -> ModuleType:
    """The ``openpyxl`` module, or :class:`MissingExtraError` naming ``feature`` and the extra."""
    try:
        import openpyxl  # noqa: PLC0415 - the xlsx extra, only when asked for
    except ImportError as error:
        raise MissingExtraError(feature, "xlsx") from error
    module: ModuleType = openpyxl
    return module


def float_text(value: float) -> str:
    """The shortest decimal that is ``value`` as a binary number, without an exponent.

    >>> float_text(25.5), float_text(1e-05), float_text(1560.0)
    ('25.5', '0.00001', '1560')
    """
    if value.is_integer():
        return str(int(value))
    return format(Decimal(repr(value)), "f")


def _significant(text: str) -> int:
    return len(Decimal(text).normalize().as_tuple().digits)


def cell_text(value: object, data_type: str) -> tuple[str, str | None]:  # noqa: PLR0911 - a kind each
    """The text of a cell as a CSV file would hold it, and what is wrong with it (or ``None``).

    ``value`` and ``data_type`` are openpyxl's (``"f"`` a formula, ``"e"`` an error value).
    """
    if data_type == "f":
        text = value if isinstance(value, str) else getattr(value, "text", None) or "a formula"
        return str(text), "a formula: formulas are not computed; paste the value instead"
    if data_type == "e":
        return str(value), "an error value of the spreadsheet"
    if value is None:
        return "", None
    if isinstance(value, str):
        return value, None
    if isinstance(value, bool):
        return ("true" if value else "false"), None
    if isinstance(value, int | float):
        return _number_text(value)
    if isinstance(value, dt.date | dt.time | dt.timedelta):
        return _date_text(value)
    return str(value), "a cell this library cannot read"  # pragma: no cover - openpyxl's kinds


def _number_text(value: float) -> tuple[str, str | None]:
    if isinstance(value, int):
        return str(value), None
    if not math.isfinite(value):
        return str(value), "not a finite number"
    text = float_text(value)
    if _significant(text) > SIGNIFICANT_DIGITS:
        return text, (
            f"a number with more than {SIGNIFICANT_DIGITS} significant digits, which a "
            "spreadsheet does not hold exactly; write it as text"
        )
    return text, None


def _date_text(value: dt.date | dt.time | dt.timedelta) -> tuple[str, str | None]:
    if isinstance(value, dt.datetime):
        if value.time() != dt.time():
            return value.isoformat(sep=" "), "a date with a time of day; expected a date"
        return value.date().isoformat(), None
    if isinstance(value, dt.date):
        return value.isoformat(), None
    return str(value), "a time or a duration; expected a date, a number or text"


def number_value(text: str) -> int | float | None:
    """The number to write for ``text``, when reading it back gives ``text`` again; else ``None``.

    >>> number_value("25.5"), number_value("1560"), number_value("25.50"), number_value("007")
    (25.5, 1560, None, None)
    >>> number_value("0.1234567890123456") is None  # 16 significant digits
    True
    """
    if not _PLAIN_DECIMAL.fullmatch(text) or _significant(text) > SIGNIFICANT_DIGITS:
        return None
    if "." not in text:
        number = int(text)
        return number if str(number) == text else None
    value = float(text)
    return value if float_text(value) == text else None


def date_value(text: str) -> dt.date | None:
    """The date to write for an ISO date ``text`` a spreadsheet numbers right; else ``None``."""
    if not _ISO_DATE.fullmatch(text):
        return None
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return None
    return day if day >= _FIRST_SAFE_DATE else None


Typed = Callable[[str, str, str], object]
"""Given a sheet, a column's name and a cell's text, the value to write (a number, a date or the
text)."""


def write_sheets(
    path: Path,
    sheets: Mapping[str, Sequence[Sequence[str]]],
    *,
    typed: Typed | None = None,
    feature: str = "Excel workbooks",
) -> Path:
    """Write ``sheets`` (name -> rows of cell texts, the header first) as a workbook at ``path``.

    ``typed`` chooses a number or a date for a cell; every other cell is stored as text, never as
    a formula. Columns are as wide as their widest cell (up to 60 characters); the header row
    stays in view. The workbook is written whole or not at all, never through a link
    (:func:`banenafspraak._files.replacing`).

    Raises:
        InvalidValueError: a cell holds a control character, which a workbook cannot hold.
        MissingExtraError: the ``xlsx`` extra is not installed.
    """
    openpyxl = load_openpyxl(feature)
    check_writable(path)  # before any work: a missing folder is named, not met at the end
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 - the xlsx extra
    from openpyxl.utils.exceptions import IllegalCharacterError  # noqa: PLC0415

    workbook = openpyxl.Workbook(write_only=True)
    try:
        for name, rows in sheets.items():
            sheet = workbook.create_sheet(title=name)
            header = list(rows[0]) if rows else []
            widths = [len(cell) for cell in header]
            for row in rows:
                for i, cell in enumerate(row[: len(widths)]):
                    widths[i] = max(widths[i], len(cell))
            for i, width in enumerate(widths, start=1):
                sheet.column_dimensions[get_column_letter(i)].width = min(width, _WIDEST) + 2
            sheet.freeze_panes = "A2"
            for number, row in enumerate(rows, start=1):
                cells: list[Any] = []
                for i, text in enumerate(row):
                    column = header[i] if i < len(header) else ""
                    value = typed(name, column, text) if typed is not None and number > 1 else text
                    try:
                        cells.append(_cell(sheet, value))
                    except IllegalCharacterError:
                        msg = (
                            f"{path.name} sheet {name} row {number}, {column or i + 1}: a control "
                            f"character, which a workbook cannot hold (got {text!r})"
                        )
                        raise InvalidValueError(msg, field=column, value=text) from None
                sheet.append(cells)
        with replacing(path) as handle, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook.save(handle)
    except BaseException:  # a cell refused, a file not written, Ctrl-C: close the sheets quietly
        _abandon(workbook)
        raise
    return path


def _abandon(workbook: Any) -> None:  # noqa: ANN401 - openpyxl's workbook
    """Close the sheets of a write-only workbook that is not saved, and remove their files.

    openpyxl writes each sheet to a temporary file as rows come; a sheet left open complains
    when it is collected ("Exception ignored ... I/O operation on closed file").
    """
    for sheet in workbook.worksheets:
        with contextlib.suppress(Exception):
            sheet.close()
        with contextlib.suppress(Exception):
            Path(sheet._writer.out).unlink()  # noqa: SLF001 - openpyxl's temporary file


def _cell(sheet: Any, value: object) -> Any:  # noqa: ANN401 - openpyxl's sheet and cell
    """A cell of a write-only sheet: empty, a number, a date, or text (never a formula)."""
    from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415 - the xlsx extra

    if value == "":
        return None
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # text, even when it starts with "="
    elif isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"
    return cell


def read_sheets(path: Path, *, feature: str = "Excel workbooks") -> dict[str, list[list[Any]]]:
    """The sheets of the workbook at ``path``: name -> rows of ``(value, data_type)``.

    Rows are numbered as the spreadsheet numbers them: the first is row 1, empty rows stay in
    place; trailing empty cells of a row are left off. Formulas are not computed.

    Raises:
        MissingExtraError: the ``xlsx`` extra is not installed.
        Exception: what openpyxl raises for a file that is no workbook (the caller names it).
    """
    openpyxl = load_openpyxl(feature)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns of parts of a workbook it does not read
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        sheets: dict[str, list[list[Any]]] = {}
        for sheet in workbook.worksheets:
            sheet.reset_dimensions()  # the size a file declares may be wrong
            rows: list[list[Any]] = []
            for row in sheet.iter_rows(min_row=1):
                cells = [(cell.value, getattr(cell, "data_type", "n")) for cell in row]
                while cells and cells[-1][0] in {None, ""}:
                    cells.pop()
                rows.append(cells)
            sheets[sheet.title] = rows
    finally:
        workbook.close()
    return sheets
