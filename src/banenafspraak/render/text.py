"""Plain-text reports of results: per placement, per pool, per employer.

Text only, with no dependency, so that the pure library can print its own results; the command
line renders the same tables on a terminal, or as JSON or CSV. Every function that returns text
takes ``width``: a table wider than that is written as groups of columns, each repeating the
first column, and no number or word is split over lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

import attrs

from banenafspraak._util import display
from banenafspraak.comparing import Comparison, Difference, compare
from banenafspraak.counting import JobCount, QuotumReport, Tally, assess_quotum, count_jobs
from banenafspraak.demo import DEMO_YEARS, example_scenario
from banenafspraak.render.layout import Table, figures_table, fit_text, render_plain
from banenafspraak.reports import (
    DurabilityReport,
    ProcurementDestination,
    ProcurementReport,
    SubsectorMonitoring,
    Trend,
)
from banenafspraak.rulesets import Figure, QuotumResult, available_rule_sets

__all__ = [
    "comparison_parts",
    "comparison_table",
    "demo_parts",
    "demo_report",
    "durability_table",
    "format_table",
    "placements_table",
    "pools_table",
    "procurement_table",
    "quotum_table",
    "render_parts",
    "report_tables",
    "subsector_table",
    "trend_table",
]


def format_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], *, width: int | None = None
) -> str:
    """A fixed-width text table (numbers right-aligned), in groups of columns past ``width``."""
    table = Table(title="", headers=tuple(headers), rows=tuple(tuple(r) for r in rows))
    return render_plain(table, width)


def _placements(count: JobCount) -> Table:
    rows = []
    for placement in count.scenario.placements:
        attributions = count.for_placement(placement.id)
        if not attributions:
            continue
        hours = sum(a.hours for a in attributions)
        jobs = sum(a.jobs for a in attributions)
        pools = sorted({a.pool.value if a.pool else "-" for a in attributions})
        credit = sorted({a.credited_to or "-" for a in attributions})
        last = attributions[-1]
        rule = (last.excluded_because or last.reasons[-1]).code if last.reasons else "-"
        rows.append(
            (
                placement.id,
                placement.kind.value,
                placement.employer,
                display(hours),
                display(jobs, 3),
                "+".join(pools),
                "+".join(credit),
                rule,
            )
        )
    return Table(
        title="Where each placement counts",
        headers=("placement", "kind", "employer", "hours", "jobs", "pool", "credited to", "rule"),
        rows=tuple(rows),
        numeric=frozenset({"hours", "jobs"}),
    )


def placements_table(count: JobCount, *, width: int | None = None) -> str:
    """Per placement: hours, jobs, pool(s), credit and the deciding rule."""
    return render_plain(attrs.evolve(_placements(count), title=""), width)


_POOL_HEADERS = (
    "pool",
    "hours",
    "jobs",
    "baseline (jobs)",
    "extra jobs",
    "target (jobs)",
    "result",
)
"""The headers of a pools table, in the library's one wording."""


def _pools(count: JobCount) -> Table:
    rows = tuple(
        (
            m.pool.value,
            display(m.hours),
            display(m.jobs, 3),
            display(m.baseline_jobs, 3),
            display(m.extra_jobs, 3),
            "-" if m.target is None else display(m.target),
            "-" if m.met is None else ("met" if m.met else "missed"),
        )
        for m in count.monitoring
    )
    return Table(
        title="Pools against their baseline and target",
        headers=_POOL_HEADERS,
        rows=rows,
        numeric=frozenset(_POOL_HEADERS[1:6]),
    )


def pools_table(count: JobCount, *, width: int | None = None) -> str:
    """Per pool: jobs, baseline, extra jobs, target, met."""
    return render_plain(attrs.evolve(_pools(count), title=""), width)


def _quotum(report: QuotumReport[QuotumResult], *, liable_only: bool) -> Table | None:
    shown = []
    for a in report.assessments:
        money = any(f.unit == "EUR" and f.value for f in a.figures())
        # an employer whose liability is unknown (None) is shown: it may be liable
        if liable_only and a.liable is False and not money and not a.net_effect:
            continue
        shown.append(a)
    if not shown:
        return None
    title = f"Quotum under {report.rules}, {report.year}"
    return figures_table(shown, title=title, cell=Figure.text)


