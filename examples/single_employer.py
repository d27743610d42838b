"""A single employer: where its people count, and its quotum, year by year.

Gemeente Voorbeeld (a municipality, government sector) employs four people from the
doelgroepregister in 2018 and 2019: one full time, one part time, one whose Wajong conditions
ceased in 2015, and one in beschut werk. The script shows which hours count, how many jobs that
makes, and what the 2015 quotum asks of the municipality.

Run it with ``python examples/single_employer.py``.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from banenafspraak import (
    Employer,
    PayPeriod,
    Person,
    Placement,
    PlacementKind,
    Scenario,
    assess_quotum,
    count_jobs,
    explain_quotum,
)
from banenafspraak.render.text import format_table

YEARS = (2018, 2019)


def scenario() -> Scenario:
    """The municipality and its four placements."""
    municipality = Employer(
        id="G",
        name="Gemeente Voorbeeld",
        sector="government",
        subsector="gemeenten",
        total_hours=dict.fromkeys((2017, *YEARS), Decimal(250_000)),
    )
    people = (
        Person.registered("ayla", ground="wajong", since="2015-09-01"),
        Person.registered("bas", ground="participation_act", since="2017-02-01"),
        Person.registered(
            "cas", ground="wajong", since="2013-05-01", conditions_ceased="2015-06-30"
        ),
        Person.registered("dewi", ground="participation_act", since="2016-01-01"),
    )

    def both_years(monthly: str) -> tuple[PayPeriod, ...]:
        return tuple(p for year in YEARS for p in PayPeriod.months(year, monthly))

    placements = (
        Placement(id="ayla-full-time", person="ayla", employer="G", hours=both_years("147")),
        Placement(id="bas-part-time", person="bas", employer="G", hours=both_years("69.5")),
        Placement(id="cas-t-plus-2", person="cas", employer="G", hours=both_years("110.9")),
        Placement(
            id="dewi-beschut",
            person="dewi",
            employer="G",
            kind=PlacementKind.SHELTERED_WORK,
            hours=both_years("80"),
        ),
    )
    return Scenario(
        name="Gemeente Voorbeeld",
        employers=(municipality,),
        people=people,
        placements=placements,
    )


def main() -> None:
    """Print where each placement counts, then the quotum of each year."""
    world = scenario()
    for year in YEARS:
        count = count_jobs(world, rules="wbqa-2015", year=year)
        rows = []
        for placement in world.placements:
            found = count.for_placement(placement.id)
            hours = sum((a.hours for a in found), Fraction(0))
            jobs = sum((a.jobs for a in found if a.counted), Fraction(0))
            last = found[-1]
            why = last.excluded_because or last.reasons[-1]
            rows.append(
                [
                    placement.id,
                    f"{float(hours):,.1f}",
                    f"{float(jobs):.3f}",
                    last.pool.value if last.pool else "nowhere",
                    why.code,
                    str(why.reference),
                ]
            )
        print(f"== {world.name}, {year}, under wbqa-2015 ==")
        print(format_table(["placement", "hours", "jobs", "counts in", "rule", "source"], rows))
        government = count.monitoring_of("government")
        print(f"Jobs that count for the government sector: {float(government.jobs):.2f}")
        print()
        quotum = assess_quotum(world, rules="wbqa-2015", year=year, count=count)
        print(explain_quotum(quotum["G"]))
        print()
    print(
        "Cas's Wajong conditions ceased in 2015: under the t+2 rule his registration would have\n"
        "ended on 31 December 2017, but the suspension of Besluit SUWI 3.2(8) keeps it running\n"
        "until 31 December 2028. Without the suspension:"
    )
    without = count_jobs(
        world, rules="wbqa-2015", year=2019, parameters={"registration.suspension_applies": False}
    )
    print(without.explain("cas-t-plus-2"))


if __name__ == "__main__":
    main()
