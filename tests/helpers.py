"""Domain assertions and small builders shared by the tests."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs

from banenafspraak import (
    Baseline,
    JobCount,
    Placement,
    Scenario,
)
from banenafspraak.periods import Period


def input_hours(scenario: Scenario, period: Period) -> Fraction:
    """All hours of the scenario's pay periods inside ``period``, computed independently."""
    total = Fraction(0)
    for placement in scenario.placements:
        total += placement_hours(placement, period)
    return total


def placement_hours(placement: Placement, period: Period) -> Fraction:
    """A placement's hours inside ``period``, pro rata by days."""
    total = Fraction(0)
    for pay in placement.hours:
        overlap = period.overlap_days(pay.period)
        total += Fraction(pay.hours) * overlap / pay.period.days
    return total


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


def renamed(scenario: Scenario, suffix: str) -> Scenario:
    """The same scenario with every id renamed (a bijection: id -> id + suffix)."""

    def rn(value: str) -> str:
        return f"{value}{suffix}"

    def rn_opt(value: str | None) -> str | None:
        return None if value is None else rn(value)

    return Scenario(
        employers=tuple(attrs.evolve(e, id=rn(e.id)) for e in scenario.employers),
        people=tuple(attrs.evolve(p, id=rn(p.id)) for p in scenario.people),
        placements=tuple(
            attrs.evolve(
                p,
                id=rn(p.id),
                person=rn(p.person),
                employer=rn(p.employer),
                hirer=rn_opt(p.hirer),
                contract=rn_opt(p.contract),
            )
            for p in scenario.placements
        ),
        contracts=tuple(
            attrs.evolve(c, id=rn(c.id), buyer=rn(c.buyer), supplier=rn(c.supplier))
            for c in scenario.contracts
        ),
        baseline=scenario.baseline,
        parameters=scenario.parameters,
    )


ZERO_BASELINE = Baseline()
