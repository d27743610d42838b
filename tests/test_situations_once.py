"""The pure count decides each distinct situation once, and gives exactly what deciding every
pay period on its own gives: the same attributions, with the same reasons and details.

:func:`banenafspraak.count_jobs` lets the rules remember their answer per placement and
situation (the pay period's year, the registration found and how it stands, the days a
contract runs); ``counting._count_straight`` is the straightforward count it is held to, run
here against every registered rule set.
"""

from __future__ import annotations

import gc
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from banenafspraak import available_rule_sets, count_jobs
from banenafspraak.counting import _count_straight, parameters_for
from banenafspraak.employers import Employer
from banenafspraak.people import Ground, Person, PersonId, Registration
from banenafspraak.periods import Period
from banenafspraak.placements import PayPeriod, Placement
from banenafspraak.rulesets import Attribution, RuleContext, common, resolve
from banenafspraak.rulesets._protocol import attribution
from banenafspraak.scenario import Scenario
from banenafspraak.sectors import Sector
from banenafspraak.strategies import people, scenarios
from banenafspraak.synthetic import generate
from banenafspraak.testing import MEASURED

RULE_SETS = available_rule_sets()

OVERRIDES: st.SearchStrategy[dict[str, object]] = st.sampled_from(
    [
        {},
        # a new text of Besluit SUWI 3.2 in the middle of a year: the explanation changes
        {"registration.stays_under_38b6": {"2019-06-01": True}},
        {"monitoring.young_disabled_counts": True, "wet2025.young_disabled_counts": False},
        {"quotum.inleen_rules": False},
    ]
)


@st.composite
def varied_scenarios(draw: st.DrawFn) -> Scenario:
    """A scenario whose people may have a birth date, a death or a beschut-werk finding."""
    scenario = draw(scenarios(max_people=3, max_placements=6, years=(2018, 2019, 2020)))
    found = tuple(attrs.evolve(draw(people()), id=p.id) for p in scenario.people)
    return attrs.evolve(scenario, people=found, parameters=draw(OVERRIDES))


@pytest.mark.parametrize("rules", RULE_SETS)
@given(scenario=varied_scenarios(), measured=MEASURED)
def test_deciding_each_situation_once_gives_what_deciding_each_pay_period_gives(
    rules: str, scenario: Scenario, measured: Period
) -> None:
    fast = count_jobs(scenario, rules=rules, period=measured)
    straight = _count_straight(scenario, rules=rules, period=measured)
    assert fast.attributions == straight.attributions
    assert fast == straight


@pytest.mark.parametrize("rules", RULE_SETS)
@pytest.mark.parametrize("measured", [Period.year(2019), Period.of("2019-03-10", "2020-01-20")])
def test_a_synthetic_region_counts_the_same_either_way(rules: str, measured: Period) -> None:
    """Four-weekly pay periods across the year's end, contracts that run part of the year, t+2
    ends, requests and two registrations of one person: the same attributions either way.
    """
    scenario = generate("S", seed=5, year=2019, scale=0.05).to_scenario()
    fast = count_jobs(scenario, rules=rules, period=measured)
    straight = _count_straight(scenario, rules=rules, period=measured)
    assert len(fast.attributions) > 100
    assert fast.attributions == straight.attributions
    assert fast == straight


@pytest.mark.parametrize("rules", RULE_SETS)
def test_each_placement_of_an_unregistered_person_keeps_its_own_not_registered_reason(
    rules: str,
) -> None:
    """The NOT-REG reason names the placement (Besluit SUWI 3.2, text of 2016-01-01): two
    placements of one person in the same situation do not share it.
    """
    scenario = Scenario(
        employers=(Employer(id="A", sector=Sector.MARKET),),
        people=(Person(id=PersonId("p")),),
        placements=tuple(
            Placement(id=ident, person="p", employer="A", hours=PayPeriod.months(2019, "80"))
            for ident in ("first", "second")
        ),
    )
    count = count_jobs(scenario, rules=rules, year=2019)
    for ident in ("first", "second"):
        details = {a.excluded_because.detail for a in count.for_placement(ident)}  # type: ignore[union-attr]
        assert details == {f"placement {ident}"}


def test_a_registration_explained_anew_when_a_new_text_takes_effect_in_the_year() -> None:
    """The 2020-01-01 text of Besluit SUWI 3.2 (here moved to 1 June 2019) keeps a person whose
    conditions ceased registered under Wfsv 38b(6): pay periods before and after it are
    different situations, each with the explanation of its own text.
    """
    person = Person(
        id=PersonId("p"),
        registrations=(
            Registration(ground=Ground.WAJONG, start="2016-01-01", conditions_ceased="2018-03-01"),
        ),
    )
    scenario = Scenario(
        employers=(Employer(id="A", sector=Sector.MARKET),),
        people=(person,),
        placements=(Placement(id="L", person="p", employer="A", hours=PayPeriod.months(2019, 80)),),
        parameters={"registration.stays_under_38b6": {"2019-06-01": True}},
    )
    fast = count_jobs(scenario, rules="wbqa-2015", year=2019)
    assert fast == _count_straight(scenario, rules="wbqa-2015", year=2019)
    details = [a.reasons[0].detail for a in fast.attributions]
    assert len(set(details[:5])) == 1
    assert len(set(details[5:])) == 1
    assert details[4] != details[5]
    assert "38b(6)" in details[5]


