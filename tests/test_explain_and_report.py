"""Explanations and plain-text reports read like the rules they apply."""

from __future__ import annotations

from fractions import Fraction

import pytest

from banenafspraak import Pool, assess_quotum, count_jobs, explain_quotum
from banenafspraak.counting import baseline_from, summary_line
from banenafspraak.demo import example_scenario
from banenafspraak.periods import Period
from banenafspraak.render.text import demo_report, format_table, pools_table, quotum_table

SCENARIO = example_scenario()


def test_an_explanation_names_the_pool_the_credit_and_every_rule_with_its_article() -> None:
    text = count_jobs(SCENARIO, rules="wbqa-2015", year=2019).explain("s-w")
    assert "Placement s-w under wbqa-2015, 2019" in text
    assert "hirer G, credited to hirer by agreement" in text
    assert "-> pool government; credited to G" in text
    assert "Besluit Wfsv art. 2.28(2)-(4) (BWBR0019070, version 2018-01-01)" in text


def test_an_excluded_placement_says_why() -> None:
    text = count_jobs(SCENARIO, rules="wbqa-2015", year=2019).explain("s-v")
    assert "no pool (WSW-INTERNAL)" in text
    assert "credited to nobody" in text


def test_a_placement_without_hours_in_the_period_says_so() -> None:
    text = count_jobs(SCENARIO, rules="wbqa-2015", year=2016).explain("g-p1")
    assert "no pay periods in 2016" in text


def test_a_mid_year_period_groups_equal_months_into_one_line() -> None:
    count = count_jobs(SCENARIO, rules="wbqa-2015", period=Period.of("2018-11-16", "2019-02-15"))
    lines = [line for line in count.explain("g-p2").splitlines() if " -> " in line]
    assert len(lines) == 1
    assert lines[0].startswith("  2018-11-01..2019-02-28")


def test_a_quotum_explanation_lists_the_variables_and_the_heffing() -> None:
    text = explain_quotum(assess_quotum(SCENARIO, rules="wbqa-2015", year=2018)["G"])
    assert "B quotum (%): 1.93" in text
    assert "levy (EUR): " in text
    assert "levied: no" in text
    assert "net effect (EUR): 0.00" in text
    assert "Q15-NOT-LEVIED" in text


def test_a_national_instrument_explanation_lists_its_figures() -> None:
    text = explain_quotum(assess_quotum(SCENARIO, rules="wet-banenafspraak-2025", year=2019)["G"])
    assert "LKV (EUR): " in text
    assert "rate (%)" not in text  # not active: no rate
    assert "W25-NOT-ACTIVATED" in text


def test_the_pool_and_quotum_tables_show_the_results() -> None:
    count = count_jobs(SCENARIO, rules="wbqa-2015", year=2018)
    assert "market" in pools_table(count)
    assert "met" in pools_table(count)
    report = assess_quotum(SCENARIO, rules="wbqa-2015", year=2018, count=count)
    assert " 1.93 " in quotum_table(report)
    assert "B " not in quotum_table(report).splitlines()[2][:2]
    assert "no" in quotum_table(report, liable_only=False)
    assert len(report.liable()) == 4
    with pytest.raises(KeyError, match="no quotum assessment"):
        report["nobody"]
    assert "market:" in summary_line(count)


def test_a_count_gives_the_monitoring_line_of_its_pools_only() -> None:
    count = count_jobs(SCENARIO, rules="wbqa-2015", year=2018)
    assert count.monitoring_of("government").target is not None
    with pytest.raises(KeyError, match="counts no pool national"):
        count.monitoring_of("national")


def test_a_count_takes_a_year_or_a_period_but_not_both() -> None:
    with pytest.raises(TypeError, match="exactly one of year= or period="):
        count_jobs(SCENARIO, rules="wbqa-2015")
    with pytest.raises(TypeError, match="exactly one"):
        count_jobs(SCENARIO, rules="wbqa-2015", year=2018, period=Period.year(2018))


def test_a_quarter_has_no_target_to_meet() -> None:
    count = count_jobs(SCENARIO, rules="wbqa-2015", period=Period.quarter(2019, 1))
    assert all(m.target is None and m.met is None for m in count.monitoring)


def test_a_baseline_can_be_counted_from_a_december_scenario() -> None:
    baseline = baseline_from(SCENARIO, period=Period.month(2018, 12))
    count = count_jobs(SCENARIO, rules="wbqa-2015", period=Period.month(2018, 12))
    assert baseline.jobs_in(Pool.GOVERNMENT) == count.pools[Pool.GOVERNMENT].jobs > 0
    assert "counted over 2018-12" in baseline.source


def test_parameters_given_to_a_call_win_over_the_scenario() -> None:
    count = count_jobs(
        SCENARIO, rules="wbqa-2015", year=2019, parameters={"target.market": {"2019": "1"}}
    )
    assert count.monitoring_of("market").met is True


def test_a_text_table_aligns_numbers_to_the_right() -> None:
    table = format_table(["name", "jobs"], [["a", "1.5"], ["bb", "10.25"]])
    assert table.splitlines()[2] == "a       1.5"


def test_the_demo_shows_every_rule_set_each_year_and_explains_placements() -> None:
    text = demo_report()
    assert "wbqa-2015, 2018" in text
    assert "wbqa-2015, 2019" in text
    assert "Why: three placements explained" in text
    assert "W15-INLEEN-NO-CREDIT" in text


def test_the_command_line_prints_the_demo(capsys: pytest.CaptureFixture[str]) -> None:
    from banenafspraak.cli import main  # noqa: PLC0415 - the edge, imported where it is tested

    assert main(["demo"]) == 0
    assert "Pools against their baseline and target" in capsys.readouterr().out


def test_the_baseline_is_counted_over_december_2012_by_default() -> None:
    """Regeling Wfsv 3.35(a)(2°): the nulmeting jobs were measured over December 2012."""
    from banenafspraak import PayPeriod, Person, Placement, Registration, Scenario  # noqa: PLC0415

    december = Scenario(
        employers=(SCENARIO.employer("F"),),
        people=(
            Person(
                id="x",
                registrations=(
                    Registration(
                        ground="wsw_indication", start="2010-01-01", conditions_ceased="2011-03-01"
                    ),
                ),
            ),
        ),
        placements=(
            Placement(
                id="p", person="x", employer="F", hours=(PayPeriod.month(2012, 12, "113.05"),)
            ),
        ),
    )
    baseline = baseline_from(december)
    # 113.05 h in December 2012 = 113.05 / (1,331 x 31/366) jobs; the registration of a person
    # whose conditions ceased in 2011 counts in December 2012 (the first text of Besluit SUWI 3.2
    # is read for the nulmeting: t+2 ends it on 31 December 2013).
    assert baseline.jobs_in(Pool.MARKET) == Fraction("113.05") / (1331 * Fraction(31, 366))
