"""The fast check of a scenario document agrees with the JSON Schema on every document.

A document that conforms is checked once by code compiled from the shipped schema; only a
document that does not is walked by :mod:`jsonschema` for its messages. The two must agree, or a
broken document would pass unnamed (or a sound one be refused without a message).
"""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from banenafspraak.io import example_path
from banenafspraak.io._document import _validator, conforms_to_schema

EXAMPLE: dict[str, Any] = json.loads(example_path().read_text("utf-8"), parse_float=Decimal)

LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 10**6),
    st.decimals(allow_nan=False, allow_infinity=False, places=3),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(
        [
            "2019-02-29",
            "2020-02-29",
            "2019-13-01",
            "2019-1-01",
            "2019-01-01T00:00",
            "\u0661\u0669\u0669\u0669-01-01",
            "",
            "market",
            "government",
            "national",
            "services",
            "sroi",
            "regular",
            "agency",
            "sheltered_workshop",
            "-1",
            "1.5",
            "1,5",
            "banenafspraak/scenario@1",
            "banenafspraak/scenario@2",
            "123456782",
        ]
    ),
)
VALUES = st.recursive(
    LEAVES,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


def _containers(node: object, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if isinstance(node, (dict, list)) and node else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _containers(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _containers(value, (*path, index))
    return found


def _at(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        document = document[step]
    return document


@st.composite
def documents(draw: st.DrawFn) -> object:
    """The bundled example with one to three values replaced, keys removed or keys added."""
    document = copy.deepcopy(EXAMPLE)
    for _ in range(draw(st.integers(1, 3))):
        if not _containers(document):
            break
        container = _at(document, draw(st.sampled_from(_containers(document))))
        keys = list(container) if isinstance(container, dict) else list(range(len(container)))
        key = draw(st.sampled_from(keys))
        action = draw(st.sampled_from(["replace", "remove", "add"]))
        if action == "replace":
            container[key] = draw(VALUES)
        elif action == "remove":
            del container[key]
        elif isinstance(container, dict):
            container[draw(st.text(min_size=1, max_size=8))] = draw(VALUES)
        else:
            container.append(draw(VALUES))
    return document


def _schema_says(document: object) -> bool:
    return not any(True for _ in _validator().iter_errors(document))


@settings(max_examples=400, deadline=None)
@given(documents())
def test_the_fast_check_agrees_with_the_json_schema(document: object) -> None:
    assert conforms_to_schema(document) == _schema_says(document)


def test_the_bundled_example_conforms() -> None:
    assert conforms_to_schema(EXAMPLE)
    assert _schema_says(EXAMPLE)


def test_an_impossible_day_does_not_conform() -> None:
    document = copy.deepcopy(EXAMPLE)
    document["placements"][0]["hours"][0]["start"] = "2019-02-29"
    assert not conforms_to_schema(document)
    assert not _schema_says(document)
