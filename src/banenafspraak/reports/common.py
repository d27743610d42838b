"""What the four reports share: exact tallies and the check of a count passed in.

See :mod:`banenafspraak.reports` and ``docs/reports.md`` for the method.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import TypeVar

from banenafspraak._util import exact_sum
from banenafspraak.counting import (
    JobCount,
    Tally,
)
from banenafspraak.exceptions import InvalidValueError
from banenafspraak.parameters import Parameters
from banenafspraak.periods import Period
from banenafspraak.rulesets._protocol import Attribution, RuleSet
from banenafspraak.scenario import Scenario

ZERO = Fraction(0)


def tally_of(attributions: Iterable[tuple[Attribution, Fraction]]) -> Tally:
    """Hours and jobs of ``(attribution, share of it)`` pairs."""
    total = Tally()
    for attribution, share in attributions:
        total += Tally(hours=attribution.hours * share, jobs=attribution.jobs * share)
    return total


_K = TypeVar("_K")


def sum_tallies(tallies: Iterable[Tally]) -> Tally:
    """The tallies added up: each of hours and jobs as one exact sum, made once."""
    return sums_by_key((None, tally) for tally in tallies).get(None, Tally())


def sums_by_key(pairs: Iterable[tuple[_K, Tally]]) -> dict[_K, Tally]:
    """The tallies added up per key, in the order the keys first appear.

    Exact, and the same as adding them one by one; made once per key (:func:`exact_sum`), which
    a report with tens of thousands of parts needs. A key with one tally keeps it.
    """
    grouped: dict[_K, list[Tally]] = {}
    for key, tally in pairs:
        if key in grouped:
            grouped[key].append(tally)
        else:
            grouped[key] = [tally]
    return {
        key: tallies[0]
        if len(tallies) == 1
        else Tally(
            hours=exact_sum(t.hours for t in tallies), jobs=exact_sum(t.jobs for t in tallies)
        )
        for key, tallies in grouped.items()
    }


def check_count(
    count: JobCount, rule_set: RuleSet, period: Period, scenario: Scenario, params: Parameters
) -> None:
    """A count passed in must be of the same rules, period, parameters and scenario."""
    if count.rules != rule_set.name or count.period != period:
        msg = (
            f"the count given is of {count.rules}, {count.period}; "
            f"this report needs {rule_set.name}, {period}"
        )
        raise InvalidValueError(msg)
    if count.receipt.parameters_digest != params.digest():
        msg = "the count given was made with other parameters than this report's"
        raise InvalidValueError(msg)
    if count.scenario is not scenario and count.receipt.scenario_digest != scenario.digest():
        msg = "the count given is of another scenario"
        raise InvalidValueError(msg)
