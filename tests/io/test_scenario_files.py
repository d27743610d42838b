"""Scenario files: JSON files and CSV folders load, save and round-trip; bad ones are refused."""

from __future__ import annotations

import csv
import json
import re
import tempfile
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import attrs
import jsonschema  # type: ignore[import-untyped,unused-ignore]
import pytest
from hypothesis import given, settings
from scenario_strategies import BSNS, scenarios

import banenafspraak
from banenafspraak import (
    ContractKind,
    EmployerKind,
    Ground,
    InvalidScenarioError,
    PlacementKind,
    Pool,
    Scenario,
    Sector,
    Subsector,
)
from banenafspraak.demo import example_scenario
from banenafspraak.io import (
    CSV_FILES,
    FORMAT,
    example_path,
    load_scenario,
    parse_scenario_json,
    save_scenario,
    scenario_schema,
    scenario_to_document,
    scenario_to_json,
)

ROOT = Path(__file__).parents[2]
EXAMPLES = ROOT / "examples" / "scenarios"


def problems_of(text: str, *, full_ids: bool = False) -> list[str]:
    with pytest.raises(InvalidScenarioError) as caught:
        parse_scenario_json(text, source="s.json", full_ids=full_ids)
    return [str(p) for p in caught.value.problems]


def example_document() -> dict[str, Any]:
    return json.loads(scenario_to_json(example_scenario()))  # type: ignore[no-any-return]


# -- the examples ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [example_path(), EXAMPLES / "example.json", EXAMPLES / "example-csv"],
    ids=["packaged", "json", "csv"],
)
def test_the_shipped_examples_are_the_bundled_example(path: Path) -> None:
    assert load_scenario(path) == example_scenario()


def test_the_packaged_example_is_the_file_in_examples() -> None:
    assert example_path().read_text("utf-8") == (EXAMPLES / "example.json").read_text("utf-8")
    assert example_path().read_text("utf-8") == scenario_to_json(example_scenario())


def test_the_top_level_functions_load_and_save(tmp_path: Path) -> None:
    written = banenafspraak.save_scenario(example_scenario(), tmp_path / "s.json")
    assert banenafspraak.load_scenario(written) == example_scenario()


# -- the schema -----------------------------------------------------------------------------


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(scenario_schema())
    assert scenario_schema()["properties"]["format"]["const"] == FORMAT


@pytest.mark.parametrize(
    ("definition", "field", "enum"),
    [
        ("employer", "sector", Sector),
        ("employer", "kind", EmployerKind),
        ("registration", "ground", Ground),
        ("placement", "kind", PlacementKind),
        ("contract", "kind", ContractKind),
    ],
)
def test_the_schema_lists_exactly_the_values_of_the_library(
    definition: str, field: str, enum: type[Enum]
) -> None:
    values = scenario_schema()["$defs"][definition]["properties"][field]["enum"]
    assert values == [member.value for member in enum]


def test_the_schema_lists_every_subsector_and_pool() -> None:
    defs = scenario_schema()["$defs"]
    assert defs["employer"]["properties"]["subsector"]["enum"] == [*Subsector, None]
    assert defs["baseline"]["properties"]["jobs"]["propertyNames"]["enum"] == list(Pool)


def test_the_schema_accepts_every_saved_example() -> None:
    validator = jsonschema.Draft202012Validator(scenario_schema())
    assert list(validator.iter_errors(example_document())) == []


# -- round trips ----------------------------------------------------------------------------


@settings(deadline=None)
@given(scenario=scenarios())
def test_a_scenario_round_trips_through_json(scenario: Scenario) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = save_scenario(scenario, Path(folder) / "s.json")
        assert load_scenario(path) == scenario
    assert parse_scenario_json(scenario_to_json(scenario)).digest() == scenario.digest()


@settings(deadline=None)
@given(scenario=scenarios())
def test_a_scenario_round_trips_through_a_csv_folder(scenario: Scenario) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = save_scenario(scenario, Path(folder) / "csv")
        assert load_scenario(path) == scenario
        assert {p.name for p in path.iterdir()} <= set(CSV_FILES.values())


