"""Write the corpus of broken tables ``tests/corpus/`` and its manifest (review the diff!).

Three families of input, each the bundled example (two pay periods per placement, to keep the
files tiny) broken by a seeded generator:

* ``csv``: folders of scenario CSV files, read by the scenario loader;
* ``batch-csv``: the batch engine's tables as CSV files;
* ``batch-parquet``: the batch engine's tables as Parquet files, broken in their types too
  (integer dates, NaN hours, a corrupt file, ...).

Each case is a folder with the files it changes; the other files are those of its family's
``base`` folder (:func:`materialise` puts them together). Each breaks one to three cells or rows
of the base, and the manifest records every place (file, row as
the file numbers it, and column) where a problem must be named; a few cases of each family are
whole (their rows shuffled) and must count. ``tests/test_broken_corpus.py`` reads the corpus and
checks that this script still writes it byte for byte.
"""

from __future__ import annotations

import csv
import io
import json
import random
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import polars as pl

from banenafspraak import batch
from banenafspraak.demo import example_scenario
from banenafspraak.io import save_scenario

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
SEED = 12
SIZES = {"csv": 150, "batch-csv": 150, "batch-parquet": 120}
WHOLE = 8
"""Whole (shuffled) cases per family."""
SHARED = ("employers.csv", "employer_years.csv", "placements.csv", "hours.csv", "contracts.csv")

Rows = list[list[str]]
Place = tuple[str, str | None]
"""A place where a problem must be named: ``("hours.csv row 5", "hours")``; ``None``: any field."""
CsvBreaker = Callable[[dict[str, Rows], random.Random], Place]


def _trimmed() -> Any:  # noqa: ANN401 - a Scenario
    scenario = example_scenario()
    placements = [attrs.evolve(p, hours=p.hours[-2:]) for p in scenario.placements]
    return scenario.evolve(placements=placements)


def _read(path: Path) -> Rows:
    return list(csv.reader(io.StringIO(path.read_text("utf-8"))))


def _text(rows: Rows) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


# -- breakers of CSV files (both layouts) -----------------------------------------------------


def _cell(file: str, column: str, values: list[str], field: str | None = "same") -> CsvBreaker:
    def breaker(files: dict[str, Rows], rng: random.Random) -> Place:
        rows = files[file]
        row = rng.randrange(1, len(rows))
        rows[row][rows[0].index(column)] = rng.choice(values)
        return f"{file} row {row + 1}", column if field == "same" else field

    breaker.__name__ = f"{file.removesuffix('.csv')}-{column}"
    return breaker


def _copied_row(file: str, field: str, *, at_copy: bool) -> CsvBreaker:
    def breaker(files: dict[str, Rows], rng: random.Random) -> Place:
        rows = files[file]
        row = rng.randrange(1, len(rows))
        rows.append(list(rows[row]))
        return f"{file} row {len(rows) if at_copy else row + 1}", field

    breaker.__name__ = f"{file.removesuffix('.csv')}-copied"
    return breaker


def _reversed_period(files: dict[str, Rows], rng: random.Random) -> Place:
    rows = files["hours.csv"]
    row = rng.randrange(1, len(rows))
    rows[row][1], rows[row][2] = rows[row][2], rows[row][1]
    return f"hours.csv row {row + 1}", None


