"""A corpus of broken scenario files always ends in exit code 1 and a message naming the place.

Hypothesis breaks the bundled example in one way at a time: wrong types, missing keys, unknown
references, bad dates, negative hours, truncated JSON, wrong CSV headers and bad CSV cells. Each
file goes through the command line in this process; none may end in a traceback.
"""

from __future__ import annotations

import copy
import csv
import json
import re
import shutil
import tempfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from golden_cases import ROOT, run
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from banenafspraak.io import CSV_FILES

EXAMPLE = ROOT / "examples" / "scenarios" / "example.json"
EXAMPLE_CSV = ROOT / "examples" / "scenarios" / "example-csv"
DOCUMENT: dict[str, Any] = json.loads(EXAMPLE.read_text("utf-8"))
PLACE = re.compile(r"\$|line \d+ column \d+|\.csv row \d+|\.csv:")
COMMANDS = (
    ("validate",),
    ("count", "--year", "2019"),
    ("quotum", "--year", "2018", "--format", "json"),
    ("compare", "--year", "2019", "--format", "csv"),
    ("explain", "{file}", "g-p1", "--year", "2019"),
)
CORPUS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

Mutation = Callable[[dict[str, Any]], None]


def assert_refused(path: Path, command: tuple[str, ...]) -> None:
    args = [a.replace("{file}", str(path)) for a in command]
    if "{file}" not in command:
        args.insert(1, str(path))
    code, out, err = run(args)
    assert code == 1, (code, out, err)
    assert "Traceback" not in out + err
    assert err.startswith("banenafspraak: ")
    assert "problem" in err
    assert PLACE.search(err), err


# -- mutations of the JSON document ---------------------------------------------------------

WRONG_TYPES = st.sampled_from([12, True, None, ["x"], {"a": 1}, Decimal("1.5")])
STRING_FIELDS = [
    ("employers", "id"),
    ("employers", "sector"),
    ("employers", "name"),
    ("people", "id"),
    ("placements", "id"),
    ("placements", "person"),
    ("placements", "employer"),
    ("placements", "kind"),
]
REQUIRED = [
    ("employers", "id"),
    ("employers", "sector"),
    ("people", "id"),
    ("placements", "id"),
    ("placements", "person"),
    ("placements", "employer"),
    ("contracts", "buyer"),
    ("contracts", "period"),
]
REFERENCES = [
    ("placements", "person"),
    ("placements", "employer"),
    ("placements", "hirer"),
    ("placements", "contract"),
    ("contracts", "buyer"),
    ("contracts", "supplier"),
]
BAD_DATES = st.sampled_from(
    [
        "2019-02-30",
        "2019-13-01",
        "19-01-01",
        "2019/01/01",
        "",
        "tomorrow",
        "2019-1-1",
        "2019-01-01T00:00",
    ]
)


@st.composite
def item(draw: st.DrawFn, section: str) -> dict[str, Any]:
    return draw(st.sampled_from(DOCUMENT[section]))


@st.composite
def wrong_type(draw: st.DrawFn) -> Mutation:
    section, field = draw(st.sampled_from(STRING_FIELDS))
    index = draw(st.integers(0, len(DOCUMENT[section]) - 1))
    value = draw(WRONG_TYPES)

    def mutate(document: dict[str, Any]) -> None:
        document[section][index][field] = value

    return mutate


@st.composite
def wrong_type_of_hours(draw: st.DrawFn) -> Mutation:
    index = draw(st.integers(0, len(DOCUMENT["placements"]) - 1))
    value = draw(st.sampled_from([True, None, ["8"], {"h": 8}, "eight", "8 h", "NaN", "1e3x"]))

    def mutate(document: dict[str, Any]) -> None:
        document["placements"][index]["hours"][0]["hours"] = value

    return mutate


@st.composite
def missing_key(draw: st.DrawFn) -> Mutation:
    choice = draw(st.sampled_from([*REQUIRED, ("", "format"), ("", "people"), ("hours", "end")]))
    index = draw(st.integers(0, 12))

    def mutate(document: dict[str, Any]) -> None:
        section, field = choice
        if not section:
            del document[field]
        elif section == "hours":
            del document["placements"][index]["hours"][index][field]
        else:
            items = document[section]
            del items[index % len(items)][field]

    return mutate


@st.composite
def unknown_reference(draw: st.DrawFn) -> Mutation:
    section, field = draw(st.sampled_from(REFERENCES))
    index = draw(st.integers(0, 12))
    ghost = draw(st.sampled_from(["ghost", "nobody", "X1", "123456782"]))

    def mutate(document: dict[str, Any]) -> None:
        items = document[section]
        items[index % len(items)][field] = ghost

    return mutate


@st.composite
def bad_date(draw: st.DrawFn) -> Mutation:
    where = draw(
        st.sampled_from(["hours.start", "hours.end", "registration", "contract", "employment"])
    )
    index = draw(st.integers(0, 12))
    value = draw(BAD_DATES)

    def mutate(document: dict[str, Any]) -> None:
        if where.startswith("hours."):
            document["placements"][index]["hours"][index][where[6:]] = value
        elif where == "registration":
            document["people"][index]["registrations"][0]["start"] = value
        elif where == "contract":
            document["contracts"][0]["period"]["end"] = value
        else:
            document["placements"][index]["employment_start"] = value

    return mutate


