"""The scenario catalogue behind the golden snapshot files, and the snapshot of one outcome.

``scripts/generate_golden.py`` writes ``tests/golden/<rule set>.json`` from it; ``test_golden.py``
compares. A change of outcome is therefore a reviewed diff of those files.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from banenafspraak import (
    Employer,
    EmployerKind,
    Ground,
    PayPeriod,
    Period,
    Person,
    Placement,
    PlacementKind,
    ProcurementContract,
    Registration,
    Scenario,
    assess_quotum,
    count_jobs,
)
from banenafspraak._util import to_decimal_string
from banenafspraak.demo import example_scenario

GOLDEN_YEARS = (2017, 2018, 2019)


def _placed_workers() -> Scenario:
    """Agency work with a known, unknown and credited hirer, across the 2018 inleen change."""
    return Scenario(
        name="placed workers",
        employers=(
            Employer(
                id="agency",
                sector="market",
                kind=EmployerKind.AGENCY,
                total_hours=dict.fromkeys(GOLDEN_YEARS, 200000),
                agency_or_wsw_staff_hours=dict.fromkeys(GOLDEN_YEARS, 150000),
            ),
            Employer(
                id="ministry",
                sector="government",
                subsector="rijk",
                total_hours=dict.fromkeys(GOLDEN_YEARS, 500000),
            ),
            Employer(id="sw", sector="government", kind=EmployerKind.SHELTERED_WORKSHOP),
            Employer(id="shop", sector="market", total_hours=dict.fromkeys(GOLDEN_YEARS, 30000)),
        ),
        people=(
            Person(id="a", registrations=(Registration(ground=Ground.WAJONG, start="2014-01-01"),)),
            Person(
                id="b",
                registrations=(Registration(ground=Ground.PARTICIPATION_ACT, start="2018-06-15"),),
            ),
            Person(
                id="c",
                registrations=(
                    Registration(
                        ground=Ground.WSW_INDICATION,
                        start="2014-01-01",
                        conditions_ceased="2016-02-01",
                    ),
                ),
            ),
        ),
        placements=(
            Placement(
                id="known",
                person="a",
                employer="agency",
                kind=PlacementKind.AGENCY,
                hirer="ministry",
                credited_to_hirer=True,
                hours=PayPeriod.months(2017, 100) + PayPeriod.months(2018, 100),
            ),
            Placement(
                id="unknown",
                person="b",
                employer="agency",
                kind=PlacementKind.AGENCY,
                hours=PayPeriod.months(2018, 80) + PayPeriod.months(2019, 80),
            ),
            Placement(
                id="seconded",
                person="c",
                employer="sw",
                kind=PlacementKind.WSW_SECONDED,
                hirer="shop",
                hours=PayPeriod.months(2019, 120),
            ),
        ),
    )


def _procurement() -> Scenario:
    """A contract that ends mid-year, served by a direct employee of the supplier."""
    return Scenario(
        name="procurement",
        employers=(
            Employer(id="buyer", sector="government", subsector="gemeenten"),
            Employer(id="supplier", sector="market"),
        ),
        people=(
            Person(
                id="p",
                registrations=(Registration(ground=Ground.AMVB_INDICATION, start="2015-01-01"),),
            ),
        ),
        contracts=(
            ProcurementContract(
                id="k",
                buyer="buyer",
                supplier="supplier",
                period=Period.of("2018-03-01", "2019-06-30"),
                kind="sroi",
            ),
        ),
        placements=(
            Placement(
                id="cleaning",
                person="p",
                employer="supplier",
                contract="k",
                hours=PayPeriod.months(2018, 86) + PayPeriod.months(2019, 86),
            ),
        ),
    )


CATALOGUE: dict[str, Callable[[], Scenario]] = {
    "example": example_scenario,
    "placed-workers": _placed_workers,
    "procurement": _procurement,
}


def snapshot(scenario: Scenario, rules: str, year: int) -> dict[str, Any]:
    """The outcome of one scenario, rule set and year, as plain JSON-able data."""
    count = count_jobs(scenario, rules=rules, year=year)
    quotum = assess_quotum(scenario, rules=rules, year=year, count=count)
    per_placement: dict[str, list[str]] = {}
    for a in count.attributions:
        line = (
            f"{to_decimal_string(a.hours)} h -> {a.pool or '-'} / {a.credited_to or '-'}"
            f" [{' '.join(r.code for r in a.reasons)}]"
        )
        per_placement.setdefault(a.placement, [])
        if line not in per_placement[a.placement]:
            per_placement[a.placement].append(line)
    return {
        "pools": {
            m.pool.value: {
                "hours": to_decimal_string(m.hours),
                "jobs": to_decimal_string(m.jobs),
                "extra_jobs": to_decimal_string(m.extra_jobs),
                "met": m.met,
            }
            for m in count.monitoring
        },
        "employers": {e: to_decimal_string(t.hours) for e, t in count.employers.items()},
        "excluded_hours": to_decimal_string(count.excluded_hours),
        "placements": per_placement,
        "quotum": {
            q.employer: {
                "liable": q.liable,
                "net_effect": to_decimal_string(q.net_effect),
                **{
                    f.key: f.value
                    if isinstance(f.value, (bool, str)) or f.value is None
                    else to_decimal_string(f.value)
                    for f in q.figures()
                },
            }
            for q in quotum.assessments
        },
    }


def golden(rules: str) -> dict[str, Any]:
    """Every catalogue scenario in every golden year under one rule set."""
    return {
        name: {str(year): snapshot(build(), rules, year) for year in GOLDEN_YEARS}
        for name, build in CATALOGUE.items()
    }
