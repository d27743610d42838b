"""Scenario files: JSON (``banenafspraak/scenario@1``), folders of CSV files, Excel workbooks.

>>> from banenafspraak.io import example_path, load_scenario
>>> scenario = load_scenario(example_path())
>>> scenario.name
'bundled example 2018-2019'

Loading checks the file against the shipped JSON Schema, the nouns and the scenario as a whole in
one pass, and reports every problem at once, each with its file, row or JSON path, field and the
value seen (:class:`~banenafspraak.InvalidScenarioError`); it never returns a scenario
with parts left out. Nine-digit person ids are taken for BSNs: they must pass the elfproef, and
problems show them masked unless ``full_ids=True``. Loading and saving write nothing else.

Needs the ``io`` extra (cattrs and jsonschema); without it, importing this module raises
:class:`~banenafspraak.MissingExtraError`. Excel workbooks (``.xlsx``) also need the ``xlsx``
extra (openpyxl), asked for only when a workbook is read or written. Results are written by
:mod:`banenafspraak.render.export`, which needs no extra.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

from banenafspraak.exceptions import (
    InvalidScenarioError,
    InvalidValueError,
    MissingExtraError,
    Problem,
)

try:
    import cattrs  # noqa: F401 - only checks that the extra is installed
    import jsonschema  # type: ignore[import-untyped,unused-ignore]  # noqa: F401 - only checks
except ImportError as error:  # pragma: no cover - the extra is installed in development
    _FEATURE, _EXTRA = "banenafspraak.io (scenario files)", "io"
    raise MissingExtraError(_FEATURE, _EXTRA) from error

from banenafspraak._files import write_text
from banenafspraak._workbook import MAX_BYTES, too_big
from banenafspraak.bsn import elfproef, is_bsn, mask_id, mask_text
from banenafspraak.io._csv import (
    FILES,
    Row,
    assemble_rows,
    read_folder,
    read_settings,
    write_folder,
)
from banenafspraak.io._document import (
    FORMAT,
    MAX_DEPTH,
    DuplicateKeys,
    scenario_from_document,
    scenario_schema,
    scenario_to_document,
)
from banenafspraak.io._places import Places
from banenafspraak.io._xlsx import SUFFIX, load_workbook, write_workbook
from banenafspraak.scenario import Scenario

__all__ = [
    "CSV_FILES",
    "FORMAT",
    "elfproef",
    "example_path",
    "is_bsn",
    "load_scenario",
    "load_settings",
    "mask_id",
    "mask_text",
    "parse_scenario_json",
    "save_scenario",
    "scenario_from_document",
    "scenario_from_rows",
    "scenario_schema",
    "scenario_to_document",
    "scenario_to_json",
]

CSV_FILES = {key: table.file for key, table in FILES.items()}
"""The files of a CSV scenario folder, by the key of the JSON document they fill."""

_EXCERPT = 20
_JSON_SUFFIX = ".json"
"""The suffix of a JSON scenario file; a file by any other name (``.xlsm``, ``.txt``) is refused."""
_INT_DIGITS = 4300
"""Python's limit for turning digits into an int; longer integers become a refused Decimal."""


def example_path() -> Path:
    """The bundled example scenario as a JSON file inside the installed package."""
    return Path(str(resources.files("banenafspraak").joinpath("data", "example.json")))


def _reject_constant(name: str) -> object:
    msg = f"{name} is not a number JSON allows"
    raise InvalidValueError(msg)


def parse_scenario_json(text: str, *, source: str = "<text>", full_ids: bool = False) -> Scenario:
    """A scenario from the text of a JSON scenario file.

    Numbers are read exactly (as ``Decimal``), never as binary floats. A key given twice in one
    object is a problem (JSON parsers differ on which one wins), as is nesting deeper than
    :data:`~banenafspraak.io._document.MAX_DEPTH` levels.

    Raises:
        InvalidScenarioError: listing every problem found.
    """
    places = Places(source=source, full_ids=full_ids)
    try:
        document = json.loads(
            text,
            parse_float=Decimal,
            parse_int=_integer,
            parse_constant=_reject_constant,
            object_pairs_hook=_object,
        )
    except json.JSONDecodeError as error:
        seen = text[error.pos : error.pos + _EXCERPT] if error.pos < len(text) else "end of file"
        problem = Problem(
            f"{source} line {error.lineno} column {error.colno}",
            "",
            places.masked_text(repr(seen)),
            error.msg,
        )
        raise InvalidScenarioError([problem], source=source) from None
    except RecursionError:
        problem = Problem(
            source, "", "deeper nesting", f"expected at most {MAX_DEPTH} levels of nesting"
        )
        raise InvalidScenarioError([problem], source=source) from None
    except ValueError as error:
        raise InvalidScenarioError([Problem(source, "", "", str(error))], source=source) from None
    return scenario_from_document(document, places)


