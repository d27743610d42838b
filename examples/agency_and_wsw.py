"""Agency work and Wsw secondment: the hours move to the hirer, the credit only by agreement.

Uitzendbureau Flex (an agency, market sector) places three people: at a ministry (government)
with an agreement to credit the ministry, at a factory (market) without one, and one whose hirer
is not known. SW-bedrijf De Werkplaats (a government body) seconds one Wsw worker to the factory
and employs another inside its own workshop.

The script shows, under every registered rule set, which sector (or national) pool each
placement adds to and whose figure it is credited to, and then the 2015 quotum of the agency,
whose variable A leaves out the staff it lends out.

Run it with ``python examples/agency_and_wsw.py``.
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
    available_rule_sets,
    count_jobs,
    explain_quotum,
)
from banenafspraak.render.text import format_table

YEAR = 2019


def _hours(year: int) -> dict[int, Decimal]:
    return {year - 1: Decimal(420_000), year: Decimal(420_000)}


def scenario() -> Scenario:
    """The agency, the SW-bedrijf, their hirers and five placements."""
    employers = (
        Employer(
            id="U",
            name="Uitzendbureau Flex",
            sector="market",
            kind="agency",
            total_hours=_hours(YEAR),
            agency_or_wsw_staff_hours={YEAR - 1: 380_000, YEAR: 380_000},
        ),
        Employer(
            id="S",
            name="SW-bedrijf De Werkplaats",
            sector="government",
            kind="sheltered_workshop",
            total_hours=_hours(YEAR),
            agency_or_wsw_staff_hours={YEAR - 1: 350_000, YEAR: 350_000},
        ),
        Employer(id="M", name="Ministerie", sector="government", total_hours=_hours(YEAR)),
        Employer(id="F", name="Fabriek Staal", sector="market", total_hours=_hours(YEAR)),
    )
    people = tuple(
        Person.registered(pid, ground=ground, since="2015-01-01")
        for pid, ground in (
            ("mila", "wajong"),
            ("noah", "participation_act"),
            ("omar", "amvb_indication"),
            ("pien", "wsw_indication"),
            ("quinn", "wsw_indication"),
        )
    )
    months = PayPeriod.months(YEAR, "120")
    placements = (
        Placement(
            id="mila-at-ministry",
            person="mila",
            employer="U",
            kind=PlacementKind.AGENCY,
            hirer="M",
            credited_to_hirer=True,
            hours=months,
        ),
        Placement(
            id="noah-at-factory",
            person="noah",
            employer="U",
            kind=PlacementKind.AGENCY,
            hirer="F",
            hours=months,
        ),
        Placement(
            id="omar-hirer-unknown",
            person="omar",
            employer="U",
            kind=PlacementKind.AGENCY,
            hours=months,
        ),
        Placement(
            id="pien-seconded",
            person="pien",
            employer="S",
            kind=PlacementKind.WSW_SECONDED,
            hirer="F",
            credited_to_hirer=True,
            hours=months,
        ),
        Placement(
            id="quinn-in-workshop",
            person="quinn",
            employer="S",
            kind=PlacementKind.WSW_INTERNAL,
            hours=months,
        ),
    )
    return Scenario(
        name="agency and Wsw", employers=employers, people=people, placements=placements
    )


def _pools(world: Scenario, rules: str) -> list[list[str]]:
    count = count_jobs(world, rules=rules, year=YEAR)
    rows = []
    for placement in world.placements:
        found = count.for_placement(placement.id)
        total = sum((a.hours for a in found), Fraction(0))
        shares: dict[str, Fraction] = {}
        for a in found:
            key = a.pool.value if a.pool else "nowhere"
            shares[key] = shares.get(key, Fraction(0)) + a.hours
        pools = " + ".join(
            name if part == total else f"{name} {float(part / total):.1%}"
            for name, part in shares.items()
        )
        credited = sorted({str(a.credited_to) for a in found if a.credited_to}) or ["nobody"]
        codes = sorted({a.excluded_because.code for a in found if a.excluded_because})
        rows.append([placement.id, pools, ", ".join(credited), ", ".join(codes)])
    return rows


def main() -> None:
    """Print every placement under every rule set, then the lenders' quotum."""
    world = scenario()
    for rules in available_rule_sets():
        print(f"== Where each placement counts in {YEAR} under {rules} ==")
        rows = _pools(world, rules)
        print(format_table(["placement", "pool", "credited to", "excluded because"], rows))
        print()
    print(
        "Under wbqa-2015 a placed worker counts in the hirer's sector; with no hirer known, the\n"
        "hours are split by the published SEO key. The hirer's quotum rises only by agreement.\n"
    )
    quotum = assess_quotum(world, rules="wbqa-2015", year=YEAR)
    for employer in ("U", "S"):
        print(explain_quotum(quotum[employer]))
        print()


if __name__ == "__main__":
    main()
