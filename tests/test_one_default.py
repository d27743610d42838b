"""One default: without ``rules``, every entry point counts under the law in force.

The law in force is decided in one place, :func:`banenafspraak.counting.rules_in_force`: the
rule set in force at the end of the measured period, under the source's own parameters (a
scenario's, or the batch tables') and the call's. These tests hold every entry point to it, in
Python, in the reports and on the command line, on both engines. The scenario of the case: the
start of the 2025 law (Wet banenafspraak art. 2, parameter ``wet2025.article_2_in_force``) moved
by the scenario's own parameters, so that a year counts under the 2025 law where the library's
defaults would count it under the 2015 one.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from banenafspraak import (
    Period,
    Scenario,
    assess_quotum,
    batch,
    count_jobs,
    durability,
    procurement_jobs,
    rule_set_in_force,
    subsector_monitoring,
    trend,
)
from banenafspraak.cli import main
from banenafspraak.counting import rules_in_force
from banenafspraak.demo import example_scenario
from banenafspraak.io import save_scenario

IN_FORCE = "wet2025.article_2_in_force"

CASES = [
    pytest.param("2025-01-01", 2025, "wet-banenafspraak-2025", id="art-2-from-2025"),
    pytest.param("2019-01-01", 2019, "wet-banenafspraak-2025", id="art-2-from-2019"),
    pytest.param("2020-01-01", 2019, "wbqa-2015", id="art-2-from-the-next-year"),
]
"""The start of art. 2 the scenario gives, the year counted, and the law in force at its end."""


def _scenario(in_force: str) -> Scenario:
    return example_scenario().evolve(parameters={IN_FORCE: {"2013-01-01": in_force}})


def _python_entry_points(
    source: Scenario | batch.Tables, year: int
) -> dict[str, Callable[[], str]]:
    """Every entry point whose ``rules`` defaults to the law in force, with its result's law."""
    if isinstance(source, Scenario):
        scenario = source
        return {
            "count_jobs": lambda: count_jobs(scenario, year=year).rules,
            "count_jobs(period)": lambda: count_jobs(scenario, period=Period.year(year)).rules,
            "assess_quotum": lambda: assess_quotum(scenario, year=year).rules,
            "subsector_monitoring": lambda: subsector_monitoring(scenario, year=year).rules,
            "procurement_jobs": lambda: procurement_jobs(scenario, year=year).rules,
        }
    tables = source
    return {
        "batch.count_jobs": lambda: batch.count_jobs(tables, year=year).rules,
        "batch.assess_quotum": lambda: batch.assess_quotum(tables, year=year).rules,
        "batch.subsector_monitoring": lambda: batch.subsector_monitoring(tables, year=year).rules,
        "batch.procurement_jobs": lambda: batch.procurement_jobs(tables, year=year).rules,
    }


def test_the_cases_move_the_law_in_force() -> None:
    """The override is what decides: the library's defaults alone give another law."""
    for in_force, year, expected in (("2025-01-01", 2025, "wet-banenafspraak-2025"),):
        assert rule_set_in_force(f"{year}-12-31").name != expected
        assert rules_in_force(_scenario(in_force), Period.year(year)).name == expected


@pytest.mark.parametrize(("in_force", "year", "expected"), CASES)
def test_every_pure_entry_point_counts_under_the_law_in_force(
    in_force: str, year: int, expected: str
) -> None:
    scenario = _scenario(in_force)
    assert rules_in_force(scenario, Period.year(year)).name == expected
    for name, law in _python_entry_points(scenario, year).items():
        assert law() == expected, name


def _tables_of_every_kind(scenario: Scenario, folder: Path) -> dict[str, batch.Tables]:
    """The scenario as batch tables: from the scenario, from a scenario folder of CSV files
    (its ``parameters.csv``) and from a folder of Parquet tables read with its parameters.
    """
    parquet = batch.Tables.from_scenario(scenario).write_parquet(folder / "tables")
    return {
        "from_scenario": batch.Tables.from_scenario(scenario),
        "scenario folder": batch.read_tables(save_scenario(scenario, folder / "scenario")),
        "parquet folder": batch.Tables.read(parquet, parameters=dict(scenario.parameters)),
    }