def _integer(text: str) -> int | Decimal:
    """A JSON integer: an ``int``, or past 4,300 digits a ``Decimal`` (refused later)."""
    return int(text) if len(text) <= _INT_DIGITS else Decimal(text)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object; a key given twice is kept as :class:`DuplicateKeys` for the checks."""
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    seen: set[str] = set()
    twice = [key for key, _ in pairs if key in seen or seen.add(key)]  # type: ignore[func-returns-value]
    return DuplicateKeys(result, twice=twice)


def load_scenario(
    path: str | Path, *, full_ids: bool = False, max_bytes: int = MAX_BYTES
) -> Scenario:
    """A scenario from a ``.json`` file, a folder of CSV files or an ``.xlsx`` workbook.

    The suffix chooses the reader, and only these formats are read: a file by another name (a
    macro workbook ``.xlsm``, a ``.txt``) is refused rather than read as JSON. In a folder only
    the regular files of :data:`CSV_FILES` are read (no link is followed, no FIFO waited on).
    A workbook has one sheet per file of the CSV folder (``employers``, ``hours``, ...) and is
    checked exactly as a folder is; it needs the ``xlsx`` extra (openpyxl). Only its sheets of
    the format are read.

    Sizes are checked before anything is parsed: a JSON file or a workbook larger than
    ``max_bytes`` (50 MB by default), or a workbook whose parts unpack to more, is a problem
    that names the limit; so is a part of a workbook that unpacks to more than 100 times its
    size (a zip bomb).

    Args:
        path: the file or folder.
        full_ids: show BSNs in full in problems (they are masked by default).
        max_bytes: the most bytes of a JSON file or a workbook (unpacked) that are read.

    Raises:
        InvalidScenarioError: listing every problem, each with its place and the value seen.
    """
    where = Path(path)
    if where.is_dir():
        document, places, problems = read_folder(where, full_ids=full_ids)
        return scenario_from_document(document, places, problems=problems)
    if not where.is_file():
        message = "not a file or folder" if where.exists() else "no such file or folder"
        raise InvalidScenarioError(
            [Problem(str(where), "", str(where), message)], source=str(where)
        )
    if where.suffix.lower() == SUFFIX:
        return load_workbook(where, full_ids=full_ids, max_bytes=max_bytes)
    if where.suffix.lower() != _JSON_SUFFIX:
        message = (
            f"not a scenario file: expected a {_JSON_SUFFIX} file, an {SUFFIX} workbook or a "
            "folder of CSV files"
        )
        problem = Problem(str(where), "", where.suffix or "no suffix", message)
        raise InvalidScenarioError([problem], source=str(where))
    try:
        with where.open("rb") as handle:  # the size of what is open, not of a name looked up
            size = os.fstat(handle.fileno()).st_size
            data = b"" if size > max_bytes else handle.read(max_bytes + 1)  # it may grow
        if max(size, len(data)) > max_bytes:
            large = too_big(str(where), max(size, len(data)), max_bytes)
            problem = Problem(str(where), "", large.value, large.message)
            raise InvalidScenarioError([problem], source=str(where))
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problem = Problem(str(where), "", f"byte {error.start}", "not UTF-8 text")
        raise InvalidScenarioError([problem], source=str(where)) from None
    except OSError as error:
        problem = Problem(str(where), "", "the file", f"cannot be read ({error.strerror})")
        raise InvalidScenarioError([problem], source=str(where)) from None
    return parse_scenario_json(text, source=str(where), full_ids=full_ids)


def load_settings(folder: str | Path, *, full_ids: bool = False) -> Scenario:
    """The baseline and parameter overrides of a folder, as a scenario without items.

    ``baseline.csv`` and ``parameters.csv`` are read and checked exactly as in a CSV scenario
    folder (the files may be absent: then the baseline is 0 and there are no overrides). The
    batch engine reads them from its folder of tables this way.

    Raises:
        InvalidScenarioError: listing every problem, each at its file, row and column.
    """
    document, places, problems = read_settings(Path(folder), full_ids=full_ids)
    return scenario_from_document(document, places, problems=problems)


def scenario_from_rows(
    tables: Mapping[str, Sequence[Row]],
    *,
    source: str,
    names: Mapping[str, str],
    id_columns: Mapping[str, str] | None = None,
    full_ids: bool = False,
) -> Scenario:
    """A scenario from rows read elsewhere, checked as the rows of a CSV folder are.

    ``tables`` maps the keys of :data:`CSV_FILES` to rows ``(row number, {column: text})`` with
    empty cells left out; a key that is absent is a file that could not be read. ``names`` gives
    the file name shown in places for each key, and ``id_columns`` the column that holds the id
    of a table where it is not ``id`` (``{"people": "person"}``). The batch engine checks its
    tables this way, so that both engines name the same problems with the same messages at the
    same places.

    Raises:
        InvalidScenarioError: listing every problem, each at its file, row and column.
    """
    document, places, problems = assemble_rows(
        tables, source=source, names=names, id_column=id_columns, full_ids=full_ids
    )
    return scenario_from_document(document, places, problems=problems)


def scenario_to_json(scenario: Scenario) -> str:
    """A scenario as the text of a JSON scenario file (exact numbers as decimal strings)."""
    document: dict[str, Any] = scenario_to_document(scenario)
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def save_scenario(scenario: Scenario, path: str | Path) -> Path:
    """Write a scenario to ``path``: a ``.json`` file, an ``.xlsx`` workbook or a CSV folder.

    The suffix chooses: ``.json``, ``.xlsx`` (the ``xlsx`` extra), anything else a folder.
    Returns the path written. Nothing else is written. Each file is written to a new temporary
    file in its folder and then renamed to its name: it is there whole or not at all, and a
    link under its name is replaced, never followed.
    """
    where = Path(path)
    if where.suffix.lower() == ".json":
        write_text(where, scenario_to_json(scenario))
    elif where.suffix.lower() == SUFFIX:
        write_workbook(scenario_to_document(scenario), where)
    else:
        write_folder(scenario_to_document(scenario), where)
    return where
