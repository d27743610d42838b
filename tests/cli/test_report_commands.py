"""The report commands: sub-sectors, procurement, durability and trend, from scenario files."""

from __future__ import annotations

import json
from pathlib import Path

from golden_cases import CSV, JSON, run

from banenafspraak import Scenario, save_scenario


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
