"""The corpus of broken tables: every problem named at its place, on both engines.

``scripts/generate_broken_corpus.py`` writes ``tests/corpus/``: folders of scenario CSV files,
the batch engine's CSV tables and its Parquet tables, each the bundled example with one to three
cells or rows broken, and a few whole ones with their rows shuffled; both engines' CSV folders
as a Dutch spreadsheet writes them, with numbers that read two ways; folders whose table is a
link, a FIFO or a folder, or is given twice; and workbooks broken in their packing and XML. The
manifest gives, for each case, every place (file, row as the file numbers it, column) where a
problem must be named; a workbook's place is found inside the problem's place (``sheet hours
line 1`` in ``.../scenario.xlsx sheet hours line 1 column 9``).
"""

from __future__ import annotations

import functools
import hashlib
import json
import sys
import zipfile
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]
import pyarrow.parquet as pq  # type: ignore[import-untyped,unused-ignore]
import pytest

from banenafspraak import InvalidScenarioError, Scenario, batch, count_jobs
from banenafspraak._workbook import cell_text, read_sheets
from banenafspraak.exceptions import Problem
from banenafspraak.io import load_scenario

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests" / "cli"))

from generate_broken_corpus import OUTSIDE, WORKBOOK, generate, materialise  # noqa: E402
from golden_cases import run  # noqa: E402

MANIFEST: list[dict[str, Any]] = json.loads((CORPUS / "manifest.json").read_text("utf-8"))


@functools.cache
def _cases(tmp: Path) -> dict[str, Path]:
    return {
        case["case"]: materialise(CORPUS / case["case"], tmp / case["case"]) for case in MANIFEST
    }


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _cases(tmp_path_factory.mktemp("corpus"))


def _reader(case: dict[str, Any]) -> str:
    """``pure`` (the scenario loader) or ``batch`` (the batch engine's tables)."""
    pure = case["family"] in {"csv", "workbooks"}
    return str(case.get("reader", "pure" if pure else "batch"))


def _input(family: str, folder: Path) -> Path:
    """What a case gives the loader: its folder, or the workbook in it."""
    return folder / WORKBOOK if family == "workbooks" else folder


def _load(case: dict[str, Any], folder: Path) -> Scenario | batch.Tables:
    if _reader(case) == "pure":
        return load_scenario(_input(case["family"], folder))
    return batch.Tables.read(folder)


def _named(place: list[str | None], problems: tuple[Problem, ...], family: str = "") -> bool:
    where, field = place
    assert where is not None
    return any(
        (
            where in p.location
            if family == "workbooks"
            else (p.location == where or p.location.startswith(f"{where} ("))
        )
        and (field is None or p.field == field)
        for p in problems
    )


def _meaning(path: Path) -> object:
    """What a corpus file says: a Parquet file's schema and rows, any other file's bytes.

    A Parquet file's bytes carry the version of the library that wrote it, so two releases of
    polars write the same table differently; the tables themselves must be the same.
    """
    if path.suffix == ".xlsx":
        try:
            with zipfile.ZipFile(path) as archive:  # its parts, not how a zlib packs them
                return [(i.filename, archive.read(i)) for i in archive.infolist()]
        except zipfile.BadZipFile:
            pass  # a case whose workbook is deliberately no zip: compare its bytes
    if path.suffix == ".parquet":
        try:
            table = pq.read_table(path)
        except pa.ArrowException:
            pass  # a case whose Parquet file is deliberately not Parquet: compare its bytes
        else:
            # repr, so that a NaN cell equals itself
            return (str(table.schema.remove_metadata()), repr(table.to_pylist()))
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _contents(folder: Path) -> Iterator[tuple[str, object]]:
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            yield str(path.relative_to(folder)), _meaning(path)


def test_the_corpus_is_what_the_script_writes(tmp_path: Path) -> None:
    manifest = generate(tmp_path / "corpus")
    assert manifest == MANIFEST
    assert dict(_contents(tmp_path / "corpus")) == dict(_contents(CORPUS))


def test_a_parquet_file_is_compared_by_its_table_not_its_bytes(tmp_path: Path) -> None:
    frame = pl.DataFrame({"placement": ["p1", "p2"], "hours": [1.5, 2.0]})
    frame.write_parquet(tmp_path / "a.parquet", compression="zstd")
    frame.write_parquet(tmp_path / "b.parquet", compression="snappy")
    assert (tmp_path / "a.parquet").read_bytes() != (tmp_path / "b.parquet").read_bytes()
    assert _meaning(tmp_path / "a.parquet") == _meaning(tmp_path / "b.parquet")
    pl.DataFrame({"placement": ["p1", "p2"], "hours": [1.5, 2.5]}).write_parquet(
        tmp_path / "c.parquet"
    )
    assert _meaning(tmp_path / "a.parquet") != _meaning(tmp_path / "c.parquet")


