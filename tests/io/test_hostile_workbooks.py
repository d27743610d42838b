"""Small hostile files do bounded work: sizes are checked before parsing, XML is parsed safely.

The generated corpus (family ``workbooks``) holds one broken workbook per kind; these tests name
the promises: the limits, the option that raises them, and the sheets that are never read.
"""

from __future__ import annotations

import contextlib
import io
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from banenafspraak import InvalidScenarioError
from banenafspraak._workbook import MAX_BYTES, MAX_RATIO, check_workbook
from banenafspraak.cli import main
from banenafspraak.demo import example_scenario
from banenafspraak.io import example_path, load_scenario, save_scenario

LAUGHS = b'<?xml version="1.0"?><!DOCTYPE z [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'


def run(args: Sequence[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def problems(path: Path, *, max_bytes: int = MAX_BYTES) -> list[str]:
    with pytest.raises(InvalidScenarioError) as raised:
        load_scenario(path, max_bytes=max_bytes)
    return [str(p).removeprefix(f"{path}") for p in raised.value.problems]


def rebuilt(path: Path, into: Path, change: Callable[[str, bytes], bytes]) -> Path:
    """The workbook at ``path`` with each part changed by ``change(name, data)``."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(into, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info.filename, change(info.filename, source.read(info)))
    return into


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_scenario(example_scenario(), tmp_path_factory.mktemp("wb") / "example.xlsx")


def test_a_json_file_past_the_limit_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b"[" * 2_000)  # would be nested too deep, if it were parsed
    assert problems(path, max_bytes=1_000) == [
        (
            ": the file is larger than the limit of 1,000 bytes; a larger file may be read with "
            "max_bytes= (load_scenario) or --max-bytes (the command line) (got 2,000 bytes)"
        )
    ]
    size = example_path().stat().st_size
    assert load_scenario(example_path(), max_bytes=size).name  # the limit itself is allowed
    assert problems(example_path(), max_bytes=size - 1)[0].startswith(": the file is larger")
    assert MAX_BYTES == 50_000_000


def test_a_workbook_is_held_to_the_limit_packed_and_unpacked(workbook: Path) -> None:
    packed = workbook.stat().st_size
    assert problems(workbook, max_bytes=packed - 1)[0].startswith(": the file is larger")
    (told,) = problems(workbook, max_bytes=packed + 1)  # its parts unpack to more
    assert told.startswith(": what the workbook unpacks to is larger than the limit")
    assert load_scenario(workbook, max_bytes=10 * packed) == example_scenario()


def test_a_part_that_unpacks_to_more_than_a_hundred_times_its_size_is_never_unpacked(
    workbook: Path, tmp_path: Path
) -> None:
    padding = b" " * (MAX_RATIO * 20_000)  # 2 MB of spaces pack to about 2 kB

    def bomb(name: str, data: bytes) -> bytes:
        return (
            data.replace(b"<sheetData>", b"<sheetData>" + padding)
            if name.endswith("sheet2.xml")
            else data
        )

    (told,) = problems(rebuilt(workbook, tmp_path / "bomb.xlsx", bomb), max_bytes=10**9)
    assert told.startswith(" sheet employers: unpacks to more than 100 times its size")


def test_an_entity_and_a_cut_sheet_are_problems_at_their_place(
    workbook: Path, tmp_path: Path
) -> None:
    def entity(name: str, data: bytes) -> bytes:
        return LAUGHS + data.replace(b"<t>", b"<t>&b;", 1) if name.endswith("sheet6.xml") else data

    def cut(name: str, data: bytes) -> bytes:
        return data[:1000] if name.endswith("sheet6.xml") else data

    assert problems(rebuilt(workbook, tmp_path / "e.xlsx", entity)) == [
        " sheet hours: a DTD, which a workbook never holds (got <!DOCTYPE z>)"
    ]
    assert problems(rebuilt(workbook, tmp_path / "c.xlsx", cut)) == [
        " sheet hours line 1 column 987: not well-formed XML (unclosed token) (got the XML)"
    ]


def test_a_sheet_the_format_does_not_name_is_never_parsed(workbook: Path, tmp_path: Path) -> None:
    def hostile_notes(name: str, data: bytes) -> bytes:
        if name == "xl/workbook.xml":  # the sheet "parameters" becomes "notes"
            return data.replace(b'name="parameters"', b'name="notes"')
        return LAUGHS + b"<cut" if name.endswith("sheet9.xml") else data

    path = rebuilt(workbook, tmp_path / "notes.xlsx", hostile_notes)
    loaded = load_scenario(path)  # without its parameters, now on a sheet of another name
    assert loaded.evolve(parameters=example_scenario().parameters) == example_scenario()
    sheets = {f"xl/worksheets/sheet{n}.xml" for n in range(1, 10)}
    assert check_workbook(path, {"hours"}) == sheets - {"xl/worksheets/sheet6.xml"}


def test_a_row_past_the_last_and_a_cell_past_excels_limit_are_refused(
    workbook: Path, tmp_path: Path
) -> None:
    far = b'<row r="1048577"><c r="A1048577" t="inlineStr"><is><t>x</t></is></c></row>'

    def broken(name: str, data: bytes) -> bytes:
        if name.endswith("sheet2.xml"):
            return data.replace(b"Bakkerij Brood", b"B" * 32_768, 1)
        return (
            data.replace(b"</sheetData>", far + b"</sheetData>")
            if name.endswith("sheet6.xml")
            else data
        )

    assert problems(rebuilt(workbook, tmp_path / "far.xlsx", broken)) == [
        " sheet hours row 1048577: a row past the last row a sheet has (1,048,576) (got 1048577)"
    ]
    path = rebuilt(workbook, tmp_path / "long.xlsx", lambda n, d: broken(n, d) if "2" in n else d)
    assert problems(path) == [
        (
            "long.xlsx sheet employers row 2, name: more than 32,767 characters, the most a "
            "cell holds (got BBBBBBBBBBBBBBBBBBBB... (32,768 characters))"
        )
    ]


def test_the_command_line_raises_the_limit_with_max_bytes(workbook: Path) -> None:
    code, _out, err = run(["--max-bytes", "1000", "validate", str(workbook)])
    assert code == 1
    assert "--max-bytes" in err
    assert "Traceback" not in err
    code, out, _err = run(["--max-bytes", str(10**7), "validate", str(workbook)])
    assert (code, "a valid scenario" in out) == (0, True)
