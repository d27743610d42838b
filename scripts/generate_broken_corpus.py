"""Write the corpus of broken tables ``tests/corpus/`` and its manifest (review the diff!).

Three families of input, each the bundled example (two pay periods per placement, to keep the
files tiny) broken by a seeded generator:

* ``csv``: folders of scenario CSV files, read by the scenario loader;
* ``batch-csv``: the batch engine's tables as CSV files;
* ``batch-parquet``: the batch engine's tables as Parquet files, broken in their types too
  (integer dates, NaN hours, a corrupt file, ...);
* ``dutch-numbers``: scenario CSV folders and the batch engine's CSV tables as a Dutch
  spreadsheet writes them (semicolons, decimal commas), with a number that reads two ways
  (``16.000``, ``1.234,5``);
* ``workbooks``: the scenario as an Excel workbook, broken in its packing and XML (an entity,
  a DTD, a cut sheet, a part that unpacks to a thousand times its size, a row past the last,
  a cell past 32,767 characters, no zip at all), each a folder with one ``scenario.xlsx``
  (a few kilobytes: the parts that unpack to megabytes are spaces); two whole ones have another
  sheet, hostile or cut, which is never read;
* ``links-and-fifos``: folders of every other family where a table's file is a symbolic link
  (out of the folder or within it), a FIFO, a folder, or a table is given in two formats.

Each case is a folder with the files it changes; the other files are those of its family's
``base`` folder (:func:`materialise` puts them together). Each breaks one to three cells or rows
of the base, and the manifest records every place (file, row as
the file numbers it, and column) where a problem must be named; a few cases of each family are
whole (their rows shuffled) and must count. A case of the last two families names its base in
``materialise.json`` (and what :func:`materialise` must make that git cannot hold: links and
FIFOs are made when the case is put together), and its manifest entry names its reader
(``pure`` or ``batch``). ``tests/test_broken_corpus.py`` reads the corpus and
checks that this script still writes it byte for byte.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import shutil
import zipfile
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


# -- Dutch numbers: semicolons and decimal commas -----------------------------------------------

DUTCH = {"dutch-numbers/base-pure": "csv", "dutch-numbers/base-batch": "batch-csv"}
"""The bases of the Dutch family, by the family whose base they write as Dutch."""
DUTCH_SIZE = 60
NUMBERS = {
    "hours.csv": ("hours",),
    "employer_years.csv": ("total_hours", "premium_wage", "exempt_wage"),
    "baseline.csv": ("jobs",),
    "parameters.csv": ("value",),
}
"""The number columns, which a Dutch spreadsheet writes with a decimal comma."""
AMBIGUOUS = {
    "hours": ["43.500", "1.000", "1.043,5", "1,043.5", "12.000,25"],
    "jobs": ["1.000", "1.000,5"],
    "value": ["3.000", "2.500,0", "5,000.0"],
}
"""Numbers that read two ways in a decimal-comma file; the employers' figures are written with
the thousands separator a spreadsheet puts in (``16.000``, ``16.000,00``)."""


THOUSAND = 1000


def _dutch(files: dict[str, Rows]) -> dict[str, Rows]:
    """The files as a Dutch spreadsheet writes them: decimal commas (and semicolons, written)."""
    dutch = {}
    for name, rows in files.items():
        columns = NUMBERS.get(name, ())
        numbers = [i for i, column in enumerate(rows[0]) if column in columns]
        body = [
            [cell.replace(".", ",") if i in numbers else cell for i, cell in enumerate(row)]
            for row in rows[1:]
        ]
        dutch[name] = [list(rows[0]), *body]
    return dutch


def _semicolons(files: dict[str, Rows]) -> dict[str, str]:
    texts = {}
    for name, rows in files.items():
        out = io.StringIO()
        csv.writer(out, delimiter=";", lineterminator="\n").writerows(rows)
        texts[name] = out.getvalue()
    return texts


def _grouped(text: str, rng: random.Random) -> str:
    """A whole amount as a spreadsheet shows it with a thousands separator (``16.000,00``)."""
    whole = f"{int(text):,}".replace(",", ".")
    return rng.choice([whole, f"{whole},00", f"{whole.replace('.', ',')}.00"])


def _thousands(rows: Rows, index: int) -> list[int]:
    """The rows whose cell is a whole amount of a thousand or more."""
    return [
        r
        for r in range(1, len(rows))
        if rows[r][index].isdigit() and int(rows[r][index]) >= THOUSAND
    ]


def _dutch_case(folder: Path, base: dict[str, Rows], rng: random.Random) -> list[Place]:
    """One Dutch case: one to three number cells that read two ways (only changed files kept)."""
    files = {name: [list(r) for r in rows] for name, rows in base.items()}
    cells = [
        (name, column)
        for name, columns in NUMBERS.items()
        if name in files
        for column in columns
        if column in files[name][0]
    ]
    places: list[Place] = []
    for name, column in rng.sample(cells, rng.choice([1, 1, 2, 3])):
        rows = files[name]
        index = rows[0].index(column)
        if column in AMBIGUOUS:
            row = rng.choice([r for r in range(1, len(rows)) if rows[r][index]])
            rows[row][index] = rng.choice(AMBIGUOUS[column])
        elif _thousands(rows, index):
            row = rng.choice(_thousands(rows, index))
            rows[row][index] = _grouped(rows[row][index], rng)
        else:
            continue
        places.append((f"{name} row {row + 1}", column))
    texts = _semicolons(files)
    _write_texts(folder, {n: t for n, t in texts.items() if files[n] != base[n]})
    return places


def _write_texts(folder: Path, texts: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")


def _with_base(folder: Path, base: str, **more: str) -> None:
    """The case's ``materialise.json``: its base (and what else to make)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARK).write_text(json.dumps({"base": base, **more}, indent=0) + "\n", "utf-8")


