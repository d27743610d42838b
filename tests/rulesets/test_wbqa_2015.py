"""The worked examples of the 2015 rules (wbqa-2015 spec §11), as tests that read like the law."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Final

import attrs
import pendulum
import pytest

from banenafspraak import (
    Employer,
    EmployerKind,
    Ground,
    PayPeriod,
    Period,
    Person,
    Placement,
    PlacementKind,
    Pool,
    ProcurementContract,
    Reason,
    Registration,
    Scenario,
    Sector,
    UnknownParameterError,
    assess_quotum,
    batch,
    count_jobs,
    default_parameters,
    derive_sector,
    rule_set,
)
from banenafspraak.rulesets.common import registration_end
from banenafspraak.rulesets.wbqa_2015 import WBQA_2015
from helpers import assert_counts_at

RULES: Final = "wbqa-2015"
ALWAYS = "2013-01-01"


def employer(id: str, sector: Sector = Sector.MARKET, **extra: object) -> Employer:  # noqa: A002
    return Employer(id=id, sector=sector, **extra)  # type: ignore[arg-type]


def registered(id: str, ground: Ground = Ground.WAJONG, **extra: object) -> Person:  # noqa: A002
    registration = Registration(ground=ground, start=ALWAYS, **extra)  # type: ignore[arg-type]
    return Person(id=id, registrations=(registration,))


def year_of(year: int, hours: int | str) -> tuple[PayPeriod, ...]:
    return (PayPeriod(start=f"{year}-01-01", end=f"{year}-12-31", hours=hours),)


def test_a_part_time_direct_hire_counts_pro_rata_in_the_market_sector() -> None:
    """Example 1: a bakery employs a Wajonger 20 h/week in 2018: 1,040 / 1,331 = 0.78 jobs."""
    scenario = Scenario(
        employers=(employer("bakery"),),
        people=(registered("wajonger"),),
        placements=(
            Placement(id="job", person="wajonger", employer="bakery", hours=year_of(2018, 1040)),
        ),
    )
    count = count_jobs(scenario, rules=RULES, year=2018)
    assert_counts_at(count, "job", pool="market", credited_to="bakery", hours=1040)
    assert count.pools[Pool.MARKET].jobs == Fraction(1040, 1331)
    assert round(float(count.monitoring_of("market").extra_jobs), 2) == 0.78


def test_there_is_no_cap_of_one_job_per_person() -> None:
    """Example 2: 32 h/week = 1,664 h is 1.25 jobs (hours, not heads; spec §2)."""
    scenario = Scenario(
        employers=(employer("bakery"),),
        people=(registered("wajonger"),),
        placements=(
            Placement(id="job", person="wajonger", employer="bakery", hours=year_of(2018, 1664)),
        ),
    )
    jobs = count_jobs(scenario, rules=RULES, year=2018).pools[Pool.MARKET].jobs
    assert jobs == Fraction(1664, 1331)
    assert jobs > 1


def municipality(hours: int = 300_000, **extra: object) -> Employer:
    totals = extra.pop("total_hours", dict.fromkeys((2017, 2018, 2019, 2023, 2024), hours))
    return employer("municipality", Sector.GOVERNMENT, total_hours=totals, **extra)


def test_the_quotumtekort_of_a_municipality_in_2018_is_rounded_down_to_one_decimal() -> None:
    """Example 3: A = 300,000 h, C = 2,000 h, B = 1.93 %: (5,790 - 2,000)/1,331 = 2.847 -> 2.8,
    heffing EUR 14,000 (Besluit Wfsv 2.23(3); Wfsv 38h(4)), not levied (Wfsv 122na).
    """
    scenario = Scenario(
        employers=(municipality(),),
        people=(registered("clerk"),),
        placements=(
            Placement(id="job", person="clerk", employer="municipality", hours=year_of(2018, 2000)),
        ),
    )
    quotum = assess_quotum(scenario, rules=RULES, year=2018)["municipality"]
    assert quotum.liable
    assert quotum.active
    assert quotum.percentage == Decimal("1.93")
    assert quotum.required_hours == Decimal(5790)
    assert quotum.credited_hours == Decimal(2000)
    assert quotum.shortfall_jobs == Decimal("2.8")
    assert quotum.levy == Decimal(14000)
    assert quotum.levied is False
    assert "Q15-NOT-LEVIED" in {r.code for r in quotum.reasons}


@pytest.mark.parametrize(
    ("previous", "current"), [(40_000, 60_000), (45_000, 38_000), (40_574, 40_575)]
)
def test_an_employer_under_the_threshold_in_either_year_is_exempt(
    previous: int, current: int
) -> None:
    """Example 4: the 40,575-hour test runs in the year before and in the year (Wfsv 34(4),(6))."""
    scenario = Scenario(employers=(municipality(total_hours={2017: previous, 2018: current}),))
    quotum = assess_quotum(scenario, rules=RULES, year=2018)["municipality"]
    assert not quotum.liable
    assert quotum.levy is None
    assert quotum.reasons[-1].code == "Q15-EXEMPT"


def test_an_employer_at_the_threshold_in_both_years_is_liable() -> None:
    scenario = Scenario(employers=(municipality(total_hours={2017: 40_575, 2018: 40_575}),))
    assert assess_quotum(scenario, rules=RULES, year=2018)["municipality"].liable


def agency_at_ministry(*, credited: bool, hirer_known: bool = True) -> Scenario:
    return Scenario(
        employers=(
            employer("agency", kind=EmployerKind.AGENCY),
            employer("ministry", Sector.GOVERNMENT),
        ),
        people=(registered("temp", Ground.PARTICIPATION_ACT),),
        placements=(
            Placement(
                id="temp-job",
                person="temp",
                employer="agency",
                kind=PlacementKind.AGENCY,
                hirer="ministry" if hirer_known else None,
                credited_to_hirer=credited,
                hours=year_of(2019, 1000),
            ),
        ),
    )


def test_an_uitzendkracht_at_a_ministry_counts_for_the_government_sector() -> None:
    """Example 5: 1,000 h at a ministry is 0.75 job for overheid, not for the agency's market
    sector (Wfsv 122n(4)); with the agreement the ministry's C rises by 1,000 h (Besluit Wfsv
    2.28(4)) and the agency's falls (2.28(5)).
    """
    count = count_jobs(agency_at_ministry(credited=True), rules=RULES, year=2019)
    assert_counts_at(count, "temp-job", pool="government", credited_to="ministry", hours=1000)
    assert round(float(count.pools[Pool.GOVERNMENT].jobs), 2) == 0.75
    assert count.pools[Pool.MARKET].hours == 0
    assert "agency" not in count.employers


def test_without_agreement_the_uitzendkracht_is_in_nobodys_quotum() -> None:
    count = count_jobs(agency_at_ministry(credited=False), rules=RULES, year=2019)
    assert_counts_at(count, "temp-job", pool="government", credited_to=None)
    assert dict(count.employers) == {}


def test_an_uitzendkracht_with_an_unknown_hirer_is_split_by_the_seo_key() -> None:
    """Regeling Wfsv 3.34(3): the December 2016 key puts 27.8 % of lent hours in overheid."""
    count = count_jobs(
        agency_at_ministry(credited=False, hirer_known=False), rules=RULES, year=2019
    )
    assert count.pools[Pool.GOVERNMENT].hours == Fraction(278)
    assert count.pools[Pool.MARKET].hours == Fraction(722)


def test_before_2018_a_placed_worker_stays_with_the_legal_employer_for_the_quotum() -> None:
    """No inleen AMvB before 2018: the agency keeps the hours (Wfsv 38g(4); tag U)."""
    scenario = agency_at_ministry(credited=True)
    shifted = scenario.evolve(
        placements=tuple(
            Placement(
                id=p.id,
                person=p.person,
                employer=p.employer,
                kind=p.kind,
                hirer=p.hirer,
                credited_to_hirer=True,
                hours=year_of(2017, 1000),
            )
            for p in scenario.placements
        )
    )
    assert_counts_at(
        count_jobs(shifted, rules=RULES, year=2017),
        "temp-job",
        pool="government",
        credited_to="agency",
    )


def sw_company() -> Scenario:
    return Scenario(
        employers=(
            employer("sw", Sector.GOVERNMENT, kind=EmployerKind.SHELTERED_WORKSHOP),
            employer("supermarket"),
        ),
        people=(registered("worker", Ground.WSW_INDICATION),),
        placements=(
            Placement(
                id="inside",
                person="worker",
                employer="sw",
                kind=PlacementKind.WSW_INTERNAL,
                hours=year_of(2018, 1200),
            ),
            Placement(
                id="detached",
                person="worker",
                employer="sw",
                kind=PlacementKind.WSW_SECONDED,
                hirer="supermarket",
                credited_to_hirer=True,
                hours=year_of(2019, 800),
            ),
        ),
    )


def test_wsw_work_inside_the_sw_company_counts_nowhere() -> None:
    """Example 6: 1,200 h of internal Wsw art. 2 work count nowhere (Wfsv 38g(2), 122n(3))."""
    count = count_jobs(sw_company(), rules=RULES, year=2018)
    assert_counts_at(count, "inside", pool=None, credited_to=None, hours=1200)
    assert count.excluded_hours == 1200
    assert count.counted_hours == 0


def test_a_detached_wsw_worker_counts_in_the_hirers_sector() -> None:
    """Example 6: 800 h detached to a supermarket: market +0.60 job; the supermarket gets them
    for the quotum because the parties agreed (Besluit Wfsv 2.28).
    """
    count = count_jobs(sw_company(), rules=RULES, year=2019)
    assert_counts_at(count, "detached", pool="market", credited_to="supermarket", hours=800)
    assert round(float(count.pools[Pool.MARKET].jobs), 2) == 0.60
    assert count.pools[Pool.GOVERNMENT].hours == 0


def _cleaning_contract(year: int) -> Scenario:
    """A cleaner of a cleaning firm on a ministry's contract, 1,331 h in ``year``."""
    return Scenario(
        employers=(employer("cleaning"), employer("ministry", Sector.GOVERNMENT)),
        people=(registered("cleaner"),),
        contracts=(
            ProcurementContract(
                id="contract", buyer="ministry", supplier="cleaning", period=Period.year(year)
            ),
        ),
        placements=(
            Placement(
                id="cleaning-job",
                person="cleaner",
                employer="cleaning",
                contract="contract",
                hours=year_of(year, 1331),
            ),
        ),
    )