def quotum_table(
    report: QuotumReport[QuotumResult], *, liable_only: bool = True, width: int | None = None
) -> str:
    """Per employer: the figures of the law's quotum result and its net effect.

    The columns are the figures every result of the report shares (:meth:`QuotumResult.figures`),
    whatever the law, with the same headers as ``banenafspraak quotum``. ``liable_only`` keeps the
    employers that are liable or receive or pay an amount (a bonus or LKV goes to employers
    that are not liable too).
    """
    table = _quotum(report, liable_only=liable_only)
    if table is None:
        return "no employer to show"
    return render_plain(attrs.evolve(table, title=""), width)


def _signed(value: object, places: int = 3) -> str:
    text = display(value, places)  # type: ignore[arg-type]
    return text if text.startswith("-") else f"+{text}"


def _difference_lines(difference: Difference) -> list[str]:
    d = difference
    places = 3 if d.measure == "jobs" else 2
    unit = "jobs" if d.measure == "jobs" else "EUR net effect"
    head = (
        f"{d.subject}: {display(d.before, places)} under {d.reference} -> "
        f"{display(d.after, places)} under {d.rules} ({_signed(d.change, places)} {unit})"
    )
    lines = [head]
    for change in d.placements:
        before = ", ".join(r.code for r in change.reasons_before) or "-"
        after = ", ".join(r.code for r in change.reasons_after) or "-"
        lines.append(
            f"    {change.placement}: {display(change.before, 3)} -> {display(change.after, 3)}"
            f" ({_signed(change.change)}); {d.reference}: {before}; {d.rules}: {after}"
        )
    return lines


Part = str | Table
"""A piece of a text report: a paragraph or a table."""


def render_parts(parts: Sequence[Part], width: int | None = None) -> str:
    """Paragraphs and tables, one blank line apart, each fitted to ``width``."""
    return "\n\n".join(
        render_plain(part, width) if isinstance(part, Table) else fit_text(part, width)
        for part in parts
    )


def comparison_parts(comparison: Comparison) -> list[Part]:
    """:func:`comparison_table` as paragraphs and tables."""
    names = comparison.rules
    pool_rows = []
    for line in comparison.pools:
        row = [line.pool.value]
        for name in names:
            f = line.figures[name]
            if f is None:
                row += ["-", "-"]
                continue
            mark = "*" if f.derived else ""
            result = "-" if f.met is None else ("met" if f.met else "missed")
            target = "-" if f.target is None else display(f.target, 0)
            row += [f"{display(f.extra_jobs, 3)}{mark}", f"{target} {result}"]
        pool_rows.append(tuple(row))
    pool_headers = ["pool"]
    for name in names:
        pool_headers += [f"{name} extra jobs", f"{name} target"]
    employer_rows = []
    for e in comparison.employers:
        row = [e.employer, e.sector.value]
        row += [display(e.figures[n].credited_jobs, 3) for n in names]
        row += [display(e.figures[n].net_effect) for n in names]
        employer_rows.append(tuple(row))
    employer_headers = (
        "employer",
        "sector",
        *(f"{n} jobs" for n in names),
        *(f"{n} net effect (EUR)" for n in names),
    )
    differences = [line for d in comparison.differences for line in _difference_lines(d)]
    return [
        Table(
            title=f"Pools, {comparison.year} (extra jobs against the baseline)",
            headers=tuple(pool_headers),
            rows=tuple(pool_rows),
        ),
        Table(
            title="Employers: credited jobs and net effect of the quotum instrument",
            headers=employer_headers,
            rows=tuple(employer_rows),
        ),
        f"What changes against {comparison.reference}, and why",
        "\n".join(differences) if differences else "nothing",
    ]


def comparison_table(comparison: Comparison, *, width: int | None = None) -> str:
    """Pools and employers side by side under each rule set, then every difference explained.

    The first rule set is the reference. A ``national`` figure marked ``*`` is the sum of the
    sector pools of a rule set that counts per sector.
    """
    return render_parts(comparison_parts(comparison), width)


