"""Files that are not what they seem, and numbers that read two ways (issue 26, items 1, 4, 5).

One reader policy for both engines (:mod:`banenafspraak._folders`): only regular files inside
the folder, by a table's name, in the named formats. Each promise is checked on the scenario
loader (a CSV folder), on the batch engine (CSV and Parquet tables) and on the command line,
which exits 1 with the problem list.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import polars as pl
import pytest
from golden_cases import ROOT, run

from banenafspraak import Baseline, InvalidScenarioError, batch, count_jobs
from banenafspraak.demo import example_scenario
from banenafspraak.exceptions import Problem
from banenafspraak.io import load_scenario, save_scenario

SCENARIO = example_scenario()
SECRET = "password,hunter2"  # noqa: S105 - a file's text that no problem may quote
FIFO = hasattr(os, "mkfifo")
HANG = 20
"""Seconds after which a read that waits on a FIFO fails the test instead of hanging."""


def _pure(tmp: Path) -> Path:
    """The example as a scenario CSV folder (two pay periods per placement, as the corpus's)."""
    return Path(shutil.copytree(ROOT / "tests" / "corpus" / "csv" / "base", tmp / "pure"))


def _batch_parquet(tmp: Path) -> Path:
    return batch.Tables.from_scenario(load_scenario(_pure(tmp))).write_parquet(tmp / "parquet")


def _batch_csv(tmp: Path) -> Path:
    """The same as the batch engine's CSV tables."""
    return Path(shutil.copytree(ROOT / "tests" / "corpus" / "batch-csv" / "base", tmp / "csv"))


def _read_pure(folder: Path) -> object:
    return load_scenario(folder)


def _read_batch(folder: Path) -> object:
    """The tables' digest (it covers every cell, the baseline and the parameters)."""
    return batch.Tables.read(folder).digest()


ENGINES: dict[str, tuple[Callable[[Path], Path], Callable[[Path], object], str]] = {
    "pure": (_pure, _read_pure, ".csv"),
    "batch-csv": (_batch_csv, _read_batch, ".csv"),
    "batch-parquet": (_batch_parquet, _read_batch, ".parquet"),
}


@contextlib.contextmanager
def _no_hang() -> Iterator[None]:
    """Fail rather than hang, should a read wait on a FIFO."""

    def alarm(_signum: int, _frame: object) -> None:
        msg = "the read waited on a FIFO"
        raise TimeoutError(msg)

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(HANG)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _problems(read: Callable[[Path], object], folder: Path) -> tuple[Problem, ...]:
    with pytest.raises(InvalidScenarioError) as caught:
        read(folder)
    return caught.value.problems


def _cli_refuses(folder: Path, *expected: str) -> str:
    code, out, err = run(["count", str(folder), "--year", "2019"])
    assert code == 1
    assert out == ""
    assert "Traceback" not in err
    for text in expected:
        assert text in err
    return err


# -- links, FIFOs, folders: only regular files are read ----------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_a_table_linked_to_a_file_outside_the_folder_is_refused_without_quoting_it(
    tmp_path: Path, engine: str
) -> None:
    make, read, suffix = ENGINES[engine]
    folder = make(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET + "\n", "utf-8")
    (folder / f"hours{suffix}").unlink()
    (folder / f"hours{suffix}").symlink_to(secret)
    problems = _problems(read, folder)
    assert [(p.location, p.value) for p in problems] == [(f"hours{suffix}", "a symbolic link")]
    assert "only regular files inside the folder are read" in problems[0].message
    err = _cli_refuses(folder, f"hours{suffix}: not a regular file")
    assert "hunter2" not in err


@pytest.mark.parametrize("engine", ENGINES)
def test_a_link_inside_the_folder_is_not_followed_either(tmp_path: Path, engine: str) -> None:
    make, read, suffix = ENGINES[engine]
    folder = make(tmp_path)
    (folder / f"hours{suffix}").rename(folder / f"copy{suffix}")
    (folder / f"hours{suffix}").symlink_to(folder / f"copy{suffix}")
    problems = _problems(read, folder)
    assert [(p.location, p.value) for p in problems] == [(f"hours{suffix}", "a symbolic link")]


@pytest.mark.skipif(not FIFO, reason="no FIFOs on this system")
@pytest.mark.parametrize("engine", ENGINES)
def test_a_fifo_named_as_a_table_is_refused_without_waiting_on_it(
    tmp_path: Path, engine: str
) -> None:
    make, read, suffix = ENGINES[engine]
    folder = make(tmp_path)
    (folder / f"hours{suffix}").unlink()
    os.mkfifo(folder / f"hours{suffix}")
    with _no_hang():
        problems = _problems(read, folder)
        assert [(p.location, p.value) for p in problems] == [
            (f"hours{suffix}", "a FIFO (named pipe)")
        ]
        _cli_refuses(folder, f"hours{suffix}: not a regular file")


