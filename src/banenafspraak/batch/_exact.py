"""Exact sums of whole-number parts in polars: ``num / (HOURS_SCALE x den)`` per key.

The batch engine keeps hours as parts with whole numerators and denominators. Added up per key
over the least common denominator of all rows, a key's sum is one numerator: one fraction per
key, made in Python at the end. Where the numbers could outgrow polars' 128-bit integers, the
callers sum in Python instead.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import polars as pl

from banenafspraak._util import summed_numerators
from banenafspraak.batch._tables import HOURS_SCALE

INT128_ROOM = 1 << 126
"""Numbers below this stay inside a 128-bit integer, with room for a comparison or a sum."""


def common_denominator(rows: pl.DataFrame, den: str, num: str, factor: int = 1) -> int | None:
    """The least common denominator of ``rows``, if every sum over it fits in 128 bits.

    Each numerator grows by ``common / den`` over it; all of them together, times ``factor``
    (a caller's own product), must stay below :data:`INT128_ROOM`, and so must ``common``
    itself. ``None``: they might not.
    """
    common = math.lcm(*rows[den].unique().to_list())  # 1 when there are none
    if not rows.height:
        return common
    largest = max(abs(int(rows[num].max())), abs(int(rows[num].min())), 1)  # type: ignore[arg-type]
    return common if largest * common * factor * rows.height < INT128_ROOM else None


def per_key(
    rows: pl.DataFrame,
    keys: Sequence[str],
    den: str,
    num: str,
    common: int,
    *,
    ordered: bool = True,
) -> dict[tuple[Any, ...], Fraction]:
    """Per key, ``sum(num / (HOURS_SCALE x den))``, exact.

    ``common`` is a :func:`common_denominator` of ``rows``. The keys come in the order of
    their first row, or in any order when not ``ordered`` (faster).
    """
    spread = pl.col(num).cast(pl.Int128) * (pl.lit(common, dtype=pl.Int128) // pl.col(den))
    summed = rows.group_by(*keys, maintain_order=ordered).agg(spread.sum().alias("_num"))
    scale = HOURS_SCALE * common
    width = len(keys)
    return {row[:width]: Fraction(row[width], scale) for row in summed.iter_rows()}


def exact_per_key(
    rows: pl.DataFrame, keys: Sequence[str], den: str, num: str, *, ordered: bool = True
) -> dict[tuple[Any, ...], Fraction]:
    """Per key, ``sum(num / (HOURS_SCALE x den))``, exact, whatever the size of the numbers.

    Over the rows' least common denominator in polars (:func:`per_key`); where that could
    outgrow 128 bits, per key and denominator in Python (:func:`summed_numerators`). The keys
    come in the order of their first row, or in any order when not ``ordered``.
    """
    common = common_denominator(rows, den, num)
    if common is not None:
        return per_key(rows, keys, den, num, common, ordered=ordered)
    width = len(keys)
    numerators: dict[tuple[Any, ...], dict[int, int]] = {}
    for row in rows.select(*keys, den, num).iter_rows():
        key, scaled, part = row[:width], HOURS_SCALE * row[width], row[width + 1]
        by_denominator = numerators.setdefault(key, {})
        by_denominator[scaled] = by_denominator.get(scaled, 0) + part
    return {key: summed_numerators(by_den) for key, by_den in numerators.items()}
