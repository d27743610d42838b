"""Every file the library writes is there whole or not at all, and never written through a link."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from banenafspraak import count_jobs
from banenafspraak._files import replacing
from banenafspraak.demo import example_scenario
from banenafspraak.io import example_path, load_scenario, save_scenario
from banenafspraak.render.charts import realisation_chart, save_chart
from banenafspraak.render.export import count_tables, to_xlsx

SRC = Path(__file__).resolve().parents[2] / "src"


def planted_link(folder: Path, name: str) -> tuple[Path, Path]:
    """A link named ``name`` in ``folder`` to a file elsewhere that must stay as it is."""
    target = folder / "elsewhere" / "precious.txt"
    target.parent.mkdir()
    target.write_text("precious", "utf-8")
    link = folder / name
    link.symlink_to(target)
    return link, target


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.mark.parametrize("name", ["scenario.json", "scenario.xlsx"])
def test_saving_a_scenario_replaces_a_link_under_its_name_and_leaves_the_linked_file(
    tmp_path: Path, name: str
) -> None:
    link, target = planted_link(tmp_path, name)
    save_scenario(example_scenario(), link)
    assert not link.is_symlink()
    assert target.read_text("utf-8") == "precious"
    assert load_scenario(link) == load_scenario(save_scenario(example_scenario(), tmp_path / name))
    assert leftovers(tmp_path) == []


def test_a_csv_folder_replaces_a_link_under_a_file_name(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    link, target = planted_link(folder, "hours.csv")
    save_scenario(example_scenario(), folder)
    assert not link.is_symlink()
    assert target.read_text("utf-8") == "precious"
    assert load_scenario(folder) == example_scenario()


def test_tables_and_charts_replace_a_link_under_their_names(tmp_path: Path) -> None:
    workbook, precious = planted_link(tmp_path, "tables.xlsx")
    chart = tmp_path / "chart.png"
    chart.symlink_to(precious)
    count = count_jobs(example_scenario(), rules="wbqa-2015", year=2019)
    to_xlsx(count_tables(count), workbook)
    save_chart(realisation_chart([count]), chart)
    assert precious.read_text("utf-8") == "precious"
    assert not workbook.is_symlink()
    assert not chart.is_symlink()
    assert chart.read_bytes().startswith(b"\x89PNG")


def test_an_interrupted_save_leaves_the_old_file_and_nothing_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = save_scenario(example_scenario(), tmp_path / "scenario.xlsx")
    before = path.read_bytes()

    def interrupted(_workbook: object, filename: object) -> None:
        filename.write(b"PK\x03\x04 half a workbook")  # type: ignore[attr-defined]
        raise KeyboardInterrupt

    monkeypatch.setattr("openpyxl.workbook.workbook.save_workbook", interrupted)
    with pytest.raises(KeyboardInterrupt):
        save_scenario(example_scenario(), path)
    with pytest.raises(KeyboardInterrupt):
        save_scenario(example_scenario(), tmp_path / "new.xlsx")
    assert path.read_bytes() == before
    assert not (tmp_path / "new.xlsx").exists()
    assert leftovers(tmp_path) == []


def test_an_error_while_writing_removes_the_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "file.txt"

    def half_then_stop() -> None:
        with replacing(path) as handle:
            handle.write(b"half")
            raise ValueError("stop")  # noqa: EM101 - a test's own error

    with pytest.raises(ValueError, match="stop"):
        half_then_stop()
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_named_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such folder") as raised:
        save_scenario(example_scenario(), tmp_path / "nodir" / "x.xlsx")
    assert raised.value.filename == str(tmp_path / "nodir")
    # a folder named like a file is refused, not replaced
    (tmp_path / "taken.json").mkdir()
    with pytest.raises(IsADirectoryError):
        save_scenario(example_scenario(), tmp_path / "taken.json")


@pytest.mark.parametrize(
    ("name", "out", "message"),
    [
        ("B", "nodir/x.xlsx", "no such folder to write x.xlsx in: nodir"),
        (
            "Brood\\u0007",
            "x.xlsx",
            (
                "x.xlsx sheet employers row 2, name: a control character, which a workbook "
                "cannot hold (got 'Brood\\x07')"
            ),
        ),
    ],
)
def test_a_workbook_not_written_is_one_line_without_a_traceback(
    tmp_path: Path, name: str, out: str, message: str
) -> None:
    scenario = tmp_path / "scenario.json"
    scenario.write_text(example_path().read_text("utf-8").replace("Bakkerij Brood", name), "utf-8")
    command = [sys.executable, "-m", "banenafspraak", "count", str(scenario), "--year", "2019"]
    done = subprocess.run(  # noqa: S603 - a new process: openpyxl complains when collected
        [*command, "--format", "xlsx", "--out", out],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC), "PATH": ""},
        check=False,
    )
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"banenafspraak: {message}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scenario.json"]


def test_the_batch_tables_replace_a_link_under_a_parquet_file(tmp_path: Path) -> None:
    from banenafspraak import batch  # noqa: PLC0415 - the batch extra
    from banenafspraak.synthetic import generate  # noqa: PLC0415

    link, target = planted_link(tmp_path, "hours.parquet")
    folder = link.parent
    generate("S", scale=0.01).write_parquet(folder)
    assert not link.is_symlink()
    assert target.read_text("utf-8") == "precious"
    assert batch.Tables.read(folder).hours.height > 0  # "elsewhere" is a folder: not read
