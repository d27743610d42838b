"""The Dask adapter counts partition by partition and gives the pure path's numbers."""

from __future__ import annotations

import pytest

from banenafspraak import assess_quotum as pure_assess_quotum
from banenafspraak import available_rule_sets, count_jobs
from banenafspraak.batch import Tables, assess_quotum
from banenafspraak.counting import ledger_of, parameters_for
from banenafspraak.synthetic import generate

dask_adapter = pytest.importorskip("banenafspraak.batch.dask")
distributed = pytest.importorskip("distributed")


def test_a_local_cluster_counts_as_the_pure_path_does() -> None:
    data = generate("S", seed=8, scale=0.03)
    scenario = data.to_scenario()
    frame = dask_adapter.flat_frame(Tables.from_columns(data.tables()), npartitions=3)
    assert frame.npartitions == 3
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        result = dask_adapter.count_jobs(frame, rules="wbqa-2015", year=2019)
    pure = count_jobs(scenario, rules="wbqa-2015", year=2019)
    assert result.pools == pure.pools
    assert result.employers == pure.employers
    assert result.excluded_hours == pure.excluded_hours
    assert result.monitoring == pure.monitoring


def test_the_threaded_scheduler_gives_the_same_numbers() -> None:
    data = generate("S", seed=9, scale=0.02)
    frame = dask_adapter.flat_frame(Tables.from_columns(data.tables()), npartitions=2)
    result = dask_adapter.count_jobs(frame, rules="wbqa-2015", year=2019, scheduler="threads")
    pure = count_jobs(data.to_scenario(), rules="wbqa-2015", year=2019)
    assert result.pools == pure.pools
    assert result.employers == pure.employers


def test_a_dask_count_with_the_ledger_assesses_every_law_as_the_pure_path() -> None:
    """Partitions counted with ledger=True give the year's ledger and every employer's quotum."""
    data = generate("S", seed=12, scale=0.03)
    scenario = data.to_scenario()
    tables = Tables.from_columns(data.tables())
    frame = dask_adapter.flat_frame(tables, npartitions=3)
    overrides = {"wet2025.activation_decided_on": "2016-06-01"}
    for rules in available_rule_sets():
        count = dask_adapter.count_jobs(
            frame,
            rules=rules,
            year=2019,
            parameters=overrides,
            scheduler="threads",
            ledger=True,
        )
        pure = count_jobs(scenario, rules=rules, year=2019, parameters=overrides)
        assert count.ledger == ledger_of(pure, parameters_for(scenario, overrides))
        quotum = assess_quotum(tables, rules=rules, year=2019, parameters=overrides, count=count)
        expected = pure_assess_quotum(
            scenario, rules=rules, year=2019, parameters=overrides, count=pure
        )
        assert quotum.assessments == expected.assessments
