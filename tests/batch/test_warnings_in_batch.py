"""The batch engine warns where the pure path warns, with the same sentences (issue 26, item 8).

Both take them from :func:`banenafspraak.counting.period_warnings`: no hours in the measured
year although the tables have pay periods, and a monitoring target carried past its last year.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from banenafspraak import assess_quotum, batch, count_jobs
from banenafspraak.demo import example_scenario

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))

from golden_cases import run

SCENARIO = example_scenario()
TABLES = batch.Tables.from_scenario(SCENARIO)


def test_a_year_without_hours_and_carried_targets_give_the_same_three_warnings() -> None:
    pure = count_jobs(SCENARIO, rules="wbqa-2015", year=2030).warnings
    assert len(pure) == 3
    assert pure[0].startswith("no hours in 2030: the scenario's pay periods cover 2018-2019")
    assert batch.count_jobs(TABLES, rules="wbqa-2015", year=2030).warnings == pure


@pytest.mark.parametrize("year", [2018, 2019, 2024, 2030])
def test_the_batch_count_warns_as_the_pure_count_in_every_year(year: int) -> None:
    pure = count_jobs(SCENARIO, rules="wbqa-2015", year=year)
    assert batch.count_jobs(TABLES, rules="wbqa-2015", year=year).warnings == pure.warnings


def test_the_batch_quotum_report_carries_the_count_warnings() -> None:
    pure = assess_quotum(SCENARIO, rules="wbqa-2015", year=2024)
    report = batch.assess_quotum(TABLES, rules="wbqa-2015", year=2024)
    assert report.warnings == pure.warnings
    assert any("target.government" in w for w in report.warnings)


def test_counting_partials_warns_of_carried_targets_without_the_tables() -> None:
    """:func:`batch.finish` has no tables: it cannot tell that the period has no hours."""
    count = batch.count_jobs(TABLES, rules="wbqa-2015", year=2030)
    finished = batch.finish(
        batch.count_batch(batch.flatten(TABLES), rules="wbqa-2015", year=2030),
        rules="wbqa-2015",
        year=2030,
    )
    assert finished.warnings == count.warnings[1:]


def test_the_command_line_warns_on_the_batch_engine_as_on_the_pure_one(tmp_path: Path) -> None:
    folder = TABLES.write_parquet(tmp_path / "tables")
    code, _out, err = run(["count", str(folder), "--year", "2030"])
    assert code == 0
    pure = count_jobs(SCENARIO, rules="wbqa-2015", year=2030).warnings
    assert [line for line in err.splitlines() if "warning" in line] == [
        f"banenafspraak: warning: {w}" for w in pure
    ]


@pytest.mark.parametrize("command", ["quotum", "compare"])
def test_quotum_and_compare_warn_on_the_batch_engine_too(tmp_path: Path, command: str) -> None:
    folder = TABLES.write_parquet(tmp_path / "tables")
    code, _out, err = run([command, str(folder), "--year", "2030"])
    assert code == 0
    assert "banenafspraak: warning: no hours in 2030" in err
    assert "banenafspraak: warning: parameter target.market has no value for 2030" in err
