"""Which files of a folder are read, and how: one policy for both engines' folder readers.

Both readers of a folder of tables (:func:`banenafspraak.io.load_scenario` of a CSV folder and
:meth:`banenafspraak.batch.Tables.read`) find and open their files here, so that both read the
same files and refuse the same ones with the same messages:

* only the files a table is named by are read (``hours.csv``; the batch engine also
  ``hours.parquet``); any other file in the folder is not looked at;
* a table given in two formats (``hours.csv`` and ``hours.parquet``) is refused: neither is
  chosen;
* only regular files are read: a symbolic link (wherever it points), a folder, a FIFO (named
  pipe), a socket or a device with a table's name is refused by name, without being opened or
  followed, so that no problem can quote another file's text and no read can hang;
* a CSV file is UTF-8 text (a byte-order mark is fine); its delimiter is a semicolon when its
  first line has more semicolons than commas, a comma otherwise;
* in a semicolon-separated file (a *decimal-comma file*, the Dutch spreadsheet default) the
  number columns follow :func:`decimal_comma`: ``25,5`` is 25.5, ``16.5`` is 16.5, and a number
  that could be read two ways (``16.000``, ``1.234,5``) is refused at its place.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Sequence
from pathlib import Path

from banenafspraak.exceptions import Problem

__all__ = [
    "AMBIGUOUS_BOTH",
    "AMBIGUOUS_GROUPS",
    "BATCH_TABLES",
    "COMMA_DECIMAL",
    "NOT_A_FILE",
    "batch_folder",
    "decimal_comma",
    "delimiter_of",
    "read_file",
    "table_file",
    "utf8_error",
    "without_bom",
]

BATCH_TABLES = (
    "employers",
    "employer_years",
    "registrations",
    "placements",
    "hours",
    "contracts",
)
"""The tables of the batch engine (``NAME.parquet`` or ``NAME.csv`` in its folder)."""

NOT_A_FILE = "only regular files inside the folder are read"

COMMA_DECIMAL = r"^[+-]?\d+,\d+$"
"""``25,5``, ``-0,25``: a number with a decimal comma and no thousands separator."""
AMBIGUOUS_GROUPS = r"^[+-]?\d*[1-9]\d*(\.\d{3})+$"
"""``16.000``, ``1.234.567``: a point followed by exactly three digits, in a decimal-comma file
a thousands separator as likely as a decimal point (not after a zero: ``0.125`` groups nothing)."""
AMBIGUOUS_BOTH = r"^[+-]?[\d.,]*(\.[\d.,]*,|,[\d.,]*\.)[\d.,]*$"
"""A number with both a point and a comma (``1.234,5``, ``1,234.5``)."""
_COMMA = re.compile(COMMA_DECIMAL)
_GROUPS = re.compile(AMBIGUOUS_GROUPS)
_BOTH = re.compile(AMBIGUOUS_BOTH)

_CHUNK = 1 << 20
_BOM = codecs.BOM_UTF8


def _kind(mode: int) -> str | None:
    """What a file that is not a regular file is (``None`` for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


def _irregular(path: Path, kind: str) -> Problem:
    return Problem(path.name, "", kind, f"not a regular file: {NOT_A_FILE}")


def table_file(
    folder: Path, stem: str, suffixes: Sequence[str]
) -> tuple[Path | None, list[Problem]]:
    """The one file of table ``stem`` in ``folder`` among the named formats, and its problems.

    ``(None, [])``: no file of the table is there. A table given in more than one format, or a
    file with its name that is not a regular file, is a problem (its path is still returned, so
    that the caller knows the table was given but not read).
    """
    given: list[tuple[Path, int]] = []
    for suffix in suffixes:
        path = folder / f"{stem}{suffix}"
        try:
            given.append((path, path.lstat().st_mode))
        except OSError:
            continue
    if not given:
        return None, []
    path, mode = given[0]
    if len(given) > 1:
        names = " and ".join(p.name for p, _ in given)
        message = f"the table {stem} is given twice; keep one of {names}"
        return path, [Problem(names, "", "two files", message)]
    kind = _kind(mode)
    if kind is not None:
        return path, [_irregular(path, kind)]
    return path, []


def read_file(path: Path) -> tuple[bytes | None, Problem | None]:
    """The bytes of a regular file, opened without following a link or waiting on a FIFO.

    The file is checked again once open (it may have been replaced since it was found).
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(path, flags)
    except OSError as error:
        if path.is_symlink():
            return None, _irregular(path, "a symbolic link")
        return None, Problem(path.name, "", "the file", f"cannot be read ({error.strerror})")
    with os.fdopen(handle, "rb") as file:
        kind = _kind(os.fstat(file.fileno()).st_mode)
        if kind is not None:
            return None, _irregular(path, kind)
        try:
            return file.read(), None
        except OSError as error:
            return None, Problem(path.name, "", "the file", f"cannot be read ({error.strerror})")


def utf8_error(data: bytes) -> int | None:
    """The offset of the first byte that is not UTF-8 (``None``: all of it is UTF-8)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    for offset in range(0, len(data), _CHUNK):
        buffered = len(decoder.getstate()[0])
        try:
            decoder.decode(view[offset : offset + _CHUNK], final=offset + _CHUNK >= len(data))
        except UnicodeDecodeError as error:
            return offset - buffered + error.start
    return None


def without_bom(data: bytes) -> bytes:
    """The bytes of a UTF-8 file without its byte-order mark."""
    return data.removeprefix(_BOM)


def delimiter_of(first_line: str) -> str:
    """A CSV file's delimiter: ``;`` when its first line has more semicolons than commas."""
    return ";" if first_line.count(";") > first_line.count(",") else ","


def decimal_comma(text: str) -> tuple[str, str | None]:
    """A number cell of a decimal-comma file as the library reads it, or why it is refused.

    ``("25.5", None)`` for ``25,5``; the text as written for a number without a comma that is
    not ambiguous (``16.5``, ``16``); the text and a message for one that could be read two ways.
    """
    if _COMMA.match(text):
        return text.replace(",", "."), None
    if _BOTH.match(text):
        return text, (
            "a number with both a point and a comma: write it without thousands separators, "
            "with a decimal comma (1234,5)"
        )
    if _GROUPS.match(text):
        hint = f"write {text.replace('.', '')} if the point groups thousands"
        if text.count(".") == 1:
            hint += f", {text.replace('.', ',')} if it is the decimal point"
        return text, (
            "a point followed by three digits may be a thousands separator in a "
            f"semicolon-separated file: {hint}"
        )
    return text, None


def batch_folder(folder: Path) -> bool:
    """Whether ``folder`` holds the batch engine's tables (by their names, not any file).

    It does if it has ``registrations.csv`` or a Parquet file of one of :data:`BATCH_TABLES`;
    another Parquet file (a stray ``notes.parquet``) does not make a scenario folder one.
    """
    names = (f"{table}.parquet" for table in BATCH_TABLES)
    return any(os.path.lexists(folder / name) for name in ("registrations.csv", *names))
