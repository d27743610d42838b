"""Columnar input: files, data frames, and bad input reported all at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest
from batch_helpers import assert_same_count

from banenafspraak import InvalidScenarioError, MissingExtraError, batch, count_jobs
from banenafspraak.demo import example_scenario
from banenafspraak.synthetic import generate


def _frames() -> dict[str, pl.DataFrame]:
    return {
        "employers": pl.DataFrame({"id": ["e", "h"], "sector": ["market", "government"]}),
        "registrations": pl.DataFrame(
            {"person": ["p"], "ground": ["wajong"], "start": ["2018-01-01"]}
        ),
        "placements": pl.DataFrame({"id": ["x"], "person": ["p"], "employer": ["e"]}),
        "hours": pl.DataFrame(
            {
                "placement": ["x", "x"],
                "start": ["2019-01-01", "2019-02-01"],
                "end": ["2019-01-31", "2019-02-28"],
                "hours": ["100.25", "80"],
            }
        ),
    }


def test_minimal_frames_get_their_defaults() -> None:
    tables = batch.Tables.from_frames(_frames())
    assert tables.placements["kind"].to_list() == ["employee"]
    assert tables.employers["kind"].to_list() == ["regular", "regular"]
    assert tables.hours["hours_e4"].to_list() == [1_002_500, 800_000]
    assert tables.contracts.height == 0
    count = batch.count_jobs(tables, rules="wbqa-2015", year=2019)
    assert count.counted_hours == pytest.approx(180.25)
    assert count.counted_hours.denominator == 4


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        (pl.Series("hours", [100, 80]), [1_000_000, 800_000]),
        (pl.Series("hours", [100.25, 80.5]), [1_002_500, 805_000]),
        (pl.Series("hours", ["100.25", "80.5"]).cast(pl.Decimal(10, 2)), [1_002_500, 805_000]),
    ],
)
def test_hours_may_be_whole_decimal_or_exact_floats(column: pl.Series, expected: list[int]) -> None:
    frames = _frames()
    frames["hours"] = frames["hours"].with_columns(column)
    assert batch.Tables.from_frames(frames).hours["hours_e4"].to_list() == expected


@pytest.mark.parametrize(
    "column",
    [
        pl.Series("hours", ["1.23456", "abc"]),
        pl.Series("hours", [-1, 2]),
        pl.Series("hours", [1.000001, 2.0]),
        pl.Series("hours", ["1.23456", "2"]).cast(pl.Decimal(12, 6)),
    ],
)
def test_hours_that_are_not_exact_to_four_decimals_are_refused(column: pl.Series) -> None:
    frames = _frames()
    frames["hours"] = frames["hours"].with_columns(column)
    with pytest.raises(InvalidScenarioError, match=r"four decimals|a non-negative number"):
        batch.Tables.from_frames(frames)


def test_every_problem_is_reported_at_once() -> None:
    frames = _frames()
    frames["employers"] = pl.DataFrame({"id": ["e", "e"], "sector": ["market", "markt"]})
    frames["placements"] = pl.DataFrame(
        {"id": ["x"], "person": ["p"], "employer": ["e"], "hirer": ["nobody"]}
    )
    frames["hours"] = frames["hours"].with_columns(pl.Series("start", ["2019-01-01", "1 feb"]))
    with pytest.raises(InvalidScenarioError) as caught:
        batch.Tables.from_frames({**frames, "extra": pl.DataFrame()})
    text = str(caught.value)
    for expected in ("markt", "1 feb", "extra"):
        assert expected in text


def test_references_and_pay_periods_are_checked() -> None:
    frames = _frames()
    frames["employers"] = pl.DataFrame({"id": ["e", "e"], "sector": ["market", "market"]})
    frames["placements"] = pl.DataFrame(
        {"id": ["x"], "person": ["p"], "employer": ["e"], "hirer": ["nobody"]}
    )
    frames["hours"] = frames["hours"].with_columns(pl.Series("hours", ["100", "900"]))
    with pytest.raises(InvalidScenarioError) as caught:
        batch.Tables.from_frames(frames)
    text = str(caught.value)
    assert "duplicate id" in text
    assert "unknown employer" in text
    assert "900 hours do not fit in the pay period 2019-02" in text


def test_missing_tables_and_columns_are_named() -> None:
    frames = _frames()
    del frames["hours"]
    frames["placements"] = pl.DataFrame({"id": ["x"]})
    with pytest.raises(InvalidScenarioError) as caught:
        batch.Tables.from_frames(frames)
    text = str(caught.value)
    assert "hours: missing file" in text
    assert "placements, person: missing required column" in text
    assert "placements, employer: missing required column" in text


def test_pandas_and_arrow_frames_are_read_too() -> None:
    frames = {name: frame.to_arrow() for name, frame in _frames().items()}
    frames["placements"] = _frames()["placements"].to_pandas()
    tables = batch.Tables.from_frames(frames)
    assert tables.hours.height == 2


def test_parquet_and_csv_folders_count_as_the_scenario_does(tmp_path: Path) -> None:
    scenario = example_scenario()
    tables = batch.Tables.from_scenario(scenario)
    parquet = tables.write_parquet(tmp_path / "parquet")
    csv = tmp_path / "csv"
    csv.mkdir()
    for name in batch.TABLES:
        pl.read_parquet(parquet / f"{name}.parquet").write_csv(csv / f"{name}.csv")
    pure = count_jobs(scenario, rules="wbqa-2015", year=2019)
    for folder in (parquet, csv):
        read = batch.Tables.read(folder, baseline=scenario.baseline, parameters=scenario.parameters)
        assert_same_count(batch.count_jobs(read, rules="wbqa-2015", year=2019), pure)


def test_reading_a_missing_folder_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(InvalidScenarioError, match="expected a folder"):
        batch.Tables.read(tmp_path / "nothing")


def test_tables_go_back_to_the_pure_scenario() -> None:
    data = generate("S", seed=4, scale=0.01)
    tables = batch.Tables.from_columns(data.tables())
    assert tables.to_scenario().placements == data.to_scenario().placements
    some = tables.to_scenario(["pl0", "pl1"])
    assert [p.id for p in some.placements] == ["pl0", "pl1"]
    assert {p.id for p in some.people} == {p.person for p in some.placements}


def test_the_file_functions_report_progress(tmp_path: Path) -> None:
    scenario = example_scenario()
    folder = batch.Tables.from_scenario(scenario).write_parquet(tmp_path / "t")
    seen: list[str] = []

    def note(stage: str, _done: int, _total: int) -> None:
        seen.append(stage)

    count = batch.count_files(folder, rules="wbqa-2015", year=2019, progress=note)
    assert count.input_hours == count.counted_hours + count.excluded_hours
    assert seen[0] == "read"
    assert "count" in seen
    quotum = batch.quotum_files(folder, rules="wbqa-2015", year=2019, progress=note)
    assert quotum.rules == "wbqa-2015"
    assert seen[-1] == "quotum"
    compared = batch.compare_files(folder, year=2019, progress=note)
    assert set(compared) >= {"wbqa-2015"}
    assert seen[-1] == "compare"


def test_a_scenario_file_needs_the_io_extra(tmp_path: Path) -> None:
    target = tmp_path / "scenario.json"
    target.write_text("{}")
    try:
        import banenafspraak.io  # type: ignore[import-not-found,unused-ignore]  # noqa: F401, PLC0415
    except ImportError:
        with pytest.raises(MissingExtraError, match="io"):
            batch.read_tables(target)
    else:  # pragma: no cover - depends on the io extra being merged
        with pytest.raises(Exception):  # noqa: B017, PT011 - an empty file is bad input
            batch.read_tables(target)


def test_dates_may_be_python_dates() -> None:
    frames = _frames()
    frames["registrations"] = frames["registrations"].with_columns(
        pl.Series("start", [dt.date(2018, 1, 1)])
    )
    assert batch.Tables.from_frames(frames).registrations["start"].dtype == pl.Date


def test_the_employers_of_tables_equal_the_loaders() -> None:
    """The employers built from checked columns equal the nouns the scenario loader makes.

    Every field, every year's table and its order, and the type: the batch engine builds them
    without checking each cell again.
    """
    tables = batch.Tables.from_scenario(example_scenario())
    built = tables.employer_objects()
    expected = example_scenario().employers
    assert built == expected
    assert all(type(e) is type(x) for e, x in zip(built, expected, strict=True))
    assert [list(e.total_hours) for e in built] == [list(x.total_hours) for x in expected]
    generated = generate("S", seed=3, year=2019)
    scenario = generated.to_scenario()
    built = batch.Tables.from_columns(generated.tables()).employer_objects()
    assert sorted(built, key=lambda e: e.id) == sorted(scenario.employers, key=lambda e: e.id)
    subset = batch.Tables.from_scenario(example_scenario()).employer_objects(
        pl.Series([expected[0].id])
    )
    assert subset == (expected[0],)


def test_the_digest_identifies_the_rows_in_any_order() -> None:
    frames = _frames()
    digest = batch.Tables.from_frames(frames).digest()
    reversed_hours = {**frames, "hours": frames["hours"].reverse()}
    assert batch.Tables.from_frames(reversed_hours).digest() == digest
    changed = frames["hours"].with_columns(pl.Series("hours", ["100.25", "80.5"]))
    assert batch.Tables.from_frames({**frames, "hours": changed}).digest() != digest


def test_every_receipt_of_the_same_tables_names_the_same_digest() -> None:
    tables = batch.Tables.from_scenario(example_scenario())
    count = batch.count_jobs(tables, rules="wet-banenafspraak-2025", year=2019)
    quotum = batch.assess_quotum(tables, rules="wet-banenafspraak-2025", year=2019)
    assert count.receipt.scenario_digest == tables.digest()
    assert quotum.receipt.scenario_digest == tables.digest()
    assert tables.digest().startswith("sha256:")


def test_municipal_support_is_checked_as_the_scenario_loader_checks_it() -> None:
    """Wfsv 38b(1)(e), 2018-01-01 text: an own_request registration without the municipality's
    support is refused at its row, as in a CSV folder; true (or ``ja``) is kept as a flag and the
    tables go back to the same registration.
    """
    frames = _frames()
    frames["registrations"] = pl.DataFrame(
        {
            "person": ["p", "q"],
            "ground": ["own_request", "own_request"],
            "start": ["2018-01-01", "2018-06-01"],
            "municipal_support": ["ja", "false"],
        }
    )
    with pytest.raises(InvalidScenarioError) as caught:
        batch.Tables.from_frames(frames)
    (problem,) = caught.value.problems
    assert str(problem).startswith(
        "registrations row 2: a registration on ground own_request starting 2018-06-01 without "
        "municipal support is not one"
    )
    frames["registrations"] = frames["registrations"].head(1)
    tables = batch.Tables.from_frames(frames)
    assert tables.registrations["municipal_support"].to_list() == [True]
    (person,) = tables.to_scenario().people
    assert person.registrations[0].municipal_support is True
