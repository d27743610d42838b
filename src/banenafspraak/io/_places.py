"""Where a value of a scenario document came from: a JSON path, or a CSV file and row.

Every problem the loaders report names its place. A document read from JSON names places by JSON
path (``example.json $.placements[2].hours[0], end``); a document assembled from a folder of CSV
files keeps a map from document paths to the file and row each part came from
(``hours.csv row 7, end``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from banenafspraak.bsn import mask_id, mask_text
from banenafspraak.exceptions import Problem

__all__ = ["MISSING", "Path", "Places", "json_path", "value_at"]

Path = tuple[str | int, ...]
"""A path into a scenario document: keys of objects and indices of lists."""

MISSING = "nothing"
"""How a value that is not there is shown."""

_PERSON_ID_FIELDS = {("people", "id"), ("placements", "person")}
_SHORT = 60


def json_path(path: Sequence[str | int]) -> str:
    """A JSONPath-like text, such as ``$.placements[2].hours[0]``."""
    out = "$"
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.isidentifier():
            out += f".{part}"
        else:
            out += f"[{part!r}]"
    return out


def value_at(document: object, path: Path) -> object:
    """The value at ``path`` in ``document``, or :data:`MISSING` if it is not there."""
    node: Any = document
    for part in path:
        in_list = isinstance(part, int) and isinstance(node, list) and 0 <= part < len(node)
        in_object = isinstance(part, str) and isinstance(node, Mapping) and part in node
        if not (in_list or in_object):
            return MISSING
        node = node[part]
    return node


def show(value: object) -> str:
    """A short text for the value seen."""
    if value is MISSING:
        return MISSING
    if isinstance(value, Mapping):
        if "id" in value:
            return f"{{id: {show(value['id'])}, ...}}"
        text = "{" + ", ".join(f"{k}: {show(v)}" for k, v in value.items()) + "}"
    elif isinstance(value, list):
        text = f"a list of {len(value)}"
    elif isinstance(value, Decimal):
        text = str(value)
    elif isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = json.dumps(value)
    return text if len(text) <= _SHORT else text[: _SHORT - 3] + "..."


def _split(path: Path) -> tuple[Path, Path]:
    """The path of the item (up to the last list index) and the rest."""
    for cut in range(len(path) - 1, -1, -1):
        if isinstance(path[cut], int):
            return path[: cut + 1], path[cut + 1 :]
    if len(path) > 1:
        return path[:1], path[1:]
    return (), path


def _field_text(rest: Path) -> str:
    if not rest:
        return ""
    text = str(rest[0])
    for part in rest[1:]:
        text += f"[{part!r}]"
    return text


@attrs.frozen(kw_only=True)
class Places:
    """The places of one document: its file (or folder) and, for CSV, the rows of its parts.

    Args:
        source: the file or folder, as shown to the user.
        rows: for a document assembled from CSV files, a map from document paths to the place
            (``"hours.csv row 7"``) and, where the row's column differs from the document's
            last key, that column.
        full_ids: show BSNs in full (otherwise they are masked).
        unread: the sections (``employers``, ...) whose file could not be read: a reference to
            one of their items is not reported as unknown.
    """

    source: str
    rows: Mapping[Path, tuple[str, str | None]] | None = None
    full_ids: bool = False
    unread: frozenset[str] = frozenset()

    def place(self, path: Path) -> tuple[str, str]:
        """The location and field of a document path."""
        if self.rows is None:
            item, rest = _split(path)
            return f"{self.source} {json_path(item)}", _field_text(rest)
        for cut in range(len(path), -1, -1):
            found = self.rows.get(path[:cut])
            if found is not None:
                where, column = found
                return where, column if column is not None else _field_text(path[cut:])
        return self.source, _field_text(path)  # pragma: no cover - the folder itself is mapped

    def problem(self, path: Path, message: str, value: object, *, note: str = "") -> Problem:
        """A :class:`Problem` at ``path``, with the value seen (person ids masked)."""
        location, field = self.place(path)
        if note:
            location = f"{location} ({note})"
        seen = show(value)
        if len(path) >= 2 and (path[0], path[-1]) in _PERSON_ID_FIELDS and isinstance(value, str):  # noqa: PLR2004 - a section and a field
            seen = show(mask_id(value, full=self.full_ids))
        return self.masked(Problem(location, field, seen, message))

    def masked_text(self, text: str) -> str:
        """A text with every nine-digit run masked (unless full ids were asked for)."""
        return text if self.full_ids else mask_text(text)

    def masked(self, problem: Problem) -> Problem:
        """The problem with every BSN in it masked (unless full ids were asked for)."""
        if self.full_ids:
            return problem
        return Problem(
            mask_text(problem.location),
            mask_text(problem.field),
            mask_text(problem.value),
            mask_text(problem.message),
        )