@st.composite
def negative_hours(draw: st.DrawFn) -> Mutation:
    amount = draw(st.decimals(min_value=Decimal("0.01"), max_value=10**6, places=2))
    as_text = draw(st.booleans())
    index = draw(st.integers(0, 12))
    in_employer = draw(st.booleans())

    def mutate(document: dict[str, Any]) -> None:
        value: object = str(-amount) if as_text else -amount
        if in_employer:
            employer = document["employers"][index % 6]
            employer["total_hours"]["2018"] = value
        else:
            document["placements"][index]["hours"][index]["hours"] = value

    return mutate


MUTATIONS = st.one_of(
    wrong_type(),
    wrong_type_of_hours(),
    missing_key(),
    unknown_reference(),
    bad_date(),
    negative_hours(),
)


def _dump(document: dict[str, Any]) -> str:
    """The document as JSON; a Decimal becomes a JSON number (as a wrong type must stay one)."""
    return json.dumps(document, default=_json_value)


def _json_value(value: object) -> object:
    return float(value) if isinstance(value, Decimal) else str(value)


@CORPUS
@given(mutation=MUTATIONS, command=st.sampled_from(COMMANDS))
def test_a_broken_json_file_is_refused_with_its_place(
    mutation: Mutation, command: tuple[str, ...]
) -> None:
    document = copy.deepcopy(DOCUMENT)
    mutation(document)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "broken.json"
        path.write_text(_dump(document), encoding="utf-8")
        assert_refused(path, command)


@CORPUS
@given(data=st.data(), command=st.sampled_from(COMMANDS))
def test_a_truncated_json_file_is_refused_with_its_line_and_column(
    data: st.DataObject, command: tuple[str, ...]
) -> None:
    text = EXAMPLE.read_text("utf-8").rstrip()
    cut = data.draw(st.integers(0, len(text) - 2))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "truncated.json"
        path.write_text(text[:cut], encoding="utf-8")
        assert_refused(path, command)


# -- broken CSV folders ---------------------------------------------------------------------

REQUIRED_COLUMNS = {
    "employers.csv": ("id", "sector"),
    "people.csv": ("id",),
    "placements.csv": ("id", "person", "employer"),
    "hours.csv": ("placement", "start", "end", "hours"),
    "contracts.csv": ("id", "buyer", "supplier", "start", "end"),
}
BAD_CELLS = {
    ("hours.csv", "hours"): ["-1", "-0.5", "abc", "1,5"],
    ("hours.csv", "start"): ["2019-02-30", "01-01-2019", "x"],
    ("hours.csv", "placement"): ["ghost"],
    ("placements.csv", "person"): ["ghost", "123456789"],
    ("placements.csv", "employer"): ["ghost"],
    ("placements.csv", "kind"): ["intern"],
    ("placements.csv", "credited_to_hirer"): ["maybe"],
    ("employers.csv", "sector"): ["public", "MARKET"],
    ("people.csv", "ground"): ["wajong-2"],
    ("people.csv", "start"): ["2014-02-31"],
    ("employer_years.csv", "total_hours"): ["-300000"],
    ("employer_years.csv", "year"): ["18"],
    ("contracts.csv", "buyer"): ["ghost"],
}


def _rewrite(path: Path, change: Callable[[list[list[str]]], None]) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


@CORPUS
@given(
    file=st.sampled_from(sorted(REQUIRED_COLUMNS)),
    data=st.data(),
    new_name=st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8),
)
def test_a_csv_folder_with_a_wrong_header_is_refused(
    file: str, data: st.DataObject, new_name: str
) -> None:
    column = data.draw(st.sampled_from(REQUIRED_COLUMNS[file]))
    assume(new_name != column)  # a column renamed to itself is no wrong header
    with tempfile.TemporaryDirectory() as folder:
        copy_of = Path(shutil.copytree(EXAMPLE_CSV, Path(folder) / "csv"))

        def rename(rows: list[list[str]]) -> None:
            rows[0] = [new_name if cell == column else cell for cell in rows[0]]

        _rewrite(copy_of / file, rename)
        code, _, err = run(["validate", str(copy_of)])
        assert code == 1
        assert f"{file} row 1, {column}: missing required column" in err
        assert "Traceback" not in err


@CORPUS
@given(data=st.data(), command=st.sampled_from(COMMANDS))
def test_a_csv_folder_with_a_bad_cell_is_refused_with_its_row(
    data: st.DataObject, command: tuple[str, ...]
) -> None:
    (file, column), values = data.draw(st.sampled_from(sorted(BAD_CELLS.items())))
    value = data.draw(st.sampled_from(values))
    with tempfile.TemporaryDirectory() as folder:
        copy_of = Path(shutil.copytree(EXAMPLE_CSV, Path(folder) / "csv"))
        lines = (copy_of / file).read_text("utf-8").count("\n")
        row = data.draw(st.integers(1, lines - 1))

        def spoil(rows: list[list[str]]) -> None:
            rows[row][rows[0].index(column)] = value

        _rewrite(copy_of / file, spoil)
        assert_refused(copy_of, command)
        code, _, err = run(["validate", str(copy_of)])
        assert code == 1
        assert ".csv row " in err


def test_the_corpus_covers_every_file_of_a_folder() -> None:
    covered = {file for file, _ in BAD_CELLS} | set(REQUIRED_COLUMNS)
    assert covered >= set(CSV_FILES.values()) - {
        "scenario.csv",
        "baseline.csv",
        "parameters.csv",
    }
