"""Tables of text cells and their layout at a given width: the one table style of the library.

A :class:`Table` is what every table of the library is before it is written: a title, human
headers (with units), rows of text cells and the headers of its numeric columns. It becomes a
plain text table (:func:`render_plain`, for files, pipes and the pure library), a CSV file, or a
terminal table of the command line; all of them lay out columns by :func:`column_groups`.

Layout rules, the same for plain text and the terminal:

* a number or a word is never split over lines: a numeric column is at least as wide as its
  widest cell, a text column at least as wide as its longest word;
* a table wider than the page is cut into groups of columns, each repeating the first (key)
  column, one under the other;
* a text column that alone is wider than the page wraps between words.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import attrs

from banenafspraak._printable import printable

if TYPE_CHECKING:
    from banenafspraak.rulesets import Figure, QuotumResult

__all__ = [
    "Table",
    "column_groups",
    "figures_table",
    "fit_text",
    "is_number",
    "printable_table",
    "render_plain",
]

GAP = 2
"""Spaces between two columns of a plain table."""


def is_number(cell: str) -> bool:
    """The cell reads as a number (``1,560.00``, ``-2.5``, ``96.8 %``)."""
    text = cell.removesuffix("%").strip().lstrip("+-")
    return bool(text) and text.replace(",", "").replace(".", "").isdigit()


@attrs.frozen(kw_only=True)
class Table:
    """A titled table of text cells, for a terminal table, plain text or a CSV file.

    ``headers`` are for a person (``"levy (EUR)"``); ``keys``, when given, are the stable CSV
    column names (``"levy"``), one per header. ``numeric`` names the headers of the columns
    aligned right and never wrapped.
    """

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[str] = frozenset()
    keys: tuple[str, ...] = ()

    def is_numeric(self, column: int) -> bool:
        """Column ``column`` holds numbers (named in ``numeric``, or every cell reads as one)."""
        header = self.headers[column]
        if self.numeric:
            return header in self.numeric
        cells = [row[column] for row in self.rows if row[column] not in {"", "-"}]
        return bool(cells) and all(is_number(cell) for cell in cells)


def _longest_word(text: str) -> int:
    return max((len(word) for word in text.split()), default=0)


def _natural(table: Table, column: int) -> int:
    return max([len(table.headers[column]), *(len(row[column]) for row in table.rows)])


def _minimum(table: Table, column: int, *, numeric: bool, wrap_headers: bool) -> int:
    header = table.headers[column]
    head = _longest_word(header) if wrap_headers else len(header)
    if numeric:
        return max([head, *(len(row[column]) for row in table.rows)])
    return max([head, *(_longest_word(row[column]) for row in table.rows)])


def column_groups(
    table: Table, width: int | None, *, gap: int = GAP, wrap_headers: bool = False
) -> list[list[tuple[int, int]]]:
    """The table's columns in groups that fit ``width``: lists of ``(column, width)``.

    Every group after the first repeats column 0 (the key). Columns keep their natural width
    where the group fits; otherwise text columns narrow, never below their longest word. With
    ``width=None`` there is one group at natural widths.
    """
    count = len(table.headers)
    natural = [_natural(table, i) for i in range(count)]
    if width is None or count == 0:
        return [[(i, natural[i]) for i in range(count)]]
    numeric = [table.is_numeric(i) for i in range(count)]
    minimum = [
        _minimum(table, i, numeric=numeric[i], wrap_headers=wrap_headers) for i in range(count)
    ]

    def span(columns: Sequence[int], widths: Sequence[int]) -> int:
        return sum(widths[i] for i in columns) + gap * (len(columns) - 1)

    groups: list[list[int]] = []
    current = [0]
    for column in range(1, count):
        if len(current) == 1 or span([*current, column], natural) <= width:
            current.append(column)
        else:
            groups.append(current)
            current = [0, column]
    groups.append(current)
    return [_narrowed(group, natural, minimum, width, gap, numeric) for group in groups]


def _narrowed(  # noqa: PLR0917 - the parts of one layout step
    group: list[int],
    natural: Sequence[int],
    minimum: Sequence[int],
    width: int,
    gap: int,
    numeric: Sequence[bool],
) -> list[tuple[int, int]]:
    """The group's widths: natural, then the widest text columns narrowed until it fits."""
    widths = {i: natural[i] for i in group}
    excess = sum(widths.values()) + gap * (len(group) - 1) - width
    while excess > 0:
        shrinkable = [i for i in group if widths[i] > minimum[i] and not numeric[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1
        excess -= 1
    return [(i, widths[i]) for i in group]


def printable_table(table: Table) -> Table:
    """The table with every control character of its texts written as its escape.

    See :func:`~banenafspraak._printable.printable`: a cell is one line, so a line break in it is
    escaped too.
    """
    return attrs.evolve(
        table,
        title=printable(table.title, lines=True),
        headers=tuple(printable(h) for h in table.headers),
        rows=tuple(tuple(printable(cell) for cell in row) for row in table.rows),
        numeric=frozenset(printable(h) for h in table.numeric),
    )


def _wrap(cell: str, width: int) -> list[str]:
    if len(cell) <= width:
        return [cell]
    return textwrap.wrap(cell, width, break_long_words=False, break_on_hyphens=False) or [""]


def render_plain(table: Table, width: int | None = None) -> str:
    """The table as plain text: header, a rule of dashes, rows; no trailing spaces.

    Numeric columns are right-aligned. A table wider than ``width`` is written as groups of
    columns (see :func:`column_groups`). The title, if any, comes first. Control characters are
    written as escapes (:func:`printable_table`).
    """
    table = printable_table(table)
    parts: list[str] = []
    right = [table.is_numeric(i) for i in range(len(table.headers))]
    for group in column_groups(table, width):
        lines = [
            _line([(table.headers[i], w, False) for i, w in group]),
            (" " * GAP).join("-" * w for _i, w in group),
        ]
        for row in table.rows:
            cells = [_wrap(row[i], w) for i, w in group]
            lines.extend(
                _line(
                    [
                        (c[depth] if depth < len(c) else "", w, right[i])
                        for c, (i, w) in zip(cells, group, strict=True)
                    ]
                )
                for depth in range(max(len(c) for c in cells))
            )
        parts.append("\n".join(lines))
    body = "\n\n".join(parts)
    return f"{fit_text(table.title, width)}\n{body}" if table.title else body


def _line(cells: Sequence[tuple[str, int, bool]]) -> str:
    out = [cell.rjust(width) if right else cell.ljust(width) for cell, width, right in cells]
    return (" " * GAP).join(out).rstrip()


def fit_text(text: str, width: int | None) -> str:
    r"""Prose lines wrapped between words at ``width``, keeping each line's indentation.

    Control characters other than line breaks are written as escapes (``\x1b``).
    """
    text = printable(text, lines=True)
    if width is None:
        return text
    out: list[str] = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip())]
        out.extend(
            textwrap.wrap(
                line.strip(),
                width,
                initial_indent=indent,
                subsequent_indent=indent + "  ",
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
    return "\n".join(out)


def figures_table(
    results: Sequence[QuotumResult], *, title: str, cell: Callable[[Figure], str]
) -> Table:
    """Quotum results of one law as a table: the employer, its figures, the net effect.

    The columns are the figures of :meth:`~banenafspraak.QuotumResult.figures` with ``liable``
    and ``active`` first, then the net effect; the headers are the figures' labels with units,
    the keys their stable names. ``cell`` writes one figure.
    """
    from banenafspraak.rulesets import Figure  # noqa: PLC0415 - keeps this module light

    def ordered(result: QuotumResult) -> list[Figure]:
        figures = result.figures()
        front = [f for key in ("liable", "active") for f in figures if f.key == key]
        net = Figure(
            key="net_effect",
            label="net effect",
            value=result.net_effect,
            unit="EUR",
            unknown=True,
        )
        return [*front, *(f for f in figures if f.key not in {"liable", "active"}), net]

    first = ordered(results[0]) if results else []
    rows = []
    for result in results:
        figures = {f.key: f for f in ordered(result)}
        rows.append(
            (result.employer, *(cell(figures[f.key]) if f.key in figures else "" for f in first))
        )
    return Table(
        title=title,
        headers=("employer", *(f.header for f in first)),
        keys=("employer", *(f.key for f in first)),
        rows=tuple(rows),
        numeric=frozenset(f.header for f in first if f.unit),
    )
