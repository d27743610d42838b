"""Results that travel: Arrow, pandas and polars tables, JSON, a short repr and an HTML table."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pandas as pd  # type: ignore[import-untyped,unused-ignore]
import polars as pl
import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from banenafspraak import (
    Comparison,
    JobCount,
    PersonId,
    QuotumReport,
    QuotumResult,
    Scenario,
    assess_quotum,
    compare,
    count_jobs,
)
from banenafspraak.demo import example_scenario
from banenafspraak.exceptions import InvalidTypeError, InvalidValueError
from banenafspraak.render.frames import COUNT_TABLES, exact_number
from banenafspraak.strategies import scenarios

RULES = ("wbqa-2015", "contouren-2018", "wet-banenafspraak-2025")
Rows = list[dict[str, Any]]


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return example_scenario()


@pytest.fixture(scope="module", params=RULES)
def count(request: pytest.FixtureRequest, scenario: Scenario) -> JobCount:
    return count_jobs(scenario, rules=request.param, year=2019)


@pytest.fixture(scope="module", params=[("wbqa-2015", 2018), ("wet-banenafspraak-2025", 2019)])
def report(request: pytest.FixtureRequest, scenario: Scenario) -> QuotumReport[QuotumResult]:
    rules, year = request.param
    return assess_quotum(scenario, rules=rules, year=year)


def expected_rows(count: JobCount, table: str) -> Rows:
    """What each table must say, read from the result objects themselves (exact)."""
    if table == "attributions":
        return [
            {
                "placement": a.placement,
                "hours": a.hours,
                "jobs": a.jobs,
                "pool": None if a.pool is None else a.pool.value,
                "credited_to": a.credited_to,
                "pay_period_start": a.pay_period.start,
            }
            for a in count.attributions
        ]
    if table == "pools":
        return [
            {
                "pool": m.pool.value,
                "hours": m.hours,
                "jobs": m.jobs,
                "extra_jobs": m.extra_jobs,
                "target": None if m.target is None else Fraction(m.target),
                "met": m.met,
            }
            for m in count.monitoring
        ]
    return [
        {"employer": employer, "hours": tally.hours, "jobs": tally.jobs}
        for employer, tally in count.employers.items()
    ]


NUMBERS = {"hours", "jobs", "extra_jobs", "target"}


def read_back(rows: Rows, keys: Sequence[str]) -> Rows:
    """The cells of ``keys`` as Python values, numbers read back exactly, missing as None."""
    out = []
    for row in rows:
        cells: dict[str, Any] = {}
        for key in keys:
            value = row[key]
            if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
                cells[key] = None
            elif key in NUMBERS:
                cells[key] = exact_number(value)
            else:
                cells[key] = value
        out.append(cells)
    return out


def arrow_rows(table: pa.Table) -> Rows:
    rows: Rows = table.to_pylist()
    return rows


def pandas_rows(frame: pd.DataFrame) -> Rows:
    rows: Rows = frame.astype(object).to_dict("records")
    return rows


def polars_rows(frame: pl.DataFrame) -> Rows:
    return frame.to_dicts()


Reader = tuple[str, Callable[[JobCount, str], Rows]]

COUNT_READERS: tuple[Reader, ...] = (
    ("arrow", lambda c, t: arrow_rows(c.to_arrow(t))),  # type: ignore[arg-type]
    ("pandas", lambda c, t: pandas_rows(c.to_pandas(t))),  # type: ignore[arg-type]
    ("polars", lambda c, t: polars_rows(c.to_polars(t))),  # type: ignore[arg-type]
)


@pytest.mark.parametrize("table", COUNT_TABLES)
@pytest.mark.parametrize(("engine", "read"), COUNT_READERS, ids=[r[0] for r in COUNT_READERS])
def test_every_table_of_a_count_round_trips_exactly(
    count: JobCount, table: str, engine: str, read: Callable[[JobCount, str], Rows]
) -> None:
    """Hours, jobs and targets come back equal to the exact fractions, in every engine."""
    expected = expected_rows(count, table)
    rows = read(count, table)
    assert len(rows) == len(expected), engine
    assert read_back(rows, list(expected[0])) == expected


def test_decimal_columns_are_decimal128_when_every_value_ends(count: JobCount) -> None:
    """Whole hours are an Arrow decimal; jobs of 1,331 h a year have no end, so they are text."""
    schema = count.to_arrow("pools").schema
    assert pa.types.is_decimal(schema.field("hours").type)
    assert schema.field("jobs").type == pa.string()
    assert count.to_arrow("pools").column("jobs").to_pylist() == [
        _text(m.jobs) for m in count.monitoring
    ]


def _text(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    return f"{value.numerator}/{value.denominator}"


def test_pandas_gets_no_object_columns_for_numbers_or_dates(count: JobCount) -> None:
    frame = count.to_pandas("attributions")
    assert isinstance(frame["hours"].dtype, pd.ArrowDtype)
    assert isinstance(frame["pay_period_start"].dtype, pd.ArrowDtype)
    assert json.loads(frame.attrs["banenafspraak.receipt"])["rules"] == count.rules


def test_float_numbers_are_floats_close_to_the_exact_values(count: JobCount) -> None:
    frame = count.to_polars("pools", numbers="float")
    assert frame.schema["jobs"] == pl.Float64
    assert frame["jobs"].to_list() == [float(m.jobs) for m in count.monitoring]
    assert count.to_pandas("employers", numbers="float")["hours"].dtype == "float64"


def test_the_receipt_travels_in_the_arrow_metadata(count: JobCount) -> None:
    metadata = count.to_arrow("employers").schema.metadata
    receipt = json.loads(metadata[b"banenafspraak.receipt"])
    assert receipt["scenario_digest"] == count.receipt.scenario_digest
    assert metadata[b"banenafspraak.numbers"] == b"decimal"


def test_person_ids_that_look_like_a_bsn_are_masked_unless_asked(scenario: Scenario) -> None:
    bsn = PersonId("123456782")
    first = scenario.people[0].id
    changed = scenario.evolve(
        people=tuple(attrs.evolve(p, id=bsn) if p.id == first else p for p in scenario.people),
        placements=tuple(
            attrs.evolve(p, person=bsn) if p.person == first else p for p in scenario.placements
        ),
    )
    count = count_jobs(changed, rules="wbqa-2015", year=2019)
    masked = set(count.to_arrow().column("person").to_pylist())
    assert "*****6782" in masked
    assert bsn not in masked
    assert bsn in set(count.to_polars(full_ids=True)["person"].to_list())


def test_a_wrong_table_or_number_choice_is_refused(count: JobCount) -> None:
    with pytest.raises(ValueError, match="attributions, pools, employers"):
        count.to_arrow("people")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'decimal' or 'float'"):
        count.to_arrow("pools", numbers="double")  # type: ignore[arg-type]


QUOTUM_READERS: tuple[tuple[str, Callable[[QuotumReport[QuotumResult]], Rows]], ...] = (
    ("arrow", lambda r: arrow_rows(r.to_arrow())),
    ("pandas", lambda r: pandas_rows(r.to_pandas())),
    ("polars", lambda r: polars_rows(r.to_polars())),
)


@pytest.mark.parametrize(("engine", "read"), QUOTUM_READERS, ids=[r[0] for r in QUOTUM_READERS])
def test_a_quotum_report_has_one_row_per_employer_with_every_figure_of_the_law(
    report: QuotumReport[QuotumResult],
    engine: str,
    read: Callable[[QuotumReport[QuotumResult]], Rows],
) -> None:
    """Every figure of :meth:`QuotumResult.figures` comes back: numbers exact, yes/no, words."""
    rows = read(report)
    assert [row["employer"] for row in rows] == list(report), engine
    for row, result in zip(rows, report.assessments, strict=True):
        assert exact_number(row["net_effect"]) == result.net_effect
        assert row["liable"] == result.liable
        for figure in result.figures():
            cell = row[figure.key]
            if figure.value is None:
                assert cell is None or cell is pd.NA or math.isnan(cell)
            elif isinstance(figure.value, bool | str):
                assert cell == figure.value, figure.key
            else:
                assert exact_number(cell) == figure.value, figure.key


def test_a_quotum_report_as_floats(report: QuotumReport[QuotumResult]) -> None:
    frame = report.to_pandas(numbers="float")
    expected = [None if a.net_effect is None else float(a.net_effect) for a in report.assessments]
    assert frame["net_effect"].tolist() == expected


@settings(max_examples=15)
@given(scenario=scenarios(), rules=st.sampled_from(RULES), year=st.sampled_from((2018, 2019)))
def test_any_count_round_trips_through_arrow_exactly(
    scenario: Scenario, rules: str, year: int
) -> None:
    count = count_jobs(scenario, rules=rules, year=year)
    for table in COUNT_TABLES:
        expected = expected_rows(count, table)
        rows = arrow_rows(count.to_arrow(table))
        assert read_back(rows, list(expected[0]) if expected else []) == expected


@given(
    values=st.lists(
        st.one_of(
            st.none(),
            st.fractions(max_denominator=10**6),
            st.decimals(allow_nan=False, allow_infinity=False, places=6).map(Fraction),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_any_exact_numbers_come_back_exactly_as_decimals_or_text(
    values: list[Fraction | None],
) -> None:
    """A column of decimal128 where every value ends, else exact text; never a rounded value."""
    from banenafspraak.render.frames import _arrow, _Column  # noqa: PLC0415 - the column builder itself

    table = _arrow([_Column("x", "number", tuple(values))], "decimal", {}, "arrow")
    assert [exact_number(v) for v in table.column("x").to_pylist()] == values


def test_exact_number_refuses_a_float() -> None:
    with pytest.raises(InvalidTypeError, match="exact number"):
        exact_number(0.1)
    with pytest.raises(InvalidValueError, match="exact number"):
        exact_number("twelve")
    assert exact_number(Decimal("2.50")) == Fraction(5, 2)
    assert exact_number(None) is None


# -- JSON ------------------------------------------------------------------------------------


def test_a_count_is_json_serialisable_with_exact_numbers_as_strings(count: JobCount) -> None:
    document = count.to_dict()
    assert json.loads(json.dumps(document)) == document
    assert json.loads(count.to_json()) == document
    assert document["counted_hours"] == _decimal(count.counted_hours)
    assert len(document["attributions"]) == len(count.attributions)


def _decimal(value: Fraction) -> str:
    assert value.denominator == 1
    return str(value.numerator)


def test_a_quotum_report_and_a_comparison_are_json_serialisable(
    report: QuotumReport[QuotumResult], scenario: Scenario
) -> None:
    document = report.to_dict()
    assert json.loads(report.to_json(indent=None)) == document
    assert set(document["employers"]) == set(report)
    comparison = compare(scenario, rules=list(RULES), year=2019)
    compared = comparison.to_dict()
    assert json.loads(comparison.to_json()) == compared
    assert compared["rules"] == list(RULES)
    assert len(compared["differences"]) == len(comparison.differences)


# -- repr and notebooks --------------------------------------------------------------------


REPR_LIMIT = 200


def test_repr_is_one_short_line_whatever_the_size_of_the_count(scenario: Scenario) -> None:
    """The bundled example has 150 attributions; repr says how many instead of printing them."""
    count = count_jobs(scenario, rules="wbqa-2015", year=2019)
    text = repr(count)
    assert len(text) < REPR_LIMIT
    assert "\n" not in text
    assert f"{len(count.attributions)} attributions" in text
    assert "wbqa-2015" in text
    assert "2019" in text


def test_repr_of_a_quotum_report_and_a_comparison_is_short(
    report: QuotumReport[QuotumResult], scenario: Scenario
) -> None:
    assert len(repr(report)) < REPR_LIMIT
    assert report.rules in repr(report)
    comparison = compare(scenario, rules=list(RULES), year=2019)
    assert len(repr(comparison)) < REPR_LIMIT
    assert f"{len(comparison.differences)} differences" in repr(comparison)


def test_notebooks_get_a_small_html_table(
    count: JobCount, report: QuotumReport[QuotumResult], scenario: Scenario
) -> None:
    comparison: Comparison = compare(scenario, rules=list(RULES), year=2019)
    for result in (count, report, comparison):
        html = result._repr_html_()
        assert "<table>" in html
        assert "</table>" in html
        assert html.count("<tr>") >= 2
    assert all(f"<td>{m.pool.value}</td>" in count._repr_html_() for m in count.monitoring)
