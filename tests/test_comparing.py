"""Comparing rule sets side by side, and the differential property of DESIGN.md invariant 8."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from banenafspraak import (
    Comparison,
    Employer,
    EmployerId,
    Ground,
    PayPeriod,
    Person,
    Placement,
    PlacementId,
    Pool,
    Scenario,
    Sector,
    available_rule_sets,
    compare,
    count_jobs,
)
from banenafspraak.demo import example_scenario
from banenafspraak.render.text import comparison_table, demo_report

ALL = ("wbqa-2015", "contouren-2018", "wet-banenafspraak-2025")


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return compare(example_scenario(), rules=list(ALL), year=2019)


def test_the_built_in_rule_sets_are_all_registered() -> None:
    assert set(ALL) <= set(available_rule_sets())


def test_pools_line_up_with_a_national_line_for_every_rule_set(comparison: Comparison) -> None:
    assert [line.pool for line in comparison.pools] == [
        Pool.MARKET,
        Pool.GOVERNMENT,
        Pool.NATIONAL,
    ]
    market = comparison.pool("market")
    assert market.figures["wet-banenafspraak-2025"] is None
    national = comparison.pool(Pool.NATIONAL)
    wbqa = national.figures["wbqa-2015"]
    assert wbqa is not None
    assert wbqa.derived
    sectors = [comparison.pool(p).figures["wbqa-2015"] for p in ("market", "government")]
    assert wbqa.jobs == sum((f.jobs for f in sectors if f is not None), Fraction(0))
    assert wbqa.target == Decimal(8)  # the scenario's scaled targets, 5 + 3


def test_the_national_difference_is_the_young_disabled_worker(comparison: Comparison) -> None:
    """J (Wfsv 38b(2)) counts for the quotum only in 2015; nationally in the 2025 law."""
    differences = comparison.pool("national").differences
    assert [d.rules for d in differences] == ["contouren-2018", "wet-banenafspraak-2025"]
    for d in differences:
        (change,) = d.placements
        assert change.placement == "f-j"
        assert change.change == Fraction(1200, 1331)
        assert d.change == change.change
        assert "W15-38B2" in [r.code for r in change.reasons_before]
        assert "W25-38B2" in [r.code for r in change.reasons_after]


def test_the_municipality_loses_the_seconded_wsw_worker_under_the_2025_law(
    comparison: Comparison,
) -> None:
    g = comparison.employer("G")
    (difference,) = [d for d in g.differences if d.rules == "wet-banenafspraak-2025"]
    (change,) = difference.placements
    assert change.placement == "s-w"
    assert change.after == 0
    assert "W15-INLEEN-CREDIT" in [r.code for r in change.reasons_before]
    assert "W25-WSW-SECONDED" in [r.code for r in change.reasons_after]


def test_the_municipality_gains_the_cleaners_under_the_2018_outline(
    comparison: Comparison,
) -> None:
    g = comparison.employer("G")
    (difference,) = [d for d in g.differences if d.rules == "contouren-2018"]
    moved = {c.placement: c.change for c in difference.placements}
    assert moved == {
        "s-w": -Fraction(1302, 1331),
        "c-k1": Fraction(1038, 1331),
        "c-k2": Fraction(1038, 1331),
    }
    assert difference.after - difference.before == sum(moved.values())  # type: ignore[operator]
    assert comparison.employer("C").figures["contouren-2018"].credited_jobs == 0


def test_employers_without_a_difference_have_none(comparison: Comparison) -> None:
    assert comparison.employer("B").differences == ()
    assert comparison.reference == "wbqa-2015"


def test_money_differences_carry_the_quotum_reasons() -> None:
    activated = compare(
        example_scenario(),
        rules=["wbqa-2015", "wet-banenafspraak-2025"],
        year=2019,
        parameters={"wet2025.activation_decided_on": "2017-03-01"},
    )
    g = activated.employer("G")
    (money,) = [d for d in g.differences if d.measure == "net_effect"]
    assert money.before == 0  # the 2015 heffing is never levied (Wfsv 122na)
    assert money.after == Decimal("-19401.60")
    assert money.change == Decimal("-19401.60")
    codes = [r.code for r in money.reasons]
    assert "Q15-THRESHOLD" in codes
    assert "W25-ACTIVE" in codes
    assert "W25-SURCHARGE" in codes
    # 2019: no variable D of 2019 is given, so no percentage and no nominal heffing (Wfsv 38f)
    assert g.figures["wbqa-2015"].figure("levy") is None
    assert g.figures["wbqa-2015"].figure("credited_hours") == Decimal(4422)
    assert g.figures["wbqa-2015"].figure("no such figure") is None


def test_every_count_and_quotum_leaves_a_receipt(comparison: Comparison) -> None:
    assert [r.rules for r in comparison.receipts] == [name for name in ALL for _ in range(2)]
    assert set(comparison.counts) == set(ALL)
    assert comparison.quotums["wbqa-2015"].year == 2019


def test_compare_refuses_no_rule_set_or_the_same_one_twice() -> None:
    with pytest.raises(ValueError, match="at least one"):
        compare(example_scenario(), rules=[], year=2019)
    with pytest.raises(ValueError, match="once"):
        compare(example_scenario(), rules=["wbqa-2015", "wbqa-2015"], year=2019)


def test_asking_for_an_unknown_line_names_what_there_is(comparison: Comparison) -> None:
    with pytest.raises(KeyError, match="no employer 'X'"):
        comparison.employer("X")
    only_national = compare(example_scenario(), rules=["wet-banenafspraak-2025"], year=2019)
    with pytest.raises(KeyError, match="national"):
        only_national.pool("market")
    assert only_national.differences == ()


def test_the_comparison_table_explains_each_difference(comparison: Comparison) -> None:
    text = comparison_table(comparison)
    assert "What changes against wbqa-2015, and why" in text
    assert "employer G: 3.322 under wbqa-2015 -> 2.344 under wet-banenafspraak-2025" in text
    assert "s-w: 0.978 -> 0.000 (-0.978)" in text
    assert "5.226*" in text  # the 2015 national figure is the sum of the sectors
    one = comparison_table(compare(example_scenario(), rules=["contouren-2018"], year=2019))
    assert one.endswith("nothing")


def test_the_demo_compares_all_three_rule_sets_for_2019() -> None:
    text = demo_report()
    assert "the rule sets compared, 2019" in text
    assert "had the national quotum been activated in 2017" in text
    for name in ALL:
        assert f"{name} jobs" in text


# -- the differential property ------------------------------------------------------------------

GROUNDS = [
    g for g in Ground if g is not Ground.YOUNG_DISABLED_WITH_PROVISION and g.exists_from is None
]
"""Every ground but 38b(2), whose monitoring is a documented difference (W15-38B2), and the
grounds added after 2014 (a registration cannot start before its ground exists)."""


@st.composite
def direct_employee_scenarios(draw: st.DrawFn) -> Scenario:
    """Direct employees of regular employers, each registered all year (no inleen, no contract)."""
    year = draw(st.integers(2016, 2024))
    employers = tuple(
        Employer(id=EmployerId(f"e{i}"), sector=draw(st.sampled_from(Sector)))
        for i in range(draw(st.integers(1, 3)))
    )
    people = []
    placements = []
    for i in range(draw(st.integers(1, 4))):
        person = f"p{i}"
        people.append(
            Person.registered(person, ground=draw(st.sampled_from(GROUNDS)), since="2014-01-01")
        )
        months = draw(st.lists(st.integers(0, 200), min_size=12, max_size=12))
        placements.append(
            Placement(
                id=PlacementId(f"x{i}"),
                person=person,
                employer=draw(st.sampled_from(employers)).id,
                hours=tuple(
                    PayPeriod.month(year, m, hours) for m, hours in enumerate(months, start=1)
                ),
            )
        )
    return Scenario(
        name=f"direct employees {year}",
        employers=employers,
        people=tuple(people),
        placements=tuple(placements),
    )


@settings(deadline=None)
@given(direct_employee_scenarios())
def test_on_direct_employees_registered_all_year_the_three_rule_sets_agree(
    scenario: Scenario,
) -> None:
    """DESIGN.md invariant 8: where the rule sets share a rule, they give the same totals."""
    year = scenario.placements[0].hours[0].start.year
    counts = [count_jobs(scenario, rules=name, year=year) for name in ALL]
    reference = counts[0]
    total = sum((t.jobs for t in reference.pools.values()), Fraction(0))
    for count in counts[1:]:
        assert count.counted_hours == reference.counted_hours == reference.input_hours
        assert count.pools[Pool.NATIONAL].jobs == total
        assert count.employers == reference.employers
    comparison = compare(scenario, rules=list(ALL), year=year)
    assert all(d.measure != "jobs" for d in comparison.differences)
