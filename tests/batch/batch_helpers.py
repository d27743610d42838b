"""Shared assertions: the batch engine and the pure path give the same numbers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import attrs

from banenafspraak import Scenario, assess_quotum, batch, count_jobs
from banenafspraak.batch import BatchCount
from banenafspraak.counting import JobCount, QuotumReport, Receipt, ledger_of, parameters_for
from banenafspraak.rulesets import QuotumResult, RuleSet, resolve


def excluded_by_reason(count: JobCount) -> dict[str, Fraction]:
    """The pure path's excluded hours per reason code."""
    totals: defaultdict[str, Fraction] = defaultdict(Fraction)
    for a in count.attributions:
        if a.excluded_because is not None:
            totals[a.excluded_because.code] += a.hours
    return dict(totals)


def assert_same_count(batch: BatchCount, pure: JobCount) -> None:
    """Every total of the batch result equals (==) the pure path's."""
    assert batch.rules == pure.rules
    assert batch.period == pure.period
    assert batch.pools == pure.pools
    assert batch.employers == pure.employers
    assert batch.input_hours == pure.input_hours
    assert batch.counted_hours == pure.counted_hours
    assert batch.excluded_hours == pure.excluded_hours
    assert batch.monitoring == pure.monitoring
    assert dict(batch.excluded) == excluded_by_reason(pure)


def assert_same_quotum(
    scenario: Scenario,
    tables: batch.Tables,
    *,
    rules: str | RuleSet,
    year: int,
    parameters: dict[str, Any] | None = None,
    count: BatchCount | None = None,
    pure: JobCount | None = None,
    ledger: bool = True,
) -> QuotumReport[QuotumResult]:
    """Every employer's quotum result (and the ledger) equal (==) the pure path's.

    Returns the batch engine's quotum report.
    """
    rule_set = resolve(rules)
    if count is None:
        count = batch.count_jobs(tables, rules=rule_set, year=year, parameters=parameters)
    if pure is None:
        pure = count_jobs(scenario, rules=rule_set, year=year, parameters=parameters)
    if ledger:
        assert count.ledger == ledger_of(pure, parameters_for(scenario, parameters, rule_set))
    report = batch.assess_quotum(
        tables, rules=rule_set, year=year, parameters=parameters, count=count
    )
    expected = assess_quotum(scenario, rules=rule_set, year=year, parameters=parameters, count=pure)
    assert report.rules == expected.rules
    assert report.year == expected.year
    assert report.assessments == expected.assessments
    return report


def without_input_digests(result: object) -> object:
    """A report's whole content, types included, with its receipts' input digests left out.

    The batch engine identifies its input by ``Tables.digest``, the pure path by
    ``Scenario.digest``; everything else of a report must be equal, and of the same types,
    the rest of its receipts included (the rules, the parameters' digest, the period).
    """
    if isinstance(result, Receipt):
        return attrs.evolve(result, scenario_digest="the input")
    if attrs.has(type(result)):
        fields = attrs.fields(type(result))  # type: ignore[arg-type]  # an attrs class
        return (
            type(result).__name__,
            tuple((f.name, without_input_digests(getattr(result, f.name))) for f in fields),
        )
    if isinstance(result, tuple):
        return tuple(without_input_digests(item) for item in result)
    if isinstance(result, Mapping):
        return (
            type(result).__name__,
            tuple((key, without_input_digests(value)) for key, value in result.items()),
        )
    return (type(result).__name__, result)
