"""``--format xlsx``: the CSV tables as the sheets of a workbook, numbers as numbers where exact."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import attrs
import openpyxl
import pytest
from golden_cases import JSON, ROOT, run

from banenafspraak import PersonId
from banenafspraak._workbook import cell_text
from banenafspraak.demo import example_scenario
from banenafspraak.io import save_scenario

BSN = "123456782"
SOURCE = str(ROOT / JSON)


def sheets_of(path: Path) -> dict[str, list[list[str]]]:
    """Every sheet as rows of cell texts, read back as the scenario reader reads cells."""
    book = openpyxl.load_workbook(path)
    return {
        sheet.title: [
            [cell_text(c.value, c.data_type)[0] for c in row] for row in sheet.iter_rows()
        ]
        for sheet in book.worksheets
    }


def csv_rows(args: list[str]) -> list[list[str]]:
    code, out, err = run([*args, "--format", "csv"])
    assert code == 0, err
    return list(csv.reader(io.StringIO(out)))


def xlsx(args: list[str], path: Path) -> dict[str, list[list[str]]]:
    code, out, err = run([*args, "--format", "xlsx", "--out", str(path)])
    assert code == 0, err
    assert out == ""
    assert err == f"wrote {path}\n"
    return sheets_of(path)


COUNT = ["count", SOURCE, "--rules", "wbqa-2015", "--year", "2019"]


@pytest.mark.parametrize(
    ("args", "sheet"),
    [
        ([*COUNT, "--table", "attributions"], "attributions"),
        (["quotum", SOURCE, "--rules", "wbqa-2015", "--year", "2018"], "quotum"),
        (["compare", SOURCE, "--year", "2019"], "comparison"),
        (["explain", SOURCE, "u-z", "--rules", "wbqa-2015", "--year", "2019"], "attributions"),
        (["rules"], "rules"),
    ],
)
def test_each_sheet_holds_the_csv_table_cell_for_cell(
    tmp_path: Path, args: list[str], sheet: str
) -> None:
    sheets = xlsx(args, tmp_path / "out.xlsx")
    assert sheets[sheet] == csv_rows(args)


def test_count_writes_every_table_and_numbers_as_number_cells(tmp_path: Path) -> None:
    path = tmp_path / "count.xlsx"
    sheets = xlsx(COUNT, path)
    assert list(sheets) == ["pools", "employers", "placements", "attributions"]
    for name, rows in sheets.items():
        assert rows == csv_rows([*COUNT, "--table", name])
    pools = openpyxl.load_workbook(path)["pools"]
    assert [c.value for c in pools[1]] == list(csv_rows([*COUNT, "--table", "pools"])[0])
    market = [c.value for c in pools[2]]
    assert market[:3] == ["market", 5196, 3.903831705485]
    document = json.loads(run([*COUNT, "--format", "json"])[1])
    assert str(market[2]) == document["pools"]["market"]["jobs"]


def test_compare_adds_the_differences_with_their_placements(tmp_path: Path) -> None:
    sheets = xlsx(["compare", SOURCE, "--year", "2019"], tmp_path / "compare.xlsx")
    header, *rows = sheets["differences"]
    assert header[:3] == ["subject", "measure", "rule set"]
    assert any("s-w" in row[-1] for row in rows)


def test_a_text_a_spreadsheet_would_run_is_text_and_neutralised(tmp_path: Path) -> None:
    scenario = example_scenario()
    employers = tuple(
        attrs.evolve(e, name="=HYPERLINK(1)") if e.id == "G" else e for e in scenario.employers
    )
    bsn = PersonId(BSN)
    people = tuple(attrs.evolve(p, id=bsn) if p.id == "P1" else p for p in scenario.people)
    placements = tuple(
        attrs.evolve(p, person=bsn) if p.person == "P1" else p for p in scenario.placements
    )
    changed = scenario.evolve(employers=employers, people=people, placements=placements)
    source = str(save_scenario(changed, tmp_path / "s.json"))
    path = tmp_path / "count.xlsx"
    args = ["count", source, "--rules", "wbqa-2015", "--year", "2019"]
    run([*args, "--format", "xlsx", "--out", str(path)])
    book = openpyxl.load_workbook(path)
    names = [c for c in book["employers"]["B"] if c.value == "'=HYPERLINK(1)"]
    assert [(c.value, c.data_type) for c in names] == [("'=HYPERLINK(1)", "s")]
    people_cells = {c.value for c in book["attributions"]["B"]}
    assert "*****6782" in people_cells
    assert BSN not in people_cells
    run([*args, "--format", "xlsx", "--out", str(path), "--full-ids"])
    assert BSN in {c.value for c in openpyxl.load_workbook(path)["attributions"]["B"]}


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ([], "an xlsx workbook is a binary file, not for standard output: give --out FILE.xlsx"),
        (["--out", "-"], "an xlsx workbook is a binary file"),
        (["--out", "count.csv"], "the workbook's name must end in .xlsx, got 'count.csv'"),
        (["--out", "folder.xlsx"], "is a link or a folder"),
    ],
)
def test_a_workbook_goes_only_to_a_plain_xlsx_file(
    tmp_path: Path, extra: list[str], message: str
) -> None:
    (tmp_path / "folder.xlsx").mkdir()
    code, out, err = run([*COUNT, "--format", "xlsx", *extra], cwd=tmp_path)
    assert code == 2
    assert out == ""
    assert message in err
    assert [p.name for p in tmp_path.iterdir()] == ["folder.xlsx"]


def test_out_is_only_for_a_workbook(tmp_path: Path) -> None:
    code, _, err = run([*COUNT, "--format", "csv", "--out", str(tmp_path / "x.xlsx")])
    assert code == 2
    assert "--out is the workbook of --format xlsx" in err
    code, _, err = run(["report", "trend", SOURCE, "--format", "xlsx"])
    assert code == 2
    assert "written as a table or as json, not as xlsx" in err


def test_a_scenario_workbook_is_read_by_every_command(tmp_path: Path) -> None:
    book = save_scenario(example_scenario(), tmp_path / "example.xlsx")
    code, out, _ = run(["count", str(book), "--rules", "wbqa-2015", "--year", "2019"])
    assert code == 0
    assert out == run(COUNT)[1].replace(SOURCE, str(book))
