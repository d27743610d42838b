"""Excel scenario workbooks: they round-trip, and are checked exactly as the same CSV folder."""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
from pathlib import Path

import attrs
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scenario_strategies import scenarios as file_scenarios

from banenafspraak import InvalidScenarioError, Scenario
from banenafspraak.demo import example_scenario
from banenafspraak.io import CSV_FILES, load_scenario, save_scenario
from banenafspraak.strategies import scenarios

SHEETS = {file: file.removesuffix(".csv") for file in CSV_FILES.values()}


def problems_of(path: Path) -> list[str]:
    """Every problem of the scenario at ``path`` (none if it loads)."""
    try:
        load_scenario(path)
    except InvalidScenarioError as error:
        return [str(p) for p in error.problems]
    return []


def example_records(tmp_path: Path) -> dict[str, list[list[str]]]:
    """The example as the cells of its CSV files, by file name."""
    folder = save_scenario(example_scenario(), tmp_path / "records")
    return {
        path.name: list(csv.reader(path.read_text("utf-8").splitlines()))
        for path in sorted(folder.iterdir())
    }


def write_both(records: dict[str, list[list[str]]], where: Path) -> tuple[Path, Path]:
    """The same cells as a CSV folder and as a workbook of text cells.

    A row of a sheet ends at its last cell that holds something (empty cells after it are not
    there), so the CSV rows end there too.
    """
    folder = where / "csv"
    folder.mkdir(parents=True)
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for file, rows in records.items():
        with (folder / file).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            for row in rows:
                filled = [i for i, text in enumerate(row) if text]
                writer.writerow(row[: filled[-1] + 1] if filled else [])
        sheet = workbook.create_sheet(SHEETS[file])
        for number, row in enumerate(rows, start=1):
            for column, text in enumerate(row, start=1):
                if text:
                    cell = sheet.cell(number, column, text)
                    cell.data_type = "s"
    book = where / "book.xlsx"
    workbook.save(book)
    return folder, book


def as_sheet(problem: str) -> str:
    """A problem of a CSV folder as the same workbook names it."""
    for file, sheet in SHEETS.items():
        if problem.startswith((f"{file} ", f"{file}:", f"{file},")):
            problem = f"book.xlsx sheet {sheet}" + problem[len(file) :]
            if problem.startswith(f"book.xlsx sheet {sheet}:"):
                problem = problem.replace("missing file", "missing sheet")
                problem = problem.replace("(got an empty file)", "(got an empty sheet)")
    return problem


# -- round trips ----------------------------------------------------------------------------


@settings(deadline=None)
@given(scenario=st.one_of(scenarios(), file_scenarios()))
def test_a_scenario_round_trips_through_a_workbook(scenario: Scenario) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = save_scenario(scenario, Path(folder) / "s.xlsx")
        assert load_scenario(path) == scenario
        assert set(openpyxl.load_workbook(path, read_only=True).sheetnames) <= set(SHEETS.values())


def test_the_workbook_holds_numbers_and_dates_as_a_spreadsheet_does(tmp_path: Path) -> None:
    path = save_scenario(example_scenario(), tmp_path / "example.xlsx")
    hours = openpyxl.load_workbook(path)["hours"]
    assert [cell.value for cell in hours[1]] == ["placement", "start", "end", "hours"]
    assert [cell.value for cell in hours[2]] == [
        "b-q",  # the first placement by id
        dt.datetime(2018, 1, 1),  # noqa: DTZ001 - a spreadsheet has no time zones
        dt.datetime(2018, 1, 31),  # noqa: DTZ001
        43.5,
    ]
    assert load_scenario(path).name == example_scenario().name


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    named = attrs.evolve(example_scenario(), name="=HYPERLINK(1)")
    path = save_scenario(named, tmp_path / "s.xlsx")
    cell = openpyxl.load_workbook(path)["scenario"]["B2"]
    assert (cell.value, cell.data_type) == ("=HYPERLINK(1)", "s")
    assert load_scenario(path).name == "=HYPERLINK(1)"


@pytest.mark.parametrize("name", ["=HYPERLINK(1)", "'=x", "''=x", "'s-Hertogenbosch", "-12.5"])
def test_a_quoted_name_round_trips_through_a_folder_and_a_workbook(
    tmp_path: Path, name: str
) -> None:
    named = attrs.evolve(example_scenario(), name=name)
    folder = save_scenario(named, tmp_path / "csv")
    book = save_scenario(named, tmp_path / "s.xlsx")
    cell = openpyxl.load_workbook(book)["scenario"]["B2"]
    assert cell.value == name  # a text cell holds the name as it is, with no quote added
    assert load_scenario(folder).name == load_scenario(book).name == name


# -- the same checks as a CSV folder --------------------------------------------------------

BAD_TEXTS = ("x", "-1", "", "2019-02-30", "1,5", "P9", "true", "123456789", "  ")


@st.composite
def broken_records(draw: st.DrawFn) -> tuple[dict[str, list[list[str]]], int]:
    """The example's cells with a few cells replaced by odd texts, and the number replaced."""
    records = {file: [list(row) for row in rows] for file, rows in EXAMPLE.items()}
    edits = draw(st.integers(1, 4))
    for _ in range(edits):
        file = draw(st.sampled_from(sorted(records)))
        rows = records[file]
        number = draw(st.integers(0, len(rows) - 1))
        column = draw(st.integers(0, len(rows[0]) - 1))
        rows[number][column] = draw(st.sampled_from(BAD_TEXTS))
    return records, edits


