"""The synthetic generator: deterministic, realistic in its mix, and writable to files."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from banenafspraak import MissingExtraError, PlacementKind, batch
from banenafspraak.synthetic import SIZES, SizeSpec, generate, generate_scenario, main


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data() -> None:
    assert generate("S", seed=1, scale=0.02) == generate("S", seed=1, scale=0.02)
    assert generate("S", seed=1, scale=0.02) != generate("S", seed=2, scale=0.02)


def test_the_named_sizes_follow_the_issue() -> None:
    assert SIZES["S"].placements * 11 == pytest.approx(40_000, rel=0.05)
    assert SIZES["L"].placements == 200_000
    assert SIZES["L"].people == 270_000
    assert SIZES["L"].employers == 60_000
    assert SIZES["XL"].years == 10


def test_a_region_has_about_forty_thousand_placement_months_and_every_kind() -> None:
    data = generate("S", seed=0)
    assert 36_000 < data.counts()["hours"] < 44_000
    kinds = Counter(data.placements["kind"])
    assert set(kinds) == {k.value for k in PlacementKind}
    assert sum(1 for c in data.placements["contract"] if c) > 100
    assert sum(1 for c in data.placements["credited_to_hirer"] if c) > 100
    assert any(c for c in data.registrations["conditions_ceased"])
    totals = [int(t) for t in data.employer_years["total_hours"]]
    above = sum(1 for t in totals if t >= 40_575)
    assert 0.05 < above / len(totals) < 0.5


def test_several_years_make_distinct_placements() -> None:
    data = generate(SizeSpec(name="two", placements=5, years=2), seed=3)
    assert data.years == (2019, 2020)
    assert len(set(data.placements["id"])) == 10
    scenario = data.to_scenario()
    assert {2019, 2020} <= set(scenario.years)


def test_generate_scenario_builds_the_pure_scenario() -> None:
    scenario = generate_scenario("M", seed=2, scale=0.001)
    assert len(scenario.placements) == 20


def test_the_command_line_writes_parquet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["S", str(tmp_path / "out"), "--scale", "0.01", "--seed", "4"]) == 0
    assert "wrote" in capsys.readouterr().out
    tables = batch.Tables.read(tmp_path / "out")
    assert tables.placements.height == 36


def test_the_scenario_file_format_needs_the_io_extra(tmp_path: Path) -> None:
    data = generate("S", seed=1, scale=0.005)
    try:
        from banenafspraak.io import save_scenario  # type: ignore[import-not-found,attr-defined,unused-ignore]  # noqa: F401, PLC0415
    except ImportError:
        with pytest.raises(MissingExtraError, match="io"):
            main(["S", str(tmp_path / "s.json"), "--scale", "0.005", "--format", "json"])
        with pytest.raises(MissingExtraError):
            data.write_json(tmp_path / "s.json")
    else:  # pragma: no cover - depends on the io extra being merged
        assert data.write_json(tmp_path / "s.json").exists()
