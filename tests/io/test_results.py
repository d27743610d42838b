"""Results as JSON documents and tables: exact numbers as strings, stable keys, every pool."""

from __future__ import annotations

import importlib.util
from fractions import Fraction

import attrs
import pytest

import banenafspraak
from banenafspraak import (
    MissingExtraError,
    Pool,
    assess_quotum,
    available_rule_sets,
    compare,
    count_jobs,
)
from banenafspraak._util import FrozenMap
from banenafspraak.demo import example_scenario
from banenafspraak.render.export import (
    comparison_document,
    comparison_rows,
    comparison_tables,
    count_document,
    count_tables,
    differences_table,
    exact,
    quotum_table,
    to_csv,
)


def test_exact_numbers_are_decimal_strings() -> None:
    assert exact(Fraction(1, 4)) == "0.25"
    assert exact(Fraction(1040, 1331)) == "0.781367392938"
    assert exact(None) is None


def test_a_count_document_keeps_every_hour() -> None:
    count = count_jobs(example_scenario(), rules="wbqa-2015", year=2019)
    document = count_document(count)
    total = sum(Fraction(a["hours"]) for a in document["attributions"])
    assert total == Fraction(document["input_hours"])
    assert Fraction(document["input_hours"]) == Fraction(document["counted_hours"]) + Fraction(
        document["excluded_hours"]
    )
    assert document["monitoring"]["market"]["met"] is False
    assert document["monitoring"]["market"]["target"] == "5"
    excluded = [a for a in document["attributions"] if a["excluded_because"]]
    # f-r: R's registration ended by t+2 on 2017-12-31 (Besluit SUWI 3.2(2), 2016-01-01 text)
    assert {a["placement"] for a in excluded} == {"g-t", "s-v", "f-j", "f-r"}
    reason = document["attributions"][0]["reasons"][0]
    assert reason["url"].startswith("https://wetten.overheid.nl/BWBR")


def test_a_quarter_has_no_year_in_its_document() -> None:
    count = count_jobs(
        example_scenario(), rules="wbqa-2015", period=banenafspraak.Period.quarter(2019, 2)
    )
    document = count_document(count)
    assert (document["year"], document["period"]) == (None, "2019-Q2")


def test_count_tables_round_for_people_and_not_for_machines() -> None:
    count = count_jobs(example_scenario(), rules="wbqa-2015", year=2019)
    exact_tables = count_tables(count)
    assert exact_tables["pools"].rows[1][:3] == ("government", "4422", "3.322314049587")
    readable = count_tables(count, number=lambda v: None if v is None else f"{float(v):.1f}")
    assert readable["pools"].rows[1][2] == "3.3"
    assert to_csv(exact_tables["employers"]).splitlines()[0] == "employer,name,hours,jobs"


def test_the_quotum_table_has_the_figures_of_the_law_as_columns() -> None:
    report = assess_quotum(example_scenario(), rules="wbqa-2015", year=2018)
    table = quotum_table(report)
    keys = tuple(f.key for f in report["G"].figures() if f.key not in {"liable", "active"})
    assert table.keys == ("employer", "liable", "active", *keys, "net_effect")
    assert "levy (EUR)" in table.headers
    assert "surcharge" not in table.keys
    rows = {row[0]: row for row in table.rows}
    assert rows["G"][:4] == ("G", "yes", "yes", "government")
    national = quotum_table(assess_quotum(example_scenario(), rules="contouren-2018", year=2018))
    assert {"surcharge", "bonus", "lkv"} <= set(national.keys)
    assert "levy" not in national.keys


def test_a_comparison_marks_a_pool_one_rule_set_lacks() -> None:
    count = count_jobs(example_scenario(), rules="wbqa-2015", year=2019)
    market_only = attrs.evolve(
        count, pools=FrozenMap({Pool.MARKET: count.pools[Pool.MARKET]}), rules="market-only"
    )
    counts = {"wbqa-2015": count, "market-only": market_only}
    document = comparison_document(counts, year=2019)
    assert document["pools"]["government"]["market-only"] is None
    assert document["pools"]["market"]["market-only"] == document["pools"]["market"]["wbqa-2015"]
    tables = comparison_tables(counts)
    assert tables["pools"].rows[0] == ("government", "3.322314049587", "-")
    rows = comparison_rows(counts).rows
    assert rows[0] == ("pool", "government", "jobs", "3.322314049587", "")
    assert rows[-1] == ("excluded", "", "hours", "4194", "4194")


def test_without_the_io_extra_loading_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec

    def hide_cattrs(name: str, *args: object) -> object:
        return None if name == "cattrs" else real(name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(importlib.util, "find_spec", hide_cattrs)
    with pytest.raises(MissingExtraError, match=r"banenafspraak\[io\]"):
        banenafspraak.load_scenario("any.json")
    with pytest.raises(MissingExtraError, match=r"banenafspraak\[io\]"):
        banenafspraak.save_scenario(example_scenario(), "any.json")


def test_a_comparison_document_lists_every_difference_with_its_placements() -> None:

    comparison = compare(example_scenario(), rules=list(available_rule_sets()), year=2019)
    counts = {name: comparison.counts[name] for name in comparison.rules}
    document = comparison_document(counts, year=2019, comparison=comparison)
    employer_c = [d for d in document["differences"] if d["subject"] == "employer C"]
    assert [d["rules"] for d in employer_c] == ["contouren-2018"]
    assert {p["placement"] for p in employer_c[0]["placements"]} == {"c-k1", "c-k2"}
    assert "C18-BUYER" in employer_c[0]["placements"][0]["reasons_after"]
    assert set(document["net_effect"]["G"]) == set(available_rule_sets())
    table = differences_table(comparison)
    assert len(table.rows) == len(document["differences"])
    assert table.title == "What changes against wbqa-2015, and why"