@pytest.mark.parametrize(("in_force", "year", "expected"), CASES)
def test_every_batch_entry_point_counts_under_the_law_in_force(
    in_force: str, year: int, expected: str, tmp_path: Path
) -> None:
    scenario = _scenario(in_force)
    for kind, tables in _tables_of_every_kind(scenario, tmp_path).items():
        for name, law in _python_entry_points(tables, year).items():
            assert law() == expected, (kind, name)


def test_the_batch_core_takes_the_law_in_force_from_its_parameters() -> None:
    """Flat rows carry no parameters: the call gives those the rows were flattened with."""
    scenario = _scenario("2025-01-01")
    tables = batch.Tables.from_scenario(scenario)
    flat = batch.flatten(tables)
    given = dict(scenario.parameters)
    partial = batch.count_batch(flat, year=2025, parameters=given)
    assert batch.finish(partial, year=2025, parameters=given).rules == "wet-banenafspraak-2025"
    assert batch.finish(partial, year=2025).rules == "wbqa-2015"


def test_reports_that_span_years_count_under_the_law_in_force_at_the_end_of_the_data(
    tmp_path: Path,
) -> None:
    """Durability and trend follow one law over all the years (so that every series has the
    same pools): the law in force at the end of the data, 2019 in the example.
    """
    for in_force, expected in (
        ("2019-01-01", "wet-banenafspraak-2025"),
        ("2025-01-01", "wbqa-2015"),
    ):
        scenario = _scenario(in_force)
        assert rules_in_force(scenario, Period.year(2019)).name == expected
        assert durability(scenario).rules == expected
        assert trend(scenario).rules == expected
        for kind, tables in _tables_of_every_kind(scenario, tmp_path / in_force).items():
            assert batch.durability(tables).rules == expected, kind
            assert batch.trend(tables).rules == expected, kind


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert main(list(args)) == 0, capsys.readouterr().err
    document: dict[str, Any] = json.loads(capsys.readouterr().out)
    return document


@pytest.mark.parametrize("engine", ["pure", "batch"])
@pytest.mark.parametrize(("in_force", "year", "expected"), CASES)
def test_every_command_counts_under_the_law_in_force(  # noqa: PLR0917 - parameters and fixtures
    in_force: str,
    year: int,
    expected: str,
    engine: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    file = str(save_scenario(_scenario(in_force), tmp_path / "scenario.json"))
    common = ("--format", "json", "--engine", engine)
    for command in (["count"], ["quotum"], ["report", "subsectors"], ["report", "procurement"]):
        document = _cli(capsys, *command, file, "--year", str(year), *common)
        assert document["rules"] == expected, command
    at_the_end = rules_in_force(_scenario(in_force), Period.year(2019)).name
    for command in (["report", "durability"], ["report", "trend"]):
        document = _cli(capsys, *command, file, *common)
        assert document["rules"] == at_the_end, command


def test_no_entry_point_names_a_law_as_its_default() -> None:
    """Every entry point above takes ``rules=None`` (the law in force) as its default."""
    entry_points: list[Callable[..., object]] = [
        count_jobs,
        assess_quotum,
        subsector_monitoring,
        procurement_jobs,
        durability,
        trend,
        batch.count_jobs,
        batch.assess_quotum,
        batch.count_batch,
        batch.finish,
        batch.count_files,
        batch.quotum_files,
        batch.subsector_monitoring,
        batch.procurement_jobs,
        batch.durability,
        batch.trend,
    ]
    for function in entry_points:
        default = inspect.signature(function).parameters["rules"].default
        assert default is None, function.__qualname__
