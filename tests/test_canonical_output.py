"""Every output comes out in one canonical order, and the long outputs are written as they are made.

The order of a scenario's lists (employers, people, placements, pay periods, registrations,
contracts, baseline, parameters) is no part of its meaning: the same scenario in another order
gives the same bytes, in JSON and CSV, from the library and from the command line. JSON and CSV
are written item by item, so that a national year's attributions are never held as text.
"""

from __future__ import annotations

import csv
import io
import json
import random
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from banenafspraak import Scenario, assess_quotum, compare, count_jobs
from banenafspraak.cli import app
from banenafspraak.demo import example_scenario
from banenafspraak.io import load_scenario, save_scenario, scenario_to_json
from banenafspraak.render.export import (
    comparison_document,
    count_document,
    count_tables,
    masked_document,
    masked_table,
    quotum_document,
    quotum_table,
    result_document,
    to_csv,
    write_count_csv,
    write_json,
)
from banenafspraak.reports import durability, procurement_jobs

YEAR = 2019


def shuffled(scenario: Scenario, rng: random.Random) -> Scenario:
    """The same scenario with every list and mapping of it in another order."""

    def mixed(items: Iterable[Any]) -> list[Any]:
        out = list(items)
        rng.shuffle(out)
        return out

    def mixed_map(mapping: Mapping[Any, Any]) -> dict[Any, Any]:
        return dict(mixed(list(mapping.items())))

    people = [attrs.evolve(p, registrations=mixed(p.registrations)) for p in scenario.people]
    placements = [attrs.evolve(p, hours=mixed(p.hours)) for p in scenario.placements]
    return Scenario(
        name=scenario.name,
        employers=mixed(scenario.employers),
        people=mixed(people),
        placements=mixed(placements),
        contracts=mixed(scenario.contracts),
        baseline=attrs.evolve(scenario.baseline, jobs=mixed_map(scenario.baseline.jobs)),
        parameters=mixed_map(scenario.parameters),
    )


def outputs(scenario: Scenario) -> dict[str, str]:
    """The JSON and CSV of a count, a quotum, a comparison and two reports, as text."""
    count = count_jobs(scenario, rules="wbqa-2015", year=YEAR)
    quotum = assess_quotum(scenario, rules="wbqa-2015", year=YEAR)
    comparison = compare(scenario, year=YEAR)
    counts = {name: comparison.counts[name] for name in comparison.rules}
    texts = {
        "count.json": json.dumps(count_document(count), indent=2),
        "quotum.json": json.dumps(quotum_document(quotum), indent=2),
        "quotum.csv": to_csv(quotum_table(quotum)),
        "compare.json": json.dumps(
            comparison_document(counts, year=YEAR, comparison=comparison), indent=2
        ),
        "durability.json": json.dumps(result_document("durability", durability(scenario))),
        "procurement.json": json.dumps(
            result_document("procurement", procurement_jobs(scenario, year=YEAR))
        ),
    }
    for name, table in count_tables(count).items():
        texts[f"count-{name}.csv"] = to_csv(table)
    return texts


@settings(max_examples=5, deadline=None)
@given(rng=st.randoms(use_true_random=False))
def test_the_order_of_the_input_changes_no_byte_of_the_output(rng: random.Random) -> None:
    scenario = example_scenario()
    other = shuffled(scenario, rng)
    assert other.digest() == scenario.digest()
    assert outputs(other) == outputs(scenario)


def shuffled_file(path: Path, rng: random.Random) -> Path:
    """The example's scenario file with every list in it in another order."""
    document = json.loads(scenario_to_json(example_scenario()))
    for key in ("employers", "people", "placements", "contracts"):
        rng.shuffle(document[key])
    for placement in document["placements"]:
        rng.shuffle(placement["hours"])
    for person in document["people"]:
        rng.shuffle(person.get("registrations", []))
    path.write_text(json.dumps(document), "utf-8")
    return path


def test_the_command_line_writes_the_same_bytes_for_a_shuffled_file(tmp_path: Path) -> None:
    runner = CliRunner()
    written = []
    for seed in (1, 2):
        path = shuffled_file(tmp_path / f"{seed}.json", random.Random(seed))  # noqa: S311 - a seeded shuffle
        result = runner.invoke(app, ["count", str(path), "--year", "2019", "--format", "json"])
        assert result.exit_code == 0, result.output
        written.append(result.stdout)
    assert written[0] == written[1]
    assert '"placement": "b-q"' in written[0]  # the first placement by id comes first


# -- streaming -------------------------------------------------------------------------------


def test_a_lazy_document_is_written_as_json_dumps_writes_the_whole() -> None:
    count = count_jobs(example_scenario(), rules="wbqa-2015", year=YEAR)
    for full_ids in (False, True):
        out = io.StringIO()
        write_json(count_document(count, lazy=True), out, full_ids=full_ids)
        whole = masked_document(count_document(count), full_ids=full_ids)
        assert out.getvalue() == json.dumps(whole, indent=2, ensure_ascii=False) + "\n"
    out = io.StringIO()
    write_json({"empty": iter(()), "nested": {"list": iter([[1, 2]])}}, out)
    assert json.loads(out.getvalue()) == {"empty": [], "nested": {"list": [[1, 2]]}}


def test_json_items_are_written_before_the_next_one_is_made() -> None:
    out = io.StringIO()
    seen_when_made: list[str] = []

    def items() -> object:
        for number in range(3):
            seen_when_made.append(out.getvalue())
            yield {"item": number}

    write_json({"items": items()}, out)
    assert '"item": 0' not in seen_when_made[0]
    assert '"item": 0' in seen_when_made[1]
    assert '"item": 1' in seen_when_made[2]


@pytest.mark.parametrize("table", ["pools", "employers", "placements", "attributions"])
def test_a_count_table_written_row_by_row_is_the_whole_table(table: str) -> None:
    count = count_jobs(example_scenario(), rules="wbqa-2015", year=YEAR)
    out = io.StringIO()
    write_count_csv(count, out, table=table)
    assert out.getvalue() == to_csv(masked_table(count_tables(count)[table]))


def test_the_csv_of_one_placement_has_only_its_attributions() -> None:
    count = count_jobs(example_scenario(), rules="wbqa-2015", year=YEAR)
    out = io.StringIO()
    write_count_csv(count, out, placement="u-y")
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert {row["placement"] for row in rows} == {"u-y"}
    assert len(rows) == len(count.for_placement("u-y"))


def test_an_unknown_count_table_is_refused_with_the_choices() -> None:
    count = count_jobs(example_scenario(), rules="wbqa-2015", year=YEAR)
    with pytest.raises(ValueError, match="pools, employers, placements and attributions"):
        write_count_csv(count, io.StringIO(), table="people")


def test_the_count_reports_its_progress_per_placement() -> None:
    seen: list[tuple[str, int, int]] = []
    scenario = example_scenario()
    count_jobs(scenario, rules="wbqa-2015", year=YEAR, progress=lambda *a: seen.append(a))
    total = len(scenario.placements)
    assert seen[0] == ("count wbqa-2015", 0, total)
    assert seen[-1] == ("count wbqa-2015", total, total)


def test_a_report_result_is_refused_unless_it_is_a_result() -> None:
    with pytest.raises(TypeError, match="expected an attrs result"):
        result_document("x", 3)


def test_a_scenario_loads_the_same_from_a_shuffled_file(tmp_path: Path) -> None:
    mixed = shuffled(example_scenario(), random.Random(3))  # noqa: S311 - a seeded shuffle
    path = save_scenario(mixed, tmp_path / "s.json")
    assert load_scenario(path) == example_scenario()
