"""Results as Arrow tables and pandas or polars data frames (optional extras).

A count has three tables: ``attributions`` (one row per placement, pay period and share),
``pools`` (one row per pool, with its monitoring) and ``employers`` (what is credited to each).
A quotum report has one table: one row per employer with every figure of the law's result
(:meth:`~banenafspraak.QuotumResult.figures`), whatever the law. The results' own methods call
this module: ``count.to_arrow("pools")``, ``count.to_pandas("attributions")``,
``report.to_polars()``.

``numbers`` chooses how exact numbers travel:

``"decimal"`` (the default)
    A column whose values all have a finite decimal expansion becomes an Arrow
    ``decimal128(38, scale)`` with the scale the most precise value needs: exact. A column with
    a value that has none (1,040/1,331 jobs, hours pro rata by days) or that needs more than 38
    digits becomes text, each value exact: a decimal string where the expansion ends
    (``"12.5"``), else the fraction (``"1040/1331"``). :func:`exact_number` (or
    ``fractions.Fraction``) reads either back exactly.
``"float"``
    Every number a 64-bit float, for convenience (plots, statistics); not exact.

pandas gets Arrow-backed columns (``pandas.ArrowDtype``) for decimals and dates, so nothing
becomes an ``object`` column, and the receipt in ``frame.attrs``; polars gets its own
``Decimal`` and ``Date`` types. Arrow tables carry the receipt in their schema's metadata
(``banenafspraak.receipt``, JSON). Person ids are masked when they look like a BSN, unless
``full_ids=True``.

Extras: ``arrow`` (pyarrow) for ``to_arrow``, ``pandas`` (pandas and pyarrow) for
``to_pandas``, ``polars`` (polars and pyarrow) for ``to_polars``. Without it, the call raises
:class:`~banenafspraak.MissingExtraError` naming the extra to install.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal, get_args

import attrs

from banenafspraak._util import as_fraction, decimal_places, scaled_fraction
from banenafspraak.bsn import mask_id
from banenafspraak.exceptions import InvalidTypeError, InvalidValueError, MissingExtraError

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]
    import polars as pl
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]

    from banenafspraak.counting import JobCount, QuotumReport, Receipt
    from banenafspraak.rulesets import QuotumResult

__all__ = [
    "COUNT_TABLES",
    "CountTable",
    "Numbers",
    "count_arrow",
    "count_pandas",
    "count_polars",
    "exact_number",
    "quotum_arrow",
    "quotum_pandas",
    "quotum_polars",
]

Numbers = Literal["decimal", "float"]
"""How numbers travel: exact decimals (or exact text) or 64-bit floats."""

CountTable = Literal["attributions", "pools", "employers"]
"""The tables of a count."""

COUNT_TABLES: tuple[CountTable, ...] = get_args(CountTable)

_MAX_DIGITS = 38
"""The precision of Arrow's ``decimal128``."""

_FEATURES = {
    "arrow": "results as Arrow tables",
    "pandas": "results as pandas data frames",
    "polars": "results as polars data frames",
}

Number = Fraction | Decimal | int
Cell = Number | str | bool | dt.date | None


@attrs.frozen
class _Column:
    """One column before it becomes Arrow: its name, its kind and its values."""

    name: str
    kind: Literal["number", "text", "bool", "date", "int"]
    values: tuple[Cell, ...]


