"""The batch engine on Dask (optional extra ``dask``): partition by partition, then add up.

The engine's core (:func:`banenafspraak.batch.count_batch`) is one additive function over flat
rows, so a Dask data frame of flat rows is counted by ``map_partitions`` and the partial results
are added up on the client:

>>> from banenafspraak.batch import Tables
>>> from banenafspraak.synthetic import generate
>>> tables = Tables.from_columns(generate("S", seed=5, scale=0.01).tables())
>>> frame = flat_frame(tables, npartitions=3)
>>> count = count_jobs(frame, rules="wbqa-2015", year=2019, scheduler="threads")
>>> count.input_hours == count.counted_hours + count.excluded_hours
True

Any scheduler works: the threaded one, or a ``distributed`` cluster (pass ``scheduler=None``
to use the active client).
"""

from __future__ import annotations

from typing import Any

import polars as pl

from banenafspraak.baselines import Baseline
from banenafspraak.batch._engine import (
    PARTIAL_SCHEMA,
    BatchCount,
    ParametersArg,
    _measured,
    _parameters,
    count_batch,
    finish,
    flatten,
    rules_for,
)
from banenafspraak.batch._tables import Tables
from banenafspraak.exceptions import MissingExtraError
from banenafspraak.parameters import Parameters
from banenafspraak.periods import Period
from banenafspraak.rulesets import RuleSet

try:
    import dask.dataframe as dd
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]
except ImportError as error:  # pragma: no cover - the extra is installed in development
    _FEATURE, _EXTRA = "banenafspraak.batch.dask", "dask"
    raise MissingExtraError(_FEATURE, _EXTRA) from error

__all__ = ["count_jobs", "count_partition", "flat_frame"]


def _to_pandas(frame: pl.DataFrame) -> pd.DataFrame:
    return frame.to_pandas(use_pyarrow_extension_array=True)


def flat_frame(
    tables: Tables, *, npartitions: int = 4, parameters: ParametersArg = None
) -> dd.DataFrame:
    """The flat rows of ``tables`` as a Dask data frame (Arrow-typed columns)."""
    frame = _to_pandas(flatten(tables, parameters=parameters))
    flat: dd.DataFrame = dd.from_pandas(frame, npartitions=npartitions)  # type: ignore[no-untyped-call,unused-ignore]
    return flat


def count_partition(
    partition: pd.DataFrame,
    *,
    rules: RuleSet,
    period: Period,
    parameters: Parameters,
    ledger: bool = False,
) -> pd.DataFrame:
    """Count one partition of flat rows: its partial result, as a pandas frame."""
    frame = pl.from_pandas(partition)
    return _to_pandas(
        count_batch(frame, rules=rules, period=period, parameters=parameters, ledger=ledger)
    )


def count_jobs(
    flat: dd.DataFrame,
    *,
    rules: str | RuleSet | None = None,
    year: int | None = None,
    period: Period | None = None,
    parameters: ParametersArg = None,
    baseline: Baseline | None = None,
    scheduler: Any = None,  # noqa: ANN401 - whatever dask.compute accepts
    ledger: bool = False,
) -> BatchCount:
    """Count a Dask data frame of flat rows partition by partition; the same exact numbers.

    With ``ledger`` (a calendar year) the result carries the year's ledger, so that
    :func:`banenafspraak.batch.assess_quotum` can assess every employer from it. Without
    ``rules``, the law in force at the end of the period under ``parameters`` (the flat rows
    carry no parameters of their own: give those they were flattened with).
    """
    measured = _measured(year, period)
    rule_set = rules_for({}, measured, parameters, rules)
    params = _parameters({}, parameters, rule_set)
    meta = _to_pandas(pl.DataFrame(schema=PARTIAL_SCHEMA))
    partials = flat.map_partitions(  # type: ignore[no-untyped-call,unused-ignore]
        count_partition,
        rules=rule_set,
        period=measured,
        parameters=params,
        ledger=ledger,
        meta=meta,
    )
    computed = partials.compute(scheduler=scheduler) if scheduler else partials.compute()
    return finish(
        pl.from_pandas(computed),
        rules=rule_set,
        period=measured,
        parameters=params,
        baseline=baseline,
        ledger=ledger,
    )