EXAMPLE: dict[str, list[list[str]]] = {}


@pytest.fixture(scope="module", autouse=True)
def _example(tmp_path_factory: pytest.TempPathFactory) -> None:
    EXAMPLE.update(example_records(tmp_path_factory.mktemp("example")))


@settings(deadline=None)
@given(broken=broken_records())
def test_a_broken_workbook_has_the_problems_and_places_of_the_same_csv_folder(
    broken: tuple[dict[str, list[list[str]]], int],
) -> None:
    records, _edits = broken
    with tempfile.TemporaryDirectory() as where:
        folder, book = write_both(records, Path(where))
        expected = [as_sheet(p) for p in problems_of(folder)]
        assert problems_of(book) == expected
        if not expected:
            assert load_scenario(book) == load_scenario(folder)


@pytest.mark.parametrize(
    "change",
    ["drop hours", "drop parameters", "empty people", "unknown column", "column twice"],
)
def test_a_broken_sheet_is_named_as_the_broken_file_is(tmp_path: Path, change: str) -> None:
    records = example_records(tmp_path)
    if change == "drop hours":
        del records["hours.csv"]
    elif change == "drop parameters":
        del records["parameters.csv"]
    elif change == "empty people":
        records["people.csv"] = []
    elif change == "unknown column":
        records["employers.csv"][0][2] = "sectr"
    else:
        records["placements.csv"][0][1] = "id"
    folder, book = write_both(records, tmp_path / "both")
    if change == "drop parameters":
        assert load_scenario(book) == load_scenario(folder)
        return
    expected = [as_sheet(p) for p in problems_of(folder)]
    assert problems_of(book) == expected
    if change == "drop hours":
        assert expected == ["book.xlsx sheet hours: missing sheet (got nothing)"]
    if change == "empty people":
        assert expected[0].startswith("book.xlsx sheet people: expected a header row")


# -- cells that have no faithful text -------------------------------------------------------


def example_book(tmp_path: Path) -> tuple[Path, openpyxl.Workbook]:
    path = save_scenario(example_scenario(), tmp_path / "example.xlsx")
    return path, openpyxl.load_workbook(path)


def test_a_formula_is_refused_with_its_place_and_no_second_problem(tmp_path: Path) -> None:
    path, book = example_book(tmp_path)
    book["hours"]["D3"] = "=D2*2"
    book["hours"]["B4"] = dt.datetime(2018, 3, 1, 12, 30)  # noqa: DTZ001
    book["people"]["A2"] = "=123456782"
    book.save(path)
    assert problems_of(path) == [
        (
            "example.xlsx sheet people row 2, id: a formula: formulas are not computed; paste "
            "the value instead (got =*****6782)"
        ),
        (
            "example.xlsx sheet hours row 3, hours: a formula: formulas are not computed; "
            "paste the value instead (got =D2*2)"
        ),
        (
            "example.xlsx sheet hours row 4, start: a date with a time of day; expected a date "
            "(got 2018-03-01 12:30:00)"
        ),
        # one pass: the placement's person is named by the id the refused cell replaced
        "example.xlsx sheet placements row 5 (placement 'f-j'), person: unknown person (got J)",
    ]


def test_numbers_past_fifteen_digits_errors_and_times_are_problems(tmp_path: Path) -> None:
    path, book = example_book(tmp_path)
    book["hours"]["D2"] = 0.1234567890123456
    book["hours"]["D3"] = "#N/A"
    book["hours"]["C4"] = dt.time(12, 0)
    book.save(path)
    assert problems_of(path) == [
        (
            "example.xlsx sheet hours row 2, hours: a number with more than 15 significant "
            "digits, which a spreadsheet does not hold exactly; write it as text "
            "(got 0.1234567890123456)"
        ),
        "example.xlsx sheet hours row 3, hours: an error value of the spreadsheet (got #N/A)",
        (
            "example.xlsx sheet hours row 4, end: a time or a duration; expected a date, a "
            "number or text (got 12:00:00)"
        ),
    ]


def test_typed_cells_read_as_their_text_and_rows_keep_the_spreadsheets_numbers(
    tmp_path: Path,
) -> None:
    path, book = example_book(tmp_path)
    placements = book["placements"]
    assert placements["F1"].value == "credited_to_hirer"
    row = next(r for r in placements.iter_rows(min_row=2) if r[5].value == "true")
    row[5].value = True
    hours = book["hours"]
    hours["D2"] = 43  # a whole number
    hours.insert_rows(3, amount=2)  # empty rows stay counted
    hours["D6"] = -1
    book.save(path)
    assert problems_of(path) == [
        (
            "example.xlsx sheet hours row 6, hours: expected a non-negative number or decimal "
            'string (got "-1")'
        )
    ]


def test_a_file_that_is_no_workbook_is_named(tmp_path: Path) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_text("not a workbook", encoding="utf-8")
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}: not an Excel workbook (.xlsx)")


def test_another_sheet_is_not_read_as_another_file_in_a_folder_is_not(tmp_path: Path) -> None:
    path, book = example_book(tmp_path)
    book.create_sheet("notes")["A1"] = "=SUM(1, 2)"
    book.save(path)
    assert load_scenario(path) == example_scenario()