@pytest.mark.parametrize(
    ("year", "article", "version"),
    [(2019, "122n(2)", "2015-05-01"), (2020, "122n(3)", "2020-01-01")],
)
def test_a_cleaner_on_a_ministry_contract_counts_at_the_cleaning_firm(
    *, year: int, article: str, version: str
) -> None:
    """Example 7: 25.5 h/week for a year (1,331 h) is 1 job for the supplier (market), 0 for the
    ministry that buys the cleaning (spec §4.4, tag S). The reason cites the count at the
    employer that reports the hours, Wfsv 122n as numbered in the year (renumbered in 2020).
    """
    count = count_jobs(_cleaning_contract(year), rules=RULES, year=year)
    assert_counts_at(count, "cleaning-job", pool="market", credited_to="cleaning")
    assert count.pools[Pool.MARKET].jobs == 1
    assert count.pools[Pool.GOVERNMENT].jobs == 0
    (why,) = (r for r in count.attributions[0].reasons if r.code == "W15-PROCUREMENT")
    assert (why.reference.article, str(why.reference.version)) == (article, version)
    assert why.reference.source == "kst-34352-66"


def test_the_formula_reproduces_the_published_government_percentage_for_2018() -> None:
    """Example 8: ((13,504 + 11,250) x 1,331 + 534 x 1,331) / (1,073,426.07 x 1,623) x 100
    = 1.9320 -> 1.93 % (Wfsv 38f; Stcrt. 2017, 60073).
    """
    params = default_parameters().with_overrides({"quotum.percentage.government": None})
    reasons: list[object] = []
    computed = WBQA_2015.quotum_percentage(Sector.GOVERNMENT, 2018, params, reasons)  # type: ignore[arg-type]
    assert computed == Decimal("1.93")
    assert computed == default_parameters().for_year("quotum.percentage.government", 2018)
    # the 2018-01-01 text of 38f(2), whose F counts 38b(2) people at liable employers only
    (why,) = reasons
    assert str(why.reference.version) == "2018-01-01"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("year", "version"),
    [(2015, "2015-05-01"), (2016, "2016-01-01"), (2017, "2017-01-01"), (2019, "2018-01-01")],
)
def test_a_computed_percentage_cites_the_text_of_wfsv_38f_in_force_for_its_year(
    *, year: int, version: str
) -> None:
    """38f(2) changes on 2016-01-01 (A-C count 38b(1) people) and 2016-12-08 (F and G at liable
    employers only, so from the 2017 percentage on); the 2020-01-01 text adds H.
    """
    params = default_parameters().with_overrides(
        {
            "quotum.percentage.government": None,
            "quotum.d.government": {str(year): "1000000"},
            "quotum.b.government": {"2015": "5000"},  # no B is published before 2017
        }
    )
    reasons: list[Reason] = []
    computed = WBQA_2015.quotum_percentage(Sector.GOVERNMENT, year, params, reasons)
    assert computed is not None
    (why,) = reasons
    assert (why.code, str(why.reference.version)) == ("Q15-PCT-COMPUTED", version)


