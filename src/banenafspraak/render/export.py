"""Results as JSON documents, CSV tables and Excel workbooks, with stable keys and exact numbers.

The command line prints these; reporting systems read them. Every document carries the
:class:`~banenafspraak.Receipt` of its result (library version, rule set and its version, a digest
of the parameters in force and one of the scenario), so that it can be reproduced. This module
needs no optional extra; the results' own ``to_dict()`` and ``to_json()`` call it:

>>> import json
>>> from banenafspraak import count_jobs
>>> from banenafspraak.demo import example_scenario
>>> document = count_document(count_jobs(example_scenario(), rules="wbqa-2015", year=2019))
>>> document["pools"]["government"]
{'hours': '4422', 'jobs': '3.322314049587'}
>>> json.loads(json.dumps(document)) == document
True

``count`` (:func:`count_document`)
    ``kind`` (``"count"``), ``rules``, ``year`` (``null`` for a period that is not a calendar
    year), ``period``, ``pools`` (pool -> ``{"hours", "jobs"}``), ``employers`` (employer id ->
    ``{"hours", "jobs"}`` credited to it), ``input_hours``, ``counted_hours``,
    ``excluded_hours``, ``monitoring`` (pool -> ``{"hours", "jobs", "baseline_jobs",
    "extra_jobs", "target", "met", "shortfall"}``), ``warnings`` (a list of sentences: no hours
    in the period, a target carried past its last year), ``attributions`` (one object per placement,
    pay period and share: ``placement``, ``person``, ``employer``, ``pay_period`` ``{"start",
    "end"}``, ``hours``, ``jobs``, ``pool``, ``credited_to``, ``excluded_because`` (a rule code or
    ``null``), ``reasons`` (``{"code", "text", "detail", "reference", "url", "tag"}``)),
    ``receipt``.
``quotum`` (:func:`quotum_document`)
    ``kind`` (``"quotum"``), ``rules``, ``year``, ``employers`` (employer id -> ``liable``,
    ``active``, ``net_effect``, then every figure of the law's result by its key
    (:meth:`~banenafspraak.QuotumResult.figures`: under ``wbqa-2015`` ``sector``,
    ``total_hours``, ``percentage``, ``credited_hours``, ``required_hours``, ``shortfall_jobs``,
    ``levy``, ``levied``; under the national instrument ``sector``, ``small_employer``,
    ``surcharge_base``, ``surcharge_rate``, ``surcharge``, ``credited_hours``, ``bonus_hours``,
    ``bonus``, ``lkv``, ``surcharge_status``), ``warnings`` and ``reasons``), ``warnings`` (the
    count's and every employer's), ``receipt``.
``comparison`` (:func:`comparison_document`)
    ``kind`` (``"comparison"``), ``year``, ``rules`` (the rule sets, in order), ``pools`` (pool ->
    rule set -> ``{"hours", "jobs"}``, ``null`` where a rule set has no such pool),
    ``employers`` (employer id -> rule set -> ``{"hours", "jobs"}`` credited),
    ``excluded_hours`` (rule set -> hours), ``warnings`` (rule set -> list), ``receipts`` (rule
    set -> receipt); when made from a
    :class:`~banenafspraak.Comparison` also ``net_effect`` (employer id -> rule set -> EUR, the
    cost (negative) or gain of the quotum instrument) and ``differences`` (a list of
    ``{"subject", "measure", "reference", "rules", "before", "after", "change", "placements",
    "reasons"}``; each placement ``{"placement", "before", "after", "change", "reasons_before",
    "reasons_after"}`` with reason codes).

Numbers are decimal strings: exact where the decimal expansion ends, else 12 decimals. An Excel
workbook (:func:`to_xlsx`, the ``xlsx`` extra) holds the CSV tables, one per sheet, with the
numbers of up to 15 significant digits as number cells and longer ones as their decimal text.

Safe to open and to share
    :func:`to_csv` neutralises every text cell a spreadsheet would run as a formula, following
    the OWASP guidance on CSV injection: a cell that starts with ``=``, ``+``, ``-``, ``@``, a
    tab or a carriage return gets a single quote in front (``'=1+2``), unless the cell is a plain
    number (``-12.5`` stays a number). :func:`to_xlsx` does the same, and also stores every
    text cell as text, so that a spreadsheet never reads one as a formula.
    :func:`masked_document` and :func:`masked_table` mask
    every run of nine digits (a BSN can hide in any id or name) in every text, unless full ids
    are asked for; numbers under the keys of numbers are left whole.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Protocol, TextIO

import attrs

from banenafspraak._util import to_decimal_string
from banenafspraak.bsn import mask_id, mask_text
from banenafspraak.comparing import Comparison, Difference
from banenafspraak.counting import JobCount, Monitoring, QuotumReport, Receipt, Tally
from banenafspraak.exceptions import InvalidTypeError, InvalidValueError
from banenafspraak.periods import Period
from banenafspraak.render.layout import Table, figures_table
from banenafspraak.rulesets import Attribution, Figure, FigureValue, QuotumResult, Reason
from banenafspraak.sectors import Pool

__all__ = [
    "Table",
    "attribution_document",
    "attributions_table",
    "comparison_document",
    "comparison_rows",
    "comparison_tables",
    "count_document",
    "count_tables",
    "differences_table",
    "exact",
    "masked_document",
    "masked_table",
    "quotum_document",
    "quotum_table",
    "receipt_document",
    "restored_cell",
    "result_document",
    "safe_cell",
    "to_csv",
    "to_xlsx",
    "totals_document",
    "totals_tables",
    "write_count_csv",
    "write_csv",
    "write_json",
]

Number = Fraction | Decimal | int
Formatter = Callable[[Number | None], str | None]


def exact(value: Number | None) -> str | None:
    """An exact number as a decimal string (``None`` stays ``None``)."""
    return to_decimal_string(value)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP, CSV injection)."""
_PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?(/\d+)?")
"""A number as this library writes one: it stays a number in a spreadsheet, and is safe."""
_ID_KEYS = frozenset(
    {
        "id",
        "placement",
        "placements",
        "person",
        "people",
        "employer",
        "hirer",
        "credited_to",
        "contract",
        "buyer",
        "supplier",
        "name",
        "source",
    }
)
"""Keys whose strings are ids or names, never numbers: they are masked even when all digits."""


def safe_cell(cell: str) -> str:
    """A CSV cell a spreadsheet will not run: formula-like text gets a leading single quote.

    Formula-like is text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return, after any single quotes of its own; a plain number is not. The quote is reversible:
    :func:`restored_cell` takes it off again, and nothing else.

    >>> safe_cell("=HYPERLINK(1)"), safe_cell("-12.5"), safe_cell("-x"), safe_cell("G")
    ("'=HYPERLINK(1)", '-12.5', "'-x", 'G')
    >>> safe_cell("'=1"), safe_cell("'s-Hertogenbosch")
    ("''=1", "'s-Hertogenbosch")
    """
    if cell.lstrip("'").startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def restored_cell(cell: str) -> str:
    """The text :func:`safe_cell` was given: the quote before formula-like text taken off.

    A spreadsheet user types ``'=x`` for the text ``=x``, and reads it so; a quote before any
    other text (``'s-Hertogenbosch``) is part of the text.

    >>> restored_cell("'=HYPERLINK(1)"), restored_cell("''=1"), restored_cell("'s-Hertogenbosch")
    ('=HYPERLINK(1)', "'=1", "'s-Hertogenbosch")
    """
    if cell.startswith("'") and cell.lstrip("'").startswith(_FORMULA_START):
        return cell[1:]
    return cell


def to_csv(table: Table) -> str:
    """A table as CSV text, formula-like text cells neutralised.

    The header row holds the stable keys, or the headers when the table has none.
    """
    out = io.StringIO()
    write_csv(table, out)
    return out.getvalue()


def write_csv(table: Table, out: TextIO, *, rows: Iterable[Sequence[str]] | None = None) -> None:
    """Write a table as CSV to ``out`` row by row, formula-like text cells neutralised.

    ``rows``, when given, are written instead of the table's own rows: an iterator of rows is
    written as it is produced, never held as a whole (the attributions of a national year).
    """
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([safe_cell(h) for h in (table.keys or table.headers)])
    for row in table.rows if rows is None else rows:
        writer.writerow([safe_cell(cell) for cell in row])


