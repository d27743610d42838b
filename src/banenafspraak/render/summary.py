"""Short summaries of results: a one-line ``repr`` and a small HTML table for notebooks.

A count of a national year holds millions of attributions; its ``repr`` says how many, with the
jobs of each pool, instead of printing them. Numbers are rounded for a person to read
(:func:`~banenafspraak.display`); the results stay exact.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from banenafspraak._util import display

if TYPE_CHECKING:
    from banenafspraak.comparing import Comparison
    from banenafspraak.counting import JobCount, QuotumReport
    from banenafspraak.rulesets import QuotumResult

__all__ = [
    "comparison_html",
    "comparison_repr",
    "count_html",
    "count_repr",
    "quotum_html",
    "quotum_repr",
]

_HTML_ROWS = 20
"""Rows an HTML table shows before it says how many more there are."""


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def _table(caption: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    shown = rows[:_HTML_ROWS]
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in shown
    )
    more = len(rows) - len(shown)
    if more:
        body += f'<tr><td colspan="{len(headers)}">... and {more:,} more</td></tr>'
    return (
        f"<table><caption>{escape(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _met(met: bool | None) -> str:  # noqa: FBT001 - a yes/no/unknown cell
    return "-" if met is None else ("met" if met else "missed")


def count_repr(count: JobCount) -> str:
    """``<JobCount wbqa-2015 2019: 24 attributions; jobs market 3.90, ...; 4 employers>``."""
    pools = ", ".join(f"{pool.value} {display(tally.jobs)}" for pool, tally in count.pools.items())
    return (
        f"<JobCount {count.rules} {count.period}: "
        f"{_plural(len(count.attributions), 'attribution')}; jobs {pools or 'none'}; "
        f"{_plural(len(count.employers), 'employer')} credited>"
    )


def count_html(count: JobCount) -> str:
    """The pools of a count against baseline and target, as a small HTML table."""
    rows = [
        (
            m.pool.value,
            display(m.hours),
            display(m.jobs),
            display(m.baseline_jobs),
            display(m.extra_jobs),
            display(m.target),
            _met(m.met),
        )
        for m in count.monitoring
    ]
    table = _table(
        f"{count.rules}, {count.period}: {_plural(len(count.attributions), 'attribution')}, "
        f"{_plural(len(count.employers), 'employer')} credited",
        ("pool", "hours (h)", "jobs", "baseline (jobs)", "extra (jobs)", "target (jobs)", "result"),
        rows,
    )
    return f"<div><strong>JobCount</strong>{table}</div>"


def quotum_repr(report: QuotumReport[QuotumResult]) -> str:
    """``<QuotumReport wbqa-2015 2018: 6 employers, 4 liable; net effect EUR 0.00>``.

    Employers whose liability or net effect is unknown are counted apart, never as 0:
    ``..., 3 liable, 1 unknown; net effect EUR -12.00 (1 employer unknown, not included)>``.
    """
    liable = sum(1 for a in report.assessments if a.liable)
    unsure = sum(1 for a in report.assessments if a.liable is None)
    net = report.total("net_effect")
    left_out = len(net.unknown)
    return (
        f"<QuotumReport {report.rules} {report.year}: "
        f"{_plural(len(report.assessments), 'employer')}, {liable:,} liable"
        + (f", {unsure:,} unknown" if unsure else "")
        + f"; net effect EUR {display(net.amount)}"
        + (f" ({_plural(left_out, 'employer')} unknown, not included)" if left_out else "")
        + ">"
    )


def quotum_html(report: QuotumReport[QuotumResult]) -> str:
    """Per employer: liable, active and the net effect, as a small HTML table."""
    rows = [
        (
            a.employer,
            "unknown" if a.liable is None else "yes" if a.liable else "no",
            "yes" if a.active else "no",
            "unknown" if a.net_effect is None else display(a.net_effect),
            str(len(a.warnings)),
        )
        for a in report.assessments
    ]
    table = _table(
        f"quotum under {report.rules}, {report.year}",
        ("employer", "liable", "active", "net effect (EUR)", "warnings"),
        rows,
    )
    return f"<div><strong>QuotumReport</strong>{table}</div>"


def comparison_repr(comparison: Comparison) -> str:
    """``<Comparison 2019: wbqa-2015 against contouren-2018, ...: 3 pools, ...>``."""
    others = ", ".join(comparison.rules[1:]) or "nothing"
    return (
        f"<Comparison {comparison.year}: {comparison.reference} against {others}: "
        f"{_plural(len(comparison.pools), 'pool')}, "
        f"{_plural(len(comparison.employers), 'employer')}, "
        f"{_plural(len(comparison.differences), 'difference')}>"
    )


def comparison_html(comparison: Comparison) -> str:
    """The jobs of every pool under each rule set, as a small HTML table."""
    rows = [
        (
            line.pool.value,
            *(
                "-" if (figures := line.figures.get(rules)) is None else display(figures.jobs)
                for rules in comparison.rules
            ),
        )
        for line in comparison.pools
    ]
    table = _table(
        f"jobs per pool, {comparison.year} "
        f"({_plural(len(comparison.differences), 'difference')} against {comparison.reference})",
        ("pool", *comparison.rules),
        rows,
    )
    return f"<div><strong>Comparison</strong>{table}</div>"
