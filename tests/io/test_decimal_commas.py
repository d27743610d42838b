"""A Dutch Excel export: semicolons and decimal commas (issue 13, item 4)."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from banenafspraak import InvalidScenarioError
from banenafspraak.io import example_path, load_scenario

EXAMPLE_CSV = Path(__file__).parents[2] / "examples" / "scenarios" / "example-csv"


def _dutch_excel(folder: Path, *, delimiter: str = ";", thousands: str = "") -> Path:
    """The example folder as Dutch Excel writes it: semicolons, decimal commas, BOM and CRLF.

    ``thousands`` separates the thousands of the larger numbers (Excel's number format with a
    thousands separator writes ``300.000,00``).
    """
    out = folder / "dutch"
    shutil.copytree(EXAMPLE_CSV, out)
    for path in out.glob("*.csv"):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        header = rows[0]
        numbers = {"hours", "total_hours", "premium_wage", "exempt_wage", "jobs"}
        for row in rows[1:]:
            for i, column in enumerate(header):
                if column in numbers and "." in row[i]:
                    row[i] = row[i].replace(".", ",")
                elif column in numbers and row[i].isdigit() and len(row[i]) > 3:
                    row[i] = f"{int(row[i]):,}".replace(",", thousands) + ",00"
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out


def test_a_semicolon_file_reads_decimal_commas_as_the_same_numbers(tmp_path: Path) -> None:
    folder = _dutch_excel(tmp_path)
    assert "43,5" in (folder / "hours.csv").read_text("utf-8-sig")
    assert "300000,00" in (folder / "employer_years.csv").read_text("utf-8-sig")
    assert load_scenario(folder) == load_scenario(example_path())


def test_a_number_with_a_thousands_point_and_a_decimal_comma_is_refused_at_its_place(
    tmp_path: Path,
) -> None:
    """``300.000,00``: both separators; the file may not be written with decimal commas."""
    folder = _dutch_excel(tmp_path, thousands=".")
    with pytest.raises(InvalidScenarioError) as caught:
        load_scenario(folder)
    refused = {(p.location, p.field, p.value) for p in caught.value.problems}
    assert ("employer_years.csv row 2", "premium_wage", "350.000,00") in refused
    assert all("both a point and a comma" in p.message for p in caught.value.problems)


def _hours(folder: Path, text: str) -> Path:
    path = folder / "hours.csv"
    rows = path.read_text("utf-8-sig").splitlines()
    cells = rows[1].split(";")
    cells[3] = text
    path.write_text("\r\n".join([rows[0], ";".join(cells), *rows[2:]]) + "\r\n", "utf-8")
    return folder


@pytest.mark.parametrize("hours", ["16.000", "1.234", "1.234.567", "1.234,5", "1,234.5"])
def test_a_number_that_reads_two_ways_in_a_semicolon_file_is_refused_at_its_place(
    tmp_path: Path, hours: str
) -> None:
    """``16.000`` hours is sixteen, or sixteen thousand: no total may rest on a guess."""
    folder = _hours(_dutch_excel(tmp_path), hours)
    with pytest.raises(InvalidScenarioError) as caught:
        load_scenario(folder)
    assert [(p.location, p.field, p.value) for p in caught.value.problems] == [
        ("hours.csv row 2", "hours", hours)
    ]


@pytest.mark.parametrize(
    ("hours", "read"),
    [("16,5", "16.5"), ("16.5", "16.5"), ("16", "16"), ("0.125", "0.125"), ("0,125", "0.125")],
)
def test_a_number_that_reads_one_way_in_a_semicolon_file_is_read(
    tmp_path: Path, hours: str, read: str
) -> None:
    folder = _hours(_dutch_excel(tmp_path), hours)
    scenario = load_scenario(folder)
    first = next(p for p in scenario.placements if p.hours)
    assert str(first.hours[0].hours) == read


def test_a_decimal_comma_in_a_comma_separated_file_is_refused_in_one_line_per_kind(
    tmp_path: Path,
) -> None:
    """Hundreds of rows with the same problem give one line with the count and the first rows."""
    folder = _dutch_excel(tmp_path, delimiter=",")
    with pytest.raises(InvalidScenarioError) as caught:
        load_scenario(folder)
    error = caught.value
    message = str(error).splitlines()
    hours = [line for line in message if line.startswith("  - ") and "hours.csv rows" in line]
    assert len(hours) == 1
    assert hours[0].startswith("  - 192 times hours.csv rows 2, 3, 4 and 189 more, hours:")
    assert "a decimal comma? Write a decimal point" in hours[0]
    assert len(error.problems) > len(message)