def demo_parts() -> list[Part]:
    """:func:`demo_report` as paragraphs and tables (the command line lays them out itself)."""
    scenario = example_scenario()
    parts: list[Part] = []
    for rules in available_rule_sets():
        for year in DEMO_YEARS:
            count = count_jobs(scenario, rules=rules, year=year)
            report = assess_quotum(scenario, rules=rules, year=year, count=count)
            quotum = _quotum(report, liable_only=True)
            parts += [
                f"=== {scenario.name}: {rules}, {year} ===",
                _placements(count),
                _pools(count),
                quotum if quotum is not None else "Quotum: no employer to show",
            ]
    parts.append(f"=== {scenario.name}: the rule sets compared, 2019 ===")
    parts.extend(comparison_parts(compare(scenario, year=2019)))
    activated = {"wet2025.activation_decided_on": "2017-03-01"}
    parts.append(
        "=== The same, had the national quotum been activated in 2017 "
        "(illustrative bonus and surcharge) ==="
    )
    parts.extend(comparison_parts(compare(scenario, year=2019, parameters=activated)))
    count = count_jobs(scenario, rules="wbqa-2015", year=2019)
    parts.append("=== Why: three placements explained (wbqa-2015, 2019) ===")
    parts.extend(count.explain(placement) for placement in ("s-w", "u-y", "f-r"))
    kept = count_jobs(
        scenario,
        rules="wbqa-2015",
        year=2019,
        parameters={"registration.suspension_keeps_ended_the_day_before": True},
    )
    parts.append(
        "=== What if: the 2018 suspension of the t+2 end also kept R ===\n"
        "(conditions ceased 2015-06-30: t+2 ended the registration on 2017-12-31, the day\n"
        "before Besluit SUWI 3.2(8) took effect; the parameter\n"
        "registration.suspension_keeps_ended_the_day_before keeps it)"
    )
    parts.append(kept.explain("f-r"))
    return parts


def demo_report(*, width: int | None = None) -> str:
    """The bundled example under every registered rule set, as text (``banenafspraak demo``)."""
    return render_parts(demo_parts(), width) + "\n"


def _percent(value: Fraction | None) -> str:
    return "-" if value is None else f"{display(value, 1)} %"


def _result(met: bool | None) -> str:  # noqa: FBT001 - a table cell of a tri-state
    return "-" if met is None else ("met" if met else "missed")


def _subsectors(report: SubsectorMonitoring, *, all_lines: bool) -> Table:
    rows = [
        (
            line.subsector.value,
            str(len(line.employers)),
            display(line.jobs, 3),
            display(line.baseline_jobs, 3),
            display(line.extra_jobs, 3),
            "-" if line.target is None else display(line.target),
            _percent(line.realisation),
            _result(line.met),
        )
        for line in report.lines
        if all_lines or line.jobs or line.baseline_jobs or line.target is not None
    ]
    rest: list[tuple[str, Tally]] = [
        ("(government, no sub-sector)", report.without_subsector),
        ("(hirer unknown, by key)", report.unassigned),
        ("(outside government)", report.elsewhere),
    ]
    rows += [(label, "-", display(t.jobs, 3), "-", "-", "-", "-", "-") for label, t in rest]
    headers = (
        "sub-sector",
        "employers",
        "jobs",
        "baseline (jobs)",
        "extra jobs",
        "target (jobs)",
        "realisation (%)",
        "result",
    )
    return Table(
        title=f"Sub-sectors under {report.rules}, {report.year} (basis: {report.basis})",
        headers=headers,
        rows=tuple(rows),
        numeric=frozenset(headers[1:7]),
    )


def subsector_table(
    report: SubsectorMonitoring, *, all_lines: bool = False, width: int | None = None
) -> str:
    """Per government sub-sector: jobs, baseline, extra jobs, target, realisation, result.

    Sub-sectors with no jobs, baseline or target are left out unless ``all_lines``; the lines
    that make up the rest of the counted jobs follow.
    """
    return render_plain(_subsectors(report, all_lines=all_lines), width)


def _where(destination: ProcurementDestination) -> list[str]:
    pools = ", ".join(
        f"{pool.value} {display(tally.jobs, 3)}"
        for pool, tally in destination.pools.items()
        if tally.hours
    )
    return [
        destination.rules,
        pools or "-",
        display(destination.at_buyer.jobs, 3),
        display(destination.at_supplier.jobs, 3),
        display(destination.at_other.jobs, 3),
        display(destination.at_nobody.jobs, 3),
        display(destination.excluded.jobs, 3),
    ]


