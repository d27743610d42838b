"""Shared assertions: the batch engine and the pure path give the same numbers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from fractions import Fraction

import attrs

from banenafspraak.batch import BatchCount
from banenafspraak.counting import JobCount, Receipt


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


def without_receipts(result: object) -> object:
    """A report's whole content, types included, with every receipt left out.

    The batch engine identifies its input by ``Tables.digest``, the pure path by
    ``Scenario.digest``; everything else of a report must be equal, and of the same types.
    """
    if isinstance(result, Receipt):
        return "receipt"
    if attrs.has(type(result)):
        fields = attrs.fields(type(result))  # type: ignore[arg-type]  # an attrs class
        return (
            type(result).__name__,
            tuple((f.name, without_receipts(getattr(result, f.name))) for f in fields),
        )
    if isinstance(result, tuple):
        return tuple(without_receipts(item) for item in result)
    if isinstance(result, Mapping):
        return (
            type(result).__name__,
            tuple((key, without_receipts(value)) for key, value in result.items()),
        )
    return (type(result).__name__, result)
