"""The policy reports: sub-sectors, procurement, durability and trend.

Named tests are small worlds worked out by hand (one pay period of 1,331 hours in a year is one
job); the properties run every report against every registered rule set, plus a national-pool
rule set defined here that credits procurement jobs to the buyer (the shape of the 2018 outline).
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from banenafspraak import (
    DurabilityLine,
    Employer,
    EmployerId,
    EmployerKind,
    Ground,
    Ledger,
    PayPeriod,
    Period,
    Person,
    Placement,
    PlacementId,
    PlacementKind,
    PlacementSpell,
    Pool,
    ProcurementContract,
    RuleContext,
    RuleSet,
    Scenario,
    Sector,
    Share,
    SpellStatus,
    Subsector,
    SubsectorBasis,
    available_rule_sets,
    count_jobs,
    durability,
    procurement_jobs,
    subsector_monitoring,
    trend,
)
from banenafspraak.baselines import Baseline
from banenafspraak.counting import Tally
from banenafspraak.parameters import Parameter, Parameters
from banenafspraak.people import PersonId
from banenafspraak.procurement import ContractId, ContractKind
from banenafspraak.references import LegalReference
from banenafspraak.render.report_charts import trend_chart
from banenafspraak.render.text import (
    durability_table,
    procurement_table,
    subsector_table,
    trend_table,
)
from banenafspraak.rulesets.wbqa_2015 import WBQA_2015, SectorQuotum

JOB = Decimal(1331)
"""Hours of one job in a year."""

GOV, MARKET = Sector.GOVERNMENT, Sector.MARKET


# -- a national-pool rule set for tests --------------------------------------------------------


@attrs.frozen
class NationalAtBuyer:
    """wbqa-2015's doelgroep rules with one national pool; procurement credited to the buyer.

    Every other counted hour is credited to its formal employer (the 2025 law's shape).
    """

    name: str = "test-national-at-buyer"
    version: str = "1"
    title: str = "a national pool that counts procurement at the buyer (tests only)"
    in_force_from: pendulum.Date | None = None
    references: tuple[LegalReference, ...] = ()
    pools: tuple[Pool, ...] = (Pool.NATIONAL,)
    extra_parameters: tuple[Parameter, ...] = ()

    def starts(self, parameters: Parameters) -> pendulum.Date | None:
        """Never selected by date."""
        del parameters
        return None

    def attribute(
        self, placement: Placement, pay_period: PayPeriod, context: RuleContext
    ) -> tuple[Share, ...]:
        """The 2015 doelgroep rules, every counted share in the national pool."""
        shares = WBQA_2015.attribute(placement, pay_period, context)
        credited = (
            context.contract(placement.contract).buyer
            if placement.contract is not None
            else placement.employer
        )
        return tuple(
            share
            if share.pool is None
            else attrs.evolve(share, pool=Pool.NATIONAL, credited_to=credited)
            for share in shares
        )

    def targets(self, year: int, parameters: Parameters) -> Mapping[Pool, Decimal]:
        """No extra jobs to realise."""
        del year, parameters
        return {Pool.NATIONAL: Decimal(0)}

    def assess_quotum(
        self, employer: Employer, year: int, ledger: Ledger, context: RuleContext
    ) -> SectorQuotum:
        """The 2015 quotum (not used by the reports)."""
        return WBQA_2015.assess_quotum(employer, year, ledger, context)


NATIONAL = NationalAtBuyer()


def every_rule_set() -> list[str | RuleSet]:
    """The registered rule sets and the national test rule set."""
    return [*available_rule_sets(), NATIONAL]


# -- small builders ------------------------------------------------------------------------------


def employer(
    key: str,
    sector: Sector,
    subsector: Subsector | None = None,
    kind: EmployerKind = EmployerKind.REGULAR,
) -> Employer:
    return Employer(id=EmployerId(key), sector=sector, subsector=subsector, kind=kind)


def person(key: str, since: str = "2014-01-01") -> Person:
    return Person.registered(key, ground=Ground.WAJONG, since=since)


def year_of(year: int, hours: Decimal | str) -> PayPeriod:
    """One pay period covering a whole calendar year."""
    return PayPeriod(start=f"{year}-01-01", end=f"{year}-12-31", hours=hours)


def months(first: tuple[int, int], last: tuple[int, int], hours: str) -> tuple[PayPeriod, ...]:
    """Calendar-month pay periods from ``first`` to ``last`` (year, month), inclusive."""
    out = []
    year, month = first
    while (year, month) <= last:
        out.append(PayPeriod.month(year, month, hours))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(out)


def placement(
    key: str, who: str, at: str, hours: Sequence[PayPeriod], **extra: object
) -> Placement:
    return Placement(
        id=PlacementId(key),
        person=PersonId(who),
        employer=EmployerId(at),
        hours=tuple(hours),
        **extra,  # type: ignore[arg-type]
    )


# -- 1. sub-sector monitoring ---------------------------------------------------------------


def subsector_world() -> Scenario:
    """A 2022 world of government employers with and without sub-sectors.

    Four jobs at Rijk (one hired in), one at Defensie, one at a government employer without
    sub-sector, one agency job with the hirer unknown, one market job.
    """
    return Scenario(
        name="sub-sectors 2022",
        employers=(
            employer("RIJK1", GOV, Subsector.RIJK),
            employer("RIJK2", GOV, Subsector.RIJK),
            employer("DEF", GOV, Subsector.DEFENSIE),
            employer("GOVX", GOV),
            employer("M", MARKET),
            employer("AG", MARKET, kind=EmployerKind.AGENCY),
        ),
        people=tuple(person(f"p{n}") for n in range(1, 8)),
        placements=(
            placement("r1", "p1", "RIJK1", [year_of(2022, JOB)]),
            placement("r2", "p2", "RIJK2", [year_of(2022, 2 * JOB)]),
            placement(
                "a1",
                "p3",
                "AG",
                [year_of(2022, JOB)],
                kind=PlacementKind.AGENCY,
                hirer=EmployerId("RIJK1"),
            ),
            placement("d1", "p4", "DEF", [year_of(2022, JOB)]),
            placement("x1", "p5", "GOVX", [year_of(2022, JOB)]),
            placement("k1", "p6", "AG", [year_of(2022, JOB)], kind=PlacementKind.AGENCY),
            placement("m1", "p7", "M", [year_of(2022, JOB)]),
        ),
        parameters={
            "target.subsector.rijk": {"2022": "4"},
            "baseline.subsector.rijk": "1",
        },
    )


def test_rijk_realises_75_percent_of_its_target_with_a_hired_in_job_counted_at_the_hirer() -> None:
    """Rijk realises 75 % of its 2022 target, as the progress letter reports.

    3 own jobs + 1 uitzendkracht placed at Rijk (Wfsv 122n(4)) = 4, baseline 1, so 3 extra jobs
    against a target of 4.
    """
    report = subsector_monitoring(subsector_world(), year=2022)
    rijk = report.line(Subsector.RIJK)
    assert report.basis is SubsectorBasis.WORKPLACE
    assert rijk.jobs == 4
    assert rijk.baseline_jobs == 1
    assert rijk.extra_jobs == 3
    assert rijk.target == Decimal(4)
    assert rijk.realisation == 75
    assert rijk.met is False
    assert rijk.employers == ("RIJK1", "RIJK2")


def test_a_sub_sector_without_a_target_has_no_realisation() -> None:
    defensie = subsector_monitoring(subsector_world(), year=2022).line("defensie")
    assert defensie.jobs == 1
    assert (defensie.target, defensie.realisation, defensie.met) == (None, None, None)


def test_the_rest_of_the_counted_jobs_is_split_into_no_sub_sector_by_key_and_elsewhere() -> None:
    """Jobs outside the sub-sectors are reported, not lost.

    GOVX has no sub-sector (1 job); k1's hirer is unknown, so the 2020 SEO key puts 0.337 of its
    job in the government pool, in no sub-sector, and 0.663 in the market pool.
    """
    report = subsector_monitoring(subsector_world(), year=2022)
    assert report.without_subsector.jobs == 1
    assert report.unassigned.jobs == Fraction("0.337")
    assert report.elsewhere.jobs == 1 + Fraction("0.663")
    assert report.government_pool is not None
    assert report.government_pool.jobs == 4 + 1 + 1 + Fraction("0.337")
    assert report.total + report.without_subsector + report.unassigned == report.government_pool
    assert "SUB-KEYED" in {r.code for r in report.reasons}


def test_counting_at_the_formal_employer_leaves_the_hired_in_job_with_the_agency() -> None:
    """Basis FORMAL_EMPLOYER (the 2025 law's yearly report): a1 belongs to the agency."""
    report = subsector_monitoring(subsector_world(), year=2022, basis="formal_employer")
    assert report.line("rijk").jobs == 3
    assert report.line("rijk").realisation == 50
    assert report.unassigned == Tally()


def test_government_is_the_sub_sectors_and_the_employers_without_one() -> None:
    report = subsector_monitoring(subsector_world(), year=2022)
    assert report.total.jobs == 4 + 1  # Rijk and Defensie
    assert report.government.jobs == 4 + 1 + 1  # and GOVX


def test_a_national_pool_rule_set_reports_jobs_at_the_employer_it_credits() -> None:
    """One national pool: the basis is the credited employer.

    The job of an agency worker is credited to the agency; every counted job is either at a
    government employer or elsewhere.
    """
    report = subsector_monitoring(subsector_world(), rules=NATIONAL, year=2022)
    assert report.basis is SubsectorBasis.CREDITED
    assert report.government_pool is None
    assert report.line("rijk").jobs == 3
    assert report.elsewhere.jobs == 3  # a1, k1 at the agency, m1 at the market employer
    assert report.counted.jobs == 8  # 1 + 2 + 1 + 1 + 1 + 1 + 1


def test_crediting_the_hirer_moves_the_job_under_the_credited_basis() -> None:
    scenario = subsector_world()
    credited = scenario.evolve(
        placements=tuple(
            attrs.evolve(p, credited_to_hirer=True) if p.id == "a1" else p
            for p in scenario.placements
        )
    )
    before = subsector_monitoring(scenario, year=2022, basis="credited").line("rijk").jobs
    after = subsector_monitoring(credited, year=2022, basis="credited").line("rijk").jobs
    assert (before, after) == (Fraction(3), Fraction(4))


def test_a_count_of_another_year_parameters_or_scenario_is_refused() -> None:
    scenario = subsector_world()
    with pytest.raises(ValueError, match="this report needs wbqa-2015, 2022"):
        subsector_monitoring(scenario, year=2022, count=count_jobs(scenario, year=2021))
    count = count_jobs(scenario, year=2022)
    with pytest.raises(ValueError, match="other parameters"):
        subsector_monitoring(
            scenario, year=2022, count=count, parameters={"target.subsector.rijk": "5"}
        )
    with pytest.raises(ValueError, match="another scenario"):
        subsector_monitoring(scenario.evolve(name="other"), year=2022, count=count)
    same = scenario.evolve()
    assert subsector_monitoring(same, year=2022, count=count).receipt == count.receipt


def test_the_sub_sector_table_shows_the_realisation_percentage() -> None:
    text = subsector_table(subsector_monitoring(subsector_world(), year=2022))
    rijk = next(line for line in text.splitlines() if line.startswith("rijk"))
    assert "75.0 %" in rijk
    assert "missed" in rijk
    assert "politie" not in text
    assert "politie" in subsector_table(
        subsector_monitoring(subsector_world(), year=2022), all_lines=True
    )


# -- 2. jobs carried by procurement ---------------------------------------------------------


def procurement_world() -> Scenario:
    """A 2022 world of two buyers.

    A municipality buys cleaning (all year); Rijk buys catering with a social-return clause for
    the first half year only (181 of 365 days).
    """
    return Scenario(
        name="procurement 2022",
        employers=(
            employer("GEM", GOV, Subsector.GEMEENTEN),
            employer("RIJK", GOV, Subsector.RIJK),
            employer("CLEAN", MARKET),
            employer("CATER", MARKET),
        ),
        people=(person("p1"), person("p2"), person("p3", since="2023-01-01"), person("p4")),
        contracts=(
            ProcurementContract(
                id=ContractId("c-clean"),
                buyer=EmployerId("GEM"),
                supplier=EmployerId("CLEAN"),
                period=Period.of("2020-01-01", "2025-12-31"),
            ),
            ProcurementContract(
                id=ContractId("c-sroi"),
                buyer=EmployerId("RIJK"),
                supplier=EmployerId("CATER"),
                period=Period.of("2022-01-01", "2022-06-30"),
                kind=ContractKind.SROI,
            ),
        ),
        placements=(
            placement("k1", "p1", "CLEAN", [year_of(2022, JOB)], contract=ContractId("c-clean")),
            placement("k2", "p2", "CATER", [year_of(2022, "365")], contract=ContractId("c-sroi")),
            placement("k3", "p3", "CLEAN", [year_of(2022, JOB)], contract=ContractId("c-clean")),
            placement("n1", "p4", "CLEAN", [year_of(2022, JOB)]),
        ),
    )


def test_procurement_jobs_are_carried_for_the_buyer_while_the_contract_runs() -> None:
    """Jobs are carried for the buyer while the contract runs.

    k1 carries 1 job for GEM; k2 works 1 h a day, 181 h inside the contract; k3's person is not
    yet registered (input, not carried); n1 serves no contract.
    """
    report = procurement_jobs(procurement_world(), year=2022)
    gem, rijk = report.buyer("GEM"), report.buyer("RIJK")
    assert (gem.input.hours, gem.carried.hours) == (Fraction(2 * JOB), Fraction(JOB))
    assert gem.carried.jobs == 1
    assert (rijk.input.hours, rijk.carried.hours) == (Fraction(181), Fraction(181))
    assert rijk.carried.jobs == Fraction(181, 1331)
    assert report.by_sector == {GOV: Tally(hours=Fraction(1512), jobs=Fraction(1512, 1331))}
    assert report.by_kind[ContractKind.SERVICES].jobs == 1
    assert report.by_kind[ContractKind.SROI].hours == 181
    assert report.carried.hours == 1512
    with pytest.raises(KeyError, match="CLEAN"):
        report.buyer("CLEAN")


def test_under_2015_rules_procurement_jobs_count_at_the_supplier_in_the_market_pool() -> None:
    """wbqa-2015 spec §4.4: the supplier who employs the person gets the job."""
    where = procurement_jobs(procurement_world(), year=2022).destinations[0]
    assert where.rules == "wbqa-2015"
    assert where.pools[Pool.MARKET].hours == 1512
    assert where.pools[Pool.GOVERNMENT].hours == 0
    assert (where.at_buyer.hours, where.at_supplier.hours) == (Fraction(0), Fraction(1512))
    assert (where.at_nobody.hours, where.excluded.hours) == (Fraction(JOB), Fraction(JOB))


def test_counting_at_the_buyer_is_visible_beside_the_chosen_rule_set() -> None:
    report = procurement_jobs(procurement_world(), year=2022, compare_with=[NATIONAL])
    assert [d.rules for d in report.destinations] == ["wbqa-2015", NATIONAL.name]
    at_buyer = report.destinations[1]
    assert at_buyer.pools == {Pool.NATIONAL: Tally(hours=Fraction(1512), jobs=Fraction(1512, 1331))}
    assert (at_buyer.at_buyer.hours, at_buyer.at_supplier.hours) == (Fraction(1512), Fraction(0))
    assert report.buyer("RIJK").destinations[1].at_buyer.hours == 181
    text = procurement_table(report)
    assert NATIONAL.name in text
    assert "(all)" in text


def test_procurement_compares_every_registered_rule_set_by_default() -> None:
    report = procurement_jobs(procurement_world(), rules=NATIONAL, year=2022)
    assert report.rules == NATIONAL.name
    assert [d.rules for d in report.destinations] == [NATIONAL.name, *available_rule_sets()]


def test_a_quarter_carries_its_days_share_of_the_hours() -> None:
    """Q1 2022 has 90 days: k1 carries 1331 x 90/365 h, k2 90 h (1 h a day)."""
    report = procurement_jobs(procurement_world(), period=Period.quarter(2022, 1))
    assert report.buyer("GEM").carried.hours == Fraction(1331 * 90, 365)
    assert report.buyer("RIJK").carried.hours == 90
    assert report.period == Period.quarter(2022, 1)


def test_an_uitzendkracht_serving_a_contract_is_credited_to_its_hirer() -> None:
    """An uitzendkracht is credited to the hirer, neither buyer nor supplier.

    Supplier AG places p at hirer H (not the buyer) with the 2018 transfer agreement: under
    wbqa-2015 the hours count in H's sector and are credited to H (Besluit Wfsv 2.28(2)-(4)).
    """
    scenario = Scenario(
        employers=(
            employer("B", GOV, Subsector.RIJK),
            employer("AG", MARKET, kind=EmployerKind.AGENCY),
            employer("H", MARKET),
        ),
        people=(person("p"),),
        contracts=(
            ProcurementContract(
                id=ContractId("c"),
                buyer=EmployerId("B"),
                supplier=EmployerId("AG"),
                period=Period.year(2022),
                kind=ContractKind.SROI,
            ),
        ),
        placements=(
            placement(
                "x",
                "p",
                "AG",
                [year_of(2022, JOB)],
                kind=PlacementKind.AGENCY,
                hirer=EmployerId("H"),
                credited_to_hirer=True,
                contract=ContractId("c"),
            ),
        ),
    )
    where = procurement_jobs(scenario, year=2022, compare_with=[]).destinations[0]
    assert where.at_other.jobs == 1
    assert where.pools[Pool.MARKET].jobs == 1
    assert where.at_buyer == where.at_supplier == Tally()


def test_procurement_needs_a_year_or_a_period() -> None:
    with pytest.raises(TypeError, match="exactly one"):
        procurement_jobs(procurement_world())


# -- 3. durability --------------------------------------------------------------------------


def durability_world() -> Scenario:
    """Monthly pay periods 2018-2019; the data end on 31 December 2019."""
    b_hours = (*months((2018, 1), (2018, 2), "0"), *months((2018, 3), (2018, 8), "80"))
    return Scenario(
        name="durability",
        employers=(employer("E1", MARKET), employer("E2", GOV, Subsector.GEMEENTEN)),
        people=(*(person(k) for k in "abcd"), Person(id=PersonId("u"))),
        placements=(
            placement("a", "a", "E1", months((2018, 1), (2019, 6), "80")),
            placement("b", "b", "E1", b_hours),
            placement(
                "c",
                "c",
                "E2",
                (*months((2018, 1), (2018, 3), "80"), *months((2019, 2), (2019, 4), "80")),
            ),
            placement("d", "d", "E2", months((2019, 6), (2019, 12), "80")),
            placement("u", "u", "E1", months((2018, 1), (2018, 12), "80")),
        ),
    )


def test_a_spell_runs_from_the_first_to_the_last_pay_period_with_counted_hours() -> None:
    """Placement b has no hours in its first two months: it starts on 1 March 2018."""
    report = durability(durability_world())
    b = report.spell("b")
    assert (b.start, b.end, b.days) == (pendulum.Date(2018, 3, 1), pendulum.Date(2018, 8, 31), 184)
    assert b.status is SpellStatus.ENDED
    assert b.horizon == pendulum.Date(2019, 3, 1)


def test_a_gap_does_not_end_a_placement() -> None:
    """Placement c works January-March 2018, then February-April 2019.

    One spell of 485 days, 306 of them gap days (April 2018 to January 2019), still running
    twelve months after its start.
    """
    c = durability(durability_world()).spell("c")
    assert (c.days, c.gap_days, c.status) == (485, 306, SpellStatus.SURVIVED)


def test_a_placement_whose_horizon_lies_after_the_data_is_censored() -> None:
    d = durability(durability_world()).spell("d")
    assert (d.status, d.running_at_end, d.days) == (SpellStatus.CENSORED, True, 214)


def test_hours_that_count_nowhere_make_no_spell() -> None:
    with pytest.raises(KeyError, match="'u'"):
        durability(durability_world()).spell("u")


def test_two_of_three_placements_started_in_2018_still_ran_twelve_months_later() -> None:
    """Placements a (546 days) and c (485) survived, b (184) ended: mean 405, median 485."""
    report = durability(durability_world())
    year = report.year(2018)
    assert (year.placements, year.survived, year.ended, year.censored) == (3, 2, 1, 0)
    assert year.share_still_running == Fraction(2, 3)
    assert (year.mean_days, year.median_days) == (Fraction(405), Fraction(485))
    market = next(line for line in report.by_sector if line.sector is MARKET)
    assert market.share_still_running == Fraction(1, 2)
    assert report.year(2019).share_still_running is None
    assert [(line.year, line.sector, line.employer) for line in report.by_employer] == [
        (2018, GOV, "E2"),
        (2018, MARKET, "E1"),
        (2019, GOV, "E2"),
    ]
    with pytest.raises(KeyError, match="2017"):
        report.year(2017)


def test_a_placement_of_exactly_twelve_months_is_not_running_twelve_months_after_its_start() -> (
    None
):
    """The horizon of a spell from 1 January 2018 is 1 January 2019, a day it has no hours."""
    scenario = Scenario(
        employers=(employer("E", MARKET),),
        people=(person("p"), person("q")),
        placements=(
            placement("p", "p", "E", months((2018, 1), (2018, 12), "80")),
            placement("q", "q", "E", months((2018, 1), (2019, 1), "80")),
        ),
    )
    report = durability(scenario)
    assert report.spell("p").status is SpellStatus.ENDED
    assert report.spell("q").status is SpellStatus.SURVIVED


def test_an_earlier_end_of_the_data_censors_more_and_cuts_the_spells() -> None:
    report = durability(durability_world(), observed_until="2018-12-31")
    a = report.spell("a")
    assert (a.end, a.status, a.running_at_end) == (
        pendulum.Date(2018, 12, 31),
        SpellStatus.CENSORED,
        True,
    )
    assert report.year(2018).share_still_running is None
    assert report.year(2018).censored == 3


def test_durability_refuses_a_window_that_cannot_be_measured() -> None:
    with pytest.raises(ValueError, match="no pay periods"):
        durability(Scenario())
    with pytest.raises(ValueError, match="before the first pay period"):
        durability(durability_world(), observed_until="2017-12-31")
    with pytest.raises(ValueError, match="at least 1"):
        durability(durability_world(), horizon_months=0)
    assert durability(Scenario(), observed_until="2020-01-01").spells == ()


def test_the_durability_table_lists_employers_sectors_and_years() -> None:
    text = durability_table(durability(durability_world()))
    assert "66.7 %" in text
    assert "censored" in text


# -- 4. trend over years --------------------------------------------------------------------


def trend_world() -> Scenario:
    """Rijk has 2, 4 and 5 jobs in 2021-2023; baseline 1; targets 4 (2022) and 5 (2023)."""
    return Scenario(
        name="trend",
        employers=(employer("RIJK", GOV, Subsector.RIJK),),
        people=(person("p"),),
        placements=(
            placement(
                "r",
                "p",
                "RIJK",
                [year_of(2021, 2 * JOB), year_of(2022, 4 * JOB), year_of(2023, 5 * JOB)],
            ),
        ),
        baseline=Baseline(jobs={"government": 1, "market": 0}),
        parameters={
            "target.government": {"2021": "1", "2022": "3", "2023": "5"},
            "target.market": {"2021": "0", "2022": "0", "2023": "0"},
            "target.subsector.rijk": {"2022": "4", "2023": "5"},
            "baseline.subsector.rijk": "1",
        },
    )


def test_rijk_realises_75_percent_in_2022_and_80_percent_in_2023() -> None:
    rijk = trend(trend_world()).subsector("rijk")
    assert rijk.years == (2021, 2022, 2023)
    assert rijk.extra_jobs == (Fraction(1), Fraction(3), Fraction(4))
    assert rijk.targets == (None, Decimal(4), Decimal(5))
    assert [p.realisation for p in rijk.points] == [None, 75, 80]
    assert [p.change for p in rijk.points] == [None, 2, 1]


def test_the_government_pool_meets_its_target_twice_then_misses_it() -> None:
    government = trend(trend_world()).pool(Pool.GOVERNMENT)
    assert [p.extra_jobs for p in government.points] == [1, 3, 4]
    assert [p.met for p in government.points] == [True, True, False]
    assert government.point(2023).realisation == 80
    with pytest.raises(KeyError, match="2020"):
        government.point(2020)


def test_a_trend_over_chosen_years_leaves_out_empty_sub_sectors() -> None:
    result = trend(trend_world(), years=[2023, 2021])
    assert result.years == (2021, 2023)
    assert result.pool("market").points[1].change is None  # 2022 is not in the series
    assert [s.label for s in result.subsectors] == ["rijk"]
    with pytest.raises(KeyError, match="politie"):
        result.subsector("politie")
    with pytest.raises(KeyError, match="national"):
        result.pool("national")
    with pytest.raises(ValueError, match="no years"):
        trend(Scenario())


def test_the_trend_table_and_chart_show_every_series(tmp_path: Path) -> None:
    result = trend(trend_world())
    text = trend_table(result)
    assert "80.0 %" in text
    assert "missed" in text
    first = trend_chart(result, tmp_path / "trend.png")
    second = trend_chart(result, tmp_path / "again.png")
    pools_only = trend_chart(result, tmp_path / "pools.png", subsectors=False)
    png = first.read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert png[12:16] == b"IHDR"
    assert b"Software" not in png
    assert png == second.read_bytes()
    assert len(pools_only.read_bytes()) < len(png)
    untargeted = trend_chart(trend(durability_world()), tmp_path / "no-targets.png")
    assert untargeted.read_bytes().startswith(b"\x89PNG")


# -- properties ------------------------------------------------------------------------------

MONTHS = tuple(Period.months_of(2018) + Period.months_of(2019))
WORKPLACES = ("G1", "G2", "M1", "M2")


@st.composite
def scenarios(draw: st.DrawFn, *, complete: bool = False) -> Scenario:
    """Small worlds of 2018-2019 with monthly pay periods.

    Two government employers, two market employers, an agency and an SW-bedrijf. With
    ``complete``, every government employer has a sub-sector and every placed worker's hirer
    is known.
    """
    subsectors = st.sampled_from(Subsector)
    maybe = subsectors if complete else st.none() | subsectors
    employers = (
        employer("G1", GOV, draw(maybe)),
        employer("G2", GOV, draw(maybe)),
        employer("M1", MARKET),
        employer("M2", MARKET),
        employer("A", MARKET, kind=EmployerKind.AGENCY),
        employer("S", GOV, draw(maybe), kind=EmployerKind.SHELTERED_WORKSHOP),
    )
    size = draw(st.integers(min_value=1, max_value=5))
    grounds = st.sampled_from(
        [Ground.WAJONG, Ground.PARTICIPATION_ACT, Ground.YOUNG_DISABLED_WITH_PROVISION]
    )
    people = tuple(
        Person.registered(
            f"p{n}",
            ground=draw(grounds),
            since=draw(st.sampled_from(["2014-01-01", "2018-07-01", "2019-03-01"])),
        )
        for n in range(size)
    )
    placements, contracts = [], []
    for n in range(draw(st.integers(min_value=1, max_value=6))):
        kind = draw(st.sampled_from(PlacementKind))
        at = {PlacementKind.AGENCY: "A", PlacementKind.WSW_SECONDED: "S"}.get(kind)
        if at is None:
            at = "S" if kind is PlacementKind.WSW_INTERNAL else draw(st.sampled_from(WORKPLACES))
        hirer = None
        if kind.lends_to_hirer:
            options = st.sampled_from(WORKPLACES)
            hirer = draw(options if complete else st.none() | options)
        contract = None
        if kind in {PlacementKind.EMPLOYEE, PlacementKind.AGENCY} and draw(st.booleans()):
            first, last = sorted(
                draw(st.lists(st.sampled_from(MONTHS), min_size=2, max_size=2)),
                key=lambda p: p.start,
            )
            contract = ContractId(f"c{n}")
            contracts.append(
                ProcurementContract(
                    id=contract,
                    buyer=EmployerId(draw(st.sampled_from([w for w in WORKPLACES if w != at]))),
                    supplier=EmployerId(at),
                    period=Period(start=first.start, end=last.end),
                    kind=draw(st.sampled_from(ContractKind)),
                )
            )
        start = draw(st.integers(min_value=0, max_value=len(MONTHS) - 1))
        length = draw(st.integers(min_value=1, max_value=len(MONTHS) - start))
        hours = st.sampled_from(["0", "40", "86.5", "130"])
        pay = [
            PayPeriod(start=m.start, end=m.end, hours=draw(hours))
            for m in MONTHS[start : start + length]
            if draw(st.integers(min_value=0, max_value=5))  # some months are missing: gaps
        ]
        placements.append(
            placement(
                f"pl{n}",
                f"p{draw(st.integers(min_value=0, max_value=size - 1))}",
                at,
                pay,
                kind=kind,
                hirer=None if hirer is None else EmployerId(hirer),
                credited_to_hirer=hirer is not None and draw(st.booleans()),
                contract=contract,
            )
        )
    return Scenario(
        employers=employers, people=people, placements=tuple(placements), contracts=tuple(contracts)
    )


years = st.sampled_from([2018, 2019])
bases = st.sampled_from(SubsectorBasis)


@settings(deadline=None)
@given(scenario=scenarios(), year=years, basis=bases)
def test_sub_sectors_and_the_rest_add_up_to_the_counted_jobs_under_every_rule_set(
    scenario: Scenario, year: int, basis: SubsectorBasis
) -> None:
    for rules in every_rule_set():
        count = count_jobs(scenario, rules=rules, year=year)
        report = subsector_monitoring(scenario, rules=rules, year=year, basis=basis, count=count)
        parts = report.total + report.without_subsector + report.unassigned + report.elsewhere
        assert parts == report.counted
        assert report.counted.hours == count.counted_hours
        assert report.receipt == count.receipt


@settings(deadline=None)
@given(scenario=scenarios(), year=years)
def test_under_2015_rules_sub_sectors_and_the_rest_of_government_make_the_government_pool(
    scenario: Scenario, year: int
) -> None:
    report = subsector_monitoring(scenario, rules="wbqa-2015", year=year)
    assert report.total + report.without_subsector + report.unassigned == report.government_pool


@settings(deadline=None)
@given(scenario=scenarios(complete=True), year=years)
def test_sub_sector_sum_equals_the_government_pool_when_every_government_employer_has_one(
    scenario: Scenario, year: int
) -> None:
    """wbqa-2015, every government employer with a sub-sector, every hirer known."""
    report = subsector_monitoring(scenario, rules="wbqa-2015", year=year)
    assert report.total == report.government_pool


@settings(deadline=None)
@given(scenario=scenarios(complete=True), year=years)
def test_under_one_national_pool_the_sub_sector_sum_is_the_jobs_credited_to_government(
    scenario: Scenario, year: int
) -> None:
    """The national-pool equivalent of the government-pool property.

    The sub-sectors add up to the jobs of the national pool whose credited employer (else the
    formal employer) is a government employer.
    """
    count = count_jobs(scenario, rules=NATIONAL, year=year)
    at_government = Fraction(0)
    for a in count.attributions:
        key = a.credited_to if a.credited_to is not None else a.employer
        if a.pool is Pool.NATIONAL and scenario.employer(key).sector is GOV:
            at_government += a.jobs
    report = subsector_monitoring(scenario, rules=NATIONAL, year=year, count=count)
    assert report.total.jobs == at_government


def serving_hours(scenario: Scenario, measured: Period) -> Fraction:
    """All hours of placements that serve a contract, inside the measured period."""
    total = Fraction(0)
    for p in scenario.placements:
        if p.contract is None:
            continue
        for pay in p.hours:
            total += Fraction(pay.hours) * pay.period.overlap_days(measured) / pay.period.days
    return total


@settings(deadline=None)
@given(scenario=scenarios(), year=years)
def test_jobs_carried_by_procurement_never_exceed_the_hours_of_the_placements_serving_contracts(
    scenario: Scenario, year: int
) -> None:
    report = procurement_jobs(scenario, year=year, compare_with=[*available_rule_sets(), NATIONAL])
    assert report.carried.hours <= report.input.hours <= serving_hours(scenario, Period.year(year))
    buyers = sum((line.carried for line in report.buyers), Tally())
    assert buyers == report.carried
    assert sum(report.by_sector.values(), Tally()) == report.carried
    assert sum(report.by_kind.values(), Tally()) == report.carried
    for where in report.destinations:
        assert where.input == report.input
        credited = where.at_buyer + where.at_supplier + where.at_other + where.at_nobody
        assert credited == where.input


@settings(deadline=None)
@given(scenario=scenarios())
def test_durability_lines_add_up_and_shares_are_fractions(scenario: Scenario) -> None:
    if not any(p.hours for p in scenario.placements):
        return
    for rules in every_rule_set():
        report = durability(scenario, rules=rules)
        assert sum(line.placements for line in report.by_year) == len(report.spells)
        for spell in report.spells:
            assert type(spell) is PlacementSpell
            assert spell.days >= 1
            assert 0 <= spell.gap_days < spell.days
            assert report.observed.start <= spell.start <= spell.end <= report.observed.end
        for line in (*report.by_employer, *report.by_sector, *report.by_year):
            assert type(line) is DurabilityLine
            assert line.survived + line.ended + line.censored == line.placements
            share = line.share_still_running
            assert share is None or 0 <= share <= 1
            group = [
                s
                for s in report.spells
                if s.start.year == line.year
                and line.sector in {None, s.sector}
                and line.employer in {None, s.employer}
            ]
            days = [s.days for s in group]
            assert line.placements == len(group)
            assert line.mean_days == Fraction(sum(days), len(days))
            middle = statistics.median_low(days) + statistics.median_high(days)
            assert line.median_days == Fraction(middle, 2)
            assert line.running_at_end == sum(s.running_at_end for s in group)
            assert line.survived == sum(s.status is SpellStatus.SURVIVED for s in group)
            assert line.censored == sum(s.status is SpellStatus.CENSORED for s in group)
        for line in report.by_year:
            same_year = [s for s in report.by_sector if s.year == line.year]
            assert sum(s.placements for s in same_year) == line.placements
            assert sum(s.survived for s in same_year) == line.survived


@settings(deadline=None)
@given(scenario=scenarios())
def test_a_trend_is_the_yearly_counts_with_their_changes(scenario: Scenario) -> None:
    if not scenario.years:
        return
    result = trend(scenario)
    for series in result.pools:
        assert series.pool is not None
        for point in series.points:
            line = count_jobs(scenario, year=point.year).monitoring_of(series.pool)
            assert (point.jobs, point.extra_jobs, point.target) == (
                line.jobs,
                line.extra_jobs,
                line.target,
            )
            assert point.met == (None if point.target is None else point.extra_jobs >= point.target)
        for before, after in itertools.pairwise(series.points):
            assert after.change == after.extra_jobs - before.extra_jobs
    assert trend(scenario) == result


@pytest.mark.parametrize(
    ("year", "cited"),
    [(2019, ("122n(2),(4)", "2015-05-01")), (2022, ("122n(3),(5)", "2020-01-01"))],
)
def test_the_workplace_basis_cites_wfsv_122n_as_numbered_in_the_year(
    year: int, cited: tuple[str, str]
) -> None:
    """Wfsv 122n, 2020-01-01 text: a new (2) moves the count of the jobs to (3) and the placed
    workers to (5); a report of 2019 cites the 2015 text, one of 2022 the 2020 text.
    """
    report = subsector_monitoring(subsector_world(), year=year)
    (workplace,) = [r for r in report.reasons if r.code == "SUB-WORKPLACE"]
    assert (workplace.reference.article, str(workplace.reference.version)) == cited


def test_a_trend_into_2020_cites_the_renumbered_wfsv_122n() -> None:
    """The trend's method reason cites the text of its last year: 122n(1),(3) from 2020."""
    (series, *_rest) = trend(trend_world()).reasons
    assert (series.reference.article, str(series.reference.version)) == (
        "122n(1),(3)",
        "2020-01-01",
    )
    (early, *_rest) = trend(trend_world(), years=[2019]).reasons
    assert (early.reference.article, str(early.reference.version)) == ("122n(1),(2)", "2015-05-01")