def to_xlsx(tables: Mapping[str, Table], path: str | os.PathLike[str]) -> Path:
    """Tables as an Excel workbook at ``path``, a sheet per table by its name (the ``xlsx`` extra).

    Each sheet holds what :func:`to_csv` writes for its table, cell for cell: the same header
    row, formula-like text neutralised the same way and stored as text. A cell of a numeric
    column is a number cell when it has at most 15 significant digits (a spreadsheet holds
    those exactly, and reads back the same decimal); a longer one stays its exact decimal
    string, as text. Mask the tables first (:func:`masked_table`) as for CSV.

    Raises:
        MissingExtraError: the ``xlsx`` extra (openpyxl) is not installed.
    """
    from banenafspraak._workbook import number_value, write_sheets  # noqa: PLC0415 - light import

    numeric: dict[str, frozenset[str]] = {}
    sheets: dict[str, list[list[str]]] = {}
    for name, table in tables.items():
        header = list(table.keys or table.headers)
        numeric[name] = frozenset(h for i, h in enumerate(header) if table.is_numeric(i))
        sheets[name] = [
            [safe_cell(h) for h in header],
            *([safe_cell(cell) for cell in row] for row in table.rows),
        ]

    def typed(sheet: str, column: str, text: str) -> object:
        number = number_value(text) if column in numeric[sheet] else None
        return text if number is None else number

    return write_sheets(
        Path(path), sheets, typed=typed, feature="banenafspraak.render.export.to_xlsx"
    )


def masked_table(table: Table, *, full_ids: bool = False) -> Table:
    """The table with every nine-digit run masked in its text columns (not in its numbers)."""
    if full_ids:
        return table
    rows = tuple(masked_rows(table, table.rows))
    return attrs.evolve(table, title=mask_text(table.title), rows=rows)


def masked_rows(
    table: Table, rows: Iterable[Sequence[str]], *, full_ids: bool = False
) -> Iterator[tuple[str, ...]]:
    """Rows of ``table``'s columns, one at a time, nine-digit runs masked in the text columns."""
    numeric = {i for i, header in enumerate(table.headers) if header in table.numeric}
    for row in rows:
        if full_ids:
            yield tuple(row)
            continue
        yield tuple(
            cell if i in numeric and _PLAIN_NUMBER.fullmatch(cell) else mask_text(cell)
            for i, cell in enumerate(row)
        )


def masked_document(document: object, *, full_ids: bool = False, key: str = "") -> Any:  # noqa: ANN401 - any JSON value
    """A JSON document with every nine-digit run masked in its texts and keys.

    A plain number under a key that is not one of ids or names is left whole: hours and jobs
    are numbers, not BSNs.
    """
    if full_ids:
        return document
    if isinstance(document, str):
        if key not in _ID_KEYS and _PLAIN_NUMBER.fullmatch(document):
            return document
        return mask_text(document)
    if isinstance(document, Mapping):
        return {mask_text(str(k)): masked_document(v, key=str(k)) for k, v in document.items()}
    if isinstance(document, list | tuple):
        return [masked_document(v, key=key) for v in document]
    return document


def write_json(document: object, out: TextIO, *, full_ids: bool = False) -> None:
    """Write a JSON document to ``out``, list item by list item, then a newline.

    The text is what ``json.dumps(masked_document(document), indent=2, ensure_ascii=False)``
    gives, but a list of the document may be an iterator (the lazy documents of
    :func:`count_document`, :func:`comparison_document` and :func:`result_document`): its items
    are made, masked and written one at a time, so that the text of a million attributions is
    never held in memory. Every nine-digit run is masked as :func:`masked_document` masks it,
    unless ``full_ids``.
    """
    _write_json(document, out, full_ids=full_ids, key="", level=0)
    out.write("\n")


def _write_json(value: object, out: TextIO, *, full_ids: bool, key: str, level: int) -> None:
    inner = "\n" + "  " * (level + 1)
    if isinstance(value, Mapping) and value:
        out.write("{")
        for number, (name, item) in enumerate(value.items()):
            shown = str(name) if full_ids else mask_text(str(name))
            out.write(("," if number else "") + inner + json.dumps(shown, ensure_ascii=False))
            out.write(": ")
            _write_json(item, out, full_ids=full_ids, key=str(name), level=level + 1)
        out.write("\n" + "  " * level + "}")
    elif isinstance(value, Iterator):
        out.write("[")
        written = False
        for item in value:
            out.write(("," if written else "") + inner + _dumped(item, full_ids, key, level + 1))
            written = True
        out.write(("\n" + "  " * level + "]") if written else "]")
    else:
        out.write(_dumped(value, full_ids, key, level))