def _module(name: str, feature: str, extra: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except ImportError as error:
        raise MissingExtraError(feature, extra) from error


def _check_numbers(numbers: str) -> None:
    if numbers not in get_args(Numbers):
        msg = f"numbers must be 'decimal' or 'float', got {numbers!r}"
        raise InvalidValueError(msg, field="numbers", value=numbers, expected="decimal or float")


def exact_number(value: object) -> Fraction | None:
    """A number cell of a table made here, read back exactly (``None`` for an empty cell).

    Takes a ``Decimal`` (a decimal column), a string (``"12.5"`` or ``"1040/1331"``, a text
    column) or an int. A float is refused: it is not exact.

    >>> exact_number("1040/1331") + exact_number(Decimal("0.5"))
    Fraction(3411, 2662)
    """
    expected = "an exact number (Decimal, int or text)"
    if value is None:
        return None
    if isinstance(value, Decimal | int | Fraction) and not isinstance(value, bool):
        return as_fraction(value)
    if isinstance(value, str):
        try:
            return Fraction(value)
        except ValueError:
            msg = f"expected {expected}, got {value!r}"
            raise InvalidValueError(msg, value=value, expected=expected) from None
    msg = f"expected {expected}, got {value!r}"
    raise InvalidTypeError(msg, value=value, expected=expected)


def _exact_text(value: Fraction) -> str:
    """A decimal string where the expansion ends, else ``numerator/denominator``: exact."""
    places = decimal_places(value)
    if places is None:
        return f"{value.numerator}/{value.denominator}"
    return format(scaled_fraction(value, places), "f")


def _decimal_scale(values: Sequence[Fraction | None]) -> int | None:
    """The scale of a ``decimal128`` that holds every value exactly, or ``None`` if none does."""
    scale = 0
    for value in values:
        if value is None:
            continue
        places = decimal_places(value)
        if places is None:
            return None
        scale = max(scale, places)
    widest = max((abs(v.numerator * 10**scale // v.denominator) for v in values if v), default=0)
    return scale if len(str(widest)) <= _MAX_DIGITS and scale <= _MAX_DIGITS else None


def _number_array(pa: ModuleType, values: Sequence[Cell], numbers: Numbers) -> Any:  # noqa: ANN401 - a pyarrow Array
    exact = [None if v is None else as_fraction(v) for v in values]  # type: ignore[arg-type]
    if numbers == "float":
        return pa.array([None if v is None else float(v) for v in exact], type=pa.float64())
    scale = _decimal_scale(exact)
    if scale is None:
        return pa.array([None if v is None else _exact_text(v) for v in exact], type=pa.string())
    decimals = [None if v is None else scaled_fraction(v, scale) for v in exact]
    return pa.array(decimals, type=pa.decimal128(_MAX_DIGITS, scale))


def _arrow(
    columns: Sequence[_Column], numbers: Numbers, metadata: Mapping[str, str], extra: str
) -> pa.Table:
    _check_numbers(numbers)
    pa = _module("pyarrow", _FEATURES[extra], extra)
    kinds: dict[str, Callable[[Sequence[Cell]], Any]] = {
        "number": lambda values: _number_array(pa, values, numbers),
        "text": lambda values: pa.array(values, type=pa.string()),
        "bool": lambda values: pa.array(values, type=pa.bool_()),
        "int": lambda values: pa.array(values, type=pa.int64()),
        "date": lambda values: pa.array(values, type=pa.date32()),
    }
    arrays = [kinds[c.kind](c.values) for c in columns]
    return pa.table(arrays, names=[c.name for c in columns], metadata=dict(metadata))


def _metadata(receipt: Receipt, numbers: Numbers) -> dict[str, str]:
    return {
        "banenafspraak.receipt": json.dumps(attrs.asdict(receipt), sort_keys=True),
        "banenafspraak.numbers": numbers,
    }


def _date(value: dt.date) -> dt.date:
    return dt.date(value.year, value.month, value.day)


def _attribution_columns(count: JobCount, *, full_ids: bool) -> list[_Column]:
    rows = count.attributions
    return [
        _Column("placement", "text", tuple(a.placement for a in rows)),
        _Column("person", "text", tuple(mask_id(a.person, full=full_ids) for a in rows)),
        _Column("employer", "text", tuple(a.employer for a in rows)),
        _Column("pay_period_start", "date", tuple(_date(a.pay_period.start) for a in rows)),
        _Column("pay_period_end", "date", tuple(_date(a.pay_period.end) for a in rows)),
        _Column("hours", "number", tuple(a.hours for a in rows)),
        _Column("jobs", "number", tuple(a.jobs for a in rows)),
        _Column("pool", "text", tuple(None if a.pool is None else a.pool.value for a in rows)),
        _Column("credited_to", "text", tuple(a.credited_to for a in rows)),
        _Column(
            "excluded_because",
            "text",
            tuple(None if a.excluded_because is None else a.excluded_because.code for a in rows),
        ),
        _Column("reasons", "text", tuple(" ".join(r.code for r in a.reasons) for a in rows)),
    ]


def _pool_columns(count: JobCount) -> list[_Column]:
    lines = count.monitoring
    return [
        _Column("pool", "text", tuple(m.pool.value for m in lines)),
        _Column("hours", "number", tuple(m.hours for m in lines)),
        _Column("jobs", "number", tuple(m.jobs for m in lines)),
        _Column("baseline_jobs", "number", tuple(m.baseline_jobs for m in lines)),
        _Column("extra_jobs", "number", tuple(m.extra_jobs for m in lines)),
        _Column("target", "number", tuple(m.target for m in lines)),
        _Column("met", "bool", tuple(m.met for m in lines)),
        _Column("shortfall", "number", tuple(m.shortfall for m in lines)),
    ]


def _employer_columns(count: JobCount) -> list[_Column]:
    names: dict[str, str] = {e.id: e.name for e in count.scenario.employers}
    items = tuple(count.employers.items())
    return [
        _Column("employer", "text", tuple(employer for employer, _ in items)),
        _Column("name", "text", tuple(names.get(employer) or None for employer, _ in items)),
        _Column("hours", "number", tuple(tally.hours for _, tally in items)),
        _Column("jobs", "number", tuple(tally.jobs for _, tally in items)),
    ]


def _count_columns(count: JobCount, table: str, *, full_ids: bool) -> list[_Column]:
    if table == "attributions":
        return _attribution_columns(count, full_ids=full_ids)
    if table == "pools":
        return _pool_columns(count)
    if table == "employers":
        return _employer_columns(count)
    known = ", ".join(COUNT_TABLES)
    msg = f"a count has the tables {known}; got {table!r}"
    raise InvalidValueError(msg, field="table", value=table, expected=known)


def _count_table(
    count: JobCount, table: CountTable, numbers: Numbers, *, full_ids: bool, extra: str
) -> pa.Table:
    columns = _count_columns(count, table, full_ids=full_ids)
    return _arrow(columns, numbers, _metadata(count.receipt, numbers), extra)


def count_arrow(
    count: JobCount, table: CountTable, *, numbers: Numbers = "decimal", full_ids: bool = False
) -> pa.Table:
    """One table of a count as a ``pyarrow.Table`` (needs the ``arrow`` extra).

    ``table`` is ``"attributions"``, ``"pools"`` or ``"employers"``; ``numbers`` is
    ``"decimal"`` or ``"float"`` (see the module docs). The schema's metadata carries the
    receipt (``banenafspraak.receipt``, JSON) and the choice of numbers.
    """
    return _count_table(count, table, numbers, full_ids=full_ids, extra="arrow")


def count_pandas(
    count: JobCount, table: CountTable, *, numbers: Numbers = "decimal", full_ids: bool = False
) -> pd.DataFrame:
    """One table of a count as a pandas data frame (needs the ``pandas`` extra)."""
    _module("pandas", _FEATURES["pandas"], "pandas")
    return _pandas(_count_table(count, table, numbers, full_ids=full_ids, extra="pandas"))


def count_polars(
    count: JobCount, table: CountTable, *, numbers: Numbers = "decimal", full_ids: bool = False
) -> pl.DataFrame:
    """One table of a count as a polars data frame (needs the ``polars`` extra)."""
    _module("polars", _FEATURES["polars"], "polars")
    return _polars(_count_table(count, table, numbers, full_ids=full_ids, extra="polars"))


def _figure_kind(values: Sequence[Cell], unit: str) -> Literal["number", "text", "bool"]:
    given = [v for v in values if v is not None]
    if given and all(isinstance(v, bool) for v in given):
        return "bool"
    if given and all(isinstance(v, str) for v in given):
        return "text"
    if not given:
        return "number" if unit else "text"
    return "number"


def _quotum_table(report: QuotumReport[QuotumResult], numbers: Numbers, extra: str) -> pa.Table:
    results = report.assessments
    columns = [
        _Column("employer", "text", tuple(r.employer for r in results)),
        _Column("rules", "text", tuple(r.rules for r in results)),
        _Column("year", "int", tuple(r.year for r in results)),
        _Column("liable", "bool", tuple(r.liable for r in results)),
        _Column("active", "bool", tuple(r.active for r in results)),
        _Column("net_effect", "number", tuple(r.net_effect for r in results)),
    ]
    taken = {c.name for c in columns}
    figures = [{f.key: f for f in r.figures()} for r in results]
    keys = list(dict.fromkeys(key for row in figures for key in row))
    for key in keys:
        if key in taken:
            continue
        values = tuple(row[key].value if key in row else None for row in figures)
        unit = next((row[key].unit for row in figures if key in row), "")
        kind = _figure_kind(values, unit)
        if kind == "number" and any(isinstance(v, bool | str) for v in values):
            kind = "text"
            values = tuple(None if v is None else str(v) for v in values)
        columns.append(_Column(key, kind, values))
    columns += [
        _Column("warnings", "text", tuple("; ".join(r.warnings) or None for r in results)),
        _Column("reasons", "text", tuple(" ".join(x.code for x in r.reasons) for r in results)),
    ]
    return _arrow(columns, numbers, _metadata(report.receipt, numbers), extra)


def quotum_arrow(report: QuotumReport[QuotumResult], *, numbers: Numbers = "decimal") -> pa.Table:
    """A quotum report as a ``pyarrow.Table``: one row per employer (needs the ``arrow`` extra).

    Columns: ``employer``, ``rules``, ``year``, ``liable``, ``active``, ``net_effect``, then
    every figure of the law's result by its key (the same for every employer under one law),
    then ``warnings`` (joined by ``"; "``) and ``reasons`` (the rule codes, joined by spaces).
    A figure that is a yes/no is a boolean column, a word a text column, a number as
    ``numbers`` says.
    """
    return _quotum_table(report, numbers, "arrow")


def quotum_pandas(
    report: QuotumReport[QuotumResult], *, numbers: Numbers = "decimal"
) -> pd.DataFrame:
    """A quotum report as a pandas data frame (needs the ``pandas`` extra)."""
    _module("pandas", _FEATURES["pandas"], "pandas")
    return _pandas(_quotum_table(report, numbers, "pandas"))


def quotum_polars(
    report: QuotumReport[QuotumResult], *, numbers: Numbers = "decimal"
) -> pl.DataFrame:
    """A quotum report as a polars data frame (needs the ``polars`` extra)."""
    _module("polars", _FEATURES["polars"], "polars")
    return _polars(_quotum_table(report, numbers, "polars"))


def _pandas_type(pd: ModuleType, pa: ModuleType) -> Callable[[Any], Any]:
    def mapper(arrow_type: Any) -> Any:  # noqa: ANN401 - pyarrow and pandas types
        if pa.types.is_decimal(arrow_type) or pa.types.is_date(arrow_type):
            return pd.ArrowDtype(arrow_type)
        return None

    return mapper


def _pandas(table: pa.Table) -> pd.DataFrame:
    """Decimal and date columns stay Arrow-backed; the metadata goes to ``frame.attrs``."""
    pd = _module("pandas", _FEATURES["pandas"], "pandas")
    pa = _module("pyarrow", _FEATURES["pandas"], "pandas")
    frame = table.to_pandas(types_mapper=_pandas_type(pd, pa))
    metadata = table.schema.metadata or {}
    for key, value in metadata.items():
        frame.attrs[key.decode()] = value.decode()
    return frame


def _polars(table: pa.Table) -> pl.DataFrame:
    polars = _module("polars", _FEATURES["polars"], "polars")
    frame: pl.DataFrame = polars.from_arrow(table)
    return frame
