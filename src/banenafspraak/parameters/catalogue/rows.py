"""How a row of the catalogue is written: a reference, a dated row, a table, a yearly table.

The catalogue modules (one per law) write their tables with these short helpers, so that each
table reads as a list of rows: a start (a year or an ISO date), a value, the legal reference, the
tag (``V``, ``S``, ``D``, ``U``) and a note.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import attrs

from banenafspraak.parameters.model import DatedValue, Parameter, ParameterKind, Value
from banenafspraak.references import LegalReference, Tag

__all__ = ["BOOL", "DATE", "DEC", "INT", "ODATE", "ODEC", "D", "param", "ref", "row", "yearly"]


def ref(
    law: str, article: str = "", version: str | None = None, source: str = ""
) -> LegalReference:
    """A legal reference: the law, its article and the version date of the text read."""
    return LegalReference(law=law, article=article, version=version, source=source)


def row(
    start: str | int, value: Value, ref: LegalReference, tag: str, note: str = ""
) -> DatedValue:
    """A row from ``start`` (a year: its 1 January), with its reference, tag and note."""
    day = f"{start}-01-01" if isinstance(start, int) else start
    return DatedValue(start=day, value=value, reference=ref, tag=Tag(tag), note=note)


def param(
    name: str, description: str, unit: str, kind: ParameterKind, *rows: DatedValue
) -> Parameter:
    """A table of rows."""
    return Parameter(name=name, description=description, unit=unit, kind=kind, rows=rows)


D = Decimal
DEC, ODEC, INT, BOOL, DATE, ODATE = (
    ParameterKind.DECIMAL,
    ParameterKind.OPTIONAL_DECIMAL,
    ParameterKind.INTEGER,
    ParameterKind.BOOLEAN,
    ParameterKind.DATE,
    ParameterKind.OPTIONAL_DATE,
)
"""Short names of the kinds, for the rows of the catalogue."""


def yearly(  # noqa: PLR0917 - mirrors a catalogue row
    name: str,
    description: str,
    unit: str,
    kind: ParameterKind,
    values: Mapping[int, Value],
    ref: LegalReference,
    tag: str,
    *,
    tags: Mapping[int, str] | None = None,
    note: str = "",
) -> Parameter:
    """A yearly table (:attr:`Parameter.yearly`): one row per year, tagged per year if needed."""
    rows = [
        row(year, value, ref, (tags or {}).get(year, tag), note) for year, value in values.items()
    ]
    return attrs.evolve(param(name, description, unit, kind, *rows), yearly=True)