def _dumped(value: object, full_ids: bool, key: str, level: int) -> str:  # noqa: FBT001
    masked = masked_document(value, full_ids=full_ids, key=key)
    text = json.dumps(masked, indent=2, ensure_ascii=False)
    return text.replace("\n", "\n" + "  " * level) if level else text


def receipt_document(receipt: Receipt) -> dict[str, str]:
    """A receipt as a JSON object."""
    return attrs.asdict(receipt)


def _tally(tally: Tally) -> dict[str, str | None]:
    return {"hours": exact(tally.hours), "jobs": exact(tally.jobs)}


def _reason(reason: Reason) -> dict[str, str | None]:
    return {
        "code": reason.code,
        "text": reason.text,
        "detail": reason.detail,
        "reference": str(reason.reference),
        "url": reason.reference.url,
        "tag": reason.tag.value,
    }


def attribution_document(attribution: Attribution, *, full_ids: bool = False) -> dict[str, Any]:
    """One attribution as a JSON object (the person's id masked if it is a BSN)."""
    a = attribution
    return {
        "placement": a.placement,
        "person": mask_id(a.person, full=full_ids),
        "employer": a.employer,
        "pay_period": {
            "start": a.pay_period.start.isoformat(),
            "end": a.pay_period.end.isoformat(),
        },
        "hours": exact(a.hours),
        "jobs": exact(a.jobs),
        "pool": None if a.pool is None else a.pool.value,
        "credited_to": a.credited_to,
        "excluded_because": None if a.excluded_because is None else a.excluded_because.code,
        "reasons": [_reason(r) for r in a.reasons],
    }


class CountTotals(Protocol):
    """What a count of either engine has: the totals (``JobCount`` and the batch ``BatchCount``)."""

    @property
    def rules(self) -> str: ...
    @property
    def period(self) -> Period: ...
    @property
    def pools(self) -> Mapping[Pool, Tally]: ...
    @property
    def employers(self) -> Mapping[Any, Tally]: ...
    @property
    def input_hours(self) -> Fraction: ...
    @property
    def counted_hours(self) -> Fraction: ...
    @property
    def excluded_hours(self) -> Fraction: ...
    @property
    def monitoring(self) -> tuple[Monitoring, ...]: ...
    @property
    def receipt(self) -> Receipt: ...


def count_document(
    count: JobCount, *, full_ids: bool = False, lazy: bool = False
) -> dict[str, Any]:
    """A :func:`~banenafspraak.count_jobs` result as a JSON object (see the module docs).

    ``lazy``: the attributions as an iterator of their objects, made as :func:`write_json`
    writes them.
    """
    document = totals_document(count)
    attributions = (attribution_document(a, full_ids=full_ids) for a in count.attributions)
    document["attributions"] = attributions if lazy else list(attributions)
    document["receipt"] = receipt_document(count.receipt)
    return document


def totals_document(count: CountTotals, *, engine: str = "pure") -> dict[str, Any]:
    """The totals of a count of either engine, without the attributions.

    A count of the batch engine has no ``attributions`` (a national year has millions;
    ``banenafspraak explain`` gives the attributions of one placement).
    """
    return {
        "kind": "count",
        "engine": engine,
        "rules": count.rules,
        "year": count.period.start.year if count.period.is_calendar_year() else None,
        "period": str(count.period),
        "pools": {pool.value: _tally(tally) for pool, tally in count.pools.items()},
        "employers": {employer: _tally(tally) for employer, tally in count.employers.items()},
        "input_hours": exact(count.input_hours),
        "counted_hours": exact(count.counted_hours),
        "excluded_hours": exact(count.excluded_hours),
        "monitoring": {
            m.pool.value: {
                "hours": exact(m.hours),
                "jobs": exact(m.jobs),
                "baseline_jobs": exact(m.baseline_jobs),
                "extra_jobs": exact(m.extra_jobs),
                "target": exact(m.target),
                "met": m.met,
                "shortfall": exact(m.shortfall),
            }
            for m in count.monitoring
        },
        "warnings": list(getattr(count, "warnings", ())),
        "receipt": receipt_document(count.receipt),
    }


