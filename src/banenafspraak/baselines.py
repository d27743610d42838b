"""The baseline (*nulmeting*): jobs per pool on 1 January 2013.

Wfsv 122n(1),(2) (BWBR0017745, 2015-05-01) measures extra jobs against 1 January 2013; in practice
the jobs were measured over December 2012 (Regeling Wfsv 3.35(a)(2°)). Give the baseline as numbers,
or count it from a December 2012 scenario with :func:`banenafspraak.baseline_from`.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import attrs
import pendulum

from banenafspraak._util import FrozenMap, as_fraction, to_date, to_decimal
from banenafspraak.exceptions import InvalidValueError
from banenafspraak.sectors import Pool

__all__ = ["Baseline"]

BASELINE_DATE = pendulum.Date(2013, 1, 1)


def _jobs_table(value: Mapping[Any, Any] | None) -> FrozenMap[Pool, Fraction]:
    table: dict[Pool, Fraction] = {}
    for pool, jobs in (value or {}).items():
        number = jobs if isinstance(jobs, Fraction) else as_fraction(to_decimal(jobs))
        if number < 0:
            msg = f"baseline jobs for {pool} must not be negative, got {jobs!r}"
            raise InvalidValueError(msg)
        table[Pool(pool)] = number
    return FrozenMap(table)


@attrs.frozen(kw_only=True)
class Baseline:
    """Jobs per pool at the baseline date (*nulmeting*).

    A pool that is not given has no baseline jobs; the ``NATIONAL`` pool, when not given, is the
    sum of the market and government pools (the 2025 law keeps the baseline and takes it as one
    national figure, Wet banenafspraak art. 4(1)-(2); spec R25-T3).

    >>> Baseline(jobs={"market": 10, "government": 5}).jobs_in(Pool.NATIONAL)
    Fraction(15, 1)
    """

    jobs: FrozenMap[Pool, Fraction] = attrs.field(factory=FrozenMap, converter=_jobs_table)
    on: pendulum.Date = attrs.field(default=BASELINE_DATE, converter=to_date)
    source: str = "given"

    def jobs_in(self, pool: Pool) -> Fraction:
        """Baseline jobs of ``pool``."""
        if pool in self.jobs:
            return self.jobs[pool]
        if pool is Pool.NATIONAL:
            return self.jobs.get(Pool.MARKET, Fraction(0)) + self.jobs.get(
                Pool.GOVERNMENT, Fraction(0)
            )
        return Fraction(0)
