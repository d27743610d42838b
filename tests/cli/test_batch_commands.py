"""count, quotum and compare by the batch engine: national-scale tables, the same numbers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from golden_cases import JSON, run

from banenafspraak.synthetic import generate


def _json(args: list[str]) -> dict[str, Any]:
    code, out, err = run(args)
    assert (code, err) == (0, ""), err
    document: dict[str, Any] = json.loads(out)
    return document


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small synthetic region as a folder of Parquet tables."""
    return generate("S", seed=3, scale=0.02).write_parquet(tmp_path_factory.mktemp("region"))


def test_a_folder_of_parquet_tables_is_counted_by_the_batch_engine(region: Path) -> None:
    document = _json(["count", str(region), "--year", "2019", "--format", "json"])
    assert document["engine"] == "batch"
    assert "attributions" not in document
    assert document["receipt"]["scenario_digest"].startswith("sha256:")
    assert set(document["pools"]) == {"market", "government"}


@pytest.mark.parametrize("rules", ["wbqa-2015", "wet-banenafspraak-2025"])
def test_both_engines_give_the_same_totals_for_a_scenario_file(rules: str) -> None:
    args = ["count", JSON, "--year", "2019", "--rules", rules, "--format", "json"]
    pure = _json([*args, "--engine", "pure"])
    fast = _json([*args, "--engine", "batch"])
    assert (pure["engine"], fast["engine"]) == ("pure", "batch")
    for key in ("pools", "employers", "input_hours", "excluded_hours", "monitoring"):
        assert fast[key] == pure[key], key
    assert fast["receipt"]["parameters_digest"] == pure["receipt"]["parameters_digest"]


def test_the_quotum_of_both_engines_is_the_same() -> None:
    args = ["quotum", JSON, "--year", "2019", "--rules", "wbqa-2015", "--format", "json"]
    assert _json([*args, "--engine", "batch"])["employers"] == _json(args)["employers"]


def test_compare_by_the_batch_engine_shows_every_rule_set(region: Path) -> None:
    document = _json(["compare", str(region), "--year", "2019", "--format", "json"])
    assert document["engine"] == "batch"
    assert document["pools"]["national"]["wbqa-2015"] is None
    assert document["pools"]["national"]["wet-banenafspraak-2025"] is not None
    code, out, _ = run(["compare", str(region), "--year", "2019"])
    assert code == 0
    assert "(batch engine)" in out


def test_the_batch_engine_writes_tables_of_totals_only(region: Path) -> None:
    code, out, _ = run(["count", str(region), "--year", "2019", "--format", "csv"])
    assert code == 0
    assert out.splitlines()[0].startswith("pool,hours,jobs")
    code, out, _ = run(["count", str(region), "--year", "2019", "--table", "employers"])
    assert code == 0
    assert "Credited to each employer" in out
    code, _, err = run(["count", str(region), "--year", "2019", "--table", "placements"])
    assert code == 2
    assert "pools and employers tables" in err


def test_bad_tables_end_in_exit_code_1_with_the_place(tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "registrations.csv").write_text("person,ground,start\nx,wajong,not-a-date\n")
    code, out, err = run(["count", str(folder), "--year", "2019"])
    assert code == 1
    assert out == ""
    assert "Traceback" not in err
    assert "registrations" in err or "employers" in err