def _figure(value: FigureValue) -> str | bool | None:
    if value is None or isinstance(value, (bool, str)):
        return value
    return exact(value)


def _assessment(a: QuotumResult) -> dict[str, Any]:
    document: dict[str, Any] = {
        "liable": a.liable,
        "active": a.active,
        "net_effect": None if a.net_effect is None else exact(a.net_effect),
    }
    document.update({f.key: _figure(f.value) for f in a.figures()})
    document["warnings"] = list(a.warnings)
    document["reasons"] = [_reason(r) for r in a.reasons]
    return document


def quotum_document(report: QuotumReport[QuotumResult]) -> dict[str, Any]:
    """A :func:`~banenafspraak.assess_quotum` result as a JSON object (see the module docs)."""
    return {
        "kind": "quotum",
        "rules": report.rules,
        "year": report.year,
        "employers": {a.employer: _assessment(a) for a in report.assessments},
        "warnings": list(report.warnings),
        "receipt": receipt_document(report.receipt),
    }


def comparison_document(
    counts: Mapping[str, CountTotals],
    *,
    year: int,
    comparison: Comparison | None = None,
    lazy: bool = False,
) -> dict[str, Any]:
    """The same scenario counted under several rule sets, side by side (see the module docs).

    With ``comparison``, the document also has the net effect of the quotum instrument per
    employer and every difference against the first rule set, with the placements behind it;
    ``lazy``: the differences as an iterator, made as :func:`write_json` writes them.
    """
    pools = sorted({pool.value for count in counts.values() for pool in count.pools})
    employers = _credited_employers(counts)
    document = {
        "kind": "comparison",
        "year": year,
        "rules": list(counts),
        "pools": {
            pool: {
                rules: _tally(count.pools[pool]) if pool in count.pools else None  # type: ignore[index]
                for rules, count in counts.items()
            }
            for pool in pools
        },
        "employers": {
            employer: {rules: _tally(_credit(count, employer)) for rules, count in counts.items()}
            for employer in employers
        },
        "excluded_hours": {rules: exact(count.excluded_hours) for rules, count in counts.items()},
        "warnings": {
            rules: list(getattr(count, "warnings", ())) for rules, count in counts.items()
        },
        "receipts": {rules: receipt_document(count.receipt) for rules, count in counts.items()},
    }
    if comparison is not None:
        document["net_effect"] = {
            line.employer: {
                rules: exact(figures.net_effect) for rules, figures in line.figures.items()
            }
            for line in comparison.employers
        }
        differences = (_difference(d) for d in comparison.differences)
        document["differences"] = differences if lazy else list(differences)
    return document


def result_document(kind: str, result: object, *, lazy: bool = False) -> dict[str, Any]:
    """Any frozen result of the library as a JSON object (the reports of ``banenafspraak.reports``).

    Fields become keys; exact numbers become decimal strings; enums their values; dates ISO
    text; reasons ``{"code", "text", "detail", "reference", "url", "tag"}``; receipts as in
    :func:`receipt_document`. Fields kept out of comparisons (the full counts a result rests on)
    are left out. ``lazy``: the result's lists (a spell per placement) as iterators, made as
    :func:`write_json` writes them.
    """
    if not attrs.has(type(result)):
        msg = f"expected an attrs result, got {type(result).__name__}"
        raise InvalidTypeError(msg)
    fields = [f for f in attrs.fields(type(result)) if f.eq]  # type: ignore[arg-type]
    document: dict[str, Any] = {"kind": kind}
    for f in fields:
        value = getattr(result, f.name)
        if lazy and isinstance(value, tuple | list):
            document[f.name] = (_plain_result(item) for item in value)
        else:
            document[f.name] = _plain_result(value)
    return document