def test_saving_writes_exact_numbers_as_decimal_strings() -> None:
    document = scenario_to_document(example_scenario())
    hours = document["placements"][0]["hours"][0]
    assert hours == {"start": "2018-01-01", "end": "2018-01-31", "hours": "43.5"}
    assert document["baseline"]["jobs"] == {"government": "1", "market": "1"}


def test_json_numbers_are_read_exactly() -> None:
    document = example_document()
    document["placements"][0]["hours"][0]["hours"] = 0.1
    text = json.dumps(document)
    scenario = parse_scenario_json(text)
    assert str(scenario.placements[0].hours[0].hours) == "0.1"


def test_a_semicolon_separated_folder_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    folder = save_scenario(example_scenario(), tmp_path / "csv")
    for path in folder.iterdir():
        text = path.read_text("utf-8")
        assert ";" not in text
        path.write_text("\ufeff" + text.replace(",", ";"), encoding="utf-8")
    assert load_scenario(folder) == example_scenario()


# -- problems -------------------------------------------------------------------------------


def test_every_problem_of_a_stage_is_listed_with_its_place() -> None:
    document = example_document()
    document["employers"][0]["sector"] = "marrket"
    document["employers"][1]["total_hours"]["2018"] = "-4"
    document["placements"][0]["hours"][0]["end"] = "2018-02-30"
    document["placements"][1]["hirre"] = "x"
    del document["placements"][2]["employer"]
    problems = problems_of(json.dumps(document))
    assert problems == [
        's.json $.employers[0], sector: expected market or government (got "marrket")',
        (
            "s.json $.employers[1], total_hours['2018']: "
            'expected a non-negative number or decimal string (got "-4")'
        ),
        's.json $.placements[0].hours[0], end: expected an ISO date YYYY-MM-DD (got "2018-02-30")',
        "s.json $.placements[1], hirre: unknown field (did you mean 'hirer'?) (got \"x\")",
        "s.json $.placements[2], employer: required field missing (got nothing)",
    ]


def test_the_nouns_own_checks_name_their_place() -> None:
    document = example_document()
    document["placements"][0]["hours"][0]["end"] = "2017-02-20"
    document["placements"][1]["hours"][1]["hours"] = "2000"
    document["employers"][2]["subsector"] = "rijk"
    problems = problems_of(json.dumps(document))
    assert problems == [
        (
            "s.json $.employers[2]: a sub-sector (rijk) is given for a market employer "
            '(got {id: "F", ...})'
        ),
        (
            "s.json $.placements[0].hours[0]: pay period ends (2017-02-20) before it starts "
            '(2018-01-01) (got {start: "2018-01-01", end: "2017-02-20", hours: "43.5"})'
        ),
        (
            "s.json $.placements[1].hours[1]: 2000 hours do not fit in the pay period 2018-02 "
            "(28 days, at most 672 hours) "
            '(got {start: "2018-02-01", end: "2018-02-28", hours: "2000"})'
        ),
    ]


def test_references_and_parameters_are_checked_last_and_together() -> None:
    document = example_document()
    document["placements"][0]["person"] = "nobody"
    document["placements"][1]["hours"][3]["start"] = "2018-01-15"
    document["parameters"]["target.markt"] = "3"
    document["parameters"]["target.market"] = {"2018": "abc"}
    problems = problems_of(json.dumps(document))
    assert problems[0] == (
        "s.json $.parameters, target.market['2018']: parameter target.market[2018]: expected a "
        "decimal number, got 'abc' (a decimal is expected) (got \"abc\")"
    )
    assert problems[1] == (
        "s.json $.parameters, target.markt: unknown parameter; close: target.market, "
        'target.government (got "target.markt")'
    )
    assert problems[2] == (
        "s.json $.placements[0] (placement 'b-q'), person: unknown person (got nobody)"
    )
    assert "s.json $.placements[1].hours[3] (placement 'c-k1'), start: overlaps" in problems[3]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "s.json line 1 column 1: Expecting value (got 'end of file')"),
        ('{"format": "banenafspraak/scenario@1", "employers": [', "s.json line 1 column 54"),
        ("[1, 2]", "s.json $: expected a JSON object with the keys format"),
        ('{"a": NaN}', "s.json: NaN is not a number JSON allows"),
    ],
)
def test_text_that_is_no_scenario_is_refused(text: str, expected: str) -> None:
    assert problems_of(text)[0].startswith(expected)


