"""Warnings where an answer is plausible but empty or assumed (issue 13, item 6).

They reach Python (``result.warnings``), the JSON output (``"warnings"``) and standard error.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from banenafspraak import assess_quotum, count_jobs
from banenafspraak.demo import example_scenario
from banenafspraak.parameters import default_parameters

SCENARIO = example_scenario()


def test_a_complete_count_and_quotum_have_no_warnings() -> None:
    assert count_jobs(SCENARIO, rules="wbqa-2015", year=2019).warnings == ()
    assert assess_quotum(SCENARIO, rules="wbqa-2015", year=2018).warnings == ()


def test_counting_a_year_without_data_warns_that_every_figure_is_zero() -> None:
    """2030 on data of 2018-2019: 0 jobs is no finding."""
    count = count_jobs(SCENARIO, rules="wbqa-2015", year=2030)
    assert count.input_hours == 0
    assert count.warnings[0] == (
        "no hours in 2030: the scenario's pay periods cover 2018-2019, so every figure is 0"
    )


def test_a_target_carried_past_its_last_year_is_named_with_the_value_used() -> None:
    """``target.government`` is set up to 2023; 2024 reads the 2023 value and says so."""
    count = count_jobs(SCENARIO, rules="wbqa-2015", year=2024)
    assert (
        "parameter target.government has no value for 2024: its 2023 value 25000 is carried "
        "forward [S]"
    ) in count.warnings
    assert not [w for w in count.warnings if "target.market" in w]


def test_a_single_override_for_every_year_is_not_carried_forward() -> None:
    count = count_jobs(
        SCENARIO, rules="wbqa-2015", year=2024, parameters={"target.government": 30000}
    )
    assert not [w for w in count.warnings if "target.government" in w]


def test_only_a_yearly_parameter_warns_when_carried() -> None:
    """A value fixed by law until changed (the hours of one job) is carried without a warning."""
    params = default_parameters()
    assert params["target.market"].yearly
    assert params["target.market"].carried_past(2026) is not None
    assert params["target.market"].carried_past(2025) is None
    assert not params["job.hours_per_year"].yearly
    assert params.carried_forward(2040, ["job.hours_per_year"]) == ()


def test_an_employer_without_hours_of_the_previous_year_is_warned_about() -> None:
    """Wfsv 34(4),(6) (version 2015-05-01): the threshold reads the year and the year before.

    A year not given reads as 0 h, which makes the employer exempt: the result says so.
    """
    employer = SCENARIO.employer("G")
    hours = {y: h for y, h in employer.total_hours.items() if y != 2017}
    scenario = SCENARIO.evolve(
        employers=tuple(
            attrs.evolve(e, total_hours=hours) if e.id == "G" else e for e in SCENARIO.employers
        )
    )
    result = assess_quotum(scenario, rules="wbqa-2015", year=2018)["G"]
    assert not result.liable
    expected = (
        "employer G: no verloonde uren given for 2017; the threshold test (Wfsv 34(4)) reads "
        "them as 0 h"
    )
    assert result.warnings == (expected,)
    assert employer.total_hours[2017] == Decimal(300000)