CSV_BREAKERS: tuple[CsvBreaker, ...] = (
    _cell("hours.csv", "hours", ["-1", "-0.5", "abc", "NaN", "inf", "1e3", "8 h", ""]),
    _cell("hours.csv", "hours", ["999999", "922337203685477", "9223372036854775808"], None),
    _cell("hours.csv", "start", ["", "2019-02-30", "20190101", "01-02-2019", "tomorrow"]),
    _cell("hours.csv", "end", ["9999-12-31", "2101-01-31"], None),
    _cell("hours.csv", "placement", ["ghost", "", "G-P1"]),
    _reversed_period,
    _copied_row("hours.csv", "start", at_copy=True),
    _cell("placements.csv", "employer", ["ghost", "", "g"]),
    _cell("placements.csv", "hirer", ["ghost", "X"]),
    _cell("placements.csv", "kind", ["intern", "AGENCY", "temp"]),
    _cell("placements.csv", "credited_to_hirer", ["maybe", "2", "ja!"]),
    _cell("placements.csv", "person", ["123456789", "111111111"]),
    _cell("placements.csv", "employment_start", ["2019-31-01", "soon"]),
    _copied_row("placements.csv", "id", at_copy=False),
    _cell("employers.csv", "sector", ["public", "MARKET", "overheid", ""]),
    _cell("employers.csv", "subsector", ["nonsense", "gemeente"]),
    _cell("employers.csv", "kind", ["uitzendbureau", "payroll"]),
    _cell("employer_years.csv", "total_hours", ["-5", "lots", "1,5e3"]),
    _cell("employer_years.csv", "employer", ["ghost", "E404"]),
    _cell("employer_years.csv", "year", ["18", "twenty", "2019.0"]),
    _cell("contracts.csv", "buyer", ["ghost", "nobody"]),
    _cell("contracts.csv", "end", ["2000-01-01", "2016-12-31"], None),
)
PEOPLE_BREAKERS: dict[str, tuple[CsvBreaker, ...]] = {
    file: (
        _cell(file, "ground", ["wajong-2", "WAJONG", "none"]),
        _cell(file, "start", ["2014-02-31", "2014/01/01"]),
        _cell(file, "conditions_ceased", ["2000-01-01", "2012-12-31"], None),
        _cell(file, "municipal_support", ["maybe", "ja!", "2"]),
    )
    for file in ("people.csv", "registrations.csv")
}


def _write_csv_case(
    folder: Path, files: dict[str, Rows], family: str, rng: random.Random
) -> list[Place]:
    people = "people.csv" if family == "csv" else "registrations.csv"
    breakers = (*CSV_BREAKERS, *PEOPLE_BREAKERS[people])
    chosen = rng.sample(breakers, rng.choice([1, 1, 2, 3]))
    places = [breaker(files, rng) for breaker in chosen]
    _write_files(folder, files)
    return places


def _write_files(folder: Path, files: dict[str, Rows]) -> None:
    folder.mkdir(parents=True)
    for name, rows in files.items():
        (folder / name).write_text(_text(rows), encoding="utf-8")


def _csv_base(scenario: Any, family: str, scratch: Path) -> dict[str, Rows]:  # noqa: ANN401
    pure = save_scenario(scenario, scratch / family)
    if family == "csv":
        return {path.name: _read(path) for path in sorted(pure.iterdir())}
    files = {name: _read(pure / name) for name in SHARED}
    people = _read(pure / "people.csv")
    keep = [i for i, c in enumerate(people[0]) if c != "name"]
    header = ["person" if people[0][i] == "id" else people[0][i] for i in keep]
    ground = people[0].index("ground")
    files["registrations.csv"] = [header, *([r[i] for i in keep] for r in people[1:] if r[ground])]
    return files


def _shuffled(files: dict[str, Rows], rng: random.Random) -> dict[str, Rows]:
    whole = {}
    for name, rows in files.items():
        body = [list(r) for r in rows[1:]]
        if name not in {"scenario.csv", "baseline.csv", "parameters.csv"}:
            rng.shuffle(body)
        whole[name] = [list(rows[0]), *body]
    return whole


# -- breakers of Parquet tables ----------------------------------------------------------------

Frames = dict[str, pl.DataFrame]
ParquetBreaker = Callable[[Frames, random.Random, Path], Place]


def _row(frames: Frames, table: str, rng: random.Random) -> int:
    return rng.randrange(frames[table].height)


