"""Plain-text reports of results: per placement, per pool, per employer.

Text only, with no dependency, so that the pure library can print its own results; the command
line renders the same rows as rich tables, JSON or CSV.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from banenafspraak._util import display
from banenafspraak.comparing import Comparison, Difference, compare
from banenafspraak.counting import JobCount, QuotumReport, Tally, assess_quotum, count_jobs
from banenafspraak.demo import DEMO_YEARS, example_scenario
from banenafspraak.reports import (
    DurabilityReport,
    ProcurementDestination,
    ProcurementReport,
    SubsectorMonitoring,
    Trend,
)
from banenafspraak.rulesets import QuotumResult, available_rule_sets

__all__ = [
    "comparison_table",
    "demo_report",
    "durability_table",
    "format_table",
    "placements_table",
    "pools_table",
    "procurement_table",
    "quotum_table",
    "subsector_table",
    "trend_table",
]


def format_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A fixed-width text table (numbers right-aligned)."""
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        out = []
        for cell, width in zip(cells, widths, strict=True):
            numeric = cell.replace(",", "").replace(".", "").replace("-", "").isdigit()
            out.append(cell.rjust(width) if numeric else cell.ljust(width))
        return "  ".join(out).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(r) for r in rows)])


def placements_table(count: JobCount) -> str:
    """Per placement: hours, jobs, pool(s), credit and the deciding rule."""
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
            [
                placement.id,
                placement.kind.value,
                placement.employer,
                display(hours),
                display(jobs, 3),
                "+".join(pools),
                "+".join(credit),
                rule,
            ]
        )
    return format_table(
        ["placement", "kind", "employer", "hours", "jobs", "pool", "credited to", "rule"], rows
    )


def pools_table(count: JobCount) -> str:
    """Per pool: jobs, baseline, extra jobs, target, met."""
    rows = [
        [
            m.pool.value,
            display(m.hours),
            display(m.jobs, 3),
            display(m.baseline_jobs, 3),
            display(m.extra_jobs, 3),
            "-" if m.target is None else display(m.target),
            "-" if m.met is None else ("met" if m.met else "missed"),
        ]
        for m in count.monitoring
    ]
    return format_table(
        ["pool", "hours", "jobs", "baseline", "extra jobs", "target", "result"], rows
    )


def quotum_table(report: QuotumReport[QuotumResult], *, liable_only: bool = True) -> str:
    """Per employer: the figures of the law's quotum result and its net effect.

    The columns are the figures every result of the report shares (:meth:`QuotumResult.figures`),
    whatever the law. ``liable_only`` keeps the employers that are liable or receive or pay an
    amount (a bonus or LKV goes to employers that are not liable too).
    """
    rows = []
    headers: list[str] = []
    for a in report.assessments:
        figures = a.figures()
        money = any(f.unit == "EUR" and f.value for f in figures)
        if liable_only and not a.liable and not money and not a.net_effect:
            continue
        headers = headers or ["employer", *(f.header for f in figures), "net effect EUR"]
        rows.append([a.employer, *(f.text() for f in figures), display(a.net_effect)])
    if not headers:
        return "no employer to show"
    return format_table(headers, rows)


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


def comparison_table(comparison: Comparison) -> str:
    """Pools and employers side by side under each rule set, then every difference explained.

    The first rule set is the reference. A ``national`` figure marked ``*`` is the sum of the
    sector pools of a rule set that counts per sector.
    """
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
        pool_rows.append(row)
    pool_headers = ["pool"]
    for name in names:
        pool_headers += [f"{name} extra", "target"]
    employer_rows = []
    for e in comparison.employers:
        row = [e.employer, e.sector.value]
        row += [display(e.figures[n].credited_jobs, 3) for n in names]
        row += [display(e.figures[n].net_effect) for n in names]
        employer_rows.append(row)
    employer_headers = [
        "employer",
        "sector",
        *(f"jobs {n}" for n in names),
        *(f"net EUR {n}" for n in names),
    ]
    differences = [line for d in comparison.differences for line in _difference_lines(d)]
    return "\n\n".join(
        [
            f"Pools, {comparison.year} (extra jobs against the baseline)",
            format_table(pool_headers, pool_rows),
            "Employers: credited jobs and net effect of the quotum instrument",
            format_table(employer_headers, employer_rows),
            f"What changes against {comparison.reference}, and why",
            "\n".join(differences) if differences else "nothing",
        ]
    )


