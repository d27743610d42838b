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
import posixpath
import re
import warnings
import zipfile
import zlib
from collections.abc import Callable, Collection, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

from banenafspraak._files import check_writable, replacing
from banenafspraak.exceptions import InvalidValueError, MissingExtraError

__all__ = [
    "MAX_BYTES",
    "MAX_CELL",
    "MAX_RATIO",
    "MAX_ROWS",
    "SIGNIFICANT_DIGITS",
    "WorkbookProblem",
    "cell_text",
    "check_workbook",
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
_SHOWN = 20


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
        if len(value) > MAX_CELL:
            shown = f"{value[:_SHOWN]}... ({len(value):,} characters)"
            return shown, f"more than {MAX_CELL:,} characters, the most a cell holds"
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


MAX_BYTES = 50_000_000
"""The most bytes of scenario text read by default: a JSON file's size, a workbook's file size
and the size of the parts of a workbook that are read, unpacked (``max_bytes`` raises it)."""
MAX_RATIO = 100
"""The most a part of a workbook may grow when unpacked (a sheet's XML packs 5 to 20 times)."""
RATIO_FROM = 1_000_000
"""Parts smaller than this, unpacked, are not held to :data:`MAX_RATIO`."""
MAX_ROWS = 1_048_576
"""The most rows a sheet has (Excel's limit); a row numbered past it is refused."""
MAX_CELL = 32_767
"""The most characters a cell holds (Excel's limit); a longer cell is refused."""
_SHEET_PARTS = "xl/worksheets/"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


class WorkbookProblem(Exception):  # noqa: N818 - a problem with a place, not a failure
    """What is wrong with a workbook before its cells are read: place, value and message."""

    def __init__(self, location: str, value: str, message: str) -> None:
        super().__init__(f"{location}: {message} (got {value})")
        self.location = location
        self.value = value
        self.message = message


def too_big(where: str, size: int, limit: int, what: str = "the file") -> WorkbookProblem:
    """The problem of a file (or what it unpacks to) over ``limit`` bytes, naming the way out."""
    return WorkbookProblem(
        where,
        f"{size:,} bytes",
        f"{what} is larger than the limit of {limit:,} bytes; a larger file may be read with "
        "max_bytes= (load_scenario) or --max-bytes (the command line)",
    )


def _xml_problem(where: str, error: Exception) -> WorkbookProblem:
    """A parser's error as a problem at its line and column."""
    position = getattr(error, "position", None)
    if isinstance(position, tuple) and len(position) == 2:  # noqa: PLR2004 - (line, column)
        where = f"{where} line {position[0]} column {position[1] + 1}"
    kind = type(error).__name__
    name = getattr(error, "name", None) or ""
    if kind == "DTDForbidden":
        return WorkbookProblem(where, f"<!DOCTYPE {name}>", "a DTD, which a workbook never holds")
    if kind in {"EntitiesForbidden", "ExternalReferenceForbidden"}:
        return WorkbookProblem(
            where, f"<!ENTITY {name}>", "an entity, which a workbook never holds"
        )
    if kind == "ParseError":
        text = str(error).split(":", 1)[0]
        return WorkbookProblem(where, "the XML", f"not well-formed XML ({text})")
    return WorkbookProblem(where, "the XML", f"cannot be read ({kind}: {error})")


def _parsed(archive: zipfile.ZipFile, part: str, limit: int) -> Any:  # noqa: ANN401 - XML
    """A small part of the workbook's index, parsed with defusedxml; a problem at its place."""
    size = archive.getinfo(part).file_size
    if size > limit:
        problem = too_big(f"part {part}", size, limit, "the part")
        raise problem
    from defusedxml.ElementTree import fromstring  # type: ignore[import-untyped,unused-ignore]  # noqa: PLC0415

    try:
        return fromstring(archive.read(part), forbid_dtd=True)
    except Exception as error:  # noqa: BLE001 - every parser error becomes a problem
        problem = _xml_problem(f"part {part}", error)
        raise problem from None


def _bomb(info: zipfile.ZipInfo, where: str) -> None:
    """Refuse a part that declares it unpacks to more than :data:`MAX_RATIO` times its size.

    The declared size is what unpacking gives: zipfile reads no more, and a part that holds
    more fails its checksum.
    """
    packed = max(info.compress_size, 1)
    if info.file_size >= RATIO_FROM and info.file_size > MAX_RATIO * packed:
        problem = WorkbookProblem(
            where,
            f"{info.file_size:,} bytes from {info.compress_size:,}",
            f"unpacks to more than {MAX_RATIO} times its size: not read (a zip bomb)",
        )
        raise problem


def _relations(archive: zipfile.ZipFile, part: str, limit: int) -> dict[str, tuple[str, str]]:
    """The relations of a part (``""``: of the package): id -> (type, the part it names)."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels not in archive.NameToInfo:
        return {}
    out = {}
    for node in _parsed(archive, rels, limit).iter(_RELATIONSHIP):
        target = node.get("Target", "")
        full = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        out[node.get("Id", "")] = (node.get("Type", ""), posixpath.normpath(full))
    return out


def _sheet_parts(archive: zipfile.ZipFile, limit: int) -> dict[str, str]:
    """The part of each sheet, by the sheet's name."""
    office = [
        t for kind, t in _relations(archive, "", limit).values() if kind.endswith("/officeDocument")
    ]
    main = office[0] if office else "xl/workbook.xml"
    if main not in archive.NameToInfo:
        problem = WorkbookProblem(
            "the file", main, "not an Excel workbook (.xlsx): no workbook part"
        )
        raise problem
    targets = _relations(archive, main, limit)
    root = _parsed(archive, main, limit)
    return {
        node.get("name", ""): targets.get(node.get(_REL_ID, ""), ("", ""))[1]
        for node in root.iter(f"{_MAIN}sheet")
    }


def check_workbook(
    path: Path, names: Collection[str] | None, *, max_bytes: int = MAX_BYTES
) -> frozenset[str]:
    """Check a workbook's sizes and XML before openpyxl reads it; raise the first problem.

    Returns the parts of the sheets that are not read (not in ``names``).

    Every part is held to :data:`MAX_RATIO` (a zip bomb is refused from the sizes it declares,
    which the unpacking enforces); the parts that are read (all but the sheets not in ``names``)
    are together held to ``max_bytes`` unpacked, and parsed once with defusedxml, streaming: a
    DTD, an entity, XML that is cut or not well-formed is a problem at its part, line and
    column, and so is a row numbered past :data:`MAX_ROWS`.

    Raises:
        WorkbookProblem: the first thing wrong.
        zipfile.BadZipFile: the file is no zip archive.
    """
    size = path.stat().st_size
    if size > max_bytes:
        problem = too_big("the file", size, max_bytes)
        raise problem
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if not info.filename.startswith(_SHEET_PARTS):
                _bomb(info, f"part {info.filename}")
        sheets = _sheet_parts(archive, max_bytes)
        named = {part: name for name, part in sheets.items()}
        for info in archive.infolist():
            if info.filename.startswith(_SHEET_PARTS):
                name = named.get(info.filename)
                _bomb(info, f"part {info.filename}" if name is None else f"sheet {name}")
        skipped = {
            part: name for name, part in sheets.items() if names is not None and name not in names
        }
        wanted = {part: name for name, part in sheets.items() if part not in skipped}
        read = [
            info
            for info in archive.infolist()
            if info.filename not in skipped
            and (info.filename.endswith((".xml", ".rels")) or info.filename in wanted)
        ]
        unpacked = sum(info.file_size for info in read)
        if unpacked > max_bytes:
            problem = too_big("the file", unpacked, max_bytes, "what the workbook unpacks to")
            raise problem
        for info in read:
            sheet = wanted.get(info.filename)
            where = f"sheet {sheet}" if sheet is not None else f"part {info.filename}"
            _check_part(archive, info, where, rows=sheet is not None)
    return frozenset(skipped)


def _check_row(where: str, number: str) -> None:
    if number.isdigit() and int(number) > MAX_ROWS:
        problem = WorkbookProblem(
            f"{where} row {number}", number, f"a row past the last row a sheet has ({MAX_ROWS:,})"
        )
        raise problem


def _check_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, where: str, *, rows: bool) -> None:
    """Parse one part once, streaming, with defusedxml; row numbers of a sheet checked."""
    from defusedxml.ElementTree import iterparse  # type: ignore[import-untyped,unused-ignore]  # noqa: PLC0415

    row = f"{_MAIN}row"
    try:
        with archive.open(info) as source:
            for _event, node in iterparse(source, events=("end",), forbid_dtd=True):
                if rows and node.tag == row:
                    _check_row(where, node.get("r", ""))
                    node.clear()
                elif node.tag.endswith(("}si", "}c")):
                    node.clear()
    except WorkbookProblem:
        raise
    except (zipfile.BadZipFile, EOFError, OSError, zlib.error) as error:
        raise WorkbookProblem(where, "the packed data", f"cannot be unpacked ({error})") from None
    except Exception as error:  # noqa: BLE001 - every parser error becomes a problem at its place
        raise _xml_problem(where, error) from None