def test_variable_d_of_2018_is_not_carried_into_2019_wfsv_38f_2019_text() -> None:
    """Wfsv 38f(1),(2) (text of 2019-06-20): D is the total jobs at liable employers in the year.

    With no D for 2019 no percentage is computed; given a D for 2019 (the 2018 value, as Voion
    did), the formula gives 2.14 %, Voion's indicative value.
    """
    reasons: list[Reason] = []
    assert (
        WBQA_2015.quotum_percentage(Sector.GOVERNMENT, 2019, default_parameters(), reasons) is None
    )
    assert reasons[-1].code == "Q15-PCT-MISSING"
    given = default_parameters().with_overrides({"quotum.d.government": {"2019": "1073426.07"}})
    assert WBQA_2015.quotum_percentage(Sector.GOVERNMENT, 2019, given) == Decimal("2.14")


def test_from_the_2020_text_the_formula_has_variable_h_and_needs_a_published_percentage() -> None:
    """Wfsv 38f(2), text of 2020-01-01, adds H (realised extra jobs); the formula is an image.

    A D for 2020 is not enough: the library computes no percentage from the 2020 text on, and
    uses a published one (2024: 2.76 %).
    """
    given = default_parameters().with_overrides({"quotum.d.government": {"2020": "1073426.07"}})
    reasons: list[Reason] = []
    assert WBQA_2015.quotum_percentage(Sector.GOVERNMENT, 2020, given, reasons) is None
    assert reasons[-1].code == "Q15-PCT-FORMULA-H"
    assert reasons[-1].reference.version == pendulum.Date(2020, 1, 1)
    assert WBQA_2015.quotum_percentage(Sector.GOVERNMENT, 2024, given) == Decimal("2.76")