def _plain_result(value: object) -> object:  # noqa: PLR0911 - one branch per kind of value
    if isinstance(value, Reason):
        return _reason(value)
    if isinstance(value, Receipt):
        return receipt_document(value)
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))  # type: ignore[arg-type]
        return {f.name: _plain_result(getattr(value, f.name)) for f in fields if f.eq}
    if isinstance(value, Mapping):
        return {str(_plain_result(k)): _plain_result(v) for k, v in value.items()}
    if isinstance(value, tuple | list | frozenset | set):
        return [_plain_result(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | Fraction | Decimal):
        return exact(value)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def _difference(difference: Difference) -> dict[str, Any]:
    return {
        "subject": difference.subject,
        "measure": difference.measure,
        "reference": difference.reference,
        "rules": difference.rules,
        "before": exact(difference.before),
        "after": exact(difference.after),
        "change": exact(difference.change),
        "placements": [
            {
                "placement": p.placement,
                "before": exact(p.before),
                "after": exact(p.after),
                "change": exact(p.change),
                "reasons_before": [r.code for r in p.reasons_before],
                "reasons_after": [r.code for r in p.reasons_after],
            }
            for p in difference.placements
        ],
        "reasons": [r.code for r in difference.reasons],
    }


def differences_table(comparison: Comparison, *, number: Formatter = exact) -> Table:
    """Every difference against the first rule set, with the placements behind it."""
    rows = [
        (
            d.subject,
            d.measure,
            d.rules,
            number(d.before) or "0",
            number(d.after) or "0",
            number(d.change) or "0",
            ", ".join(f"{p.placement} ({number(p.change)})" for p in d.placements)
            or ", ".join(r.code for r in d.reasons),
        )
        for d in comparison.differences
    ]
    return Table(
        title=f"What changes against {comparison.reference}, and why",
        headers=("subject", "measure", "rule set", "before", "after", "change", "because of"),
        rows=tuple(rows),
        numeric=frozenset({"before", "after", "change"}),
    )


def _credit(count: CountTotals, employer: str) -> Tally:
    """What ``count`` credits to ``employer`` (nothing is a zero tally)."""
    return count.employers.get(employer, Tally())


def _credited_employers(counts: Mapping[str, CountTotals]) -> list[str]:
    """Every employer of the scenario, in the order of ids, then any other credited one."""
    order: dict[str, None] = {}
    for count in counts.values():
        scenario = getattr(count, "scenario", None)
        if scenario is not None:
            order.update(dict.fromkeys(e.id for e in scenario.employers))
        order.update(dict.fromkeys(count.employers))
    return list(order)


# -- tables ----------------------------------------------------------------------------------


_PLACEMENTS = Table(
    title="Where each placement counts",
    headers=(
        "placement",
        "person",
        "kind",
        "employer",
        "hours",
        "jobs",
        "pool",
        "credited to",
        "rule",
    ),
    rows=(),
    numeric=frozenset({"hours", "jobs"}),
)
"""The placements table of a count, without its rows."""
_ATTRIBUTIONS = Table(
    title="Attributions per pay period",
    headers=(
        "placement",
        "person",
        "employer",
        "start",
        "end",
        "hours",
        "jobs",
        "pool",
        "credited_to",
        "excluded_because",
        "reasons",
    ),
    rows=(),
    numeric=frozenset({"hours", "jobs"}),
)
"""The attributions table of a count, without its rows."""


def _placement_rows(
    count: JobCount, number: Formatter, hours_number: Formatter, *, full_ids: bool
) -> Iterator[tuple[str, ...]]:
    for placement in count.scenario.placements:
        attributions = count.for_placement(placement.id)
        if not attributions:
            continue
        hours = sum((a.hours for a in attributions), Fraction(0))
        jobs = sum((a.jobs for a in attributions), Fraction(0))
        pools = sorted({a.pool.value if a.pool else "-" for a in attributions})
        credit = sorted({a.credited_to or "-" for a in attributions})
        last = attributions[-1]
        decisive = last.excluded_because or (last.reasons[-1] if last.reasons else None)
        yield (
            placement.id,
            mask_id(placement.person, full=full_ids),
            placement.kind.value,
            placement.employer,
            hours_number(hours) or "",
            number(jobs) or "",
            "+".join(pools),
            "+".join(credit),
            decisive.code if decisive else "-",
        )


def _attribution_rows(
    attributions: Iterable[Attribution], number: Formatter, hours: Formatter, *, full_ids: bool
) -> Iterator[tuple[str, ...]]:
    for a in attributions:
        yield (
            a.placement,
            mask_id(a.person, full=full_ids),
            a.employer,
            a.pay_period.start.isoformat(),
            a.pay_period.end.isoformat(),
            hours(a.hours) or "-",
            number(a.jobs) or "-",
            a.pool.value if a.pool else "",
            a.credited_to or "",
            a.excluded_because.code if a.excluded_because else "",
            " ".join(r.code for r in a.reasons),
        )


def _employers_table(count: JobCount, number: Formatter, hours: Formatter) -> Table:
    """The employers table of a count, with each employer's name."""
    credited = totals_tables(count, number=number, hours=hours)["employers"]
    names: dict[str, str] = {e.id: e.name for e in count.scenario.employers}
    return attrs.evolve(
        credited,
        headers=("employer", "name", "hours", "jobs"),
        rows=tuple((row[0], names.get(row[0], ""), *row[1:]) for row in credited.rows),
    )


def write_count_csv(
    count: JobCount,
    out: TextIO,
    *,
    table: str = "attributions",
    placement: str | None = None,
    full_ids: bool = False,
) -> None:
    """One table of :func:`count_tables` as CSV, written to ``out`` row by row.

    ``table`` is ``pools``, ``employers``, ``placements`` or ``attributions``; ``placement``
    limits the attributions to that placement's. The rows of placements and attributions are
    made as they are written, never held as a whole. Nine-digit runs are masked as
    :func:`masked_table` masks them, unless ``full_ids``.
    """
    rows: Iterable[Sequence[str]]
    if table == "attributions":
        chosen = count.attributions if placement is None else count.for_placement(placement)
        header, rows = _ATTRIBUTIONS, _attribution_rows(chosen, exact, exact, full_ids=full_ids)
    elif table == "placements":
        header, rows = _PLACEMENTS, _placement_rows(count, exact, exact, full_ids=full_ids)
    elif table == "employers":
        header = _employers_table(count, exact, exact)
        rows = header.rows
    elif table == "pools":
        header = totals_tables(count)["pools"]
        rows = header.rows
    else:
        msg = f"a count has the tables pools, employers, placements and attributions, not {table!r}"
        raise InvalidValueError(msg)
    write_csv(header, out, rows=masked_rows(header, rows, full_ids=full_ids))


def count_tables(
    count: JobCount,
    *,
    number: Formatter = exact,
    hours: Formatter = exact,
    full_ids: bool = False,
) -> dict[str, Table]:
    """The tables of a count: ``pools``, ``employers``, ``placements`` and ``attributions``.

    ``number`` writes jobs and ``hours`` hours (exact decimal strings by default; rounding
    formatters for a person to read).
    """
    rows = _placement_rows(count, number, hours, full_ids=full_ids)
    placements = attrs.evolve(_PLACEMENTS, rows=tuple(rows))
    return {
        "pools": totals_tables(count, number=number, hours=hours)["pools"],
        "employers": _employers_table(count, number, hours),
        "placements": placements,
        "attributions": attributions_table(count, number=number, hours=hours, full_ids=full_ids),
    }


def attributions_table(
    count: JobCount,
    *,
    placement: str | None = None,
    number: Formatter = exact,
    hours: Formatter = exact,
    full_ids: bool = False,
) -> Table:
    """The ``attributions`` table of :func:`count_tables`, or only one ``placement``'s rows.

    One placement's rows (what ``banenafspraak explain`` writes) come from the count's index,
    without the other tables or the other placements' rows.
    """
    chosen = count.attributions if placement is None else count.for_placement(placement)
    rows = _attribution_rows(chosen, number, hours, full_ids=full_ids)
    return attrs.evolve(_ATTRIBUTIONS, rows=tuple(rows))


def totals_tables(
    count: CountTotals, *, number: Formatter = exact, hours: Formatter = exact
) -> dict[str, Table]:
    """The ``pools`` and ``employers`` tables of a count of either engine."""

    def cell(value: Number | None) -> str:
        return number(value) or "-"

    pools = Table(
        title="Pools against their baseline and target",
        headers=(
            "pool",
            "hours",
            "jobs",
            "baseline (jobs)",
            "extra jobs",
            "target (jobs)",
            "result",
        ),
        keys=("pool", "hours", "jobs", "baseline", "extra jobs", "target", "result"),
        rows=tuple(
            (
                m.pool.value,
                hours(m.hours) or "-",
                cell(m.jobs),
                cell(m.baseline_jobs),
                cell(m.extra_jobs),
                cell(m.target),
                "-" if m.met is None else ("met" if m.met else "missed"),
            )
            for m in count.monitoring
        ),
        numeric=frozenset({"hours", "jobs", "baseline (jobs)", "extra jobs", "target (jobs)"}),
    )
    employers = Table(
        title="Credited to each employer",
        headers=("employer", "hours", "jobs"),
        rows=tuple(
            (employer, hours(tally.hours) or "-", cell(tally.jobs))
            for employer, tally in count.employers.items()
        ),
        numeric=frozenset({"hours", "jobs"}),
    )
    return {"pools": pools, "employers": employers}


def quotum_table(report: QuotumReport[QuotumResult], *, number: Formatter = exact) -> Table:
    """Per employer: the figures of the law's result and the net effect, as CSV writes them.

    The columns are the figures of :meth:`~banenafspraak.QuotumResult.figures` (``liable`` and
    ``active`` first, then the law's order, then ``net_effect``); the CSV header row is their
    keys, the table headers their labels with units (``"levy (EUR)"``). Yes/no figures are
    ``yes``/``no``, a missing one is empty, numbers are written by ``number``.
    """

    def cell(figure: Figure) -> str:
        value = figure.value
        if isinstance(value, bool):
            return "yes" if value else "no"
        if value is None or isinstance(value, str):
            return value or ""
        return number(value) or ""

    return figures_table(
        report.assessments, title=f"Quotum under {report.rules}, {report.year}", cell=cell
    )


def comparison_tables(
    counts: Mapping[str, CountTotals], *, number: Formatter = exact, hours: Formatter = exact
) -> dict[str, Table]:
    """Pools and employer credits under each rule set, side by side (jobs)."""
    document_pools = sorted({pool for count in counts.values() for pool in count.pools})
    rules = tuple(counts)

    def jobs(table: Mapping[Any, Tally], key: object, default: Tally | None = None) -> str:
        tally = table.get(key, default)
        return "-" if tally is None else number(tally.jobs) or "-"

    pools = Table(
        title="Jobs per pool",
        headers=("pool", *rules),
        rows=(
            *(
                (pool.value, *(jobs(counts[r].pools, pool) for r in rules))
                for pool in document_pools
            ),
            ("excluded hours", *(hours(counts[r].excluded_hours) or "-" for r in rules)),
        ),
        numeric=frozenset(rules),
    )
    employers = Table(
        title="Jobs credited to each employer",
        headers=("employer", *rules),
        rows=tuple(
            (employer, *(jobs(counts[r].employers, employer, Tally()) for r in rules))
            for employer in _credited_employers(counts)
        ),
        numeric=frozenset(rules),
    )
    return {"pools": pools, "employers": employers}


def comparison_rows(counts: Mapping[str, CountTotals]) -> Table:
    """A comparison as one long table: ``kind, key, measure`` and one column per rule set.

    ``kind`` is ``pool``, ``employer`` (credited) or ``excluded``; ``measure`` is ``jobs`` or
    ``hours``; a rule set without such a pool has an empty cell.
    """
    rules = tuple(counts)
    pools = sorted({pool for count in counts.values() for pool in count.pools})
    rows: list[tuple[str, ...]] = [
        (
            "pool",
            pool.value,
            measure,
            *(
                exact(getattr(counts[r].pools[pool], measure)) or ""
                if pool in counts[r].pools
                else ""
                for r in rules
            ),
        )
        for pool in pools
        for measure in ("jobs", "hours")
    ]
    rows.extend(
        (
            "employer",
            employer,
            measure,
            *(exact(getattr(_credit(counts[r], employer), measure)) or "" for r in rules),
        )
        for employer in _credited_employers(counts)
        for measure in ("jobs", "hours")
    )
    rows.append(("excluded", "", "hours", *(exact(counts[r].excluded_hours) or "" for r in rules)))
    return Table(
        title="Comparison",
        headers=("kind", "key", "measure", *rules),
        rows=tuple(rows),
        numeric=frozenset(rules),
    )
