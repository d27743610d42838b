"""Exact sums per key in polars: over the least common denominator, or in Python if too large."""

from __future__ import annotations

from fractions import Fraction

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from banenafspraak.batch._engine import _exact_per_key
from banenafspraak.batch._exact import INT128_ROOM, common_denominator
from banenafspraak.batch._tables import HOURS_SCALE

_ROWS = st.lists(
    st.tuples(
        st.sampled_from(["a", "b", "c"]),
        st.integers(1, 31 * 6),  # days x fden
        st.integers(0, 10**12) | st.integers(2**100, 2**120),
    ),
    max_size=20,
)


def _frame(rows: list[tuple[str, int, int]]) -> pl.DataFrame:
    return pl.DataFrame(
        rows, schema={"key": pl.String, "den": pl.Int128, "num": pl.Int128}, orient="row"
    )


@given(rows=_ROWS)
def test_the_sum_per_key_is_exact_and_in_the_order_of_the_first_rows(
    rows: list[tuple[str, int, int]],
) -> None:
    """Small numbers are summed in polars, numbers that could outgrow 128 bits in Python."""
    expected: dict[tuple[str], Fraction] = {}
    for key, den, num in rows:
        expected[(key,)] = expected.get((key,), Fraction(0)) + Fraction(num, HOURS_SCALE * den)
    summed = _exact_per_key(_frame(rows), 1)
    assert summed == expected
    assert list(summed) == list(expected)


def test_a_common_denominator_is_given_only_where_its_sums_fit_in_128_bits() -> None:
    small = _frame([("a", 7, 10**9), ("a", 31, 5)])
    assert common_denominator(small, "den", "num") == 7 * 31
    large = _frame([("a", 7, INT128_ROOM // 100), ("a", 31, 5)])
    assert common_denominator(large, "den", "num") is None
    assert common_denominator(_frame([]), "den", "num") == 1
