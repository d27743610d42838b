"""The command line never ends in a traceback, and writes nothing unsafe.

A generated corpus of broken scenario files (each the bundled example broken in one way, drawn by
a seeded generator) must end in exit 1 with the problem named at its place; the same files, left
whole but shuffled, count with every hour accounted for. A property drives the command line with
random arguments and files.
"""

from __future__ import annotations

import copy
import functools
import json
import os
import random
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from golden_cases import ROOT, run
from hypothesis import given
from hypothesis import strategies as st

from banenafspraak import InvalidScenarioError, count_jobs
from banenafspraak.io import parse_scenario_json

EXAMPLE = ROOT / "examples" / "scenarios" / "example.json"
DOCUMENT: dict[str, Any] = json.loads(EXAMPLE.read_text("utf-8"))
for _placement in DOCUMENT["placements"]:  # three pay periods each keep the corpus quick
    _placement["hours"] = _placement["hours"][-3:]
CORPUS_SIZE = 400

Breaker = Callable[[dict[str, Any], random.Random], str]
"""Breaks a document in place and returns the place (JSON path) where the problem must be named."""


def _item(document: dict[str, Any], rng: random.Random, section: str) -> tuple[int, dict[str, Any]]:
    index = rng.randrange(len(document[section]))
    return index, document[section][index]


def _negative_hours(document: dict[str, Any], rng: random.Random) -> str:
    index, placement = _item(document, rng, "placements")
    period = rng.randrange(len(placement["hours"]))
    placement["hours"][period]["hours"] = rng.choice(["-1", "-0.5", "-43.5"])
    return f"$.placements[{index}].hours[{period}]"


def _huge_number(document: dict[str, Any], rng: random.Random) -> str:
    index, placement = _item(document, rng, "placements")
    period = rng.randrange(len(placement["hours"]))
    placement["hours"][period]["hours"] = rng.choice(["1e400", "9" * 40, "1." + "1" * 30])
    return f"$.placements[{index}].hours[{period}]"


def _reversed_period(document: dict[str, Any], rng: random.Random) -> str:
    index, placement = _item(document, rng, "placements")
    period = rng.randrange(len(placement["hours"]))
    pay = placement["hours"][period]
    pay["start"], pay["end"] = pay["end"], pay["start"]
    if pay["start"] == pay["end"]:  # pragma: no cover - the example has no one-day periods
        pay["end"] = "2000-01-01"
    return f"$.placements[{index}].hours[{period}]"


def _unknown_employer(document: dict[str, Any], rng: random.Random) -> str:
    index, placement = _item(document, rng, "placements")
    placement["employer"] = rng.choice(["ghost", "E404", "nobody"])
    return f"$.placements[{index}]"


def _far_year(document: dict[str, Any], rng: random.Random) -> str:
    index, placement = _item(document, rng, "placements")
    placement["hours"].append(
        {"start": "9999-12-01", "end": "9999-12-31", "hours": rng.choice(["1", "800"])}
    )
    return f"$.placements[{index}]"


def _wrong_type(document: dict[str, Any], rng: random.Random) -> str:
    section = rng.choice(["employers", "people", "placements"])
    index, item = _item(document, rng, section)
    item["id"] = rng.choice([12, True, None, ["x"], {"a": 1}])
    return f"$.{section}[{index}]"


def _unknown_sector(document: dict[str, Any], rng: random.Random) -> str:
    index, employer = _item(document, rng, "employers")
    employer["sector"] = rng.choice(["marrket", "", "MARKET ", "overheid"])
    return f"$.employers[{index}]"


def _bad_date(document: dict[str, Any], rng: random.Random) -> str:
    index, placement = _item(document, rng, "placements")
    period = rng.randrange(len(placement["hours"]))
    placement["hours"][period]["end"] = rng.choice(["2019-02-30", "2019-13-01", "tomorrow", ""])
    return f"$.placements[{index}].hours[{period}]"


def _zero_job(document: dict[str, Any], rng: random.Random) -> str:
    document["parameters"] = {"job.hours_per_year": rng.choice(["0", "-1", "1e13"])}
    return "$.parameters"


def _surrogate(document: dict[str, Any], rng: random.Random) -> str:
    index, employer = _item(document, rng, "employers")
    employer["name"] = rng.choice(["\udc80", "a\ud800b"])
    return f"$.employers[{index}]"


BREAKERS: tuple[Breaker, ...] = (
    _negative_hours,
    _huge_number,
    _reversed_period,
    _unknown_employer,
    _far_year,
    _wrong_type,
    _unknown_sector,
    _bad_date,
    _zero_job,
    _surrogate,
)


@functools.cache
def corpus(size: int = CORPUS_SIZE, seed: int = 12) -> list[tuple[str, str, str]]:
    """``size`` broken documents: (name of the breaker, JSON text, the place of the problem)."""
    rng = random.Random(seed)  # noqa: S311 - a reproducible corpus, not a secret
    files = []
    for number in range(size):
        breaker = BREAKERS[number % len(BREAKERS)]
        document = copy.deepcopy(DOCUMENT)
        place = breaker(document, rng)
        files.append((breaker.__name__, json.dumps(document), place))
    return files


