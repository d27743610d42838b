"""Plain-text reports of results: per placement, per pool, per employer.

Text only, with no dependency, so that the pure library can print its own results; the command
line renders the same rows as rich tables, JSON or CSV.
"""

from __future__ import annotations

from collections.abc import Sequence

from banenafspraak._util import display
from banenafspraak.counting import JobCount, QuotumReport, assess_quotum, count_jobs
from banenafspraak.demo import DEMO_YEARS, example_scenario
from banenafspraak.rulesets import available_rule_sets

__all__ = [
    "demo_report",
    "format_table",
    "placements_table",
    "pools_table",
    "quotum_table",
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


def quotum_table(report: QuotumReport, *, liable_only: bool = True) -> str:
    """Per employer: liability and the quotum figures of the rule set."""
    rows = []
    for a in report.assessments:
        if liable_only and not a.liable:
            continue
        rows.append(
            [
                a.employer,
                a.sector.value,
                "yes" if a.liable else "no",
                display(a.total_hours, 0) if a.total_hours is not None else "-",
                "-" if a.percentage is None else f"{a.percentage} %",
                display(a.credited_hours) if a.credited_hours is not None else "-",
                "-" if a.shortfall_jobs is None else str(a.shortfall_jobs),
                "-" if a.levy is None else display(a.levy),
                "yes" if a.levied else "no",
            ]
        )
    return format_table(
        [
            "employer",
            "sector",
            "liable",
            "A hours",
            "B",
            "C hours",
            "tekort",
            "heffing EUR",
            "levied",
        ],
        rows,
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
