"""Procurement and social return: the same contracts under every rule set.

Gemeente Voorbeeld buys cleaning from Schoonmaakbedrijf Glans and sets a social-return (SROI)
condition in a construction contract with Bouwbedrijf Hoog. Both suppliers (market sector)
employ people from the doelgroepregister to fulfil the contracts. Where those jobs count is
exactly what the laws disagree on: at the supplier under the 2015 and 2025 laws, at the buying
municipality under the 2018 outline.

The script runs over every registered rule set, so it shows all of them side by side.

Run it with ``python examples/procurement_and_sroi.py``.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from banenafspraak import (
    ContractKind,
    Employer,
    PayPeriod,
    Period,
    Person,
    Placement,
    ProcurementContract,
    Scenario,
    available_rule_sets,
    count_jobs,
    rule_set,
)
from banenafspraak.render.text import format_table

YEAR = 2019
NAMES = {"G": "Gemeente Voorbeeld (buyer)", "C": "Glans (supplier)", "H": "Hoog (supplier)"}


def scenario() -> Scenario:
    """The municipality, two suppliers, two contracts and four placements."""
    yearly = {YEAR - 1: Decimal(200_000), YEAR: Decimal(200_000)}
    employers = (
        Employer(id="G", name=NAMES["G"], sector="government", total_hours=yearly),
        Employer(id="C", name=NAMES["C"], sector="market", total_hours=yearly),
        Employer(id="H", name=NAMES["H"], sector="market", total_hours=yearly),
    )
    people = tuple(
        Person.registered(pid, ground="wajong", since="2016-01-01")
        for pid in ("ilse", "joep", "kim", "lars")
    )
    runs = Period.of(f"{YEAR - 1}-01-01", f"{YEAR + 1}-12-31")
    contracts = (
        ProcurementContract(
            id="cleaning", buyer="G", supplier="C", period=runs, kind=ContractKind.SERVICES
        ),
        ProcurementContract(
            id="town-hall", buyer="G", supplier="H", period=runs, kind=ContractKind.SROI
        ),
    )
    months = PayPeriod.months(YEAR, "110.9")
    placements = (
        Placement(id="ilse-cleans", person="ilse", employer="C", contract="cleaning", hours=months),
        Placement(id="joep-cleans", person="joep", employer="C", contract="cleaning", hours=months),
        Placement(id="kim-builds", person="kim", employer="H", contract="town-hall", hours=months),
        Placement(id="lars-office", person="lars", employer="H", hours=months),
    )
    return Scenario(
        name="procurement and SROI",
        employers=employers,
        people=people,
        placements=placements,
        contracts=contracts,
    )


def main() -> None:
    """Print, per rule set, where each contract job counts and what each employer is credited."""
    world = scenario()
    summary = []
    for name in available_rule_sets():
        rules = rule_set(name)
        count = count_jobs(world, rules=rules, year=YEAR)
        print(f"== {name}: {rules.title} ==")
        rows = []
        for placement in world.placements:
            found = count.for_placement(placement.id)
            pools = sorted({a.pool.value if a.pool else "nowhere" for a in found})
            credited = sorted({NAMES[a.credited_to] for a in found if a.credited_to})
            rules_applied = [r.code for r in found[0].reasons]
            rows.append(
                [
                    placement.id,
                    placement.contract or "-",
                    "+".join(pools),
                    ", ".join(credited) or "nobody",
                    ", ".join(rules_applied),
                ]
            )
        print(format_table(["placement", "contract", "pool", "credited to", "rules applied"], rows))
        print()
        buyer = count.employers.get("G")
        jobs = buyer.jobs if buyer else Fraction(0)
        summary.append([name, f"{float(jobs):.2f}"])
    print("== Jobs credited to the buying municipality, per rule set ==")
    print(format_table(["rule set", "jobs credited to Gemeente Voorbeeld"], summary))


if __name__ == "__main__":
    main()
