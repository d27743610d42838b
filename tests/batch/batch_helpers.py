"""Shared assertions: the batch engine and the pure path give the same numbers."""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction

from banenafspraak.batch import BatchCount
from banenafspraak.counting import JobCount


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
