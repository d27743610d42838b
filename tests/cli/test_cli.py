"""The command line, driven on the example files: golden outputs, keys, exit codes, privacy."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest
from golden_cases import CASES, CSV, GOLDEN, JSON, ROOT, WIDTHS_OF, normalise, run

from banenafspraak import PersonId, assess_quotum, available_rule_sets, count_jobs
from banenafspraak.demo import example_scenario
from banenafspraak.io import load_scenario, save_scenario, scenario_schema
from banenafspraak.render.export import count_document, quotum_document, receipt_document
from banenafspraak.render.text import demo_report

BSN = "123456782"


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_output_matches_its_golden_file(name: str) -> None:
    code, out, err = run(CASES[name], columns=WIDTHS_OF.get(name, 200))
    assert (code, err) == (0, "")
    assert normalise(out) == (GOLDEN / name).read_text("utf-8"), (
        "run scripts/generate_cli_golden.py if the change is meant"
    )


@pytest.mark.parametrize("name", sorted(WIDTHS_OF))
def test_every_line_of_text_output_fits_the_page_width(name: str) -> None:
    """At ``COLUMNS=80`` and ``COLUMNS=200`` no line is wider than the page, and none ends in
    padding; tables too wide for the page come in groups of columns.
    """
    width = WIDTHS_OF[name]
    _code, out, _err = run(CASES[name], columns=width)
    too_wide = [line for line in out.splitlines() if len(line) > width]
    assert not too_wide, f"{len(too_wide)} lines wider than {width}: {too_wide[:3]}"
    assert not [line for line in out.splitlines() if line != line.rstrip()]


def test_a_number_is_never_split_over_lines_at_80_columns() -> None:
    """Every number of the 200-column quotum table appears whole in the 80-column one."""
    wide = run(CASES["quotum-2018@200.txt"], columns=200)[1]
    narrow = run(CASES["quotum-2018@80.txt"], columns=80)[1]
    numbers = set(re.findall(r"\d[\d,]*\.\d+", wide))
    assert numbers
    assert numbers <= set(re.findall(r"\d[\d,]*\.\d+", narrow))


def test_every_golden_file_has_a_case() -> None:
    assert {p.name for p in GOLDEN.iterdir()} == set(CASES)


# -- JSON keys and receipts -----------------------------------------------------------------


def json_of(*args: str) -> dict[str, Any]:
    code, out, err = run(args)
    assert (code, err) == (0, "")
    return json.loads(out)  # type: ignore[no-any-return]


def test_count_json_is_the_python_result_with_stable_keys() -> None:
    document = json_of("count", CSV, "--rules", "wbqa-2015", "--year", "2019", "--format", "json")
    expected = count_jobs(example_scenario(), rules="wbqa-2015", year=2019)
    assert document == json.loads(json.dumps(count_document(expected)))
    assert {"rules", "year", "pools", "employers", "excluded_hours", "attributions"} <= set(
        document
    )
    attribution = document["attributions"][0]
    assert set(attribution) >= {
        "placement",
        "hours",
        "jobs",
        "pool",
        "credited_to",
        "excluded_because",
        "reasons",
    }
    assert document["receipt"] == receipt_document(expected.receipt)
    assert document["receipt"]["scenario_digest"] == example_scenario().digest()


def test_count_json_adds_up_exactly() -> None:
    document = json_of("count", JSON, "--rules", "wbqa-2015", "--year", "2019", "--format", "json")
    attributions = document["attributions"]
    pools = document["pools"]
    assert isinstance(attributions, list)
    assert isinstance(pools, dict)
    for pool, tally in pools.items():
        hours = sum(Fraction(a["hours"]) for a in attributions if a["pool"] == pool)
        assert hours == Fraction(tally["hours"])
    excluded = sum(Fraction(a["hours"]) for a in attributions if a["pool"] is None)
    assert excluded == Fraction(str(document["excluded_hours"]))
    assert all(isinstance(a["hours"], str) for a in attributions)


def test_quotum_json_is_the_python_result() -> None:
    document = json_of("quotum", JSON, "--rules", "wbqa-2015", "--year", "2018", "--format", "json")
    expected = assess_quotum(example_scenario(), rules="wbqa-2015", year=2018)
    assert document == json.loads(json.dumps(quotum_document(expected)))
    assert document["employers"]["G"]["shortfall_jobs"] == "1"


def test_quotum_explain_works_out_an_employers_lkv_per_person() -> None:
    """Wtl 2.10(2)(b), text of 2018-01-01 (read up to 2025): W's seconded Wsw hours at S give
    no LKV in 2019; ``quotum --explain S`` names the reason and the pay periods.
    """
    args = ["quotum", JSON, "--rules", "wet-banenafspraak-2025", "--year", "2019"]
    code, out, err = run([*args, "--explain", "S"])
    assert (code, err) == (0, "")
    assert out.startswith("Quotum of S in 2019 under wet-banenafspraak-2025")
    assert "LKV per person in 2019" in out
    assert "1,302.00 h give no LKV [W25-LKV-WSW]" in out
    assert "12 pay periods: 2019-01-01 to 2019-01-31" in out
    assert "LKV of S: EUR 0.00" in out


def test_compare_runs_every_rule_set_by_default() -> None:
    document = json_of("compare", JSON, "--year", "2019", "--format", "json")
    assert document["rules"] == list(available_rule_sets())
    assert set(document["receipts"]) == set(available_rule_sets())


def test_the_rule_set_in_force_is_the_default() -> None:
    document = json_of("count", JSON, "--year", "2019", "--format", "json")
    assert document["rules"] == "wbqa-2015"


def test_explain_csv_lists_the_placements_pay_periods() -> None:
    code, out, _ = run(["explain", JSON, "u-y", "--year", "2019", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert len(rows) == 12
    assert {row["placement"] for row in rows} == {"u-y"}


def test_count_tables_by_name() -> None:
    code, out, _ = run(["count", JSON, "--year", "2019", "--table", "employers"])
    assert code == 0
    assert "Credited to each employer" in out
    assert "Pools against" not in out
    code, out, _ = run(
        ["count", JSON, "--year", "2019", "--format", "csv", "--table", "placements"]
    )
    assert out.splitlines()[0].startswith("placement,person,kind,employer,hours,jobs")


# -- the other commands ---------------------------------------------------------------------


def test_rules_lists_every_rule_set() -> None:
    code, out, _ = run(["rules"])
    assert code == 0
    assert all(name in out for name in available_rule_sets())
    listed = json.loads(run(["rules", "--format", "json"])[1])
    assert [r["name"] for r in listed] == list(available_rule_sets())
    assert run(["rules", "--format", "csv"])[1].startswith("name,version,in force from")


def test_schema_prints_the_shipped_schema() -> None:
    code, out, _ = run(["schema"])
    assert code == 0
    assert json.loads(out) == scenario_schema()


def test_validate_writes_csv_and_json_summaries() -> None:
    code, out, _ = run(["validate", JSON, "--format", "csv"])
    assert code == 0
    row = next(csv.DictReader(io.StringIO(out)))
    assert (row["valid"], row["placements"], row["years"]) == ("True", "13", "2018-2019")


def test_validate_json_lists_the_problems(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text(JSON_TEXT().replace('"sector": "market"', '"sector": "markt"'), "utf-8")
    code, out, _ = run(["validate", str(broken), "--format", "json"])
    assert code == 1
    document = json.loads(out)
    assert document["valid"] is False
    assert document["problems"][0] == {
        "location": f"{broken} $.employers[0]",
        "field": "sector",
        "value": '"markt"',
        "message": "expected market or government",
    }


def JSON_TEXT() -> str:  # noqa: N802 - reads like the constant it stands for
    return (ROOT / JSON).read_text("utf-8")


def test_demo_prints_the_demo_report() -> None:
    code, out, _ = run(["demo"])
    assert (code, out) == (0, demo_report(width=200))


def test_demo_writes_the_two_charts_where_asked(tmp_path: Path) -> None:
    code, out, _ = run(["demo", "--out", str(tmp_path / "out"), "--image", "svg"])
    assert code == 0
    assert out.startswith(demo_report(width=200))
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == ["comparison.svg", "realisation.svg"]


def test_version() -> None:
    code, out, _ = run(["--version"])
    assert code == 0
    assert out.startswith("banenafspraak ")


# -- exit codes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["count", JSON],
        ["count", JSON, "--year", "2019", "--rules", "nope"],
        ["count", JSON, "--year", "2019", "--rules", "wbqa-2015,wbqa-2015"],
        ["count", JSON, "--year", "2019", "--format", "xml"],
        ["count", JSON, "--year", "19"],
        ["compare", JSON, "--year", "2019", "--rules", ","],
        ["explain", JSON, "--year", "2019"],
        ["frobnicate"],
    ],
)
def test_wrong_usage_exits_with_2(args: list[str]) -> None:
    code, out, err = run(args)
    assert code == 2
    assert "Traceback" not in out + err
    assert "Usage:" in out + err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["count", "missing.json", "--year", "2019"], "missing.json: no such file or folder"),
        (["explain", JSON, "zz", "--year", "2019"], "placements, id: no such placement"),
        (
            ["quotum", JSON, "--year", "2019", "--explain", "zz"],
            "employers, id: no such employer; the employers: B, C, F, G, S, U (got zz)",
        ),
        (["count", JSON, "--year", "2012"], "no rule set was in force on 2012-12-31"),
        (["validate", "README.md"], "README.md: not a scenario file: expected a .json file"),
    ],
)
def test_bad_input_exits_with_1_and_names_the_place(args: list[str], message: str) -> None:
    code, out, err = run(args)
    assert code == 1
    assert out == ""
    assert message in err
    assert "Traceback" not in err


def test_a_folder_that_cannot_be_written_is_bad_input(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", "utf-8")
    code, _, err = run(["plot", JSON, "--out", str(blocker / "charts")])
    assert code == 1
    assert "banenafspraak: " in err
    assert "Traceback" not in err


# -- personal data --------------------------------------------------------------------------


def with_a_bsn(tmp_path: Path) -> Path:
    scenario = example_scenario()
    bsn = PersonId(BSN)
    people = tuple(attrs.evolve(p, id=bsn) if p.id == "P1" else p for p in scenario.people)
    placements = tuple(
        attrs.evolve(p, person=bsn) if p.person == "P1" else p for p in scenario.placements
    )
    changed = scenario.evolve(people=people, placements=placements)
    return save_scenario(changed, tmp_path / "bsn.json")


@pytest.mark.parametrize(
    "args",
    [
        ["count", "{file}", "--year", "2019"],
        ["count", "{file}", "--year", "2019", "--format", "json"],
        ["count", "{file}", "--year", "2019", "--format", "csv"],
        ["explain", "{file}", "g-p1", "--year", "2019"],
        ["explain", "{file}", "g-p1", "--year", "2019", "--format", "json"],
    ],
)
def test_bsns_are_masked_unless_full_ids_are_asked_for(tmp_path: Path, args: list[str]) -> None:
    path = with_a_bsn(tmp_path)
    filled = [str(path) if a == "{file}" else a for a in args]
    code, out, _ = run(filled)
    assert code == 0
    assert BSN not in out
    assert "*****6782" in out
    code, out, _ = run([*filled, "--full-ids"])
    assert code == 0
    assert BSN in out


def test_nothing_is_written_but_what_was_asked_for(tmp_path: Path) -> None:
    source = ROOT / JSON
    for args in (
        ["validate", str(source)],
        ["count", str(source), "--year", "2019", "--format", "json"],
        ["compare", str(source), "--year", "2019"],
        ["explain", str(source), "g-p1", "--year", "2019"],
        ["count", "missing.json", "--year", "2019"],
    ):
        run(args, cwd=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_loading_a_bsn_scenario_keeps_the_id(tmp_path: Path) -> None:
    assert load_scenario(with_a_bsn(tmp_path)).person(BSN).id == BSN


def test_the_python_example_goes_from_csv_to_json_and_a_chart(tmp_path: Path) -> None:
    import runpy  # noqa: PLC0415 - only here

    example = runpy.run_path(str(ROOT / "examples" / "scenario_files.py"))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        example["main"](str(ROOT / CSV), str(tmp_path))
    lines = out.getvalue().splitlines()
    assert lines[0] == "pool,hours,jobs,baseline,extra jobs,target,result"
    written = json.loads((tmp_path / "count-2019.json").read_text("utf-8"))
    assert written["pools"]["market"]["hours"] == "5196"
    assert (tmp_path / "realisation.svg").exists()


class _Terminal(io.StringIO):
    """Standard output that says it is a terminal."""

    def isatty(self) -> bool:
        return True


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize("width", [80, 200])
def test_a_terminal_gets_rich_tables_that_fit_its_width(
    monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    """On a terminal the quotum table is a rich table; at 80 columns it comes in column groups,
    every number whole, no line wider than the terminal.
    """
    from banenafspraak.cli import main  # noqa: PLC0415 - the edge, imported where it is tested

    screen = _Terminal()
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setattr("sys.stdout", screen)
    assert main(["quotum", str(ROOT / JSON), "--rules", "wbqa-2015", "--year", "2018"]) == 0
    text = _ANSI.sub("", screen.getvalue())
    assert "─" in text
    assert max(len(line) for line in text.splitlines()) <= width
    for number in ("300,000.00", "5,790.00", "5,000.00", "1.93"):
        assert number in text
    assert "waived by law (Wfsv 122na)" in text
    rules = [line for line in text.splitlines() if line.strip() and not line.strip(" ─")]
    assert (len(rules) > 1) is (width == 80)


def test_warnings_go_to_stderr_and_into_the_json() -> None:
    code, out, err = run(["count", JSON, "--rules", "wbqa-2015", "--year", "2030"])
    assert code == 0
    assert err.splitlines()[0] == (
        "banenafspraak: warning: no hours in 2030: the scenario's pay periods cover 2018-2019, "
        "so every figure is 0"
    )
    code, out, _err = run(
        ["quotum", JSON, "--rules", "wbqa-2015", "--year", "2030", "--format", "json"]
    )
    assert code == 0
    assert json.loads(out)["warnings"][0].startswith("no hours in 2030")


@pytest.mark.parametrize("year", [2019, 2027, 2030])
def test_python_and_the_command_line_choose_the_same_default_rule_set(year: int) -> None:
    """Without ``rules``, both count under the law in force at the end of the year."""
    scenario = load_scenario(ROOT / JSON)
    code, out, _err = run(["count", JSON, "--year", str(year), "--format", "json"])
    assert code == 0
    expected = "wbqa-2015" if year < 2027 else "wet-banenafspraak-2025"
    assert json.loads(out)["rules"] == count_jobs(scenario, year=year).rules == expected
    code, out, _err = run(["quotum", JSON, "--year", str(year), "--format", "json"])
    assert json.loads(out)["rules"] == assess_quotum(scenario, year=year).rules == expected


@pytest.mark.parametrize("format_", ["csv", "json"])
def test_machine_readable_output_is_the_same_in_every_language(format_: str) -> None:
    args = ["quotum", JSON, "--rules", "wbqa-2015", "--year", "2018", "--format", format_]
    english, dutch = run(args), run(["--lang", "nl", *args])
    assert english[0] == dutch[0] == 0
    assert dutch[1] == english[1]
    assert "5000" in dutch[1]


def test_dutch_tables_write_numbers_the_dutch_way_and_keep_years_and_ids() -> None:
    code, out, _ = run(["--lang", "nl", "quotum", JSON, "--rules", "wbqa-2015", "--year", "2018"])
    assert code == 0
    assert "300.000,00" in out
    assert "1,93" in out
    assert "300,000.00" not in out
    assert "Quotum volgens wbqa-2015, 2018" in out