def test_every_file_of_the_broken_corpus_is_refused_with_its_place() -> None:
    """Several hundred generated files: each refused with the problem named where it is."""
    missed = []
    for name, text, place in corpus():
        try:
            parse_scenario_json(text, source="c.json")
        except InvalidScenarioError as error:
            if not any(f"c.json {place}" in str(p) for p in error.problems):
                missed.append((name, place, str(error)[:300]))
        else:
            missed.append((name, place, "accepted"))
    assert missed == []


def test_the_broken_corpus_through_the_command_line_exits_1_without_a_traceback(
    tmp_path: Path,
) -> None:
    path = tmp_path / "c.json"
    for _name, text, place in corpus(size=40, seed=7):
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        code, out, err = run(["count", str(path), "--year", "2019"])
        assert code == 1, (out, err)
        assert "Traceback" not in out + err
        assert place.split("[")[0] in err


def test_whole_files_in_any_order_count_every_hour(tmp_path: Path) -> None:
    rng = random.Random(3)  # noqa: S311 - a reproducible order, not a secret
    first = None
    for _ in range(20):
        document = copy.deepcopy(DOCUMENT)
        for key in ("employers", "people", "placements", "contracts"):
            rng.shuffle(document[key])
        scenario = parse_scenario_json(json.dumps(document))
        result = count_jobs(scenario, rules="wbqa-2015", year=2019)
        assert result.input_hours == result.counted_hours + result.excluded_hours
        assert result.input_hours == sum(
            (
                Fraction(pp.hours)
                for p in scenario.placements
                for pp in p.hours
                if pp.start.year == 2019
            ),
            Fraction(0),
        )
        first = first or scenario.digest()
        assert scenario.digest() == first
    path = tmp_path / "whole.json"
    path.write_text(json.dumps(DOCUMENT), encoding="utf-8")
    assert run(["count", str(path), "--year", "2019"])[0] == 0


# -- random arguments -----------------------------------------------------------------------

WORDS = st.sampled_from(
    [
        "count",
        "quotum",
        "compare",
        "explain",
        "validate",
        "report",
        "trend",
        "--year",
        "2019",
        "2005",
        "9999",
        "-1",
        "--rules",
        "wbqa-2015",
        "nope",
        "--format",
        "json",
        "csv",
        "xml",
        "--table",
        "pools",
        "--full-ids",
        "--chart",
        "x.pdf",
        "{file}",
        "{broken}",
        "{folder}",
        "g-p1",
        "",
    ]
)


@given(args=st.lists(WORDS, min_size=1, max_size=7), which=st.integers(0, CORPUS_SIZE - 1))
def test_random_arguments_and_files_end_in_a_message_never_a_traceback(
    tmp_path_factory: pytest.TempPathFactory, args: list[str], which: int
) -> None:
    folder = tmp_path_factory.mktemp("args")
    broken = folder / "broken.json"
    _name, text, _place = corpus(size=CORPUS_SIZE)[which]
    broken.write_text(text, encoding="utf-8", errors="surrogatepass")
    filled = [
        a.replace("{file}", str(EXAMPLE))
        .replace("{broken}", str(broken))
        .replace("{folder}", str(folder))
        for a in args
    ]
    old = Path.cwd()
    os.chdir(folder)
    try:
        code, out, err = run(filled, cwd=folder)
    finally:
        os.chdir(old)
    assert "Traceback" not in out + err
    assert code in {0, 1, 2}
    if code:
        assert err.strip(), (filled, out)


# -- safe output ----------------------------------------------------------------------------


def test_a_chart_named_for_another_format_is_refused(tmp_path: Path) -> None:
    chart = tmp_path / "trend.pdf"
    code, _out, err = run(["report", "trend", str(EXAMPLE), "--chart", str(chart)])
    assert code == 2
    assert ".png or .svg" in err
    assert not chart.exists()


def test_charts_are_not_written_through_a_link_in_the_out_folder(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "realisation.svg").symlink_to(victim)
    code, _out, err = run(["plot", str(EXAMPLE), "--out", str(out), "--image", "svg"])
    assert code == 1
    assert "link" in err
    assert victim.read_text("utf-8") == "keep me"


def test_a_csv_name_linked_to_another_file_is_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("password,hunter2\n", encoding="utf-8")
    folder = tmp_path / "scenario"
    folder.mkdir()
    for source in (ROOT / "examples" / "scenarios" / "example-csv").iterdir():
        (folder / source.name).write_bytes(source.read_bytes())
    (folder / "employers.csv").unlink()
    (folder / "employers.csv").symlink_to(secret)
    code, out, err = run(["validate", str(folder)])
    assert code == 1
    assert "hunter2" not in out + err
    assert "password" not in out + err
    assert "employers.csv: not a regular file: only regular files inside the folder are read" in err


def test_formula_like_names_are_neutralised_in_csv_output(tmp_path: Path) -> None:
    document = copy.deepcopy(DOCUMENT)
    document["employers"][0]["name"] = "=HYPERLINK(1)"
    path = tmp_path / "f.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    code, out, _ = run(
        ["count", str(path), "--year", "2019", "--format", "csv", "--table", "employers"]
    )
    assert code == 0
    assert "'=HYPERLINK(1)" in out
    assert "\n=" not in out
    assert ",=" not in out
