"""Domain assertions and small builders shared by the tests."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from banenafspraak import (
    Baseline,
    JobCount,
)


def assert_counts_at(
    count: JobCount,
    placement: str,
    *,
    pool: str | None,
    credited_to: str | None,
    hours: Decimal | int | None = None,
) -> None:
    """Every hour of ``placement`` adds to ``pool`` and is credited to ``credited_to``."""
    attributions = count.for_placement(placement)
    assert attributions, f"{placement} has no attributions in {count.period}"
    pools = {a.pool.value if a.pool else None for a in attributions}
    credited = {a.credited_to for a in attributions}
    assert pools == {pool}, f"{placement}: pools {pools}, expected {pool}"
    assert credited == {credited_to}, f"{placement}: credited to {credited}, not {credited_to}"
    if hours is not None:
        assert sum(a.hours for a in attributions) == Fraction(hours)


ZERO_BASELINE = Baseline()