def test_the_memo_of_a_context_goes_with_the_context() -> None:
    """Nothing a count remembers outlives its rule context."""
    scenario = generate("S", seed=1, year=2019, scale=0.01).to_scenario()
    context = RuleContext(scenario=scenario, parameters=parameters_for(scenario))
    common.remember_situations(context)
    key = id(context)
    assert key in common._MEMOS
    del context
    gc.collect()
    assert key not in common._MEMOS


def _monthly(person: Person) -> Scenario:
    """One placement of ``person`` with a pay period per month of 2019 (80 hours each)."""
    return Scenario(
        employers=(Employer(id="A", sector=Sector.MARKET),),
        people=(person,),
        placements=(
            Placement(id="L", person=person.id, employer="A", hours=PayPeriod.months(2019, 80)),
        ),
    )


REGISTERED_FROM_MAY = Person(
    id=PersonId("p"),
    registrations=(Registration(ground=Ground.WAJONG, start="2019-05-10"),),
)
REQUEST_ENDS_IT_IN_AUGUST = Person(
    id=PersonId("p"),
    registrations=(
        Registration(ground=Ground.WAJONG, start="2016-01-01", ended_on_request="2019-08-20"),
    ),
)
TWO_REGISTRATIONS = Person(
    id=PersonId("p"),
    registrations=(
        Registration(ground=Ground.WAJONG, start="2016-01-01", ended_on_request="2019-03-31"),
        Registration(ground=Ground.WSW_INDICATION, start="2019-03-01"),
    ),
)
REGISTERED_ALL_YEAR = Person(
    id=PersonId("p"),
    registrations=(Registration(ground=Ground.WAJONG, start="2015-06-01"),),
)


@pytest.mark.parametrize("rules", RULE_SETS)
@pytest.mark.parametrize(
    ("person", "grounds"),
    [
        (REGISTERED_FROM_MAY, ["none"] * 4 + ["wajong"] * 8),
        (REQUEST_ENDS_IT_IN_AUGUST, ["wajong"] * 8 + ["none"] * 4),
        (TWO_REGISTRATIONS, ["wajong"] * 3 + ["wsw_indication"] * 9),
        (REGISTERED_ALL_YEAR, ["wajong"] * 12),
    ],
    ids=["registered-from-may", "request-ends-it", "two-registrations", "all-year"],
)
def test_a_registration_that_starts_or_ends_within_the_year_is_decided_per_pay_period(
    rules: str, person: Person, grounds: list[str]
) -> None:
    """Wfsv 38e(2): a pay period counts whole when it overlaps a registration. A placement whose
    registration begins or ends in the year is in more than one situation; each pay period gets
    the reasons of its own (the earliest registration that overlaps it, Besluit SUWI 3.2).
    """
    scenario = _monthly(person)
    fast = count_jobs(scenario, rules=rules, year=2019)
    assert fast == _count_straight(scenario, rules=rules, year=2019)
    found = [
        a.reasons[0].detail.split(" since")[0].removeprefix("ground ")
        if a.reasons[0].code == "REG"
        else "none"
        for a in fast.attributions
    ]
    assert found == grounds


@pytest.mark.parametrize("rules", RULE_SETS)
def test_a_pay_period_outside_the_placements_own_days_is_decided_in_its_own_situation(
    rules: str,
) -> None:
    """The memo knows a placement of 2019 as one situation; asked about a pay period of 2021
    (after a request ended the registration), the rules decide it anew, as without the memo.
    """
    person = Person(
        id=PersonId("p"),
        registrations=(
            Registration(ground=Ground.WAJONG, start="2016-01-01", ended_on_request="2020-06-30"),
        ),
    )
    scenario = _monthly(person)
    rule_set = resolve(rules)
    placement = scenario.placements[0]
    later = PayPeriod.month(2021, 3, 80)
    plain = RuleContext(scenario=scenario, parameters=parameters_for(scenario, rules=rule_set))
    remembering = RuleContext(scenario=scenario, parameters=plain.parameters)
    common.remember_situations(remembering)
    for pay_period in (placement.hours[0], later, placement.hours[5]):
        assert rule_set.attribute(placement, pay_period, remembering) == rule_set.attribute(
            placement, pay_period, plain
        )
    assert rule_set.attribute(placement, later, remembering)[0].excluded_because is not None


def test_a_count_makes_attributions_proper() -> None:
    """The count's attributions are :class:`Attribution` itself, frozen, made field by field."""
    sentinels = {field.name: object() for field in attrs.fields(Attribution)}
    made = attribution(*sentinels.values())  # type: ignore[arg-type]
    assert type(made) is Attribution
    assert all(getattr(made, name) is value for name, value in sentinels.items())
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.hours = Fraction(1)  # type: ignore[misc]
    count = count_jobs(generate("S", seed=2, year=2019, scale=0.01).to_scenario(), year=2019)
    assert {type(a) for a in count.attributions} == {Attribution}