@pytest.mark.parametrize("engine", ENGINES)
def test_a_folder_named_as_a_table_is_refused_by_name(tmp_path: Path, engine: str) -> None:
    make, read, suffix = ENGINES[engine]
    folder = make(tmp_path)
    (folder / f"hours{suffix}").unlink()
    (folder / f"hours{suffix}").mkdir()
    problems = _problems(read, folder)
    assert [(p.location, p.value) for p in problems] == [(f"hours{suffix}", "a folder")]


# -- named formats only --------------------------------------------------------------------------


def test_a_table_given_as_csv_and_as_parquet_is_refused_not_chosen(tmp_path: Path) -> None:
    folder = _batch_parquet(tmp_path)
    csv = _batch_csv(tmp_path)
    shutil.copyfile(csv / "hours.csv", folder / "hours.csv")
    problems = _problems(_read_batch, folder)
    assert [(p.location, p.message) for p in problems] == [
        (
            "hours.parquet and hours.csv",
            "the table hours is given twice; keep one of hours.parquet and hours.csv",
        )
    ]
    _cli_refuses(folder, "hours.parquet and hours.csv: the table hours is given twice")


def test_a_stray_parquet_file_does_not_make_a_scenario_folder_a_batch_folder(
    tmp_path: Path,
) -> None:
    folder = _pure(tmp_path)
    pl.DataFrame({"note": ["not a table"]}).write_parquet(folder / "notes.parquet")
    assert not batch.is_batch_folder(folder)
    code, out, err = run(["count", str(folder), "--year", "2019", "--format", "json"])
    assert code == 0, err
    assert '"engine": "batch"' not in out


@pytest.mark.parametrize("suffix", [".xlsm", ".txt", ".JSON5", ""])
def test_a_file_whose_suffix_names_no_scenario_format_is_refused_not_read_as_json(
    tmp_path: Path, suffix: str
) -> None:
    path = save_scenario(SCENARIO, tmp_path / "scenario.json").rename(
        tmp_path / f"scenario{suffix}"
    )
    problems = _problems(load_scenario, path)
    assert [(p.location, p.value) for p in problems] == [(str(path), suffix or "no suffix")]
    assert problems[0].message.startswith("not a scenario file: expected a .json file")
    _cli_refuses(path, "not a scenario file")


# -- tracebacks that become problems ---------------------------------------------------------


def _semicolons(folder: Path, file: str) -> None:
    path = folder / file
    path.write_text(path.read_text("utf-8").replace(",", ";"), "utf-8")


@pytest.mark.parametrize("engine", ["pure", "batch-csv"])
def test_a_semicolon_separated_table_reads_as_the_comma_separated_one(
    tmp_path: Path, engine: str
) -> None:
    make, read, _suffix = ENGINES[engine]
    folder = make(tmp_path)
    whole = read(folder)
    for file in ("employers.csv", "hours.csv"):
        _semicolons(folder, file)
    assert read(folder) == whole


@pytest.mark.parametrize("engine", ["pure", "batch-csv"])
def test_a_latin_1_table_is_refused_at_its_first_byte_that_is_not_utf_8(
    tmp_path: Path, engine: str
) -> None:
    make, read, _suffix = ENGINES[engine]
    folder = make(tmp_path)
    text = (folder / "employers.csv").read_text("utf-8")
    (folder / "employers.csv").write_bytes((text + "Z,Caf\xe9 Zon,market,,\n").encode("latin-1"))
    problems = _problems(read, folder)
    offset = len(text.encode("latin-1")) + len("Z,Caf")
    assert [(p.location, p.value, p.message) for p in problems] == [
        ("employers.csv", f"byte {offset}", "not UTF-8 text")
    ]
    _cli_refuses(folder, "employers.csv: not UTF-8 text")


@pytest.mark.parametrize("engine", ["pure", "batch-csv"])
def test_an_employers_table_with_a_wrong_header_is_a_problem_not_a_traceback(
    tmp_path: Path, engine: str
) -> None:
    make, read, _suffix = ENGINES[engine]
    folder = make(tmp_path)
    (folder / "employers.csv").write_text("ident,sector\nB,market\n", "utf-8")
    problems = _problems(read, folder)
    assert ("employers.csv row 1", "id", "missing required column") in {
        (p.location, p.field, p.message) for p in problems
    }
    _cli_refuses(folder, "employers.csv row 1, id: missing required column")


def test_a_list_column_in_parquet_is_a_problem_at_its_column(tmp_path: Path) -> None:
    folder = _batch_parquet(tmp_path)
    hours = pl.read_parquet(folder / "hours.parquet")
    hours.with_columns(pl.concat_list("placement").alias("placement")).write_parquet(
        folder / "hours.parquet"
    )
    problems = _problems(_read_batch, folder)
    assert [(p.location, p.field, p.value) for p in problems] == [
        ("hours.parquet", "placement", "a List(String) column")
    ]
    _cli_refuses(folder, "hours.parquet, placement: expected one text, number, date or flag")