def _procurement(report: ProcurementReport) -> tuple[Table, Table]:
    buyers = Table(
        title=f"Jobs carried by procurement, {report.period} (counted under {report.rules})",
        headers=("buyer", "sector", "sub-sector", "contracts", "hours", "carried jobs"),
        rows=tuple(
            [
                (
                    line.buyer,
                    line.sector.value,
                    line.subsector.value if line.subsector else "-",
                    ", ".join(line.contracts),
                    display(line.input.hours),
                    display(line.carried.jobs, 3),
                )
                for line in report.buyers
            ]
            + [
                (f"(sector {sector.value})", sector.value, "-", "-", "-", display(tally.jobs, 3))
                for sector, tally in report.by_sector.items()
            ]
        ),
        numeric=frozenset({"hours", "carried jobs"}),
    )
    headers = (
        "rule set",
        "buyer",
        "pools (jobs)",
        "at buyer",
        "at supplier",
        "other",
        "nobody",
        "excluded",
    )
    rows = []
    for line in report.buyers:
        for destination in line.destinations:
            cells = _where(destination)
            rows.append((cells[0], line.buyer, *cells[1:]))
    for destination in report.destinations:
        cells = _where(destination)
        rows.append((cells[0], "(all)", *cells[1:]))
    where = Table(
        title="Where the same hours count, in jobs",
        headers=headers,
        rows=tuple(rows),
        numeric=frozenset(headers[3:]),
    )
    return buyers, where


def procurement_table(report: ProcurementReport, *, width: int | None = None) -> str:
    """Jobs carried by procurement per buyer, then where they count under each rule set."""
    return render_parts(_procurement(report), width)


def _durability(report: DurabilityReport) -> Table:
    rows = tuple(
        (
            str(line.year),
            line.sector.value if line.sector else "(all)",
            line.employer or "(all)",
            str(line.placements),
            display(line.mean_days, 1),
            display(line.median_days, 1),
            str(line.running_at_end),
            str(line.survived),
            str(line.ended),
            str(line.censored),
            _percent(None if line.share_still_running is None else line.share_still_running * 100),
        )
        for line in (*report.by_employer, *report.by_sector, *report.by_year)
    )
    headers = (
        "start year",
        "sector",
        "employer",
        "placements",
        "mean (days)",
        "median (days)",
        "running at end",
        "survived",
        "ended",
        "censored",
        f"still running at {report.horizon_months} months (%)",
    )
    return Table(
        title=f"Durability under {report.rules}, data {report.observed}",
        headers=headers,
        rows=rows,
        numeric=frozenset(headers[3:]),
    )


def durability_table(report: DurabilityReport, *, width: int | None = None) -> str:
    """Per year of start, sector and employer: durations and the share still running."""
    return render_plain(_durability(report), width)


def _trend(trend: Trend) -> Table:
    rows = tuple(
        (
            series.label,
            str(point.year),
            display(point.jobs, 3),
            display(point.extra_jobs, 3),
            "-" if point.change is None else display(point.change, 3),
            "-" if point.target is None else display(point.target),
            _percent(point.realisation),
            _result(point.met),
        )
        for series in (*trend.pools, *trend.subsectors)
        for point in series.points
    )
    headers = (
        "series",
        "year",
        "jobs",
        "extra jobs",
        "change (jobs)",
        "target (jobs)",
        "realisation (%)",
        "result",
    )
    return Table(
        title=f"Trend under {trend.rules}",
        headers=headers,
        rows=rows,
        numeric=frozenset(headers[2:7]),
    )


def trend_table(trend: Trend, *, width: int | None = None) -> str:
    """Per pool and sub-sector and year: extra jobs, change, target, realisation, result."""
    return render_plain(_trend(trend), width)


def report_tables(
    result: SubsectorMonitoring | ProcurementReport | DurabilityReport | Trend,
) -> tuple[Table, ...]:
    """The tables of one of the reports of :mod:`banenafspraak.reports`, with their titles."""
    if isinstance(result, SubsectorMonitoring):
        return (_subsectors(result, all_lines=False),)
    if isinstance(result, ProcurementReport):
        return _procurement(result)
    if isinstance(result, DurabilityReport):
        return (_durability(result),)
    return (_trend(result),)
