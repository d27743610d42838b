"""The batch engine sums the year's ledger from its columns, as the pure path sums attributions.

The ledger is what every law's quotum instrument reads (credited hours per employer, counted hours
per formal employer, person and stage). The stage holds the whole years since the employment's
first day (the LKV's three-year limit, Wtl 2.12, version 2025-01-01) and whether the person had
reached the AOW age (the LKV ends then, Wtl 2.10(2)(a), version 2026-01-01).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pendulum
import polars as pl
import pytest
from batch_helpers import assert_same_count, assert_same_quotum
from hypothesis import given, settings
from hypothesis import strategies as st

from banenafspraak import (
    EmployerId,
    Period,
    Person,
    PlacementKind,
    Scenario,
    aow_age_reached,
    assess_quotum,
    available_rule_sets,
    batch,
    count_jobs,
    rule_set,
)
from banenafspraak._util import FrozenMap
from banenafspraak.batch._engine import _aow_days, _formal_columns, _registration_ends, _stage
from banenafspraak.batch._formal import FormalColumns, _fits
from banenafspraak.batch._tables import HOURS_SCALE
from banenafspraak.counting import ledger_of, parameters_for
from banenafspraak.demo import example_scenario
from banenafspraak.parameters import default_parameters
from banenafspraak.rulesets import Ledger, Stage, years_employed
from banenafspraak.rulesets.national_pool import NationalInstrument, lkv_per_person
from banenafspraak.strategies import dates, scenarios
from banenafspraak.synthetic import generate

RULE_SETS = available_rule_sets()


@st.composite
def quotum_years(draw: st.DrawFn) -> tuple[Scenario, int, dict[str, Any]]:
    """A scenario, a year and parameters that reach every branch of the instruments.

    The year is one of the 2015 quotum (2019), the last with the LKV's three-year limit and
    doelgroepverklaring (2025) or the first without them (2026, Wtl 2.12 and 6.2, version
    2026-01-01); the activation of the 2025 law's quotumregeling is not decided, decided so that
    the surcharge is due in the year, or decided the year before (not yet due, art. 6(1)).
    People are born in the 1950s and early 1960s, so that some reach the AOW age in the years
    drawn; employers have a premium wage of two years before, or a small-employer status.
    """
    year = draw(st.sampled_from([2019, 2025, 2026]))
    scenario = draw(scenarios(years=(year - 1, year), max_people=4, max_placements=8))
    people = tuple(
        attrs.evolve(p, date_of_birth=draw(st.none() | dates(min_year=1950, max_year=1962)))
        for p in scenario.people
    )
    wages = st.sampled_from([Decimal(0), Decimal(400_000), Decimal(3_000_000)])
    employers = tuple(
        attrs.evolve(
            e,
            premium_wage=draw(st.dictionaries(st.just(year - 2) | st.just(year), wages)),
            exempt_wage=draw(st.dictionaries(st.just(year), wages)),
            small_employer=draw(st.dictionaries(st.just(year), st.booleans(), max_size=1)),
        )
        for e in scenario.employers
    )
    decided = draw(st.sampled_from([None, f"{year - 3}-05-01", f"{year - 1}-05-01"]))
    overrides: dict[str, Any] = {"wet2025.activation_decided_on": decided}
    return attrs.evolve(scenario, people=people, employers=employers), year, overrides


@settings(max_examples=40, deadline=None)
@given(case=quotum_years(), rules=st.sampled_from(RULE_SETS))
def test_every_law_assesses_the_same_quotum_in_batch(
    case: tuple[Scenario, int, dict[str, Any]], rules: str
) -> None:
    """The central property of the quotum: ledger and results are equal (==) under every law."""
    scenario, year, overrides = case
    tables = batch.Tables.from_scenario(scenario)
    count = batch.count_jobs(tables, rules=rules, year=year, parameters=overrides)
    assert_same_count(count, count_jobs(scenario, rules=rules, year=year, parameters=overrides))
    assert_same_quotum(scenario, tables, rules=rules, year=year, parameters=overrides, count=count)


@settings(max_examples=20, deadline=None)
@given(case=quotum_years())
def test_the_lkv_worked_out_per_person_is_the_same_from_the_batch_ledger(
    case: tuple[Scenario, int, dict[str, Any]],
) -> None:
    """Wtl 2.10-2.13: each person's counted hours, hours cut (and why), hours that give the LKV
    and amount before and after the cap are the same from either engine's ledger, and add up
    to the employer's LKV.
    """
    scenario, year, overrides = case
    rules = "wet-banenafspraak-2025"
    tables = batch.Tables.from_scenario(scenario)
    count = batch.count_jobs(tables, rules=rules, year=year, parameters=overrides)
    pure = count_jobs(scenario, rules=rules, year=year, parameters=overrides)
    params = parameters_for(scenario, overrides)
    report = assess_quotum(scenario, rules=rules, year=year, parameters=overrides, count=pure)
    for employer in scenario.employers:
        people = lkv_per_person(employer.id, ledger_of(pure, params), params)
        assert lkv_per_person(employer.id, count.ledger, params) == people
        result = report[employer.id]
        assert isinstance(result, NationalInstrument)
        assert sum((p.amount for p in people), Fraction(0)) == result.lkv
        for p in people:
            assert p.eligible_hours + sum((h for _, h in p.cut), Fraction(0)) == p.counted_hours


LEAP_DAYS = st.sampled_from([pendulum.Date(y, 2, 29) for y in (2012, 2016, 2020, 2024)])


@settings(max_examples=300, deadline=None)
@given(first=st.none() | dates(min_year=2010) | LEAP_DAYS, start=dates(min_year=2010))
def test_years_employed_in_columns_is_the_pure_function(
    first: pendulum.Date | None, start: pendulum.Date
) -> None:
    """Whole years since the first day, 29 February included, as pendulum counts them."""
    row = pl.DataFrame(
        {"first_day": [first], "start": [start], "aow_day": [None]},
        schema={"first_day": pl.Date, "start": pl.Date, "aow_day": pl.Date},
    )
    staged = _stage(row).row(0, named=True)
    assert staged["years_employed"] == years_employed(first, start)
    assert staged["pension_age"] is False


def test_years_employed_counts_29_february_as_pendulum_does() -> None:
    """From a leap day, the anniversary in a common year is 28 February (pendulum's rule)."""
    first = pendulum.Date(2016, 2, 29)
    starts = [pendulum.Date(2017, 2, 27), pendulum.Date(2017, 2, 28), pendulum.Date(2020, 2, 28)]
    rows = pl.DataFrame(
        {"first_day": [first] * 3, "start": starts, "aow_day": [None] * 3},
        schema={"first_day": pl.Date, "start": pl.Date, "aow_day": pl.Date},
    )
    staged = _stage(rows)["years_employed"].to_list()
    assert staged == [years_employed(first, s) for s in starts]
    assert staged == [0, 1, 3]


@settings(max_examples=200, deadline=None)
@given(born=st.lists(dates(min_year=1940, max_year=1975), min_size=1, max_size=20))
def test_the_aow_day_in_columns_is_the_pure_function(born: list[pendulum.Date]) -> None:
    """The day the AOW age is reached (AOW art. 7a(1)), per date of birth, as the pure rule."""
    registrations = pl.DataFrame(
        {"person": [f"p{i}" for i in range(len(born))], "date_of_birth": born},
        schema={"person": pl.String, "date_of_birth": pl.Date},
    )
    found = dict(_aow_days(registrations, default_parameters()).iter_rows())
    for i, day in enumerate(born):
        assert found[f"p{i}"] == aow_age_reached(Person(id="p", date_of_birth=day))


def test_the_aow_day_is_left_out_when_it_cannot_fall_before_the_period_ends() -> None:
    """Only people who can have reached the AOW age by the end of the period get a day."""
    registrations = pl.DataFrame(
        {
            "person": ["old", "young"],
            "date_of_birth": [pendulum.Date(1953, 1, 31), pendulum.Date(1990, 5, 2)],
        },
    )
    until = pendulum.Date(2019, 12, 31)
    found = dict(_aow_days(registrations, default_parameters(), until).iter_rows())
    assert found == {"old": aow_age_reached(Person(id="old", date_of_birth="1953-01-31"))}


def test_a_registration_ends_at_the_aow_age_only_when_a_pay_period_can_see_it() -> None:
    """Conditions ceased in 2020: the person stays registered until the AOW age (Wfsv 38b(6)).

    Reached before the last pay period of the tables ends, the AOW age is the registration's
    last day; reached after it, no pay period can tell, and the end is left open.
    """
    registrations = pl.DataFrame(
        {
            "person": ["old", "young"],
            "ground": ["wajong", "wajong"],
            "start": [pendulum.Date(2016, 1, 1)] * 2,
            "conditions_ceased": [pendulum.Date(2020, 3, 1)] * 2,
            "ended_on_request": [None, None],
            "date_of_birth": [pendulum.Date(1955, 6, 30), pendulum.Date(1990, 5, 2)],
            "date_of_death": [None, None],
            "sheltered_work_finding": [None, None],
        },
        schema_overrides={
            "ended_on_request": pl.Date,
            "date_of_death": pl.Date,
            "sheltered_work_finding": pl.Date,
        },
    ).with_row_index("r")
    params = default_parameters()
    aow = aow_age_reached(Person(id="old", date_of_birth="1955-06-30"))
    assert aow is not None
    ends = dict(
        _registration_ends(registrations, params, pendulum.Date(2023, 12, 31))
        .select("person", "reg_end")
        .iter_rows()
    )
    assert ends == {"old": aow, "young": None}
    before = _registration_ends(registrations, params, aow.subtract(days=1))
    assert before["reg_end"].to_list() == [None, None]


@pytest.mark.parametrize("rules", RULE_SETS)
def test_ledgers_of_partitions_add_up_to_the_pure_ledger(rules: str) -> None:
    """count_batch with ledger=True is additive: uneven partitions give the pure ledger.

    A placement's pay periods may fall in different partitions: its first day is computed when
    the rows are flattened, over all its pay periods.
    """
    data = generate("S", seed=31, scale=0.05)
    scenario = data.to_scenario()
    tables = batch.Tables.from_columns(data.tables())
    flat = batch.flatten(tables)
    cuts = [0, 5, flat.height // 3, flat.height]
    partials = [
        batch.count_batch(flat.slice(a, b - a), rules=rules, year=2019, ledger=True).to_arrow()
        for a, b in itertools.pairwise(cuts)
    ]
    result = batch.finish(batch.combine(partials), rules=rules, year=2019, ledger=True)
    pure = count_jobs(scenario, rules=rules, year=2019)
    assert result.ledger == ledger_of(pure, parameters_for(scenario, None, rule_set(rules)))
    assert_same_quotum(scenario, tables, rules=rules, year=2019, count=result, pure=pure)


def test_a_quotum_needs_the_ledger_of_a_calendar_year() -> None:
    """A month has no quotum; partials counted without the ledger cannot give one."""
    tables = batch.Tables.from_scenario(example_scenario())
    month = batch.count_jobs(tables, rules="wbqa-2015", period=Period.month(2019, 12))
    with pytest.raises(ValueError, match="calendar year"):
        _ = month.ledger
    flat = batch.flatten(tables)
    with pytest.raises(ValueError, match="calendar year"):
        batch.count_batch(flat, rules="wbqa-2015", period=month.period, ledger=True)
    partial = batch.count_batch(flat, rules="wbqa-2015", year=2019)
    bare = batch.finish(partial, rules="wbqa-2015", year=2019)
    with pytest.raises(LookupError, match="ledger=True"):
        batch.assess_quotum(tables, rules="wbqa-2015", year=2019, count=bare)
    other = batch.count_jobs(tables, rules="contouren-2018", year=2019)
    with pytest.raises(ValueError, match="not of wbqa-2015"):
        batch.assess_quotum(tables, rules="wbqa-2015", year=2019, count=other)


def test_laws_that_count_the_same_hours_at_the_formal_employer_share_their_sums() -> None:
    """The formal hours are summed once for laws with the same sums, and never for 2015.

    The 2018 outline and the 2025 law count the same hours at the formal employers of the
    example: the second ledger takes the first one's maps. Another year's sums differ and are
    made anew. Each ledger equals the pure one.
    """
    scenario = example_scenario()
    tables = batch.Tables.from_scenario(scenario)
    cases = [("contouren-2018", 2019), ("wet-banenafspraak-2025", 2019), ("contouren-2018", 2018)]
    ledgers = [batch.count_jobs(tables, rules=r, year=y).ledger for r, y in cases]
    for (rules, year), ledger in zip(cases, ledgers, strict=True):
        pure = count_jobs(scenario, rules=rules, year=year)
        assert ledger == ledger_of(pure, parameters_for(scenario, None, rule_set(rules)))
    outline, law, earlier = (list(ledger.formal.values()) for ledger in ledgers)
    assert outline
    assert all(a is b for a, b in zip(outline, law, strict=True))
    assert not any(a is b for a, b in zip(outline, earlier, strict=False))
    assert ledgers[1].formal.get(EmployerId("no such employer")) is None
    assert "no such employer" not in ledgers[1].formal


def test_the_2015_quotum_is_assessed_without_the_formal_hours() -> None:
    """Wfsv 38e-38h read the hours credited to the employer, never those per person."""
    tables = batch.Tables.from_scenario(example_scenario())
    count = batch.count_jobs(tables, rules="wbqa-2015", year=2019)
    batch.assess_quotum(tables, rules="wbqa-2015", year=2019, count=count)
    assert count.parameters is not None
    made = ("formal hours", count.parameters.digest(), str(count.period))
    assert tables.kept(made, list) == []
    assert len(count.ledger.formal) > 0
    assert len(tables.kept(made, list)) == 1


def test_a_ledger_built_from_hours_or_from_a_function_of_them_is_the_same() -> None:
    """Zero hours are dropped either way; a function is called only when the hours are read."""
    calls: list[int] = []
    hours = {
        EmployerId("e1"): {"p1": {Stage(0): Fraction(10), Stage(1): Fraction(0)}},
        EmployerId("e2"): {"p2": {Stage(2, pension_age=True): Fraction(0)}},
    }

    def later() -> dict[EmployerId, dict[str, dict[Stage, Fraction]]]:
        calls.append(1)
        return hours

    credited = {EmployerId("e1"): Fraction(10), EmployerId("e2"): Fraction(0)}
    deferred = Ledger.build(2019, credited, credited, later)
    assert calls == []
    given = Ledger.build(2019, credited, credited, hours)
    assert deferred == given
    assert calls == [1]
    assert dict(given.formal.items()) == {"e1": {"p1": {Stage(0): Fraction(10)}}}
    assert dict(given.credited.items()) == {"e1": Fraction(10)}
    assert given.credited_hours("e1") == Fraction(10)
    assert given.credited_hours("e2") == Fraction(0)


# -- the ledger's queries of the formal hours, answered from the columns ------------------------


def _every_stage(stage: Stage) -> bool:
    return stage is not None


def _first_two_years(stage: Stage) -> bool:
    return stage.years_employed < 2 and not stage.pension_age


def _at_pension_age(stage: Stage) -> bool:
    return stage.pension_age


def _outside_wsw(stage: Stage) -> bool:
    return stage.placement_kind not in {PlacementKind.WSW_INTERNAL, PlacementKind.WSW_SECONDED}


_SELECTIONS = (_every_stage, _first_two_years, _at_pension_age, _outside_wsw)
_KIND = PlacementKind.EMPLOYEE.value

_PARTS = st.lists(
    st.tuples(
        st.sampled_from(["e1", "e2", "e3"]),
        st.sampled_from(["p1", "p2", "p3"]),
        st.integers(0, 3),
        st.booleans(),
        st.sampled_from([k.value for k in PlacementKind]),
        st.integers(1, 10**7),  # hours_e4
        st.sampled_from([(1, 1), (3, 7), (30, 31), (5, 28)]),  # overlap, days
        st.sampled_from([(1, 1), (1, 2), (2, 3)]),  # fnum, fden
    ),
    max_size=24,
)


def _formal_of(
    parts: list[tuple[str, str, int, bool, str, int, tuple[int, int], tuple[int, int]]],
) -> tuple[FormalColumns, dict[EmployerId, dict[str, dict[Stage, Fraction]]]]:
    """The parts as the engine's formal rows in columns, and as the pure path's maps."""
    rows = pl.DataFrame(
        [
            {
                "target": target,
                "person": person,
                "years_employed": years,
                "pension_age": pension,
                "placement_kind": kind,
                "hours_e4": e4,
                "overlap": overlap,
                "days": days,
                "fnum": fnum,
                "fden": fden,
            }
            for target, person, years, pension, kind, e4, (overlap, days), (fnum, fden) in parts
        ],
        schema={
            "target": pl.String,
            "person": pl.String,
            "years_employed": pl.Int32,
            "pension_age": pl.Boolean,
            "placement_kind": pl.String,
            "hours_e4": pl.Int64,
            "overlap": pl.Int64,
            "days": pl.Int64,
            "fnum": pl.Int64,
            "fden": pl.Int64,
        },
    )
    maps: dict[EmployerId, dict[str, dict[Stage, Fraction]]] = {}
    for target, person, years, pension, kind, e4, (overlap, days), (fnum, fden) in parts:
        per_stage = maps.setdefault(EmployerId(target), {}).setdefault(person, {})
        stage = Stage(years, pension_age=pension, placement_kind=PlacementKind(kind))
        hours = Fraction(e4 * overlap * fnum, HOURS_SCALE * days * fden)
        per_stage[stage] = per_stage.get(stage, Fraction(0)) + hours
    return _formal_columns(rows), maps


@given(parts=_PARTS, caps=st.lists(st.fractions(0, 3000, max_denominator=1000), max_size=3))
def test_the_columns_answer_the_ledgers_queries_as_its_maps_do(
    parts: list[tuple[str, str, int, bool, str, int, tuple[int, int], tuple[int, int]]],
    caps: list[Fraction],
) -> None:
    """Per employer: each person's hours in the chosen stages, capped, added up; all of them
    uncapped (the banenafspraakbonus's hours); and who has hours in them. A person's hours may
    lie in several stages and over several denominators
    (pay periods cut at the year's edge, a share of a placement, placements of several kinds).
    An employer with no hours answers 0 and nobody.
    """
    columns, maps = _formal_of(parts)
    batch_ledger = Ledger(
        year=2019, formal=FrozenMap.deferred(columns.maps), formal_queries=columns
    )
    pure_ledger = Ledger.build(2019, {}, {}, maps)
    assert batch_ledger == pure_ledger
    for employer in ("e1", "e2", "e3", "e4"):
        for stages in _SELECTIONS:
            people = pure_ledger.formal_people(employer, stages)
            assert batch_ledger.formal_people(employer, stages) == people
            uncapped = sum(
                (
                    h
                    for per_stage in maps.get(EmployerId(employer), {}).values()
                    for s, h in per_stage.items()
                    if stages(s)
                ),
                Fraction(0),
            )
            assert pure_ledger.formal_hours_in(employer, stages) == uncapped
            assert batch_ledger.formal_hours_in(employer, stages) == uncapped
            for cap in caps:
                expected = sum(
                    (
                        min(sum((h for s, h in per_stage.items() if stages(s)), Fraction(0)), cap)
                        for per_stage in maps.get(EmployerId(employer), {}).values()
                        if any(stages(s) for s in per_stage)
                    ),
                    Fraction(0),
                )
                assert pure_ledger.capped_formal_hours(employer, stages, cap) == expected
                assert batch_ledger.capped_formal_hours(employer, stages, cap) == expected


def test_numbers_too_large_for_128_bits_are_capped_in_python_with_the_same_answer() -> None:
    """A cap with a large denominator would outgrow the columns' 128-bit products."""
    parts = [
        ("e1", "p1", 0, False, _KIND, 10**7, (30, 31), (1, 1)),
        ("e1", "p2", 0, False, _KIND, 5, (1, 1), (1, 1)),
        ("e1", "p1", 1, False, _KIND, 3, (1, 1), (2, 3)),
    ]
    columns, maps = _formal_of(parts)
    cap = Fraction(10**40 + 1, 10**37)
    assert not _fits(columns.sums, cap)
    ledger = Ledger(year=2019, formal=FrozenMap.deferred(columns.maps), formal_queries=columns)
    hours = [sum(per_stage.values(), Fraction(0)) for per_stage in maps[EmployerId("e1")].values()]
    expected = sum((min(h, cap) for h in hours), Fraction(0))
    assert ledger.capped_formal_hours("e1", _every_stage, cap) == expected
    assert ledger.capped_formal_hours("e1", _every_stage, Fraction(1)) == 1 + min(
        Fraction(5, HOURS_SCALE), Fraction(1)
    )


def test_a_selection_made_anew_for_every_employer_finds_the_answers_of_an_equal_one() -> None:
    """The columns keep their answers by the stages a selection chooses, not by the selection."""
    parts = [
        ("e1", "p1", 0, False, _KIND, 10**6, (1, 1), (1, 1)),
        ("e2", "p2", 4, False, _KIND, 10**6, (1, 1), (1, 1)),
        ("e2", "p3", 1, True, _KIND, 10**6, (1, 1), (1, 1)),
    ]
    columns, maps = _formal_of(parts)
    ledger = Ledger(year=2019, formal=FrozenMap.deferred(columns.maps), formal_queries=columns)
    pure = Ledger.build(2019, {}, {}, maps)
    for employer in ("e1", "e2", "e3"):
        for limit in (3, 3, 5):
            early = lambda stage, limit=limit: stage.years_employed < limit  # noqa: E731
            assert ledger.capped_formal_hours(employer, early, Fraction(80)) == (
                pure.capped_formal_hours(employer, early, Fraction(80))
            )
            assert ledger.formal_people(employer, early) == pure.formal_people(employer, early)
    assert ledger.capped_formal_hours("e2", lambda _: True, Fraction(80)) == 160
    assert ledger.formal_people("e2", lambda stage: stage.years_employed > 3) == ("p2",)
    # a limit of 3 chooses the stages of years 0 and 1; a limit of 5 and "every stage" choose
    # all three: two answers, each made once
    assert len(columns._capped) == 2


def test_three_selections_asked_in_turn_are_each_asked_once_per_distinct_stage() -> None:
    """The LKV asks who is beyond the limit, at the pension age and left out, for one employer
    after the other: each question's answer is found again without asking it anew.
    """
    parts = [
        ("e1", "p1", 0, False, _KIND, 10**6, (1, 1), (1, 1)),
        ("e2", "p2", 4, True, PlacementKind.WSW_SECONDED.value, 10**6, (1, 1), (1, 1)),
    ]
    columns, _maps = _formal_of(parts)
    asked: list[str] = []

    def selection(name: str, chosen: Callable[[Stage], bool]) -> Callable[[Stage], bool]:
        def ask(stage: Stage) -> bool:
            asked.append(name)
            return chosen(stage)

        return ask

    questions = (
        selection("beyond", lambda stage: stage.years_employed >= 3),
        selection("pension", _at_pension_age),
        selection("left out", lambda stage: not _outside_wsw(stage)),
    )
    ledger = Ledger(year=2019, formal=FrozenMap.deferred(columns.maps), formal_queries=columns)
    for employer in ("e1", "e2", "e3") * 3:
        answers = [ledger.formal_people(employer, question) for question in questions]
        assert answers == ([("p2",)] * 3 if employer == "e2" else [()] * 3)
    # two distinct stages in the columns: each selection is asked about each once
    assert sorted(asked) == sorted(["beyond", "pension", "left out"] * 2)