def _dutch_numbers_family(target: Path, bases: dict[str, dict[str, Rows]]) -> list[dict[str, Any]]:
    """The ``dutch-numbers`` family: both engines' CSV folders as Dutch spreadsheets write them.

    Whole cases (shuffled) must count every hour; the broken ones must name every number that
    reads two ways at its row and column.
    """
    rng = random.Random(SEED + 1)  # noqa: S311 - a family of its own: the others stay as they are
    manifest: list[dict[str, Any]] = []
    dutch = {family: _dutch(bases[family]) for family in DUTCH.values()}
    for base, family in DUTCH.items():
        _write_texts(target / base, _semicolons(dutch[family]))
    for number in range(DUTCH_SIZE + WHOLE):
        base, family = rng.choice(sorted(DUTCH.items()))
        name = f"dutch-numbers/{number:03d}"
        folder = target / name
        if number >= DUTCH_SIZE:
            _write_texts(folder, _semicolons(_shuffled(dutch[family], rng)))
            places: list[Place] = []
        else:
            places = []
            while not places:
                shutil.rmtree(folder, ignore_errors=True)
                places = _dutch_case(folder, dutch[family], rng)
        _with_base(folder, base)
        reader = "pure" if family == "csv" else "batch"
        manifest.append(
            {
                "case": name,
                "family": "dutch-numbers",
                "reader": reader,
                "places": [list(p) for p in places],
            }
        )
    return manifest


# -- links and FIFOs: files that are not what they seem ------------------------------------------

MARK = "materialise.json"
"""A case's own base and what :func:`materialise` makes (not a file of the case's folder)."""
OUTSIDE = "password,hunter2\n"
"""The text of the file a link points to out of the folder: no problem may quote it."""
SPECIAL = ("link-out", "link-in", "fifo", "folder")
"""What a table's file is instead of a regular file."""
LINK_SIZE = 40
FILES_OF = {
    "csv": ("employers.csv", "people.csv", "placements.csv", "hours.csv", "contracts.csv"),
    "batch-csv": ("employers.csv", "registrations.csv", "hours.csv", "employer_years.csv"),
    "batch-parquet": ("employers.parquet", "registrations.parquet", "hours.parquet"),
}


def _links_and_fifos_family(target: Path) -> list[dict[str, Any]]:
    """The ``links-and-fifos`` family: a table's file is a link, a FIFO, a folder, or twice.

    Git cannot hold links and FIFOs: the case says what to make (``materialise.json``) and
    :func:`materialise` makes it. A scenario folder may also hold a stray Parquet file, which
    must not make the command line read it with the batch engine.
    """
    rng = random.Random(SEED + 2)  # noqa: S311 - a family of its own: the others stay as they are
    manifest: list[dict[str, Any]] = []
    for number in range(LINK_SIZE):
        family = rng.choice(sorted(FILES_OF))
        name = f"links-and-fifos/{number:03d}"
        folder = target / name
        file = rng.choice(FILES_OF[family])
        kind = rng.choice([*SPECIAL, "twice"] if family == "batch-csv" else SPECIAL)
        if kind == "twice":
            file = "hours.csv"
            folder.mkdir(parents=True)
            shutil.copyfile(
                target / "batch-parquet" / "base" / "hours.parquet", folder / "hours.parquet"
            )
            place: Place = ("hours.parquet and hours.csv", None)
            _with_base(folder, f"{family}/base")
        else:
            place = (file, None)
            stray = "yes" if family == "csv" and rng.random() < 0.5 else "no"  # noqa: PLR2004
            _with_base(folder, f"{family}/base", file=file, kind=kind, stray_parquet=stray)
        reader = "pure" if family == "csv" else "batch"
        manifest.append(
            {
                "case": name,
                "family": "links-and-fifos",
                "reader": reader,
                "places": [list(place)],
            }
        )
    return manifest


