"""The additive core: flat rows, partials that add up, decisions, explanations, errors."""

from __future__ import annotations

import itertools
from decimal import Decimal
from fractions import Fraction

import attrs
import polars as pl
import pytest
from batch_helpers import assert_same_count, assert_same_quotum

from banenafspraak import (
    Employer,
    EmployerId,
    InvalidScenarioError,
    PayPeriod,
    Period,
    Person,
    PersonId,
    Placement,
    PlacementId,
    RuleContext,
    Scenario,
    Share,
    batch,
    count_jobs,
    rule_set,
)
from banenafspraak.batch import UnsupportedRuleSetError
from banenafspraak.demo import example_scenario
from banenafspraak.references import LegalReference
from banenafspraak.rulesets._protocol import Reason
from banenafspraak.sectors import Pool
from banenafspraak.synthetic import generate


@pytest.fixture(scope="module")
def generated_tables() -> tuple[Scenario, batch.Tables]:
    data = generate("S", seed=21, scale=0.05)
    return data.to_scenario(), batch.Tables.from_columns(data.tables())


def test_partials_of_any_split_add_up_to_the_whole(
    generated_tables: tuple[Scenario, batch.Tables],
) -> None:
    """count_batch is additive: three uneven partitions, as Arrow tables, give the pure result."""
    scenario, tables = generated_tables
    flat = batch.flatten(tables)
    assert set(batch.FLAT_COLUMNS) <= set(flat.columns)
    cuts = [0, 7, flat.height // 2, flat.height]
    partials = [
        batch.count_batch(flat.slice(a, b - a).to_arrow(), rules="wbqa-2015", year=2019).to_arrow()
        for a, b in itertools.pairwise(cuts)
    ]
    result = batch.finish(batch.combine(partials), rules="wbqa-2015", year=2019)
    pure = count_jobs(scenario, rules="wbqa-2015", year=2019)
    assert result.pools == pure.pools
    assert result.employers == pure.employers
    assert result.excluded_hours == pure.excluded_hours


def test_combining_nothing_gives_an_empty_partial() -> None:
    empty = batch.combine([])
    assert empty.height == 0
    assert empty.schema == pl.Schema(batch.PARTIAL_SCHEMA)
    result = batch.finish(empty, rules="wbqa-2015", year=2019)
    assert result.input_hours == 0
    assert all(t.hours == 0 for t in result.pools.values())


def test_the_decision_table_names_roles_and_reason_codes() -> None:
    tables = batch.Tables.from_scenario(example_scenario())
    decisions = batch.decide(batch.flatten(tables), rules="wbqa-2015")
    assert set(decisions["role"].to_list()) <= set(range(len(batch.ROLES)))
    hirer = decisions.filter(pl.col("role") == batch.ROLES.index("hirer"))
    assert hirer.height > 0
    assert all("W15-INLEEN-CREDIT" in r for r in hirer["reasons"])


def test_a_placement_explains_itself_compactly_and_in_full() -> None:
    scenario = example_scenario()
    count = batch.count_jobs(batch.Tables.from_scenario(scenario), rules="wbqa-2015", year=2019)
    codes = count.reason_codes("u-y")
    assert codes.height == 12
    assert set(codes["role"]) == {"nobody"}
    assert codes["reasons"][0].split("|")[-1] == "W15-INLEEN-NO-CREDIT"
    pure = count_jobs(scenario, rules="wbqa-2015", year=2019)
    assert count.explain("u-y") == pure.explain("u-y")
    with pytest.raises(KeyError, match="no placement"):
        count.reason_codes("nobody-here")
    assert count.monitoring_of("market") == pure.monitoring_of("market")
    with pytest.raises(KeyError, match="counts no pool"):
        count.monitoring_of(Pool.NATIONAL)


def test_a_result_combined_from_partials_keeps_no_rows_to_explain() -> None:
    tables = batch.Tables.from_scenario(example_scenario())
    partial = batch.count_batch(batch.flatten(tables), rules="wbqa-2015", year=2019)
    result = batch.finish(partial, rules="wbqa-2015", year=2019)
    with pytest.raises(LookupError, match="combined from partials"):
        result.reason_codes("u-y")
    with pytest.raises(LookupError, match="keeps no tables"):
        result.explain("u-y")


def test_progress_is_reported_per_stage_and_chunk() -> None:
    seen: list[tuple[str, int, int]] = []
    tables = batch.Tables.from_scenario(example_scenario())
    batch.count_jobs(
        tables,
        rules="wbqa-2015",
        year=2019,
        chunk_rows=10,
        progress=lambda stage, done, total: seen.append((stage, done, total)),
    )
    stages = [s for s, _, _ in seen]
    assert stages[:3] == ["situations", "situations", "decide"]
    counts = [(d, t) for s, d, t in seen if s == "count"]
    assert counts[-1][0] == counts[-1][1] > 1


def test_exactly_one_of_year_and_period() -> None:
    tables = batch.Tables.from_scenario(example_scenario())
    with pytest.raises(TypeError, match="exactly one"):
        batch.count_jobs(tables, rules="wbqa-2015")
    with pytest.raises(TypeError, match="exactly one"):
        batch.count_jobs(tables, rules="wbqa-2015", year=2019, period=Period.year(2019))


def test_flat_rows_must_have_every_column() -> None:
    with pytest.raises(ValueError, match="lack the columns"):
        batch.count_batch(pl.DataFrame({"placement": ["a"]}), rules="wbqa-2015", year=2019)


_ODD = Reason(code="ODD", text="odd", reference=LegalReference(law="none", article="0"))


class _CreditsAStranger:
    """A rule set that credits hours to an employer unrelated to the placement."""

    def __init__(self) -> None:
        self._inner = rule_set("wbqa-2015")

    def __getattr__(self, name: str) -> object:
        return getattr(self._inner, name)

    def attribute(
        self, placement: Placement, pay_period: PayPeriod, context: RuleContext
    ) -> tuple[Share, ...]:
        del placement, pay_period, context
        return (
            Share(
                fraction=Fraction(1),
                pool=Pool.MARKET,
                credited_to="stranger",  # type: ignore[arg-type]
                excluded_because=None,
                reasons=(_ODD,),
            ),
        )


class _SharesDoNotAddUp(_CreditsAStranger):
    def attribute(
        self, placement: Placement, pay_period: PayPeriod, context: RuleContext
    ) -> tuple[Share, ...]:
        del placement, pay_period, context
        half = Share(
            fraction=Fraction(1, 2),
            pool=Pool.MARKET,
            credited_to=None,
            excluded_because=None,
            reasons=(_ODD,),
        )
        return (half,)


def _one_job() -> batch.Tables:
    scenario = Scenario(
        employers=(Employer(id=EmployerId("e"), sector="market"),),
        people=(Person.registered("p", ground="wajong", since="2018-01-01"),),
        placements=(
            Placement(
                id=PlacementId("x"),
                person=PersonId("p"),
                employer=EmployerId("e"),
                hours=PayPeriod.months(2019, "100"),
            ),
        ),
    )
    return batch.Tables.from_scenario(scenario)


@pytest.mark.parametrize(
    ("rules", "message"),
    [(_CreditsAStranger(), "cannot express"), (_SharesDoNotAddUp(), "add up to 1/2")],
)
def test_an_answer_the_engine_cannot_express_is_refused_not_guessed(
    rules: object, message: str
) -> None:
    with pytest.raises(UnsupportedRuleSetError, match=message):
        batch.count_jobs(_one_job(), rules=rules, year=2019)  # type: ignore[arg-type]


def test_a_pay_period_too_long_for_the_key_is_refused() -> None:
    scenario = Scenario(
        employers=(Employer(id=EmployerId("e"), sector="market"),),
        people=(Person.registered("p", ground="wajong", since="2012-01-01"),),
        placements=(
            Placement(
                id=PlacementId("x"),
                person=PersonId("p"),
                employer=EmployerId("e"),
                hours=(PayPeriod(start="2013-01-01", end="2019-12-31", hours=Decimal(100)),),
            ),
        ),
    )
    with pytest.raises(InvalidScenarioError, match="pay periods of at most 2047 days"):
        batch.Tables.from_scenario(scenario)


def test_compare_counts_every_rule_set(generated_tables: tuple[Scenario, batch.Tables]) -> None:
    """The laws of a comparison share the tables' situations and formal sums: each law's count
    and quotum still equal (==) the pure path's.
    """
    scenario, tables = generated_tables
    results = batch.compare(attrs.evolve(tables), year=2019)
    for name, (count, quotum) in results.items():
        assert_same_count(count, count_jobs(scenario, rules=name, year=2019))
        assert quotum.rules == name
        same = assert_same_quotum(scenario, tables, rules=name, year=2019, count=count)
        assert quotum.assessments == same.assessments


def test_the_national_laws_share_the_hours_per_person_when_they_count_the_same(
    generated_tables: tuple[Scenario, batch.Tables],
) -> None:
    """The 2018 outline credits procurement hours to the buyer, the 2025 law to the supplier;
    both count them at the formal employer, whose loonaangifte holds them (Wtl 2.1, 2.10). The
    counted shares of a pay period are taken together, so the two ledgers hold one and the same
    map of hours per formal employer and person, made once.
    """
    scenario, tables = generated_tables
    assert scenario.contracts  # procurement, shared out differently by the two laws
    fresh = attrs.evolve(tables)
    outline = batch.count_jobs(fresh, rules="contouren-2018", year=2019).ledger
    national = batch.count_jobs(fresh, rules="wet-banenafspraak-2025", year=2019).ledger
    assert outline.credited != national.credited
    assert dict(outline.formal) == dict(national.formal)
    first = next(iter(outline.formal))
    assert outline.formal[first] is national.formal[first]