def demo_report() -> str:
    """The bundled example under every registered rule set, as text (``banenafspraak demo``)."""
    scenario = example_scenario()
    parts: list[str] = []
    for rules in available_rule_sets():
        for year in DEMO_YEARS:
            count = count_jobs(scenario, rules=rules, year=year)
            quotum = assess_quotum(scenario, rules=rules, year=year, count=count)
            parts += [
                f"=== {scenario.name}: {rules}, {year} ===",
                "Where each placement counts",
                placements_table(count),
                "Pools against their targets",
                pools_table(count),
                "Quotum of liable employers",
                quotum_table(quotum),
            ]
    parts.append(f"=== {scenario.name}: the rule sets compared, 2019 ===")
    parts.append(comparison_table(compare(scenario, year=2019)))
    activated = {"wet2025.activation_decided_on": "2017-03-01"}
    parts.append(
        "=== The same, had the national quotum been activated in 2017 "
        "(illustrative bonus and opslag) ==="
    )
    parts.append(comparison_table(compare(scenario, year=2019, parameters=activated)))
    count = count_jobs(scenario, rules="wbqa-2015", year=2019)
    parts.append("=== Why: three placements explained (wbqa-2015, 2019) ===")
    parts.extend(count.explain(placement) for placement in ("s-w", "u-y", "f-r"))
    original = count_jobs(
        scenario,
        rules="wbqa-2015",
        year=2019,
        parameters={"registration.suspension_applies": False},
    )
    parts.append(
        "=== What if: R under the original t+2 rule, without the 2018 suspension ===\n"
        "(Besluit SUWI 3.2(2): conditions ceased 2015-06-30, registration ended 2017-12-31)"
    )
    parts.append(original.explain("f-r"))
    return "\n\n".join(parts) + "\n"


def _percent(value: Fraction | None) -> str:
    return "-" if value is None else f"{display(value, 1)} %"


def _result(met: bool | None) -> str:  # noqa: FBT001 - a table cell of a tri-state
    return "-" if met is None else ("met" if met else "missed")


def subsector_table(report: SubsectorMonitoring, *, all_lines: bool = False) -> str:
    """Per government sub-sector: jobs, baseline, extra jobs, target, realisation, result.

    Sub-sectors with no jobs, baseline or target are left out unless ``all_lines``; the lines
    that make up the rest of the counted jobs follow.
    """
    rows = [
        [
            line.subsector.value,
            str(len(line.employers)),
            display(line.jobs, 3),
            display(line.baseline_jobs, 3),
            display(line.extra_jobs, 3),
            "-" if line.target is None else display(line.target),
            _percent(line.realisation),
            _result(line.met),
        ]
        for line in report.lines
        if all_lines or line.jobs or line.baseline_jobs or line.target is not None
    ]
    rest: list[tuple[str, Tally]] = [
        ("(government, no sub-sector)", report.without_subsector),
        ("(hirer unknown, by key)", report.unassigned),
        ("(outside government)", report.elsewhere),
    ]
    rows += [[label, "-", display(t.jobs, 3), "-", "-", "-", "-", "-"] for label, t in rest]
    table = format_table(
        [
            "sub-sector",
            "employers",
            "jobs",
            "baseline",
            "extra jobs",
            "target",
            "realisation",
            "result",
        ],
        rows,
    )
    return f"Sub-sectors under {report.rules}, {report.year} (basis: {report.basis})\n{table}"


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


def procurement_table(report: ProcurementReport) -> str:
    """Jobs carried by procurement per buyer, then where they count under each rule set."""
    buyers = format_table(
        ["buyer", "sector", "sub-sector", "contracts", "hours", "carried jobs"],
        [
            [
                line.buyer,
                line.sector.value,
                line.subsector.value if line.subsector else "-",
                ", ".join(line.contracts),
                display(line.input.hours),
                display(line.carried.jobs, 3),
            ]
            for line in report.buyers
        ]
        + [
            [f"(sector {sector.value})", sector.value, "-", "-", "-", display(tally.jobs, 3)]
            for sector, tally in report.by_sector.items()
        ],
    )
    headers = ["rules", "buyer", "pools", "at buyer", "at supplier", "other", "nobody", "excl."]
    rows = []
    for line in report.buyers:
        for destination in line.destinations:
            cells = _where(destination)
            rows.append([cells[0], line.buyer, *cells[1:]])
    for destination in report.destinations:
        cells = _where(destination)
        rows.append([cells[0], "(all)", *cells[1:]])
    return (
        f"Jobs carried by procurement, {report.period} (counted under {report.rules})\n{buyers}"
        f"\n\nWhere the same hours count, in jobs\n{format_table(headers, rows)}"
    )


def durability_table(report: DurabilityReport) -> str:
    """Per year of start, sector and employer: durations and the share still running."""
    rows = [
        [
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
        ]
        for line in (*report.by_employer, *report.by_sector, *report.by_year)
    ]
    headers = [
        "start year",
        "sector",
        "employer",
        "placements",
        "mean days",
        "median days",
        "running at end",
        "survived",
        "ended",
        "censored",
        f"still running at {report.horizon_months} m",
    ]
    return f"Durability under {report.rules}, data {report.observed}\n{format_table(headers, rows)}"


def trend_table(trend: Trend) -> str:
    """Per pool and sub-sector and year: extra jobs, change, target, realisation, result."""
    rows = [
        [
            series.label,
            str(point.year),
            display(point.jobs, 3),
            display(point.extra_jobs, 3),
            "-" if point.change is None else display(point.change, 3),
            "-" if point.target is None else display(point.target),
            _percent(point.realisation),
            _result(point.met),
        ]
        for series in (*trend.pools, *trend.subsectors)
        for point in series.points
    ]
    headers = ["series", "year", "jobs", "extra jobs", "change", "target", "realisation", "result"]
    return f"Trend under {trend.rules}\n{format_table(headers, rows)}"