def read_sheets(
    path: Path,
    *,
    names: Collection[str] | None = None,
    max_bytes: int = MAX_BYTES,
    feature: str = "Excel workbooks",
) -> dict[str, list[list[Any]]]:
    """The sheets of the workbook at ``path``: name -> rows of ``(value, data_type)``.

    Only the sheets in ``names`` are read (every sheet when ``None``). Rows are numbered as the
    spreadsheet numbers them: the first is row 1, empty rows stay in place; trailing empty cells
    of a row are left off. Formulas are not computed. The workbook is checked first
    (:func:`check_workbook`: sizes, ratios, well-formed XML without entities, row numbers).

    Raises:
        MissingExtraError: the ``xlsx`` extra is not installed.
        WorkbookProblem: a problem with its place (a part, a sheet, a line and column).
        Exception: what zipfile or openpyxl raises for a file that is no workbook (the caller
            names it).
    """
    load_openpyxl(feature)
    from openpyxl.reader.excel import ExcelReader  # noqa: PLC0415 - the xlsx extra

    skipped = check_workbook(path, names, max_bytes=max_bytes)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns of parts it does not read
            # openpyxl.load_workbook, without the sheets that are not read: openpyxl reads the
            # start of every sheet it is given
            reader = ExcelReader(path, read_only=True, data_only=False)
            reader.valid_files = [name for name in reader.valid_files if name not in skipped]
            reader.read()
            workbook = reader.wb
    except Exception as error:  # noqa: BLE001 - checked above; what is left is no workbook
        message = f"not an Excel workbook (.xlsx) ({type(error).__name__}: {error})"
        problem = WorkbookProblem("the file", "the file", message)
        raise problem from None
    try:
        sheets: dict[str, list[list[Any]]] = {}
        for sheet in workbook.worksheets:
            if names is not None and sheet.title not in names:
                continue  # another sheet is not parsed at all
            try:
                sheets[sheet.title] = _rows(sheet)
            except Exception as error:  # noqa: BLE001 - checked above; a problem at its place
                where = f"sheet {sheet.title}"
                raise _xml_problem(where, error) from None
    finally:
        workbook.close()
    return sheets


def _rows(sheet: Any) -> list[list[Any]]:  # noqa: ANN401 - openpyxl's read-only sheet
    sheet.reset_dimensions()  # the size a file declares may be wrong
    rows: list[list[Any]] = []
    for row in sheet.iter_rows(min_row=1):
        cells = [(cell.value, getattr(cell, "data_type", "n")) for cell in row]
        while cells and cells[-1][0] in {None, ""}:
            cells.pop()
        rows.append(cells)
    return rows