def test_a_nine_digit_id_must_pass_the_elfproef_and_is_masked() -> None:
    document = example_document()
    assert (document["people"][0]["id"], document["placements"][3]["person"]) == ("J", "J")
    document["people"][0]["id"] = "123456789"
    document["placements"][3]["person"] = "123456789"
    problems = problems_of(json.dumps(document))
    assert problems == [
        (
            "s.json $.people[0], id: a nine-digit id is taken for a BSN and must pass the elfproef "
            '(11-test) (got "*****6789")'
        ),
        (
            "s.json $.placements[3], person: a nine-digit id is taken for a BSN and must pass the "
            'elfproef (11-test) (got "*****6789")'
        ),
    ]
    assert "123456789" in problems_of(json.dumps(document), full_ids=True)[0]


def test_a_valid_bsn_is_masked_in_every_problem_unless_asked() -> None:
    document = example_document()
    document["placements"][0]["person"] = BSNS[1]
    (problem,) = problems_of(json.dumps(document))
    assert BSNS[1] not in problem
    assert "*****6782" in problem
    (full,) = problems_of(json.dumps(document), full_ids=True)
    assert BSNS[1] in full


def test_a_missing_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(InvalidScenarioError, match="no such file or folder"):
        load_scenario(tmp_path / "nothing.json")
    (tmp_path / "latin1.json").write_bytes('{"name": "caf\xe9"}'.encode("latin-1"))
    with pytest.raises(InvalidScenarioError, match="not UTF-8 text"):
        load_scenario(tmp_path / "latin1.json")


# -- CSV problems ---------------------------------------------------------------------------


def csv_problems(folder: Path) -> list[str]:
    with pytest.raises(InvalidScenarioError) as caught:
        load_scenario(folder)
    return [str(p) for p in caught.value.problems]


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_csv_problems_name_the_file_the_row_and_the_column(tmp_path: Path) -> None:
    folder = save_scenario(example_scenario(), tmp_path / "csv")
    edit(
        folder / "hours.csv", "g-p1,2018-01-01,2018-01-31,43.5", "g-p1,2018-01-01,2018-01-31,-43.5"
    )
    edit(folder / "hours.csv", "g-p2,2018-01-01", "g-pX,2018-01-01")
    edit(folder / "placements.csv", "u-z,Z,U,agency,F,true", "u-z,Z,U,agency,F,maybe")
    edit(folder / "employers.csv", "name,sector", "name,sectr")
    assert csv_problems(folder) == [
        (
            "employers.csv row 1, sector: missing required column "
            "(got id, name, sectr, subsector, kind)"
        ),
        (
            "employers.csv row 1, sectr: unknown column; the columns are id, name, sector, "
            "subsector, "
            "kind (got sectr)"
        ),
        "hours.csv row 146, placement: unknown placement (got g-pX)",
        'hours.csv row 122, hours: expected a non-negative number or decimal string (got "-43.5")',
        'placements.csv row 14, credited_to_hirer: expected true or false (got "maybe")',
    ]


