"""A sound, conforming document is read on a fast path; it reads exactly as the detailed path.

The loader checks a document without building a path for every node, and builds the placements
and people of a document that conforms to the schema with their own constructors, reading each
distinct day and hours text once. Only a document with a problem is walked again for the places.
These properties hold the two paths to the same scenarios and the same problems, so that they can
never drift apart.
"""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from typing import Any

import pytest
import scenario_strategies
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_schema_check import VALUES, documents

from banenafspraak import Scenario, strategies
from banenafspraak.exceptions import InvalidScenarioError
from banenafspraak.io import _document, scenario_to_json
from banenafspraak.io._document import (
    MAX_DEPTH,
    DuplicateKeys,
    _converter,
    _Document,
    _document_problems,
    _sound,
    _structured_fast,
    scenario_from_document,
    scenario_to_document,
)
from banenafspraak.io._places import Places


def _numbers_as_json_numbers(document: Any, as_numbers: bool) -> Any:
    """The document with every hours text written as a JSON number (a Decimal or int) instead."""
    if not as_numbers:
        return document
    document = copy.deepcopy(document)
    for placement in document["placements"]:
        for period in placement.get("hours", []):
            value = Decimal(period["hours"])
            period["hours"] = int(value) if value == value.to_integral_value() else value
    return document


SCENARIOS = st.one_of(strategies.scenarios(), scenario_strategies.scenarios())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SCENARIOS, st.booleans())
def test_the_fast_path_structures_as_cattrs_does(scenario: Scenario, as_numbers: bool) -> None:
    document = json.loads(scenario_to_json(scenario), parse_float=Decimal)
    document = _numbers_as_json_numbers(document, as_numbers)
    fast = _structured_fast(document)
    assert fast is not None
    detailed = _converter().structure(document, _Document)
    assert fast == detailed
    rebuilt = scenario_from_document(document, Places(source="x"))
    assert rebuilt == scenario
    assert scenario_to_document(rebuilt) == scenario_to_document(scenario)


def _outcome(document: object) -> object:
    try:
        return scenario_from_document(document, Places(source="x"))
    except InvalidScenarioError as error:
        return [str(problem) for problem in error.problems]


@settings(max_examples=300, deadline=None)
@given(documents())
def test_every_document_reads_the_same_with_and_without_the_fast_path(document: Any) -> None:
    fast = _outcome(copy.deepcopy(document))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_document, "_structured_fast", lambda _document: None)
        patch.setattr(_document, "_sound", lambda _document: False)
        detailed = _outcome(copy.deepcopy(document))
    assert fast == detailed


def _nested(value: object, depth: int) -> object:
    for number in range(depth):
        value = [value] if number % 2 else {"k": value}
    return value


UNSOUND_LEAVES = st.sampled_from(
    [
        "\ud800",
        "ok \udfff",
        {"\udc00 key": 1},
        DuplicateKeys({"id": "a"}, twice=["id"]),
        "caf\u00e9",
        "\U0001f600",
    ]
)
RAW = st.recursive(
    VALUES | UNSOUND_LEAVES,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


@settings(max_examples=400, deadline=None)
@given(RAW, st.integers(0, MAX_DEPTH + 2))
def test_a_document_is_sound_exactly_when_it_has_no_problem_of_its_own(
    value: object, depth: int
) -> None:
    document = _nested(value, depth)
    problems = list(_document_problems(document, Places(source="x")))
    assert _sound(document) == (not problems)


@pytest.mark.parametrize("depth", [MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1])
def test_nesting_is_sound_up_to_the_deepest_level(depth: int) -> None:
    leaves: tuple[object, ...] = ([], "text", 1, None)
    for leaf in leaves:
        document = _nested(leaf, depth)
        problems = list(_document_problems(document, Places(source="x")))
        assert _sound(document) == (not problems)
    assert _sound(_nested("x", MAX_DEPTH))
    assert not _sound(_nested("x", MAX_DEPTH + 1))