def test_no_market_percentage_can_be_computed_without_variable_d() -> None:
    assert WBQA_2015.quotum_percentage(Sector.MARKET, 2019, default_parameters()) is None


def test_example_9_the_end_of_a_ceased_registration_follows_the_text_of_the_pay_period_year() -> (
    None
):
    """Example 9, corrected (spec §1.4): a Wsw indication lapses on 15 March 2016. Under the
    2016-01-01 text of Besluit SUWI 3.2(2) alone the registration would end on 31 December 2018;
    the 2018-01-01 text (3.2(8)) moves that to 31 December 2028; from the 2020-01-01 text the
    person stays registered under Wfsv 38b(6): no end without AOW age, death, finding or request.
    """
    registration = Registration(
        ground=Ground.WSW_INDICATION, start="2014-01-01", conditions_ceased="2016-03-15"
    )
    only_2016 = default_parameters().with_overrides(
        {"registration.suspension_applies": False, "registration.stays_under_38b6": False}
    )
    assert registration_end(registration, only_2016)[0] == pendulum.Date(2018, 12, 31)
    up_to_2019 = default_parameters().with_overrides({"registration.stays_under_38b6": False})
    assert registration_end(registration, up_to_2019)[0] == pendulum.Date(2028, 12, 31)
    assert registration_end(registration, default_parameters())[0] is None


def test_hours_after_the_t_plus_2_end_are_excluded_with_the_reason() -> None:
    scenario = Scenario(
        employers=(employer("shop"),),
        people=(registered("former", Ground.WSW_INDICATION, conditions_ceased="2016-03-15"),),
        placements=(
            Placement(
                id="job",
                person="former",
                employer="shop",
                hours=year_of(2018, 500) + year_of(2019, 500),
            ),
        ),
        parameters={"registration.suspension_applies": False},
    )
    assert_counts_at(
        count_jobs(scenario, rules=RULES, year=2018), "job", pool="market", credited_to="shop"
    )
    later = count_jobs(scenario, rules=RULES, year=2019)
    assert_counts_at(later, "job", pool=None, credited_to=None, hours=500)
    assert later.attributions[0].excluded_because is not None
    assert later.attributions[0].excluded_because.code == "NOT-REG"
    suspended = count_jobs(scenario.evolve(parameters={}), rules=RULES, year=2019)
    assert_counts_at(suspended, "job", pool="market", credited_to="shop")


def test_a_public_foundation_mostly_under_a_sectorfonds_is_in_the_market_sector() -> None:
    """Example 10: 60 % of hours under a sectorfonds premium makes an overheidswerkgever
    niet-overheid (Regeling Wfsv 3.27).
    """
    assert derive_sector(public_employer=True, sectorfund_share=Decimal("0.6")) is Sector.MARKET
    assert derive_sector(public_employer=True, sectorfund_share=Decimal("0.4")) is (
        Sector.GOVERNMENT
    )
    assert derive_sector(public_employer=False, sectorfund_share=Decimal(0)) is Sector.MARKET


def municipality_g(*, w_credited: bool) -> Scenario:
    """Spec 2025 §7.2: municipality G with P1-P3 and Wsw secondee W from S."""
    return Scenario(
        employers=(
            municipality(),
            employer("S", Sector.GOVERNMENT, kind=EmployerKind.SHELTERED_WORKSHOP),
        ),
        people=tuple(registered(p) for p in ("P1", "P2", "P3", "W")),
        placements=(
            Placement(id="p1", person="P1", employer="municipality", hours=year_of(2024, 520)),
            Placement(id="p2", person="P2", employer="municipality", hours=year_of(2024, 1560)),
            Placement(id="p3", person="P3", employer="municipality", hours=year_of(2024, 1040)),
            Placement(
                id="w",
                person="W",
                employer="S",
                kind=PlacementKind.WSW_SECONDED,
                hirer="municipality",
                credited_to_hirer=w_credited,
                hours=year_of(2024, 1300),
            ),
        ),
    )


@pytest.mark.parametrize(
    ("credited", "tekort", "levy"), [(True, "2.9", 14_500), (False, "3.8", 19_000)]
)
def test_a_credited_wsw_secondee_lowers_the_municipalitys_shortfall(
    credited: bool, tekort: str, levy: int
) -> None:
    """2025 spec §7.2: B = 2.76 % gives 8,280 required hours; with W credited C = 4,420 h and
    the tekort 2.9 (EUR 14,500), without it C = 3,120 h and 3.8 (EUR 19,000).
    """
    quotum = assess_quotum(municipality_g(w_credited=credited), rules=RULES, year=2024)
    g = quotum["municipality"]
    assert g.required_hours == Decimal(8280)
    assert g.shortfall_jobs == Decimal(tekort)
    assert g.levy == Decimal(levy)
    assert g.levied is False