def test_the_corpus_is_several_hundred_cases_of_every_family() -> None:
    broken = [case for case in MANIFEST if case["places"]]
    assert len(broken) >= 400
    families = {case["family"] for case in broken}
    whole = {"csv", "batch-csv", "batch-parquet", "dutch-numbers", "workbooks"}
    assert families == {*whole, "links-and-fifos"}
    assert {case["family"] for case in MANIFEST if not case["places"]} == whole
    for family in ("dutch-numbers", "links-and-fifos"):
        readers = {_reader(case) for case in broken if case["family"] == family}
        assert readers == {"pure", "batch"}


def test_every_broken_case_is_refused_with_every_problem_at_its_place(
    cases: dict[str, Path],
) -> None:
    missed: list[tuple[str, object, object]] = []
    for case in MANIFEST:
        if not case["places"]:
            continue
        try:
            _load(case, cases[case["case"]])
        except InvalidScenarioError as error:
            if OUTSIDE.strip() in str(error):
                missed.append((case["case"], "quotes the file a link points to", str(error)))
            missed.extend(
                (case["case"], place, [str(p) for p in error.problems][:4])
                for place in case["places"]
                if not _named(place, error.problems, case["family"])
            )
        else:
            missed.append((case["case"], case["places"], "accepted"))
    assert missed == []


def _file_hours(family: str, folder: Path, year: int) -> Fraction:
    if family == "workbooks":  # the hours sheet only: another sheet may be hostile
        (sheet,) = read_sheets(folder / WORKBOOK, names={"hours"}).values()
        header, *cells = [[cell_text(value, kind)[0] for value, kind in row] for row in sheet]
        end, hours = header.index("end"), header.index("hours")
        return sum(
            (Fraction(row[hours]) for row in cells if row[end].startswith(str(year))), Fraction(0)
        )
    if family == "batch-parquet":
        frame = pl.read_parquet(folder / "hours.parquet")
        rows = zip(frame["end"].to_list(), frame["hours"].cast(pl.String).to_list(), strict=True)
        return sum((Fraction(h) for end, h in rows if end.year == year), Fraction(0))
    semicolons = family == "dutch-numbers"
    frame = pl.read_csv(folder / "hours.csv", infer_schema=False, separator=";,"[not semicolons])
    written = [h.replace(",", ".") if semicolons else h for h in frame["hours"].to_list()]
    pairs = zip(frame["end"].to_list(), written, strict=True)
    return sum((Fraction(h) for end, h in pairs if end.startswith(str(year))), Fraction(0))


def test_every_whole_case_counts_every_hour_on_its_engine(cases: dict[str, Path]) -> None:
    for case in MANIFEST:
        if case["places"]:
            continue
        loaded = _load(case, cases[case["case"]])
        for year in (2018, 2019):
            if isinstance(loaded, Scenario):
                result: Any = count_jobs(loaded, rules="wbqa-2015", year=year)
            else:
                result = batch.count_jobs(loaded, rules="wbqa-2015", year=year)
            assert result.input_hours == result.counted_hours + result.excluded_hours
            assert result.input_hours == _file_hours(case["family"], cases[case["case"]], year)


CLI_EVERY = 6
"""The command line reads every sixth broken case and every whole one (the loaders all)."""


def test_the_command_line_exits_1_for_broken_cases_and_0_for_whole_ones(
    cases: dict[str, Path],
) -> None:
    wrong = []
    for number, case in enumerate(MANIFEST):
        if case["places"] and number % CLI_EVERY:
            continue
        given = _input(case["family"], cases[case["case"]])
        code, out, err = run(["count", str(given), "--year", "2019"])
        expected = 1 if case["places"] else 0
        first = str(case["places"][0][0]) if case["places"] else ""
        if code != expected or "Traceback" in out + err or first.split(" row ")[0] not in err:
            wrong.append((case["case"], code, err[:300]))
    assert wrong == []


VALIDATE_EVERY = 10
"""``validate`` reads every tenth case of every family (broken or whole)."""


def test_validate_names_what_the_loader_names_on_every_family(cases: dict[str, Path]) -> None:
    differ: list[object] = []
    for case in MANIFEST[::VALIDATE_EVERY]:
        folder = cases[case["case"]]
        code, out, _err = run(["validate", str(_input(case["family"], folder)), "--format", "json"])
        told = json.loads(out)
        try:
            _load(case, folder)
        except InvalidScenarioError as error:
            expected = [[p.location, p.field, p.value, p.message] for p in error.problems]
            seen = [[p["location"], p["field"], p["value"], p["message"]] for p in told["problems"]]
            if (code, told["valid"], seen) != (1, False, expected):
                differ.append((case["case"], code, seen[:2], expected[:2]))
        else:
            if (code, told["valid"]) != (0, True):
                differ.append((case["case"], code, told))
    assert differ == []