def _typed_cell(
    table: str,
    column: str,
    values: list[Any],
    dtype: Any,  # noqa: ANN401 - a polars data type
    field: str | None = "same",
) -> ParquetBreaker:
    def breaker(frames: Frames, rng: random.Random, _folder: Path) -> Place:
        row = _row(frames, table, rng)
        column_values = frames[table][column].cast(pl.String).to_list()
        if dtype in {pl.Float64, pl.Int64}:
            column_values = [None if v is None else _number(v, dtype) for v in column_values]
        column_values[row] = rng.choice(values)
        frames[table] = frames[table].with_columns(pl.Series(column, column_values, dtype=dtype))
        return f"{table}.parquet row {row + 1}", column if field == "same" else field

    breaker.__name__ = f"{table}-{column}-{dtype}"
    return breaker


def _number(text: str, dtype: Any) -> float | int:  # noqa: ANN401
    return float(text) if dtype == pl.Float64 else int(float(text))


def _dates_as(table: str, column: str, kind: str) -> ParquetBreaker:
    def breaker(frames: Frames, _rng: random.Random, _folder: Path) -> Place:
        dates = frames[table][column]
        if kind == "int":
            changed = dates.dt.strftime("%Y%m%d").cast(pl.Int64)
        else:
            changed = dates.cast(pl.Datetime("us"))
        frames[table] = frames[table].with_columns(changed.alias(column))
        return f"{table}.parquet row 1", column

    breaker.__name__ = f"{table}-{column}-as-{kind}"
    return breaker


def _null(table: str, column: str) -> ParquetBreaker:
    def breaker(frames: Frames, rng: random.Random, _folder: Path) -> Place:
        row = _row(frames, table, rng)
        index = pl.int_range(pl.len())
        frames[table] = frames[table].with_columns(
            pl.when(index == row).then(None).otherwise(pl.col(column)).alias(column)
        )
        return f"{table}.parquet row {row + 1}", column

    breaker.__name__ = f"{table}-{column}-null"
    return breaker


def _unreadable(table: str) -> ParquetBreaker:
    def breaker(frames: Frames, rng: random.Random, _folder: Path) -> Place:
        frames[table] = pl.DataFrame()  # written as the bytes chosen below
        frames[f"!{table}"] = pl.DataFrame({"bytes": [rng.choice(["", "PAR1 not really", "x"])]})
        return f"{table}.parquet", None

    breaker.__name__ = f"{table}-unreadable"
    return breaker


def _copied_hours(frames: Frames, rng: random.Random, _folder: Path) -> Place:
    row = _row(frames, "hours", rng)
    frames["hours"] = pl.concat([frames["hours"], frames["hours"][row]])
    return f"hours.parquet row {frames['hours'].height}", "start"


PARQUET_BREAKERS: tuple[ParquetBreaker, ...] = (
    _typed_cell("hours", "hours", [float("nan"), float("inf"), -1.0, -0.25], pl.Float64),
    _typed_cell("hours", "hours", [922337203685477, 10**12], pl.Int64, None),
    _typed_cell("hours", "hours", ["abc", "1.234567", "-3"], pl.String),
    _dates_as("hours", "start", "int"),
    _dates_as("hours", "end", "datetime"),
    _dates_as("registrations", "start", "int"),
    _null("hours", "start"),
    _null("hours", "hours"),
    _null("placements", "id"),
    _null("placements", "employer"),
    _null("employers", "sector"),
    _typed_cell("placements", "employer", ["ghost", ""], pl.String),
    _typed_cell("placements", "credited_to_hirer", ["maybe", "si"], pl.String),
    _typed_cell("placements", "person", ["123456789"], pl.String),
    _typed_cell("employers", "subsector", ["nonsense"], pl.String),
    _typed_cell("employer_years", "total_hours", ["-5", "lots"], pl.String),
    _typed_cell("registrations", "ground", ["wajong-2"], pl.String),
    _copied_hours,
    _unreadable("hours"),
    _unreadable("placements"),
)