def test_the_government_quotum_is_active_from_2018_and_not_the_day_before() -> None:
    params = default_parameters()
    assert params.on("quotum.active.government", "2017-12-31") is False
    assert params.on("quotum.active.government", "2018-01-01") is True
    assert params.on("quotum.active.market", "2024-01-01") is False


def test_a_young_disabled_person_counts_for_the_quotum_only() -> None:
    """Wfsv 38b(2) people count for the employer's quotum, not in the 122n monitoring."""
    scenario = Scenario(
        employers=(municipality(),),
        people=(registered("young", Ground.YOUNG_DISABLED_WITH_PROVISION),),
        placements=(
            Placement(id="job", person="young", employer="municipality", hours=year_of(2018, 1331)),
        ),
    )
    count = count_jobs(scenario, rules=RULES, year=2018)
    assert count.pools[Pool.GOVERNMENT].jobs == 0
    assert count.employers["municipality"].hours == 1331
    assert assess_quotum(scenario, rules=RULES, year=2018, count=count)[
        "municipality"
    ].credited_hours == Decimal(1331)


def test_beschut_werk_is_outside_the_doelgroep() -> None:
    scenario = Scenario(
        employers=(employer("shop"),),
        people=(registered("sheltered", Ground.PARTICIPATION_ACT),),
        placements=(
            Placement(
                id="job",
                person="sheltered",
                employer="shop",
                kind=PlacementKind.SHELTERED_WORK,
                hours=year_of(2018, 800),
            ),
        ),
    )
    count = count_jobs(scenario, rules=RULES, year=2018)
    assert_counts_at(count, "job", pool=None, credited_to=None)
    assert count.attributions[0].excluded_because is not None
    assert count.attributions[0].excluded_because.code == "BESCHUT"


def test_a_pay_period_that_overlaps_the_registration_counts_whole() -> None:
    """Wfsv 38e(2): registered on 20 March, the whole March pay period counts."""
    scenario = Scenario(
        employers=(employer("shop"),),
        people=(
            Person(
                id="new", registrations=(Registration(ground=Ground.WAJONG, start="2018-03-20"),)
            ),
        ),
        placements=(
            Placement(
                id="job",
                person="new",
                employer="shop",
                hours=PayPeriod.months(2018, 100, first=2, last=3),
            ),
        ),
    )
    count = count_jobs(scenario, rules=RULES, year=2018)
    assert count.counted_hours == 100
    assert count.excluded_hours == 100


def test_collegial_secondment_counts_at_the_legal_employer() -> None:
    scenario = Scenario(
        employers=(employer("lender"), employer("borrower", Sector.GOVERNMENT)),
        people=(registered("colleague"),),
        placements=(
            Placement(
                id="job",
                person="colleague",
                employer="lender",
                hirer="borrower",
                hours=year_of(2019, 1000),
            ),
        ),
    )
    count = count_jobs(scenario, rules=RULES, year=2019)
    assert_counts_at(count, "job", pool="market", credited_to="lender")
    assert "W15-COLLEGIAL" in {r.code for r in count.attributions[0].reasons}


def test_a_lenders_total_hours_leave_out_its_agency_staff() -> None:
    """Besluit Wfsv 2.31, 2.33: an agency's A and threshold exclude its uitzendpersoneel."""
    scenario = Scenario(
        employers=(
            employer(
                "agency",
                kind=EmployerKind.AGENCY,
                total_hours={2017: 100_000, 2018: 100_000},
                agency_or_wsw_staff_hours={2017: 70_000, 2018: 70_000},
            ),
        )
    )
    quotum = assess_quotum(scenario, rules=RULES, year=2018)["agency"]
    assert quotum.liable is False
    assert quotum.total_hours == Decimal(30_000)
    assert "Q15-LENDER-A" in {r.code for r in quotum.reasons}


def test_a_liable_market_employer_has_no_percentage_because_the_market_was_never_activated() -> (
    None
):
    """Wfsv 122n(1) (2015 text): no activation regulation for the market sector, so no quotum."""
    scenario = Scenario(employers=(employer("factory", total_hours={2018: 90_000, 2019: 90_000}),))
    quotum = assess_quotum(scenario, rules=RULES, year=2019)["factory"]
    assert quotum.liable
    assert quotum.active is False
    assert quotum.percentage is None
    assert quotum.levy is None
    codes = [r.code for r in quotum.reasons]
    assert codes[-1] == "Q15-NOT-ACTIVE"
    assert "Q15-PCT-MISSING" not in codes
    assert "not activated" in quotum.reasons[-1].text


