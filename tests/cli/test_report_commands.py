"""The report commands: sub-sectors, procurement, durability and trend, from scenario files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from golden_cases import CSV, JSON, run

from banenafspraak import Scenario, batch, save_scenario
from banenafspraak.render.export import result_document
from banenafspraak.synthetic import generate


def test_the_subsector_report_shows_the_municipality_under_its_subsector() -> None:
    code, out, err = run(["report", "subsectors", JSON, "--year", "2019"])
    assert (code, err) == (0, "")
    assert "gemeenten" in out
    assert "receipt: banenafspraak" in out


def test_the_procurement_report_as_json_shows_where_the_cleaning_jobs_count() -> None:
    code, out, _ = run(["report", "procurement", JSON, "--year", "2019", "--format", "json"])
    assert code == 0
    document = json.loads(out)
    assert document["kind"] == "procurement"
    assert document["receipt"]["rules"] == "wbqa-2015"  # in force at the end of 2019
    text = json.dumps(document)
    assert "contouren-2018" in text
    assert "cleaning" in text


def test_the_durability_report_reads_a_csv_folder() -> None:
    code, out, _ = run(["report", "durability", CSV])
    assert code == 0
    assert "still running at 12 m" in out


def test_the_trend_report_writes_its_chart_only_where_asked(tmp_path: Path) -> None:
    chart = tmp_path / "trend.png"
    code, out, err = run(["report", "trend", JSON, "--chart", str(chart)])
    assert code == 0
    assert chart.read_bytes().startswith(b"\x89PNG")
    assert f"wrote {chart}" in err
    assert "government  2019" in out


def test_a_report_is_not_written_as_csv() -> None:
    code, _, err = run(["report", "durability", JSON, "--format", "csv"])
    assert code == 2
    assert "not as csv" in err


def test_a_trend_of_a_scenario_without_hours_is_bad_input(tmp_path: Path) -> None:
    empty = tmp_path / "empty.json"
    save_scenario(Scenario(name="empty"), empty)
    code, _, err = run(["report", "trend", str(empty)])
    assert code == 1
    assert "no pay periods" in err


# -- by the batch engine -----------------------------------------------------------------------


def _document(args: list[str]) -> dict[str, Any]:
    code, out, err = run(args)
    assert (code, err) == (0, ""), err
    document: dict[str, Any] = json.loads(out)
    return document


def _without_input_digests(document: object) -> object:
    """The document with every receipt's input digest left out (the engines name it apart)."""
    if isinstance(document, dict):
        return {
            key: _without_input_digests(value)
            for key, value in document.items()
            if key != "scenario_digest"
        }
    if isinstance(document, list):
        return [_without_input_digests(item) for item in document]
    return document


@pytest.mark.parametrize(
    "args",
    [
        ["subsectors", "--year", "2019"],
        ["procurement", "--year", "2019", "--rules", "contouren-2018"],
        ["durability", "--rules", "wet-banenafspraak-2025"],
        ["trend"],
    ],
    ids=["subsectors", "procurement", "durability", "trend"],
)
def test_both_engines_write_the_same_report(args: list[str]) -> None:
    command = ["report", args[0], JSON, *args[1:], "--format", "json"]
    pure = _document([*command, "--engine", "pure"])
    fast = _document([*command, "--engine", "batch"])
    assert _without_input_digests(fast) == _without_input_digests(pure)
    receipt = fast.get("receipt") or fast["receipts"][-1]
    assert (
        receipt["parameters_digest"]
        == (pure.get("receipt") or pure["receipts"][-1])["parameters_digest"]
    )


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small synthetic region as a folder of Parquet tables."""
    return generate("S", seed=5, scale=0.02).write_parquet(tmp_path_factory.mktemp("region"))


@pytest.mark.parametrize(
    ("kind", "args", "report"),
    [
        ("subsectors", ["--year", "2019"], lambda t: batch.subsector_monitoring(t, year=2019)),
        ("procurement", ["--year", "2019"], lambda t: batch.procurement_jobs(t, year=2019)),
        ("durability", [], batch.durability),
        ("trend", [], batch.trend),
    ],
    ids=["subsectors", "procurement", "durability", "trend"],
)
def test_a_folder_of_parquet_tables_is_reported_by_the_batch_engine(
    region: Path, kind: str, args: list[str], report: Callable[[batch.Tables], object]
) -> None:
    document = _document(["report", kind, str(region), *args, "--format", "json", "--full-ids"])
    expected = json.loads(json.dumps(result_document(kind, report(batch.Tables.read(region)))))
    assert document == expected
    code, out, _ = run(["report", kind, str(region), *args])
    assert code == 0
    assert "receipt: banenafspraak" in out


def test_a_trend_of_tables_without_hours_is_bad_input(tmp_path: Path) -> None:
    empty = batch.Tables.from_scenario(Scenario(name="empty")).write_parquet(tmp_path / "empty")
    code, _, err = run(["report", "trend", str(empty)])
    assert code == 1
    assert "no pay periods" in err
