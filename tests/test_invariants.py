"""The invariants of DESIGN.md, stated as properties and run against every registered rule set."""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from banenafspraak import Period, Pool, Scenario, available_rule_sets, count_jobs
from banenafspraak.strategies import scenarios
from helpers import input_hours, placement_hours, renamed

RULE_SETS = available_rule_sets()
every_rule_set = pytest.mark.parametrize("rules", RULE_SETS)
measured = st.sampled_from(
    [
        Period.year(2018),
        Period.year(2019),
        Period.quarter(2019, 2),
        Period.month(2018, 3),
        Period.of("2018-03-10", "2019-02-20"),
    ]
)


@every_rule_set
@given(scenario=scenarios(), period=measured)
def test_nothing_is_lost_input_hours_are_counted_or_excluded(
    rules: str, scenario: Scenario, period: Period
) -> None:
    """1. Input hours = counted + excluded, per placement and in total."""
    count = count_jobs(scenario, rules=rules, period=period)
    assert count.input_hours == input_hours(scenario, period)
    assert count.input_hours == count.counted_hours + count.excluded_hours
    for placement in scenario.placements:
        attributed = sum((a.hours for a in count.for_placement(placement.id)), Fraction(0))
        assert attributed == placement_hours(placement, period)


@every_rule_set
@given(scenario=scenarios())
def test_an_hour_adds_to_exactly_one_pool_or_is_excluded(rules: str, scenario: Scenario) -> None:
    """2. Each share adds to one pool of the rule set or says why not; credit goes to one
    employer of the scenario or to nobody.
    """
    count = count_jobs(scenario, rules=rules, year=2019)
    employer_ids = {e.id for e in scenario.employers}
    pools = set(count.pools)
    for a in count.attributions:
        assert (a.pool is None) != (a.excluded_because is None)
        assert a.pool is None or a.pool in pools
        assert a.credited_to is None or a.credited_to in employer_ids
        assert a.reasons, "every share is explained"
        assert a.hours >= 0


@every_rule_set
@given(scenario=scenarios())
def test_totals_are_sums_of_attributions(rules: str, scenario: Scenario) -> None:
    """3. A pool's and an employer's totals are the sums of their attributions."""
    count = count_jobs(scenario, rules=rules, year=2018)
    pools: defaultdict[Pool, Fraction] = defaultdict(Fraction)
    employers: defaultdict[str, Fraction] = defaultdict(Fraction)
    for a in count.attributions:
        if a.pool is not None:
            pools[a.pool] += a.jobs
        if a.credited_to is not None:
            employers[a.credited_to] += a.jobs
    assert {p: t.jobs for p, t in count.pools.items() if t.jobs} == {
        p: j for p, j in pools.items() if j
    }
    assert {e: t.jobs for e, t in count.employers.items()} == dict(employers)
    for line in count.monitoring:
        assert line.jobs == count.pools[line.pool].jobs


@every_rule_set
@given(scenario=scenarios(), data=st.data())
def test_order_and_names_do_not_matter(rules: str, scenario: Scenario, data: st.DataObject) -> None:
    """4. Shuffling the inputs or renaming ids changes nothing but the names."""
    shuffled = Scenario(
        employers=data.draw(st.permutations(scenario.employers)),
        people=data.draw(st.permutations(scenario.people)),
        placements=data.draw(st.permutations(scenario.placements)),
        contracts=data.draw(st.permutations(scenario.contracts)),
    )
    original = count_jobs(scenario, rules=rules, year=2019)
    again = count_jobs(shuffled, rules=rules, year=2019)
    assert again.pools == original.pools
    assert again.employers == original.employers
    other = count_jobs(renamed(scenario, "-x"), rules=rules, year=2019)
    assert other.pools == original.pools
    assert dict(other.employers) == {f"{e}-x": t for e, t in original.employers.items()}


@every_rule_set
@given(scenario=scenarios(), data=st.data())
def test_adding_hours_never_lowers_a_pool_or_a_credit(
    rules: str, scenario: Scenario, data: st.DataObject
) -> None:
    """5. Monotone: more hours in one pay period never lower any pool or credit."""
    if not scenario.placements:
        return
    index = data.draw(st.integers(0, len(scenario.placements) - 1))
    placement = scenario.placements[index]
    which = data.draw(st.integers(0, len(placement.hours) - 1))
    pay = placement.hours[which]
    extra = data.draw(st.decimals(min_value=0, max_value=100, places=2))
    more = attrs.evolve(pay, hours=pay.hours + extra)
    grown = attrs.evolve(
        placement, hours=tuple(p if p is not pay else more for p in placement.hours)
    )
    bigger = scenario.evolve(
        placements=tuple(grown if p is placement else p for p in scenario.placements)
    )
    before = count_jobs(scenario, rules=rules, year=pay.end.year)
    after = count_jobs(bigger, rules=rules, year=pay.end.year)
    for pool, tally in before.pools.items():
        assert after.pools[pool].hours >= tally.hours
    for employer, tally in before.employers.items():
        assert after.employers[employer].hours >= tally.hours


@every_rule_set
@given(left=scenarios(prefix="a"), right=scenarios(prefix="b"))
def test_disjoint_scenarios_add_up(rules: str, left: Scenario, right: Scenario) -> None:
    """6. Additive: for scenarios with different employers and people, results add up."""
    both = count_jobs(left.merge(right), rules=rules, year=2018)
    a = count_jobs(left, rules=rules, year=2018)
    b = count_jobs(right, rules=rules, year=2018)
    for pool in both.pools:
        assert both.pools[pool] == a.pools[pool] + b.pools[pool]
    assert dict(both.employers) == {**a.employers, **b.employers}
    assert both.excluded_hours == a.excluded_hours + b.excluded_hours


@every_rule_set
@given(scenario=scenarios())
def test_inputs_are_never_mutated_and_results_are_deterministic(
    rules: str, scenario: Scenario
) -> None:
    """7. Counting leaves the scenario as it was, and gives the same result twice."""
    digest = scenario.digest()
    first = count_jobs(scenario, rules=rules, year=2019)
    second = count_jobs(scenario, rules=rules, year=2019)
    assert scenario.digest() == digest
    assert first.attributions == second.attributions
    assert first.receipt == second.receipt


@every_rule_set
def test_a_scenario_without_placements_counts_nothing(rules: str) -> None:
    count = count_jobs(Scenario(), rules=rules, year=2019)
    assert count.input_hours == 0
    assert all(t.hours == 0 for t in count.pools.values())
    assert all(m.extra_jobs == 0 for m in count.monitoring)


def test_the_invariants_run_against_the_built_in_rule_set() -> None:
    assert "wbqa-2015" in RULE_SETS