def _activated_market(year: int) -> Scenario:
    """What-if: a factory of 133,100 h in ``year`` and the year before, the market quotum
    activated with a percentage of 2 % in ``year``: 2 missing jobs, a heffing of EUR 10,000.
    """
    return Scenario(
        employers=(employer("factory", total_hours={year - 1: 133_100, year: 133_100}),),
        parameters={
            "quotum.percentage.market": {str(year): "2"},
            "quotum.active.market": {str(year): True},
        },
    )


def test_an_activated_market_with_a_given_percentage_gives_a_nominal_heffing() -> None:
    """What-if: activate the market quotum and give its percentage; the heffing stays nominal."""
    quotum = assess_quotum(_activated_market(2019), rules=RULES, year=2019)["factory"]
    assert quotum.shortfall_jobs == Decimal(2)
    assert quotum.levy == Decimal(10_000)
    assert quotum.levied is False
    assert quotum.net_effect == 0


@pytest.mark.parametrize(("year", "version"), [(2016, "2015-05-01"), (2019, "2017-01-01")])
def test_the_quotumtekort_cites_besluit_wfsv_2_23_in_the_text_of_the_heffing_year(
    *, year: int, version: str
) -> None:
    """2.23(2),(3) round the variables and the quotumtekort; the 2017-01-01 text follows 2015-05-01.

    A what-if: the market quotum activated with a given percentage in ``year``.
    """
    quotum = assess_quotum(_activated_market(year), rules=RULES, year=year)["factory"]
    assert quotum.shortfall_jobs == Decimal(2)
    (tekort,) = (r for r in quotum.reasons if r.code == "Q15-TEKORT")
    assert tekort.reference.article == "2.23(2),(3)"
    assert str(tekort.reference.version) == version
    d_row = default_parameters()["quotum.employer_d"].row_for_year(year)
    assert str(d_row.reference.version) == version


def test_variable_g_is_read_from_besluit_wfsv_2_32_d_from_its_first_text_of_2018() -> None:
    """2.32(d): G = 1,331 h in the 2018, 2020 and 2022 texts; before 2018 no text sets it (D)."""
    rows = default_parameters()["quotum.g"]
    cited = {
        y: (rows.row_for_year(y).tag.value, str(rows.row_for_year(y).reference.version))
        for y in (2017, 2018, 2021, 2024)
    }
    assert cited == {
        2017: ("D", "2018-01-01"),
        2018: ("V", "2018-01-01"),
        2021: ("V", "2020-01-01"),
        2024: ("V", "2022-01-01"),
    }
    assert {rows.row_for_year(y).value for y in (2017, 2018, 2021, 2024)} == {Decimal(1331)}


def test_the_2015_heffing_is_never_levied_wfsv_122na_2026_text() -> None:
    """Wfsv 122na (2026-01-01 text) with Wet banenafspraak art. 12: no heffing for any year before
    art. 2 of the new law, and from art. 2 the 2015 quotum no longer applies. Even with art. 2
    moved to 2024, the 2024 heffing under the 2015 rules is nominal.
    """
    scenario = municipality_g(w_credited=True).evolve(
        parameters={"wet2025.article_2_in_force": "2024-01-01"}
    )
    quotum = assess_quotum(scenario, rules=RULES, year=2024)["municipality"]
    assert quotum.levy is not None
    assert quotum.levy > 0
    assert quotum.levied is False
    assert quotum.net_effect == 0
    not_levied = quotum.reasons[-1]
    assert not_levied.code == "Q15-NOT-LEVIED"
    assert not_levied.reference.version == pendulum.Date(2026, 1, 1)
    assert "2024-01-01" in not_levied.detail


@pytest.mark.parametrize(
    ("year", "version", "detail"),
    [
        (2018, "2020-01-01", "before 2022"),
        (2021, "2020-01-01", "before 2022"),
        (2022, "2022-12-14", "before 2026"),
        (2026, "2026-01-01", "art. 2 of the Wet banenafspraak from 2027-01-01"),
    ],
)
def test_the_heffing_of_each_year_is_waived_by_the_text_of_wfsv_122na_that_covers_it(
    *, year: int, version: str, detail: str
) -> None:
    """122na enters on 2020-01-01 (no heffing before 2022, so for 2018-2021 as well), the
    2022-12-14 text moves the date to 2026 (the 2022-08-02 text still reads 2022), the
    2026-01-01 text to art. 2 of the new law.
    """
    quotum = assess_quotum(_activated_market(year), rules=RULES, year=year)["factory"]
    assert quotum.levy == Decimal(10_000)
    assert quotum.levied is False
    (why,) = (r for r in quotum.reasons if r.code == "Q15-NOT-LEVIED")
    assert str(why.reference.version) == version
    assert detail in why.detail


def test_the_levy_reason_reads_the_amount_per_job_from_the_parameters() -> None:
    """Wfsv 38h(4): EUR 5,000 per missing job; an override shows in the reason, not a stale text."""
    scenario = municipality_g(w_credited=True).evolve(
        parameters={"quotum.levy_per_missing_job": "6000"}
    )
    quotum = assess_quotum(scenario, rules=RULES, year=2018)["municipality"]
    levy = next(r for r in quotum.reasons if r.code == "Q15-HEFFING")
    assert "EUR 6000" in levy.detail
    assert "5,000" not in levy.text