def test_csv_references_are_checked_against_the_rows(tmp_path: Path) -> None:
    folder = save_scenario(example_scenario(), tmp_path / "csv")
    edit(folder / "placements.csv", "g-p3,P3,G", "g-p3,P33,G")
    edit(folder / "hours.csv", "g-p2,2018-03-01,2018-03-31", "g-p2,2018-02-15,2018-03-31")
    edit(folder / "employer_years.csv", "G,2018,", "Q,2018,")
    edit(folder / "parameters.csv", "target.market,2018,3", "target.market,2018,x")
    edit(folder / "contracts.csv", "cleaning,G,C,", "cleaning,G,G,")
    problems = csv_problems(folder)
    assert problems[0] == "employer_years.csv row 12, employer: unknown employer (got Q)"
    assert len(problems) == 7  # one run names the rows' problems and the scenario's together
    edit(folder / "employer_years.csv", "Q,2018,", "G,2018,")
    assert csv_problems(folder) == problems[1:]
    problems = csv_problems(folder)
    assert problems[0] == (
        "parameters.csv row 4, value: parameter target.market[2018]: expected a decimal number, "
        "got 'x' (a decimal is expected) (got \"x\")"
    )
    assert problems[1:] == [
        (
            "contracts.csv row 2 (contract 'cleaning'), supplier: a buyer cannot buy from itself "
            "(got G)"
        ),
        (
            "placements.csv row 3 (placement 'c-k1'), contract: the contract's supplier is 'G', "
            "not the placement's employer 'C' (got cleaning)"
        ),
        (
            "placements.csv row 4 (placement 'c-k2'), contract: the contract's supplier is 'G', "
            "not the placement's employer 'C' (got cleaning)"
        ),
        (
            "hours.csv row 148 (placement 'g-p2'), start: overlaps the pay period "
            "2018-02-01..2018-02-28: hours would count twice (got 2018-02-15..2018-03-31)"
        ),
        "placements.csv row 9 (placement 'g-p3'), person: unknown person (got P33)",
    ]


def test_csv_files_that_cannot_be_read_are_named(tmp_path: Path) -> None:
    folder = save_scenario(example_scenario(), tmp_path / "csv")
    (folder / "hours.csv").unlink()
    (folder / "people.csv").write_text("", encoding="utf-8")
    (folder / "contracts.csv").write_bytes(b"id,buyer\n\xff\n")
    edit(folder / "baseline.csv", "government,1,,example\n", "government,1,,example,extra\n")
    edit(folder / "employers.csv", "id,name", "id,id,name")
    assert csv_problems(folder) == [
        "employers.csv row 1, id: column given twice (got id)",
        (
            "people.csv: expected a header row: id, name, date_of_birth, date_of_death, "
            "sheltered_work_finding, ground, start, conditions_ceased, "
            "ended_on_request, municipal_support (got an empty file)"
        ),
        "hours.csv: missing file (got nothing)",
        "contracts.csv: not UTF-8 text (got byte 9)",
        "baseline.csv row 2: more cells than the header has (got extra)",
    ]


def test_csv_rows_of_one_person_are_registrations(tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "employers.csv").write_text("id,sector\nG,government\n", encoding="utf-8")
    (folder / "people.csv").write_text(
        "id,name,ground,start\n"
        "123456782,An,wajong,2014-01-01\n"
        "123456782,,participation_act,2016-01-01\n"
        "P2,,,\n",
        encoding="utf-8",
    )
    (folder / "placements.csv").write_text("id,person,employer\np,123456782,G\n", encoding="utf-8")
    (folder / "hours.csv").write_text(
        'placement,start,end,hours\np,2019-01-01,2019-01-31,"86,5"\n', encoding="utf-8"
    )
    problems = csv_problems(folder)
    refused = (
        "hours.csv row 2, hours: expected a non-negative number or decimal string (a decimal "
        "comma? Write a decimal point; a semicolon-separated CSV file may use decimal commas) "
        '(got "86,5")'
    )
    assert problems == [refused]
    (folder / "hours.csv").write_text(
        "placement;start;end;hours\np;2019-01-01;2019-01-31;86,5\n", encoding="utf-8"
    )
    scenario = load_scenario(folder)
    assert scenario.placements[0].hours[0].hours == Decimal("86.5")
    assert scenario.name == "csv"
    assert [len(p.registrations) for p in scenario.people] == [2, 0]
    assert scenario.people[0].name == "An"


def test_a_date_that_breaks_the_pattern_and_the_calendar_is_one_problem() -> None:
    document = example_document()
    document["placements"][0]["hours"][0]["start"] = "2019/01/01"
    document["employers"][0]["total_hours"]["20a8"] = "1"
    document["employers"][1]["small_employer"] = {"2018": None}
    assert problems_of(json.dumps(document)) == [
        "s.json $.employers[0], total_hours['20a8']: a key must be a year YYYY (got \"20a8\")",
        "s.json $.employers[1], small_employer['2018']: expected true or false (got null)",
        (
            "s.json $.placements[0].hours[0], start: expected an ISO date YYYY-MM-DD "
            '(got "2019/01/01")'
        ),
    ]


