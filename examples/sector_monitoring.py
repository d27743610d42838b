"""A sector's monitoring against its targets, year after year.

A small world of six employers (four government employers in different sub-sectors and two
market employers) that hire people from the doelgroepregister from 2013 on. The baseline
(nulmeting) is given as numbers, as the law does: the people at work on 1 January 2013, each in
one job. The national targets are scaled down to this world (1 job here for every 1,000 in the
Netherlands) through parameter overrides.

For every year the script prints each pool's jobs, extra jobs against the baseline and the
target, and whether the target was met; then the government jobs per sub-sector. It runs under
every registered rule set: the 2015 law measures each sector on its own, the later ones measure
one national pool.

Run it with ``python examples/sector_monitoring.py``.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from fractions import Fraction

from banenafspraak import (
    Baseline,
    Employer,
    PayPeriod,
    Person,
    Placement,
    Scenario,
    available_rule_sets,
    count_jobs,
    default_parameters,
)
from banenafspraak.render.text import format_table

FIRST, LAST = 2015, 2022
SCALE = Decimal(1000)
MONTHLY_HOURS = "111"  # 1,332 h a year: one job (1,331 h) and a little
# (employer id, name, sector, sub-sector, people at work on 1 January 2013, hires per year)
EMPLOYERS = (
    ("GEM", "Gemeente Aa", "government", "gemeenten", 2, {2013: 1, 2014: 1, 2017: 1, 2019: 1}),
    ("RIJK", "Ministerie Bb", "government", "rijk", 1, {2014: 1, 2015: 1, 2018: 1, 2020: 1}),
    ("PO", "Schoolbestuur Cc", "government", "po", 0, {2016: 1, 2019: 1}),
    ("PROV", "Provincie Dd", "government", "provincies", 1, {2017: 1, 2021: 1}),
    (
        "ZORG",
        "Zorggroep Ee",
        "market",
        None,
        3,
        dict(zip(range(2013, 2023), (2, 2, 2, 3, 4, 4, 4, 2, 5, 4), strict=True)),
    ),
    (
        "BOUW",
        "Bouwbedrijf Ff",
        "market",
        None,
        2,
        dict(zip(range(2013, 2023), (1, 3, 2, 2, 4, 4, 5, 2, 5, 5), strict=True)),
    ),
)


def _scaled(name: str) -> dict[str, str]:
    """A national target table divided by SCALE, as a parameter override."""
    parameter = default_parameters()[name]
    return {
        row.start.isoformat(): str(row.value / SCALE)
        for row in parameter.rows
        if isinstance(row.value, Decimal)
    }


def _employment(pid: str, employer: str, first: int) -> Placement:
    hours = tuple(
        p
        for year in range(max(first, 2013), LAST + 1)
        for p in PayPeriod.months(year, MONTHLY_HOURS)
    )
    return Placement(id=f"{pid}@{employer}", person=pid, employer=employer, hours=hours)


def scenario() -> Scenario:
    """The six employers and their placements from 2013 to the end of 2022."""
    employers, people, placements = [], [], []
    baseline: defaultdict[str, int] = defaultdict(int)
    for key, name, sector, subsector, at_baseline, hires in EMPLOYERS:
        baseline[sector] += at_baseline
        employers.append(Employer(id=key, name=name, sector=sector, subsector=subsector))
        starts = [2012] * at_baseline + [y for y, n in sorted(hires.items()) for _ in range(n)]
        for number, first in enumerate(starts, start=1):
            pid = f"{key.lower()}-{number}"
            people.append(Person.registered(pid, ground="wajong", since="2012-01-01"))
            placements.append(_employment(pid, key, first))
    return Scenario(
        name="a small sector",
        employers=employers,
        people=people,
        placements=placements,
        parameters={
            "target.market": _scaled("target.market"),
            "target.government": _scaled("target.government"),
        },
        baseline=Baseline(jobs=baseline, source="people at work on 1 January 2013"),
    )


def main() -> None:
    """Print each pool's monitoring per year under every rule set, then the sub-sectors."""
    world = scenario()
    baseline = ", ".join(f"{pool} {float(jobs):.2f}" for pool, jobs in world.baseline.jobs.items())
    print(f"Baseline ({world.baseline.source}): {baseline} jobs\n")
    subsector: dict[str, str] = {
        e.id: e.subsector.value for e in world.employers if e.subsector is not None
    }
    for rules in available_rule_sets():
        rows: list[list[str]] = []
        by_subsector: dict[int, defaultdict[str, Fraction]] = {}
        for year in range(FIRST, LAST + 1):
            count = count_jobs(world, rules=rules, year=year)
            rows.extend(
                [
                    str(year),
                    line.pool.value,
                    f"{float(line.jobs):.2f}",
                    f"{float(line.extra_jobs):.2f}",
                    "-" if line.target is None else f"{line.target}",
                    "-" if line.met is None else ("met" if line.met else "missed"),
                ]
                for line in count.monitoring
            )
            tally: defaultdict[str, Fraction] = defaultdict(Fraction)
            for a in count.attributions:
                if a.counted and a.employer in subsector:
                    tally[subsector[a.employer]] += a.jobs
            by_subsector[year] = tally
        print(f"== {rules}: each pool against its target ==")
        print(format_table(["year", "pool", "jobs", "extra jobs", "target", "result"], rows))
        print()
        names = sorted({s for tally in by_subsector.values() for s in tally})
        print(f"== {rules}: government jobs per sub-sector (for reporting, not a legal test) ==")
        print(
            format_table(
                ["year", *names],
                [
                    [str(year), *(f"{float(tally[n]):.2f}" for n in names)]
                    for year, tally in by_subsector.items()
                ],
            )
        )
        print()


if __name__ == "__main__":
    main()
