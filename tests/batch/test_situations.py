"""The situation of a pay period determines the rule set's answer (the engine's one assumption).

The batch engine asks the pure rule set once per distinct situation. These tests ask it for
*every* row, with the full scenario as context, and check that rows of one situation get the same
answer relative to the row (credited to the employer, hirer, buyer or nobody; pool; share;
reason codes).
"""

from __future__ import annotations

import importlib.util
from collections import defaultdict
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from banenafspraak import (
    BanenafspraakError,
    Employer,
    Ledger,
    LegalReference,
    Parameters,
    PayPeriod,
    Period,
    Person,
    Placement,
    Pool,
    ProcurementContract,
    QuotumResult,
    Reason,
    Registration,
    RuleContext,
    RuleSet,
    Share,
    available_rule_sets,
    batch,
    count_jobs,
    rule_set,
)
from banenafspraak.batch import Tables
from banenafspraak.batch._engine import _encode, _gather_flat, _parameters, _role, _sector_years
from banenafspraak.demo import example_scenario
from banenafspraak.parameters import Parameter
from banenafspraak.rulesets.wbqa_2015 import WBQA_2015
from banenafspraak.scenario import Scenario
from banenafspraak.strategies import scenarios
from banenafspraak.synthetic import SizeSpec, generate
from banenafspraak.testing import MEASURED, RuleSetContract


def _relative_answers(scenario: Scenario, tables: Tables, rules: str) -> dict[int, set[Any]]:
    rule = rule_set(rules)
    params = _parameters(tables.parameters, None)
    keyed, places = _encode(tables, params)
    sectors = _sector_years(tables)
    flat = _gather_flat(keyed.rows, places, tables.registrations, sectors).to_dicts()
    context = RuleContext(scenario=scenario, parameters=params)
    answers: defaultdict[int, set[Any]] = defaultdict(set)
    ids = tables.placements["id"]  # p is the table's row; the scenario keeps the order of ids
    for key, p, row in zip(keyed.rows["key"], keyed.rows["p"], flat, strict=True):
        placement = scenario.placement(ids[p])
        pay_period = next(pp for pp in placement.hours if pp.start == row["start"])
        shares = rule.attribute(placement, pay_period, context)
        answers[key].add(
            tuple(
                (
                    _role(s.credited_to, row, rule),
                    s.pool,
                    s.excluded_because.code if s.excluded_because else None,
                    s.fraction,
                    tuple(r.code for r in s.reasons),
                )
                for s in shares
            )
        )
    return answers


@settings(max_examples=6, deadline=None)
@given(
    rules=st.sampled_from(available_rule_sets()),
    seed=st.integers(0, 10_000),
    year=st.sampled_from([2017, 2018, 2019]),
)
def test_rows_of_one_situation_get_one_answer(rules: str, seed: int, year: int) -> None:
    generated = generate(SizeSpec(name="T", placements=150), seed=seed, year=year)
    scenario = generated.to_scenario()
    answers = _relative_answers(scenario, Tables.from_columns(generated.tables()), rules)
    assert len(answers) > 10
    assert all(len(found) == 1 for found in answers.values()), {
        k: v for k, v in answers.items() if len(v) > 1
    }


@pytest.mark.parametrize("rules", available_rule_sets())
def test_the_bundled_example_has_one_answer_per_situation(rules: str) -> None:
    scenario = example_scenario()
    answers = _relative_answers(scenario, Tables.from_scenario(scenario), rules)
    assert all(len(found) == 1 for found in answers.values())


# -- which days a contract covers: the situation holds them, not only how many ------------------

EXAMPLES = Path(__file__).parent.parent.parent / "examples" / "custom_rule_set.py"


def _example_rule_set() -> RuleSet:
    """``BUYER_2015`` of ``examples/custom_rule_set.py``: a job counts at the buyer while its
    contract runs on the pay period's last day.
    """
    spec = importlib.util.spec_from_file_location("custom_rule_set_situations", EXAMPLES)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rules: RuleSet = module.BUYER_2015
    return rules


def _january_contracts() -> Scenario:
    """Two jobs of 100 h in January 2019 at supplier S, each for a contract of buyer B (a
    government employer) that covers 15 of January's 31 days: K1 the first 15, K2 the last 15.
    """
    registered = (Registration(ground="wajong", start="2016-01-01"),)
    return Scenario(
        employers=(
            Employer(id="S", sector="market", kind="regular"),
            Employer(id="B", sector="government", kind="regular"),
        ),
        people=(
            Person(id="P1", registrations=registered),
            Person(id="P2", registrations=registered),
        ),
        contracts=tuple(
            ProcurementContract(id=k, buyer="B", supplier="S", period=period, kind="services")
            for k, period in (
                ("K1", Period.of("2019-01-01", "2019-01-15")),
                ("K2", Period.of("2019-01-17", "2019-01-31")),
            )
        ),
        placements=tuple(
            Placement(
                id=ident,
                person=person,
                employer="S",
                contract=contract,
                hours=(PayPeriod.month(2019, 1, 100),),
            )
            for ident, person, contract in (("L1", "P1", "K1"), ("L2", "P2", "K2"))
        ),
    )


