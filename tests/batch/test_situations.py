"""The situation of a pay period determines the rule set's answer (the engine's one assumption).

The batch engine asks the pure rule set once per distinct situation. These tests ask it for
*every* row, with the full scenario as context, and check that rows of one situation get the same
answer relative to the row (credited to the employer, hirer, buyer or nobody; pool; share;
reason codes).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from banenafspraak import RuleContext, available_rule_sets, rule_set
from banenafspraak.batch import Tables
from banenafspraak.batch._engine import _encode, _gather_flat, _parameters, _role, _sector_years
from banenafspraak.demo import example_scenario
from banenafspraak.scenario import Scenario
from banenafspraak.synthetic import SizeSpec, generate


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
