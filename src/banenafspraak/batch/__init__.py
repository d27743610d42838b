"""The columnar batch engine (optional extra ``batch``): the pure rules at national scale.

The pure path (:func:`banenafspraak.count_jobs`, :func:`banenafspraak.assess_quotum`) is the
reference. This engine gives the same numbers on columnar input (Parquet, CSV, Arrow, data
frames): it asks the pure rule set once per distinct *situation* of a pay period and adds up
exactly, so the law has one source of truth. See ``docs/batch.md``.

>>> from banenafspraak import count_jobs as pure_count
>>> from banenafspraak.synthetic import generate
>>> data = generate("S", seed=3, scale=0.02)
>>> tables = Tables.from_columns(data.tables())
>>> batch = count_jobs(tables, rules="wbqa-2015", year=2019)
>>> pure = pure_count(data.to_scenario(), rules="wbqa-2015", year=2019)
>>> batch.pools == pure.pools and batch.employers == pure.employers
True
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from banenafspraak.exceptions import MissingExtraError

try:
    import polars  # noqa: F401, ICN001 - only checks that the extra is installed
    import pyarrow  # type: ignore[import-untyped,unused-ignore]  # noqa: F401, ICN001 - only checks
except ImportError as error:  # pragma: no cover - the extra is installed in development
    _FEATURE, _EXTRA = "banenafspraak.batch", "batch"
    raise MissingExtraError(_FEATURE, _EXTRA) from error

from banenafspraak._folders import batch_folder
from banenafspraak.baselines import Baseline
from banenafspraak.batch._engine import (
    FLAT_COLUMNS,
    PARTIAL_SCHEMA,
    ROLES,
    BatchCount,
    ParametersArg,
    Progress,
    UnsupportedRuleSetError,
    assess_quotum,
    combine,
    compare,
    count_batch,
    count_jobs,
    decide,
    finish,
    flatten,
)
from banenafspraak.batch._reports import durability, procurement_jobs, subsector_monitoring, trend
from banenafspraak.batch._tables import HOURS_SCALE, TABLES, Tables
from banenafspraak.counting import QuotumReport
from banenafspraak.rulesets import QuotumResult, RuleSet

__all__ = [
    "FLAT_COLUMNS",
    "HOURS_SCALE",
    "PARTIAL_SCHEMA",
    "ROLES",
    "TABLES",
    "BatchCount",
    "Tables",
    "UnsupportedRuleSetError",
    "assess_quotum",
    "combine",
    "compare",
    "compare_files",
    "count_batch",
    "count_files",
    "count_jobs",
    "decide",
    "durability",
    "finish",
    "flatten",
    "is_batch_folder",
    "procurement_jobs",
    "quotum_files",
    "read_tables",
    "subsector_monitoring",
    "trend",
]


def is_batch_folder(path: str | Path) -> bool:
    """``path`` is a folder of the engine's own tables, by their names.

    It is if it holds ``registrations.csv`` or a Parquet file of one of :data:`TABLES`; any
    other input (a JSON scenario, a folder of scenario CSV files with ``people.csv``, even with a
    stray Parquet file of another name) is read by the scenario loader of the ``io`` extra.
    """
    folder = Path(path)
    return folder.is_dir() and batch_folder(folder)


def read_tables(
    path: str | Path,
    *,
    baseline: Baseline | None = None,
    parameters: ParametersArg = None,
) -> Tables:
    """Read the input of the engine: a folder of Parquet or CSV tables, or a scenario file.

    A scenario file (JSON) needs the ``io`` extra; it is read with the pure loader and turned
    into tables.
    """
    source = Path(path)
    overrides = None if parameters is None or not hasattr(parameters, "items") else parameters
    if is_batch_folder(source):
        return Tables.read(source, baseline=baseline, parameters=overrides)  # type: ignore[arg-type]
    try:
        from banenafspraak.io import load_scenario  # type: ignore[import-not-found,attr-defined,unused-ignore]  # noqa: PLC0415
    except ImportError:
        feature = f"reading the scenario file {source}"
        raise MissingExtraError(feature, "io") from None
    return Tables.from_scenario(load_scenario(source))


def count_files(
    path: str | Path,
    *,
    rules: str | RuleSet | None = None,
    year: int,
    parameters: ParametersArg = None,
    progress: Progress | None = None,
    chunk_rows: int = 1_000_000,
) -> BatchCount:
    """``banenafspraak count`` at national scale: read ``path`` and count, reporting progress.

    ``progress(stage, done, total)`` is called with the stages ``read``, ``flatten``,
    ``decide`` and ``count`` (once per chunk of ``chunk_rows`` rows).
    """
    report = progress or (lambda _stage, _done, _total: None)
    report("read", 0, 1)
    tables = read_tables(path)
    report("read", 1, 1)
    return count_jobs(
        tables,
        rules=rules,
        year=year,
        parameters=parameters,
        progress=report,
        chunk_rows=chunk_rows,
    )


def quotum_files(
    path: str | Path,
    *,
    rules: str | RuleSet | None = None,
    year: int,
    parameters: ParametersArg = None,
    progress: Progress | None = None,
) -> QuotumReport[QuotumResult]:
    """``banenafspraak quotum`` at national scale: read, count and assess every employer."""
    report = progress or (lambda _stage, _done, _total: None)
    report("read", 0, 1)
    tables = read_tables(path)
    report("read", 1, 1)
    count = count_jobs(tables, rules=rules, year=year, parameters=parameters, progress=report)
    report("quotum", 0, 1)
    result = assess_quotum(tables, rules=rules, year=year, parameters=parameters, count=count)
    report("quotum", 1, 1)
    return result


def compare_files(
    path: str | Path,
    *,
    rules: Sequence[str | RuleSet] | None = None,
    year: int,
    parameters: ParametersArg = None,
    progress: Progress | None = None,
) -> dict[str, tuple[BatchCount, QuotumReport[QuotumResult]]]:
    """``banenafspraak compare`` at national scale: every rule set (or those given)."""
    report = progress or (lambda _stage, _done, _total: None)
    report("read", 0, 1)
    tables = read_tables(path)
    report("read", 1, 1)
    from banenafspraak.rulesets import available_rule_sets  # noqa: PLC0415 - read when called

    chosen = list(rules or available_rule_sets())
    results: dict[str, tuple[BatchCount, QuotumReport[QuotumResult]]] = {}
    for done, name in enumerate(chosen, start=1):
        count = count_jobs(tables, rules=name, year=year, parameters=parameters)
        quotum = assess_quotum(tables, rules=name, year=year, parameters=parameters, count=count)
        results[count.rules] = (count, quotum)
        report("compare", done, len(chosen))
    return results