def _write_parquet_case(folder: Path, base: Frames, rng: random.Random) -> list[Place]:
    frames = dict(base)
    chosen = rng.sample(PARQUET_BREAKERS, rng.choice([1, 1, 2, 3]))
    unreadable = [b for b in chosen if b.__name__.endswith("-unreadable")]
    chosen = unreadable[:1] or chosen  # an unreadable file hides the problems of the others
    places = [breaker(frames, rng, folder) for breaker in chosen]
    folder.mkdir(parents=True)
    for name, frame in frames.items():
        if name.startswith("!"):
            continue
        if f"!{name}" in frames:
            (folder / f"{name}.parquet").write_bytes(frames[f"!{name}"]["bytes"][0].encode())
        else:
            frame.write_parquet(folder / f"{name}.parquet")
    return places


def _parquet_base(scenario: Any, scratch: Path) -> Frames:  # noqa: ANN401
    folder = batch.Tables.from_scenario(scenario).write_parquet(scratch / "parquet")
    return {name: pl.read_parquet(folder / f"{name}.parquet") for name in batch.TABLES}


# -- the corpus ------------------------------------------------------------------------------


def _keep_changes(folder: Path, base: Path) -> None:
    """Leave in a case only the files that differ from the family's base (tiny on disk)."""
    for path in folder.iterdir():
        if path.read_bytes() == (base / path.name).read_bytes():
            path.unlink()


def materialise(case: Path, into: Path) -> Path:
    """A whole folder of a case: the family's base files with the case's own files over them."""
    shutil.copytree(case.parent / "base", into)
    for path in case.iterdir():
        shutil.copyfile(path, into / path.name)
    return into


def _write_frames(folder: Path, frames: Frames) -> None:
    folder.mkdir(parents=True)
    for table, frame in frames.items():
        frame.write_parquet(folder / f"{table}.parquet")


def _csv_case(
    folder: Path, base: dict[str, Rows], family: str, rng: random.Random, *, whole: bool
) -> list[Place]:
    if whole:
        _write_files(folder, _shuffled(base, rng))
        return []
    files = {name: [list(r) for r in rows] for name, rows in base.items()}
    return _write_csv_case(folder, files, family, rng)


def _parquet_case(folder: Path, base: Frames, rng: random.Random, *, whole: bool) -> list[Place]:
    if whole:
        seed = rng.randrange(10**6)
        _write_frames(
            folder, {k: v.sample(fraction=1, shuffle=True, seed=seed) for k, v in base.items()}
        )
        return []
    return _write_parquet_case(folder, base, rng)


def generate(target: Path) -> list[dict[str, Any]]:
    """Write the corpus into ``target`` (emptied first) and return its manifest."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    scratch = target / ".scratch"
    scenario = _trimmed()
    rng = random.Random(SEED)  # noqa: S311 - a reproducible corpus, not a secret
    manifest: list[dict[str, Any]] = []
    for family, size in SIZES.items():
        base = target / family / "base"
        csv_files = None if family == "batch-parquet" else _csv_base(scenario, family, scratch)
        frames = _parquet_base(scenario, scratch)
        if csv_files is None:
            _write_frames(base, frames)
        else:
            _write_files(base, csv_files)
        for number in range(size + WHOLE):
            name = f"{family}/{number:03d}"
            whole = number >= size
            if csv_files is None:
                places = _parquet_case(target / name, frames, rng, whole=whole)
            else:
                places = _csv_case(target / name, csv_files, family, rng, whole=whole)
            _keep_changes(target / name, base)
            manifest.append({"case": name, "family": family, "places": [list(p) for p in places]})
    shutil.rmtree(scratch)
    (target / "manifest.json").write_text(json.dumps(manifest, indent=0) + "\n", "utf-8")
    return manifest


def main() -> None:
    """Regenerate the corpus."""
    manifest = generate(CORPUS)
    broken = sum(1 for case in manifest if case["places"])
    print(f"wrote {len(manifest)} cases ({broken} broken) to {CORPUS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
