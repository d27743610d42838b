"""Bad input is refused with a named place, never a traceback; exact in, canonical digest out."""

from __future__ import annotations

import ast
import json
import random
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banenafspraak import BanenafspraakError, InvalidScenarioError, exceptions
from banenafspraak._util import MAX_PLACES, to_decimal, to_decimal_string
from banenafspraak.io import example_path, parse_scenario_json
from banenafspraak.parameters import default_parameters
from banenafspraak.render.export import Table, masked_document, safe_cell, to_csv

SRC = Path(__file__).parents[1] / "src" / "banenafspraak"
DOCUMENT: dict[str, Any] = json.loads(example_path().read_text("utf-8"))


def problems_of(text: str) -> list[str]:
    with pytest.raises(InvalidScenarioError) as caught:
        parse_scenario_json(text, source="s.json")
    return [str(p) for p in caught.value.problems]


# -- one root for every error ---------------------------------------------------------------


def test_every_exception_of_the_library_derives_from_its_root() -> None:
    for name in exceptions.__all__:
        kind = getattr(exceptions, name)
        if isinstance(kind, type) and issubclass(kind, BaseException):
            assert issubclass(kind, BanenafspraakError), name


def test_no_module_raises_a_bare_builtin_error() -> None:
    """Every ``raise`` in the package names one of the library's errors, not ValueError & co."""
    bare = {"ValueError", "TypeError", "LookupError", "KeyError", "IndexError", "RuntimeError"}
    found = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                func = node.exc.func
                if isinstance(func, ast.Name) and func.id in bare:
                    found.append(f"{path.name}:{node.lineno}")
    assert found == []


def test_an_error_about_a_value_names_the_field_the_value_and_what_is_accepted() -> None:
    with pytest.raises(exceptions.InvalidValueError) as caught:
        default_parameters().with_overrides({"job.hours_per_year": "0"})
    error = caught.value
    assert isinstance(error, ValueError)
    assert (error.field, error.value) == ("job.hours_per_year", "0")
    assert "more than 0" in error.expected
    assert "job.hours_per_year" in str(error)


def test_a_date_before_the_law_has_data_is_a_clear_error() -> None:
    with pytest.raises(exceptions.OutOfRangeError, match="its data start on"):
        default_parameters().on("job.hours_per_year", "2005-06-30")


# -- problems the JSON reader finds ---------------------------------------------------------


def test_a_key_given_twice_is_a_problem_at_its_place() -> None:
    text = json.dumps(DOCUMENT).replace('"hours": "43.5"', '"hours": "-100", "hours": "43.5"', 1)
    assert problems_of(text) == [
        (
            "s.json $.placements[0].hours[0], hours: key given more than once in one object "
            '(only one value may be given) (got "43.5")'
        )
    ]


def test_nesting_deeper_than_the_format_needs_is_refused_without_a_recursion_error() -> None:
    for depth in (40, 100_000):
        text = '{"format": ' + "[" * depth + "]" * depth + "}"
        assert any("nest" in p for p in problems_of(text))


def test_a_lone_surrogate_is_a_problem_at_its_place() -> None:
    text = json.dumps(DOCUMENT).replace('"Gemeente Voorbeeld"', '"Gemeente \\udc80"', 1)
    (problem,) = problems_of(text)
    assert problem.startswith("s.json $.employers[3], name: not Unicode text")


@pytest.mark.parametrize("number", ["1e400", "1E+15", "0.000000000000000000001"])
def test_numbers_outside_sane_bounds_are_problems_at_their_place(number: str) -> None:
    text = json.dumps(DOCUMENT).replace('"43.5"', number, 1)
    (problem,) = problems_of(text)
    assert problem.startswith("s.json $.placements[0].hours[0]")


@pytest.mark.parametrize("value", ["0", "-1331"])
def test_a_job_of_no_hours_is_refused_not_divided_by(value: str) -> None:
    document = {**DOCUMENT, "parameters": {"job.hours_per_year": value}}
    (problem,) = problems_of(json.dumps(document))
    assert "$.parameters, job.hours_per_year" in problem
    assert "more than 0" in problem


# -- exact in ---------------------------------------------------------------------------------


@given(
    st.decimals(
        allow_nan=False,
        allow_infinity=False,
        places=MAX_PLACES,
        min_value=-(10**14),
        max_value=10**14,
    )
)
def test_a_decimal_string_is_read_and_written_exactly(number: Decimal) -> None:
    assert Fraction(to_decimal(str(number))) == Fraction(number)
    assert Fraction(to_decimal_string(Fraction(number))) == Fraction(number)


def test_more_decimals_than_stated_are_refused_not_rounded() -> None:
    assert to_decimal("1." + "0" * 30) == 1
    with pytest.raises(exceptions.InvalidValueError, match="at most 20 decimals"):
        to_decimal("1." + "0" * 20 + "1")


# -- safe output ------------------------------------------------------------------------------


@pytest.mark.parametrize("cell", ["=1+2", "+1", "-x", "@SUM(A1)", "\tx", "\rx", "-1+2"])
def test_a_formula_like_text_cell_is_neutralised_by_a_single_quote(cell: str) -> None:
    """OWASP, CSV injection: prefix the cell so that a spreadsheet shows it as text."""
    assert safe_cell(cell) == "'" + cell
    written = to_csv(Table(title="", headers=("name",), rows=((cell,),)))
    assert f"'{cell[0]}" in written


@pytest.mark.parametrize("cell", ["-12.5", "-3", "12", "G", "", "0.5"])
def test_numbers_and_plain_text_stay_as_they_are(cell: str) -> None:
    assert safe_cell(cell) == cell


def test_a_nine_digit_run_is_masked_in_every_text_but_numbers_stay_whole() -> None:
    document = {
        "placement": "BSN111222333",
        "person": "123456789",
        "employers": {"111222333-A": {"hours": "123456789", "jobs": "1"}},
        "reasons": [{"detail": "person 111222333"}],
    }
    assert masked_document(document) == {
        "placement": "BSN*****2333",
        "person": "*****6789",
        "employers": {"*****2333-A": {"hours": "123456789", "jobs": "1"}},
        "reasons": [{"detail": "person *****2333"}],
    }
    assert masked_document(document, full_ids=True) == document


# -- canonical out ----------------------------------------------------------------------------


@given(st.randoms(use_true_random=False))
def test_the_scenario_digest_does_not_depend_on_the_order_of_the_input(rng: random.Random) -> None:
    shuffled = json.loads(json.dumps(DOCUMENT))
    for key in ("employers", "people", "placements", "contracts"):
        rng.shuffle(shuffled[key])
    for placement in shuffled["placements"]:
        rng.shuffle(placement["hours"])
    original = parse_scenario_json(json.dumps(DOCUMENT))
    assert parse_scenario_json(json.dumps(shuffled)).digest() == original.digest()