def test_the_rule_set_describes_itself() -> None:
    rules = rule_set(RULES)
    assert rules.in_force_from == pendulum.Date(2015, 5, 1)
    assert rules.pools == (Pool.MARKET, Pool.GOVERNMENT)
    assert any(ref.bwb_id == "BWBR0017745" for ref in rules.references)


# -- the law by version: points of the quotum ------------------------------------------------------


def _lender(staff_2017: int, staff_2018: int) -> Scenario:
    return Scenario(
        employers=(
            employer(
                "agency",
                kind=EmployerKind.AGENCY,
                total_hours={2016: 100_000, 2017: 100_000, 2018: 100_000},
                agency_or_wsw_staff_hours={2016: 90_000, 2017: staff_2017, 2018: staff_2018},
            ),
        )
    )


def test_the_2018_threshold_test_takes_the_2017_hours_without_agency_staff_besluit_wfsv_2_33() -> (
    None
):
    """Besluit Wfsv 2.33 (text of 2018-01-01) on Wfsv 34(4),(6): for the heffing year 2018 the
    hours of 2017 are also taken without the lender's uitzendpersoneel; the rule follows the
    heffing year, not the year of the hours. 2017: 100,000 - 70,000 = 30,000 h, below 40,575.
    """
    quotum = assess_quotum(_lender(70_000, 20_000), rules=RULES, year=2018)["agency"]
    assert quotum.total_hours == Decimal(80_000)
    assert quotum.liable is False
    assert "30000 h in 2017" in quotum.reasons[-2].detail
    assert [r.detail for r in quotum.reasons if r.code == "Q15-LENDER-A"] == [
        "20000 h left out in 2018",
        "70000 h left out in 2017",
    ]


def test_before_2018_an_agency_keeps_its_staff_hours_in_the_threshold_test() -> None:
    """Wfsv 34(4),(6), 2015 text: no deduction before Besluit Wfsv 2.31/2.33 (2018-01-01)."""
    quotum = assess_quotum(_lender(70_000, 20_000), rules=RULES, year=2017)["agency"]
    assert quotum.total_hours == Decimal(100_000)
    assert quotum.liable is True
    assert "Q15-LENDER-A" not in {r.code for r in quotum.reasons}


@pytest.mark.parametrize(
    ("year", "article", "version", "tag"),
    [(2017, "38g(2)", "2015-05-01", "D"), (2018, "2.31, 2.33", "2018-01-01", "V")],
)
def test_an_sw_bedrijf_leaves_its_wsw_staff_out_of_a_by_the_text_of_the_heffing_year(
    *, year: int, article: str, version: str, tag: str
) -> None:
    """Wfsv 38g(2) (2015 text) leaves Wsw employees out of A before the inleen rules; from the
    heffing year 2018 Besluit Wfsv 2.31, 2.33 say so for a lender's A and threshold test.
    """
    hours = {year - 1: 100_000, year: 100_000}
    scenario = Scenario(
        employers=(
            employer(
                "sw",
                kind=EmployerKind.SHELTERED_WORKSHOP,
                total_hours=hours,
                agency_or_wsw_staff_hours=dict.fromkeys(hours, 80_000),
            ),
        )
    )
    quotum = assess_quotum(scenario, rules=RULES, year=year)["sw"]
    assert quotum.total_hours == Decimal(20_000)
    assert quotum.liable is False  # 20,000 h is under the 40,575 h threshold
    deductions = [r for r in quotum.reasons if r.code == "Q15-LENDER-A"]
    assert deductions
    assert {(r.reference.article, str(r.reference.version), r.tag.value) for r in deductions} == {
        (article, version, tag)
    }


def test_a_wsw_secondee_before_2018_counts_for_no_employers_quotum_wfsv_38g_2_4() -> None:
    """Wfsv 38g(2),(4), 2015 text: a Wsw employee is in neither A nor C unless designated, and
    no designation existed before Besluit Wfsv 2.27-2.33 (2018-01-01). The hours still count in
    the hirer's sector for the monitoring (122n(4)). From 2018 the agreement credits the hirer.
    """
    scenario = sw_company()
    seconded_2017 = scenario.evolve(
        placements=tuple(
            attrs.evolve(p, hours=year_of(2017, 800)) if p.id == "detached" else p
            for p in scenario.placements
        )
    )
    count = count_jobs(seconded_2017, rules=RULES, year=2017)
    assert_counts_at(count, "detached", pool="market", credited_to=None)
    (attribution,) = count.for_placement("detached")
    assert attribution.reasons[-1].code == "W15-WSW-NO-QUOTUM"
    assert attribution.reasons[-1].reference.article == "38g(2),(4)"
    assert_counts_at(
        count_jobs(scenario, rules=RULES, year=2019),
        "detached",
        pool="market",
        credited_to="supermarket",
    )