def test_contracts_covering_the_first_and_the_last_half_of_january_count_apart() -> None:
    """K1 does not run on 31 January, K2 does: L1 counts at S (market), L2 at B (government).

    Both cover 15 of the pay period's 31 days; a situation that held only how many days it
    covers would give L1 the answer of L2 (or the reverse).
    """
    rules = _example_rule_set()
    scenario = _january_contracts()
    pure = count_jobs(scenario, rules=rules, year=2019)
    counted = batch.count_jobs(Tables.from_scenario(scenario), rules=rules, year=2019)
    assert pure.pools[Pool.MARKET].hours == 100
    assert pure.pools[Pool.GOVERNMENT].hours == 100
    assert counted.pools == pure.pools
    assert counted.employers == pure.employers


@attrs.frozen
class ReadsTheLastDay:
    """A broken plug-in: ``wbqa-2015``, but a pay period ending on an odd day counts nowhere.

    The day of the month is not part of what a rule may read (:meth:`RuleSet.attribute`): two
    pay periods of one year share a situation whatever their last day.
    """

    name: str = "reads-the-last-day"
    version: str = "1"
    title: str = "wbqa-2015, odd last days left out (broken on purpose)"
    in_force_from: None = None
    references: tuple[LegalReference, ...] = WBQA_2015.references
    pools: tuple[Pool, ...] = WBQA_2015.pools
    extra_parameters: tuple[Parameter, ...] = ()

    def starts(self, parameters: Parameters) -> pendulum.Date | None:  # noqa: ARG002
        """Never selected by date."""
        return None

    def attribute(
        self, placement: Placement, pay_period: PayPeriod, context: RuleContext
    ) -> tuple[Share, ...]:
        """The 2015 shares, or nowhere when the pay period ends on an odd day."""
        if pay_period.end.day % 2:
            why = Reason(code="X-ODD", text="an odd last day", reference=WBQA_2015.references[0])
            return (
                Share(
                    fraction=Fraction(1),
                    pool=None,
                    credited_to=None,
                    excluded_because=why,
                    reasons=(why,),
                ),
            )
        return WBQA_2015.attribute(placement, pay_period, context)

    def targets(self, year: int, parameters: Parameters) -> Mapping[Pool, Decimal]:
        """The 2015 targets."""
        return WBQA_2015.targets(year, parameters)

    def assess_quotum(
        self, employer: Employer, year: int, ledger: Ledger, context: RuleContext
    ) -> QuotumResult:
        """The 2015 quotum."""
        return WBQA_2015.assess_quotum(employer, year, ledger, context)


class ContractOfTheBrokenRuleSet(RuleSetContract):
    """The contract suite, against a rule set that breaks it (run by the test below)."""

    rules = ReadsTheLastDay()


def test_a_rule_set_that_answers_differently_within_a_situation_is_refused() -> None:
    """January (31 days) and February (28) of one placement share a situation; the engine sees
    the two answers and names the rule set and the pay periods, rather than count one wrong.
    """
    scenario = _january_contracts()
    placement = scenario.placement("L1")
    longer = attrs.evolve(
        placement,
        contract=None,
        hours=(PayPeriod.month(2019, 1, 100), PayPeriod.month(2019, 2, 100)),
    )
    scenario = scenario.evolve(placements=(longer,), contracts=())
    with pytest.raises(BanenafspraakError) as raised:
        batch.count_jobs(
            Tables.from_scenario(scenario),
            rules=ReadsTheLastDay(),
            period=Period.of("2019-01-01", "2019-12-31"),
        )
    message = str(raised.value)
    assert "'reads-the-last-day'" in message
    assert "placement 'L1'" in message
    assert "2019-01-01..2019-01-31" in message
    assert "2019-02-01..2019-02-28" in message


def test_the_contract_suite_fails_a_rule_set_that_answers_differently_within_a_situation() -> None:
    """The suite's own check of both engines, on its own scenarios, finds where they part: a
    different total, or the engine's refusal; either fails the suite.

    Run without shrinking (what a failing suite spends most of its time on) and stopping at the
    first failure.
    """
    check = RuleSetContract.test_both_engines_count_the_same.hypothesis.inner_test  # type: ignore[attr-defined]
    quick = settings(
        max_examples=100,
        phases=[Phase.generate],
        report_multiple_bugs=False,
        database=None,
        deadline=None,
    )(given(scenario=scenarios(), period=MEASURED)(check))
    with pytest.raises((AssertionError, BanenafspraakError)):
        quick(ContractOfTheBrokenRuleSet())
