"""Readable explanations of attributions: where a placement's hours count, and by which rules."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

from banenafspraak._util import display
from banenafspraak.rulesets._protocol import Attribution, QuotumResult

if TYPE_CHECKING:
    from banenafspraak.counting import JobCount

__all__ = ["explain_placement", "explain_quotum"]


def _outcome(a: Attribution) -> tuple[object, ...]:
    return (
        a.pool,
        a.credited_to,
        a.excluded_because.code if a.excluded_because else None,
        tuple(r.code for r in a.reasons),
    )


def _runs(attributions: Sequence[Attribution]) -> list[list[Attribution]]:
    """Consecutive attributions with the same outcome, grouped (twelve equal months read as one)."""
    runs: list[list[Attribution]] = []
    for a in attributions:
        if runs and _outcome(runs[-1][-1]) == _outcome(a) and _same_split(runs[-1], a):
            runs[-1].append(a)
        else:
            runs.append([a])
    return runs


def _same_split(run: list[Attribution], a: Attribution) -> bool:
    return run[-1].pay_period == a.pay_period or run[-1].pay_period.end < a.pay_period.start


def explain_placement(count: JobCount, placement_id: str) -> str:
    """Where the hours of one placement count in ``count``, and why, as plain text."""
    scenario = count.scenario
    placement = scenario.placement(placement_id)
    employer = scenario.employer(placement.employer)
    lines = [
        f"Placement {placement.id} under {count.rules}, {count.period}",
        f"  person {placement.person}, employed by {employer.id} ({employer.name or 'no name'}, "
        f"{employer.sector_in(count.period.end.year)}, {employer.kind}), kind {placement.kind}"
        + (f", hirer {placement.hirer}" if placement.hirer else "")
        + (", credited to hirer by agreement" if placement.credited_to_hirer else "")
        + (f", serves contract {placement.contract}" if placement.contract else ""),
    ]
    attributions = count.for_placement(placement_id)
    if not attributions:
        lines.append(f"  no pay periods in {count.period}: nothing to count")
        return "\n".join(lines)
    total = sum((a.hours for a in attributions), Fraction(0))
    jobs = sum((a.jobs for a in attributions), Fraction(0))
    lines.append(f"  {display(total)} hours in {count.period} = {display(jobs, 3)} jobs")
    for run in _runs(attributions):
        first, last = run[0].pay_period, run[-1].pay_period
        hours = sum((a.hours for a in run), Fraction(0))
        sample = run[0]
        where = (
            f"pool {sample.pool}"
            if sample.pool is not None
            else f"no pool ({sample.excluded_because.code if sample.excluded_because else '?'})"
        )
        credit = f"credited to {sample.credited_to}" if sample.credited_to else "credited to nobody"
        jobs_in_run = sum((a.jobs for a in run), Fraction(0))
        lines.append(
            f"  {first.start}..{last.end}: {display(hours)} h = {display(jobs_in_run, 3)} jobs"
            f" -> {where}; {credit}"
        )
        lines.extend(
            f"      {number}. {reason}" for number, reason in enumerate(sample.reasons, start=1)
        )
    return "\n".join(lines)


def explain_quotum(assessment: QuotumResult) -> str:
    """A quotum result of any law as plain text: its figures, then its reasons."""
    a = assessment
    lines = [f"Quotum of {a.employer} in {a.year} under {a.rules}"]
    lines.extend(
        f"  {figure.header}: {figure.text()}" for figure in a.figures() if figure.value is not None
    )
    net = "unknown" if a.net_effect is None else display(a.net_effect)
    lines.append(f"  net effect (EUR): {net}")
    lines.extend(f"  warning: {warning}" for warning in a.warnings)
    lines.extend(f"      {n}. {reason}" for n, reason in enumerate(a.reasons, start=1))
    return "\n".join(lines)