def _make_special(into: Path, plan: dict[str, str]) -> None:
    """Make in a materialised case what git cannot hold (see :func:`_links_and_fifos_family`)."""
    if plan.get("stray_parquet") == "yes":
        pl.DataFrame({"note": ["not a table"]}).write_parquet(into / "notes.parquet")
    kind, file = plan.get("kind"), plan.get("file")
    if kind is None or file is None:
        return
    path = into / file
    if kind == "link-in":
        path.rename(into / f"real-{file}")
        path.symlink_to(into / f"real-{file}")
        return
    path.unlink()
    if kind == "link-out":
        outside = into.parent / f"{into.name}-outside.txt"
        outside.write_text(OUTSIDE, "utf-8")
        path.symlink_to(outside)
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.mkdir()


# -- workbooks: broken .xlsx files ------------------------------------------------------------

WORKBOOK = "scenario.xlsx"
"""The one file of a case of the family ``workbooks``."""
_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)
_EXTERNAL = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
_BOMB = 3_000_000
"""Spaces a zip-bomb-like part unpacks to (a few kilobytes packed)."""
_PAST_LAST_ROW = b'<row r="1048577"><c r="A1048577" t="inlineStr"><is><t>x</t></is></c></row>'
_NOTES = "xl/worksheets/notes.xml"
Parts = dict[str, bytes]
WorkbookBreaker = Callable[[Parts], list[Place]]


def _workbook_parts(scenario: Any, scratch: Path) -> Parts:  # noqa: ANN401 - a Scenario
    """The parts of the scenario's workbook, without the time it was written."""
    (scratch / "workbooks").mkdir(parents=True)
    path = save_scenario(scenario, scratch / "workbooks" / WORKBOOK)
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts["docProps/core.xml"] = re.sub(
        rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2020-01-01T00:00:00Z", parts["docProps/core.xml"]
    )
    return parts