def test_parameters_may_be_numbers_flags_dates_and_null(tmp_path: Path) -> None:
    document = example_document()
    document["parameters"]["target.market"] = {"2018": 3, "2019": 5.5}
    scenario = parse_scenario_json(json.dumps(document))
    assert scenario.parameters["target.market"] == {"2018": "3", "2019": "5.5"}
    with_date = scenario.evolve(
        parameters={**scenario.parameters, "wet2025.article_2_in_force": example_date()}
    )
    saved = scenario_to_document(with_date)["parameters"]
    assert saved["wet2025.article_2_in_force"] == "2026-01-01"
    folder = save_scenario(with_date, tmp_path / "csv")
    assert load_scenario(folder) == parse_scenario_json(json.dumps(scenario_to_document(with_date)))


def example_date() -> object:
    import pendulum  # noqa: PLC0415 - only here

    return pendulum.Date(2026, 1, 1)


def test_odd_csv_rows_are_named(tmp_path: Path) -> None:
    folder = save_scenario(example_scenario(), tmp_path / "csv")
    with (folder / "parameters.csv").open("a", encoding="utf-8") as handle:
        handle.write("target.market,,7\njob.hours_per_year,,1\njob.hours_per_year,,2\n,,\n")
        handle.write("job.hours_per_year,2019,3\n")
    with (folder / "employer_years.csv").open("a", encoding="utf-8") as handle:
        handle.write("G,2018,1,,,,\nG,18,1,,,,\n")
    with (folder / "baseline.csv").open("a", encoding="utf-8") as handle:
        handle.write("national,,,\n")
    (folder / "contracts.csv").write_text(
        "id,buyer,supplier,start,end\n" + "x" * 200_000 + ',"\n', "utf-8"
    )
    assert csv_problems(folder) == [
        "employer_years.csv row 20, total_hours: this employer's year is given twice (got 2018)",
        "employer_years.csv row 21, year: expected a year YYYY (got 18)",
        "contracts.csv row 2: field larger than field limit (131072) (got the row)",
        "baseline.csv row 4, jobs: required field missing (got nothing)",
        "parameters.csv row 6, start: the table is also given by start (got nothing)",
        "parameters.csv row 8, start: the value is given twice (got nothing)",
        "parameters.csv row 10, start: the table is also given as a whole (got 2019)",
    ]


# -- the person's own dates (Besluit SUWI 3.2, 2020-01-01 text) -------------------------------


def test_a_persons_date_of_birth_death_and_beschut_werk_finding_load_from_json() -> None:
    """The dates the 2020-01-01 text of Besluit SUWI 3.2 ends a registration on are read."""
    document = example_document()
    document["people"][0].update(
        date_of_birth="1960-03-01", date_of_death="2030-01-02", sheltered_work_finding=None
    )
    person = parse_scenario_json(json.dumps(document)).people[0]
    assert str(person.date_of_birth) == "1960-03-01"
    assert str(person.date_of_death) == "2030-01-02"
    assert person.sheltered_work_finding is None


def test_a_wrong_date_of_birth_is_named_with_its_place_and_value() -> None:
    document = example_document()
    document["people"][0]["date_of_birth"] = "1960-13-01"
    found = problems_of(json.dumps(document))
    assert any("date_of_birth" in p and "1960-13-01" in p for p in found), found


def test_csv_rows_of_one_person_that_disagree_on_the_date_of_birth_are_a_problem(
    tmp_path: Path,
) -> None:
    scenario = example_scenario()
    folder = save_scenario(scenario, tmp_path / "csv")
    people = folder / "people.csv"
    lines = people.read_text("utf-8").splitlines()
    header = lines[0].split(",")
    first = lines[1].split(",")
    first[header.index("date_of_birth")] = "1960-03-01"
    second = list(first)
    second[header.index("date_of_birth")] = "1961-03-01"
    people.write_text("\n".join([lines[0], ",".join(first), ",".join(second), *lines[2:]]) + "\n")
    with pytest.raises(InvalidScenarioError) as caught:
        load_scenario(folder)
    found = [str(p) for p in caught.value.problems]
    assert any("people.csv row 3" in p and "1961-03-01" in p for p in found), found