# -- Dutch numbers -------------------------------------------------------------------------------


def _hours_cell(folder: Path, row: int, text: str) -> None:
    path = folder / "hours.csv"
    lines = path.read_text("utf-8").splitlines()
    cells = lines[row - 1].split(";")
    cells[3] = text
    lines[row - 1] = ";".join(cells)
    path.write_text("\n".join(lines) + "\n", "utf-8")


@pytest.mark.parametrize("engine", ["pure", "batch-csv"])
@pytest.mark.parametrize("hours", ["16.000", "1.234.567", "1.234,5", "1,234.5"])
def test_hours_that_read_two_ways_are_refused_at_their_place_on_both_engines(
    tmp_path: Path, engine: str, hours: str
) -> None:
    make, read, _suffix = ENGINES[engine]
    folder = make(tmp_path)
    _semicolons(folder, "hours.csv")
    _hours_cell(folder, 3, hours)
    problems = _problems(read, folder)
    assert [(p.location, p.field, p.value) for p in problems] == [
        ("hours.csv row 3", "hours", hours)
    ]
    _cli_refuses(folder, "hours.csv row 3, hours:")


@pytest.mark.parametrize("engine", ["pure", "batch-csv"])
def test_a_decimal_comma_reads_as_the_same_hours_on_both_engines(
    tmp_path: Path, engine: str
) -> None:
    make, read, _suffix = ENGINES[engine]
    folder = make(tmp_path)
    whole = read(folder)
    _semicolons(folder, "hours.csv")
    path = folder / "hours.csv"
    path.write_text(path.read_text("utf-8").replace(".", ","), "utf-8")
    assert ",5" in path.read_text("utf-8")
    assert read(folder) == whole


# -- baseline and parameters in a batch folder -----------------------------------------------


def test_the_batch_engine_reads_baseline_and_parameters_of_its_folder(tmp_path: Path) -> None:
    pure = _pure(tmp_path)
    folder = _batch_csv(tmp_path)
    assert batch.Tables.read(folder).baseline == Baseline()
    for file in ("baseline.csv", "parameters.csv"):
        shutil.copyfile(pure / file, folder / file)
    scenario = load_scenario(pure)
    tables = batch.Tables.read(folder)
    assert tables.baseline == scenario.baseline
    assert dict(tables.parameters) == dict(scenario.parameters)
    counted = batch.count_jobs(tables, rules="wbqa-2015", year=2019)
    assert counted.monitoring == count_jobs(scenario, rules="wbqa-2015", year=2019).monitoring


def test_a_baseline_in_the_folder_and_as_an_argument_is_refused(tmp_path: Path) -> None:
    pure = _pure(tmp_path)
    folder = _batch_csv(tmp_path)
    shutil.copyfile(pure / "baseline.csv", folder / "baseline.csv")
    with pytest.raises(InvalidScenarioError) as caught:
        batch.Tables.read(folder, baseline=SCENARIO.baseline)
    assert [(p.location, p.value) for p in caught.value.problems] == [
        ("baseline.csv", "the baseline argument")
    ]


def test_a_broken_baseline_in_a_batch_folder_is_named_at_its_row(tmp_path: Path) -> None:
    folder = _batch_parquet(tmp_path)
    (folder / "baseline.csv").write_text("pool,jobs\nmarket,1.5\ngovernment,x\n", "utf-8")
    problems = _problems(_read_batch, folder)
    assert [(p.location, p.field, p.value) for p in problems] == [
        ("baseline.csv row 3", "jobs", '"x"')
    ]
    _cli_refuses(folder, "baseline.csv row 3, jobs:")


@pytest.mark.parametrize("engine", ["pure", "batch-csv"])
@pytest.mark.parametrize(
    ("hours", "read_as"), [("43,5", "43.5"), ("43.5", "43.5"), ("0.125", "0.125"), ("12", "12")]
)
def test_hours_that_read_one_way_in_a_semicolon_file_are_read_on_both_engines(
    tmp_path: Path, engine: str, hours: str, read_as: str
) -> None:
    make, read, _suffix = ENGINES[engine]
    dutch, plain = make(tmp_path / "dutch"), make(tmp_path / "plain")
    _semicolons(dutch, "hours.csv")
    _hours_cell(dutch, 3, hours)
    _semicolons(plain, "hours.csv")
    _hours_cell(plain, 3, read_as)
    path = plain / "hours.csv"
    path.write_text(path.read_text("utf-8").replace(";", ","), "utf-8")
    assert read(dutch) == read(plain)