def _zipped(parts: Parts) -> bytes:
    """The parts as a workbook, the same bytes every time (fixed times and order)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return out.getvalue()


def _sheet(parts: Parts, name: str) -> str:
    """The part of a sheet of the workbook (``xl/worksheets/sheet6.xml`` for ``hours``)."""
    rid = re.search(
        rb'<sheet name="' + name.encode() + rb'"[^>]* r:id="(rId\d+)"', parts["xl/workbook.xml"]
    )
    assert rid is not None  # noqa: S101 - the base workbook names every sheet
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    target = re.search(r'Target="/(xl/[^"]+)" Id="' + rid[1].decode() + '"', rels)
    assert target is not None  # noqa: S101 - as openpyxl writes the relations
    return target[1]


def _in_sheet(name: str, change: Callable[[bytes], bytes], place: Place) -> WorkbookBreaker:
    def breaker(parts: Parts) -> list[Place]:
        part = _sheet(parts, name)
        parts[part] = change(parts[part])
        return [place]

    return breaker


def _in_part(part: str, change: Callable[[bytes], bytes], place: Place) -> WorkbookBreaker:
    def breaker(parts: Parts) -> list[Place]:
        parts[part] = change(parts[part])
        return [place]

    return breaker


def _not_a_zip(parts: Parts) -> list[Place]:
    parts.clear()
    return [(WORKBOOK, None)]


def _no_workbook_part(parts: Parts) -> list[Place]:
    del parts["xl/workbook.xml"]
    return [(WORKBOOK, None)]


def _another_sheet(content: bytes) -> Callable[[Parts], list[Place]]:
    """A sheet ``notes`` that is not of the format: never read, whatever it holds."""

    def breaker(parts: Parts) -> list[Place]:
        parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
            b"</sheets>",
            b'<sheet name="notes" sheetId="99" state="visible" r:id="rId99" /></sheets>',
        )
        parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
            b"</Relationships>",
            b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            b'relationships/worksheet" Target="/xl/worksheets/notes.xml" Id="rId99" />'
            b"</Relationships>",
        )
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            b"</Types>",
            b'<Override PartName="/xl/worksheets/notes.xml" ContentType="application/'
            b'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml" /></Types>',
        )
        parts[_NOTES] = content
        return []

    return breaker


def _half(data: bytes) -> bytes:
    return data[: len(data) // 2]


WORKBOOK_BREAKERS: tuple[WorkbookBreaker, ...] = (
    _in_sheet(
        "hours", lambda d: _LAUGHS + d.replace(b"<t>", b"<t>&lol3;", 1), ("sheet hours", None)
    ),
    _in_part("xl/workbook.xml", lambda d: _EXTERNAL + d, ("part xl/workbook.xml", None)),
    _in_part("xl/styles.xml", lambda d: _LAUGHS + d, ("part xl/styles.xml", None)),
    _in_sheet("placements", _half, ("sheet placements line 1", None)),
    _in_part("xl/_rels/workbook.xml.rels", _half, ("part xl/_rels/workbook.xml.rels line 1", None)),
    _in_sheet(
        "people", lambda d: d.replace(b"</row>", b"</rows>", 1), ("sheet people line 1", None)
    ),
    _in_sheet(
        "employers",
        lambda d: d.replace(b"<sheetData>", b"<sheetData>" + b" " * _BOMB),
        ("sheet employers", None),
    ),
    _in_part(
        "docProps/core.xml",
        lambda d: d.replace(b"<dc:creator>", b"<dc:creator>" + b" " * _BOMB),
        ("part docProps/core.xml", None),
    ),
    _in_sheet(
        "hours",
        lambda d: d.replace(b"</sheetData>", _PAST_LAST_ROW + b"</sheetData>"),
        ("sheet hours row 1048577", None),
    ),
    _in_sheet(
        "employers",
        lambda d: d.replace(b"Bakkerij Brood", b"B" * 40_000, 1),
        (f"{WORKBOOK} sheet employers row 2", "name"),
    ),
    _not_a_zip,
    _no_workbook_part,
)
"""The broken workbooks, one case each; the places are found inside a problem's place."""
WHOLE_WORKBOOKS: tuple[WorkbookBreaker, ...] = (
    _another_sheet(_LAUGHS + b"<worksheet><sheetData>&lol3;</sheetData></worksheet>"),
    _another_sheet(b'<worksheet xmlns="http://schemas.openxmlformats.org/spre'),
)
"""Workbooks that load: another sheet, broken or hostile, is never read."""


def _workbook_cases(target: Path, scenario: Any, scratch: Path) -> list[dict[str, Any]]:  # noqa: ANN401
    """The family ``workbooks``: a folder per case holding its ``scenario.xlsx``."""
    base = _workbook_parts(scenario, scratch)
    manifest = []
    for number, breaker in enumerate(WORKBOOK_BREAKERS + WHOLE_WORKBOOKS):
        parts = dict(base)
        places = breaker(parts)
        folder = target / "workbooks" / f"{number:03d}"
        folder.mkdir(parents=True)
        data = _zipped(parts) if parts else b"not a workbook, but text\n"
        (folder / WORKBOOK).write_bytes(data)
        manifest.append(
            {
                "case": f"workbooks/{number:03d}",
                "family": "workbooks",
                "places": [list(p) for p in places],
            }
        )
    return manifest


# -- the corpus ------------------------------------------------------------------------------


def _keep_changes(folder: Path, base: Path) -> None:
    """Leave in a case only the files that differ from the family's base (tiny on disk)."""
    for path in folder.iterdir():
        if path.read_bytes() == (base / path.name).read_bytes():
            path.unlink()


def materialise(case: Path, into: Path) -> Path:
    """A whole folder of a case: the family's base files with the case's own files over them.

    A case with a ``materialise.json`` takes the base it names, and gets the links and FIFOs
    it asks for.
    """
    mark = case / MARK
    plan: dict[str, str] = json.loads(mark.read_text("utf-8")) if mark.exists() else {}
    base = case.parent.parent / plan["base"] if plan else case.parent / "base"
    if base.is_dir():
        shutil.copytree(base, into)
    else:  # a family without a base (workbooks: each case is a whole file)
        into.mkdir(parents=True)
    for path in case.iterdir():
        if path.name != MARK:
            shutil.copyfile(path, into / path.name)
    _make_special(into, plan)
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
    bases = {family: _csv_base(scenario, family, scratch) for family in ("csv", "batch-csv")}
    manifest += _dutch_numbers_family(target, bases)
    manifest += _links_and_fifos_family(target)
    manifest += _workbook_cases(target, scenario, scratch)
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