def test_credited_inleen_hours_raise_only_the_hirers_c_not_its_a_besluit_wfsv_2_28_4() -> None:
    """Besluit Wfsv 2.28(4) (2018-01-01) raises the hirer's C; no article raises its A. The
    option that would have raised A is gone: the parameter no longer exists.
    """
    scenario = agency_at_ministry(credited=True).evolve(
        employers=(
            employer("agency", kind=EmployerKind.AGENCY),
            employer("ministry", Sector.GOVERNMENT, total_hours={2018: 60_000, 2019: 60_000}),
        )
    )
    quotum = assess_quotum(scenario, rules=RULES, year=2019)["ministry"]
    assert quotum.total_hours == Decimal(60_000)
    assert quotum.credited_hours == Decimal(1000)
    with pytest.raises(UnknownParameterError):
        default_parameters()["quotum.hirer_total_hours_raised"]


def test_the_reasons_cite_wfsv_122n_as_numbered_in_the_year() -> None:
    """Wfsv 122n, 2020-01-01 text: a new (2) moves the count of the jobs from (2) to (3) and the
    placed workers from (4) to (5); a pay period of 2019 cites the 2015 text, one of 2020 the
    2020 text.
    """
    person = Person.registered("p", ground=Ground.WAJONG, since="2015-01-01")
    employers = (
        Employer(id="shop", sector=Sector.MARKET),
        Employer(id="agency", sector=Sector.MARKET, kind="agency"),
        Employer(id="rijk", sector=Sector.GOVERNMENT),
    )
    years = (2019, 2020)
    pay = tuple(PayPeriod(start=f"{y}-01-01", end=f"{y}-12-31", hours=100) for y in years)
    placements = (
        Placement(id="own", person="p", employer="shop", hours=pay),
        Placement(
            id="placed", person="p", employer="agency", hirer="rijk", kind="agency", hours=pay
        ),
    )
    scenario = Scenario(employers=employers, people=(person,), placements=placements)
    expected = {
        2019: {
            "W15-DIRECT": ("122n(2), 38g(3)", "2015-05-01"),
            "W15-INLEEN-HIRER": ("122n(4)", "2015-05-01"),
        },
        2020: {
            "W15-DIRECT": ("122n(3), 38g(3)", "2020-01-01"),
            "W15-INLEEN-HIRER": ("122n(5)", "2020-01-01"),
        },
    }
    for year in years:
        count = count_jobs(scenario, rules=RULES, year=year)
        cited = {
            r.code: (r.reference.article, str(r.reference.version))
            for a in count.attributions
            for r in a.reasons
            if r.code in expected[year]
        }
        assert cited == expected[year]


def test_internal_wsw_work_cites_wfsv_122n_as_numbered_in_each_year_of_a_count() -> None:
    """Wfsv 122n(3) (2015 text), 122n(4) from the 2020-01-01 text: in one count over 2019 and
    2020 each pay period of the same placement cites the text of its own year, on both paths.
    """
    person = Person.registered("w", ground=Ground.WSW_INDICATION, since="2015-01-01")
    pay = tuple(PayPeriod(start=f"{y}-01-01", end=f"{y}-12-31", hours=100) for y in (2019, 2020))
    scenario = Scenario(
        employers=(Employer(id="sw", sector=Sector.GOVERNMENT, kind="sheltered_workshop"),),
        people=(person,),
        placements=(
            Placement(id="inside", person="w", employer="sw", kind="wsw_internal", hours=pay),
        ),
    )
    both = Period.of("2019-01-01", "2020-12-31")
    count = count_jobs(scenario, rules=RULES, period=both)
    cited = {
        a.pay_period.start.year: (r.reference.article, str(r.reference.version))
        for a in count.attributions
        for r in a.reasons
        if r.code == "WSW-INTERNAL"
    }
    assert cited == {
        2019: ("38g(2), 122n(3)", "2015-05-01"),
        2020: ("38g(2), 122n(4)", "2020-01-01"),
    }
    assert count.counted_hours == 0
    batch_count = batch.count_jobs(batch.Tables.from_scenario(scenario), rules=RULES, period=both)
    assert batch_count.excluded_hours == count.excluded_hours == 200
    assert sorted(batch_count.reason_codes("inside")["reasons"]) == ["WSW-INTERNAL"] * 2


def test_wfsv_122na_waives_the_years_before_2026_from_the_text_of_2022_12_14() -> None:
    """Wfsv 122na(1): the 2022-08-02 text waives the years before 2022, the 2022-12-14 text those
    before 2026. The heffing of 2022 is waived by the 2022-12-14 text, that of 2021 still by the
    first text (2020-01-01).
    """
    for year, version in ((2021, "2020-01-01"), (2022, "2022-12-14"), (2025, "2022-12-14")):
        quotum = assess_quotum(_activated_market(year), rules=RULES, year=year)["factory"]
        (why,) = (r for r in quotum.reasons if r.code == "Q15-NOT-LEVIED")
        assert str(why.reference.version) == version
        assert why.reference.article == "122na"
