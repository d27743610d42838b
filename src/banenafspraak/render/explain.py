"""Readable explanations of attributions: where a placement's hours count, and by which rules."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

from banenafspraak._util import display
from banenafspraak.exceptions import InvalidValueError
from banenafspraak.placements import PayPeriod
from banenafspraak.rulesets import national_pool
from banenafspraak.rulesets._protocol import Attribution, QuotumResult
from banenafspraak.rulesets.national_pool import NationalInstrument

if TYPE_CHECKING:
    from banenafspraak.counting import JobCount, ParametersArg

__all__ = ["explain_lkv", "explain_placement", "explain_quotum"]


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


def explain_quotum(
    assessment: QuotumResult,
    *,
    count: JobCount | None = None,
    parameters: ParametersArg = None,
) -> str:
    """A quotum result of any law as plain text: its figures, then its reasons.

    Given the ``count`` the result rests on (:func:`~banenafspraak.count_jobs` of the same
    scenario, rules and year; ``parameters`` as given to it), the national instrument's LKV is
    worked out per person after the reasons (:func:`explain_lkv`).
    """
    a = assessment
    lines = [f"Quotum of {a.employer} in {a.year} under {a.rules}"]
    lines.extend(
        f"  {figure.header}: {figure.text()}"
        for figure in a.figures()
        if figure.value is not None or figure.unknown
    )
    net = "unknown" if a.net_effect is None else display(a.net_effect)
    lines.append(f"  net effect (EUR): {net}")
    lines.extend(f"  warning: {warning}" for warning in a.warnings)
    lines.extend(f"      {n}. {reason}" for n, reason in enumerate(a.reasons, start=1))
    if count is not None and isinstance(a, NationalInstrument):
        if (count.rules, count.period.end.year) != (a.rules, a.year):
            msg = f"the count is of {count.rules} over {count.period}, not of {a.rules} in {a.year}"
            raise InvalidValueError(msg, field="count", value=count.rules)
        lines.append(explain_lkv(a.employer, count, parameters))
    return "\n".join(lines)


_SHOWN_PERIODS = 4
"""A person's pay periods cut for one reason are listed in full up to this many."""


def _periods(periods: Sequence[PayPeriod]) -> str:
    spans = [f"{p.start} to {p.end}" for p in sorted(set(periods), key=lambda p: p.start)]
    if len(spans) > _SHOWN_PERIODS:
        spans = [*spans[:2], "...", spans[-1]]
    number = len(set(periods))
    return f"{number} pay period{'s' if number != 1 else ''}: {', '.join(spans)}"


def explain_lkv(employer: str, count: JobCount, parameters: ParametersArg = None) -> str:
    """The LKV of ``employer`` in the count's year worked out per person, as plain text.

    Per person: the counted hours in the employer's loonaangifte; the hours cut, per reason with
    its article and text version, and the pay periods they lie in (a pay period is cut whole:
    Wtl 2.10(2)(a) and 2.12(2) read the situation at its start); the hours that give the LKV and
    the bonus; ``rate x hours`` before the cap and the amount after it (Wtl 2.13). The total is
    the result's ``lkv``. ``parameters`` are those the count was made with.
    """
    from banenafspraak.counting import (  # noqa: PLC0415 - counting imports this module
        formal_stages,
        ledger_of,
        parameters_for,
    )
    from banenafspraak.rulesets import resolve  # noqa: PLC0415 - the registry, when asked

    if not count.period.is_calendar_year():
        msg = f"the LKV is worked out over a calendar year, not {count.period}"
        raise InvalidValueError(msg, field="count", value=str(count.period))
    params = parameters_for(count.scenario, parameters, resolve(count.rules))
    year = count.period.end.year
    people = national_pool.lkv_per_person(employer, ledger_of(count, params), params)
    cut_periods: dict[tuple[str, str], list[PayPeriod]] = {}
    for attribution, stage in formal_stages(count, params, employer):
        why = national_pool.lkv_cut(stage, year, params)
        if why is not None:
            key = (attribution.person, why.code)
            cut_periods.setdefault(key, []).append(attribution.pay_period)
    rate = Fraction(params.decimal("lkv.rate_per_hour", year))
    cap = Fraction(params.decimal("lkv.cap_per_employee_year", year))
    head = (
        f"  LKV per person in {year} (Wtl 2.10-2.13): EUR {display(rate)} per hour that gives "
        f"it, at most EUR {display(cap)} per person"
    )
    lines = [head]
    if not people:
        lines.append(f"    no counted hours in the loonaangifte of {employer}")
    for p in people:
        lines.append(f"    {p.person}: {display(p.counted_hours)} h counted")
        for why, hours in p.cut:
            where = _periods(cut_periods.get((p.person, why.code), ()))
            lines.append(
                f"      {display(hours)} h give no LKV [{why.code}] ({why.reference}): {where}"
            )
        after = (
            f"capped at EUR {display(p.amount)}"
            if p.capped
            else f"under the cap: EUR {display(p.amount)}"
        )
        lines.append(
            f"      {display(p.eligible_hours)} h give the LKV: EUR {display(p.rate)} x "
            f"{display(p.eligible_hours)} h = EUR {display(p.before_cap)}; {after}"
        )
    total = sum((p.amount for p in people), Fraction(0))
    lines.append(f"  LKV of {employer}: EUR {display(total)}")
    return "\n".join(lines)