# -- safe to open in a spreadsheet ------------------------------------------------------------


FORMULAS = (
    "=HYPERLINK(1)",
    "-x",
    "@SUM(A1)",
    "'=already quoted",
    "'s-Hertogenbosch",
    "-12.5",
)


def test_a_saved_csv_folder_runs_no_formula_and_reads_back_whole(tmp_path: Path) -> None:
    """OWASP, CSV injection: formula-like text gets a quote that the reader takes off again."""
    scenario = example_scenario()
    employers = [
        attrs.evolve(e, name=name) for e, name in zip(scenario.employers, FORMULAS, strict=False)
    ]
    changed = scenario.evolve(employers=employers)
    folder = save_scenario(changed, tmp_path / "csv")
    for path in folder.iterdir():
        for row in csv.reader(path.read_text("utf-8").splitlines()):
            for cell in row:
                runs = cell.startswith(("=", "+", "-", "@", "\t", "\r"))
                assert not runs or re.fullmatch(r"-?\d+(\.\d+)?", cell), (path.name, cell)
    names = {
        row["name"]
        for row in csv.DictReader((folder / "employers.csv").read_text("utf-8").splitlines())
    }
    assert {"'=HYPERLINK(1)", "''=already quoted", "'s-Hertogenbosch", "-12.5"} <= names
    assert load_scenario(folder) == changed


def test_a_quote_typed_before_a_formula_in_a_spreadsheet_is_not_part_of_the_text(
    tmp_path: Path,
) -> None:
    folder = save_scenario(example_scenario(), tmp_path / "csv")
    edit(folder / "employers.csv", "Bakkerij Brood", "'=Bakkerij Brood")
    assert load_scenario(folder).employer("B").name == "=Bakkerij Brood"


def test_municipal_support_of_an_own_request_registration_loads_and_is_checked(
    tmp_path: Path,
) -> None:
    """Wfsv 38b(1)(e) asks for the municipality's support from its 2018-01-01 text: the flag
    ``municipal_support`` reads in a CSV folder (``ja``, ``false``), a JSON file and a workbook
    alike, and a registration it does not fit is a problem at its row, told with the others.
    """
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "employers.csv").write_text("id,sector\nG,government\n", encoding="utf-8")
    people = (
        "id,ground,start,conditions_ceased,municipal_support\n"
        "P1,own_request,2018-03-01,,ja\n"
        "P2,own_request,2016-03-01,2018-01-01,false\n"
    )
    (folder / "people.csv").write_text(people, encoding="utf-8")
    (folder / "placements.csv").write_text("id,person,employer\np,P1,G\n", encoding="utf-8")
    (folder / "hours.csv").write_text(
        "placement,start,end,hours\np,2019-01-01,2019-01-31,86.5\n", encoding="utf-8"
    )
    scenario = load_scenario(folder)
    assert [p.registrations[0].municipal_support for p in scenario.people] == [True, False]
    for target in (tmp_path / "s.json", tmp_path / "s.xlsx", tmp_path / "again"):
        assert load_scenario(save_scenario(scenario, target)) == scenario
    (folder / "people.csv").write_text(
        people
        + "P3,own_request,2018-03-01,,nee\n"
        + "P4,wajong,2016-03-01,,true\n"
        + "P5,own_request,2016-03-01,,maybe\n",
        encoding="utf-8",
    )
    problems = csv_problems(folder)
    assert len(problems) == 3
    assert problems[0].startswith("people.csv row 6, municipal_support: expected own_request only")
    assert problems[1].startswith(
        "people.csv row 4: a registration on ground own_request starting 2018-03-01 without "
        "municipal support is not one: from 2018-01-01 Wfsv art. 38b(1)(e) (BWBR0017745, "
        "version 2018-01-01) asks for the municipality's support (Participatiewet 7(1)(a))"
    )
    assert problems[2].startswith(
        "people.csv row 5: municipal_support is a condition of ground own_request "
        "(Wfsv 38b(1)(e)) only; leave it empty on ground wajong"
    )
