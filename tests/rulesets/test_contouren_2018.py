"""The November 2018 outline (kst-34352-137): procurement jobs count at the buyer.

Everything else counts as under the 2025 law; the tests below state the one rule that differs,
the edges of a contract's period, and that the outline is never selected by date.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Final

import pendulum
import pytest

from banenafspraak import (
    ContractId,
    ContractKind,
    Employer,
    EmployerId,
    EmployerKind,
    Ground,
    PayPeriod,
    Period,
    Person,
    Placement,
    PlacementId,
    PlacementKind,
    Pool,
    ProcurementContract,
    Scenario,
    Sector,
    assess_quotum,
    count_jobs,
    rule_set,
    rule_set_in_force,
)
from banenafspraak.counting import JobCount

RULES: Final = "contouren-2018"


def _scenario(
    contract_period: Period,
    *,
    kind: ContractKind = ContractKind.SERVICES,
    placement_kind: PlacementKind = PlacementKind.EMPLOYEE,
) -> Scenario:
    employers = (
        Employer(id=EmployerId("G"), sector=Sector.GOVERNMENT),
        Employer(  # an agency when it places the worker (an uitlener, Besluit Wfsv 2.27)
            id=EmployerId("C"),
            sector=Sector.MARKET,
            kind=EmployerKind.AGENCY if placement_kind.lends_to_hirer else EmployerKind.REGULAR,
        ),
        Employer(id=EmployerId("U"), sector=Sector.MARKET, kind=EmployerKind.AGENCY),
        Employer(id=EmployerId("F"), sector=Sector.MARKET),
    )
    people = tuple(
        Person.registered(p, ground=Ground.WAJONG, since="2015-01-01") for p in ("K", "Z")
    )
    placements = (
        Placement(
            id=PlacementId("c-k"),
            person="K",
            employer=EmployerId("C"),
            kind=placement_kind,
            hirer=EmployerId("G") if placement_kind is PlacementKind.AGENCY else None,
            contract=ContractId("deal"),
            hours=PayPeriod.months(2019, 100),
        ),
        Placement(
            id=PlacementId("u-z"),
            person="Z",
            employer=EmployerId("U"),
            kind=PlacementKind.AGENCY,
            hirer=EmployerId("F"),
            credited_to_hirer=True,
            hours=PayPeriod.months(2019, 100),
        ),
    )
    contract = ProcurementContract(
        id=ContractId("deal"),
        buyer=EmployerId("G"),
        supplier=EmployerId("C"),
        period=contract_period,
        kind=kind,
    )
    return Scenario(
        name="outline",
        employers=employers,
        people=people,
        placements=placements,
        contracts=(contract,),
    )


def _count(scenario: Scenario) -> JobCount:
    return count_jobs(scenario, rules=RULES, year=2019)


@pytest.mark.parametrize("kind", list(ContractKind))
def test_a_job_serving_a_contract_counts_at_the_buyer_while_the_contract_runs(
    kind: ContractKind,
) -> None:
    """kst-34352-137: inkoop and SROI jobs count at the buying employer."""
    count = _count(_scenario(Period.year(2019), kind=kind))
    assert {a.credited_to for a in count.for_placement("c-k")} == {"G"}
    assert count.employers[EmployerId("G")].hours == 1200
    assert EmployerId("C") not in count.employers
    assert all(a.reasons[-1].code == "C18-BUYER" for a in count.for_placement("c-k"))


def test_outside_the_contract_the_job_counts_at_the_supplier() -> None:
    """The contract runs from 1 July: January-June count at C, July-December at G."""
    count = _count(_scenario(Period.of("2019-07-01", "2020-06-30")))
    assert count.employers[EmployerId("C")].hours == 600
    assert count.employers[EmployerId("G")].hours == 600
    codes = {a.reasons[-1].code for a in count.for_placement("c-k")}
    assert codes == {"C18-BUYER", "C18-OUTSIDE-CONTRACT"}


def test_a_contract_that_starts_mid_month_splits_that_pay_period_by_days() -> None:
    """From 16 March: 16 of March's 31 days count at the buyer, 15 at the supplier."""
    count = _count(_scenario(Period.of("2019-03-16", "2019-12-31")))
    march = [a for a in count.for_placement("c-k") if a.pay_period.start.month == 3]
    by_employer = {a.credited_to: a.hours for a in march}
    assert by_employer == {"G": Fraction(1600, 31), "C": Fraction(1500, 31)}
    assert all(a.pool is Pool.NATIONAL for a in march)
    assert count.input_hours == count.counted_hours == 2400


def test_an_agency_worker_on_a_contract_counts_at_the_buyer_too() -> None:
    count = _count(_scenario(Period.year(2019), placement_kind=PlacementKind.AGENCY))
    assert {a.credited_to for a in count.for_placement("c-k")} == {"G"}


def test_agency_work_counts_at_the_formal_employer_without_a_hirer_administration() -> None:
    """No inleenadministratie: Z counts at U, whatever U and F agreed."""
    count = _count(_scenario(Period.year(2019)))
    assert {a.credited_to for a in count.for_placement("u-z")} == {"U"}
    assert EmployerId("F") not in count.employers
    assert count.pools.keys() == {Pool.NATIONAL}


def test_the_bonus_follows_the_buyer_and_the_lkv_stays_with_the_formal_employer() -> None:
    """The outline's instrument with the 2025 parameters: bonus to G, LKV (Wtl) to C."""
    report = assess_quotum(
        _scenario(Period.year(2019)),
        rules=RULES,
        year=2021,
        parameters={"wet2025.activation_decided_on": "2019-01-01"},
    )
    assert report["G"].bonus == 0  # no hours in 2021
    report = assess_quotum(
        _scenario(Period.year(2019)),
        rules=RULES,
        year=2019,
        parameters={"wet2025.activation_decided_on": "2017-01-01"},
    )
    assert report["G"].bonus == Decimal("3.76") * 1200
    assert report["G"].lkv == 0
    assert report["C"].bonus == 0
    assert report["C"].lkv == Decimal("1212.00")
    assert report["G"].reasons[0].code == "C18-INSTRUMENT"
    # the outline's own bonus, on the credited hours: not the 2025 law's raise of the LKV
    assert report["G"].bonus_hours == report["G"].credited_hours == 1200
    assert "C18-BONUS" in {r.code for r in report["G"].reasons}
    assert "W25-BONUS" not in {r.code for r in report["G"].reasons}


def test_the_outline_is_never_selected_by_date() -> None:
    """Never enacted: no date selects it."""
    outline = rule_set(RULES)
    assert outline.in_force_from is None
    for day in ("2018-11-20", "2019-06-01", "2030-01-01"):
        assert rule_set_in_force(day).name != RULES
    assert rule_set_in_force(pendulum.Date(2019, 1, 1)).name == "wbqa-2015"
    assert any("kst-34352-137" in r.source for r in outline.references)


def test_an_activation_before_the_2025_laws_article_2_is_not_warned_of_under_the_outline() -> None:
    """Wet banenafspraak art. 12(1) (text of 2026-07-01) binds the law, not the 2018 outline,
    whose years (2018-2019) all lie before art. 2: an activation decided in 2017 is its premise.
    """
    report = assess_quotum(
        _scenario(Period.year(2019)),
        rules=RULES,
        year=2019,
        parameters={"wet2025.activation_decided_on": "2017-01-01"},
    )
    assert report["G"].active
    assert not [w for w in report.warnings if "art. 12(1)" in w]
