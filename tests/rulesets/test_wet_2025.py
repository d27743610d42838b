"""The Wet banenafspraak (BWBR0051018) and the Wtl LKV: worked examples 7.1-7.6 of the spec.

The actors of spec §7: municipality G, SW-bedrijf S seconding W to G, cleaning company C with
cleaners K1 and K2 on G's contract, agency U placing Z at factory F, and bakery B with Q. Hours are
weekly hours x 52; activation is decided in 2027, so the surcharge is due from 2029.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from banenafspraak import (
    ContractId,
    Employer,
    EmployerId,
    EmployerKind,
    Ground,
    PayPeriod,
    Period,
    Person,
    Placement,
    PlacementId,
    PlacementKind,
    Pool,
    ProcurementContract,
    Registration,
    Scenario,
    Sector,
    Subsector,
    Tag,
    aow_age_reached,
    assess_quotum,
    batch,
    count_jobs,
    default_parameters,
    explain_quotum,
    rule_set,
    rule_set_in_force,
)
from banenafspraak.comparing import government_report
from banenafspraak.counting import JobCount, QuotumReport, ledger_of
from banenafspraak.exceptions import InvalidValueError
from banenafspraak.render.text import quotum_table
from banenafspraak.rulesets import Ledger, Stage
from banenafspraak.rulesets.national_pool import (
    NationalInstrument,
    lkv_amount,
    lkv_per_person,
    small_employer,
    surcharge_rate,
    surcharge_start,
)
from banenafspraak.rulesets.wbqa_2015 import WBQA_2015
from banenafspraak.rulesets.wet_2025 import WET_2025

RULES: Final = "wet-banenafspraak-2025"
YEAR = 2029
ACTIVATED = {"wet2025.activation_decided_on": "2027-03-01"}


def _year(year: int, hours: int | str) -> tuple[PayPeriod, ...]:
    return (PayPeriod(start=f"{year}-01-01", end=f"{year}-12-31", hours=hours),)


def _placement(
    pid: str, person: str, employer: str, hours: int, *, years: tuple[int, ...] = (YEAR,), **kw: Any
) -> Placement:
    pay = tuple(p for y in years for p in _year(y, hours))
    return Placement(
        id=PlacementId(pid),
        person=person,
        employer=EmployerId(employer),
        hours=pay,
        **kw,
    )


def _wages(amount: int) -> dict[int, int]:
    return dict.fromkeys(range(2025, 2031), amount)


def actors(*, g_p2_hours: int = 1560) -> Scenario:
    """The actors of spec §7, in 2028 and 2029."""
    employers = (
        Employer(
            id=EmployerId("G"),
            sector=Sector.GOVERNMENT,
            subsector=Subsector.GEMEENTEN,
            total_hours=_wages(300_000),
            premium_wage=_wages(9_000_000),
        ),
        Employer(
            id=EmployerId("S"),
            sector=Sector.GOVERNMENT,
            kind=EmployerKind.SHELTERED_WORKSHOP,
            premium_wage=_wages(4_500_000),
            exempt_wage=_wages(3_750_000),
        ),
        Employer(id=EmployerId("C"), sector=Sector.MARKET, premium_wage=_wages(2_000_000)),
        Employer(
            id=EmployerId("U"),
            sector=Sector.MARKET,
            kind=EmployerKind.AGENCY,
            premium_wage=_wages(8_000_000),
            exempt_wage=_wages(7_000_000),
        ),
        Employer(
            id=EmployerId("F"),
            sector=Sector.MARKET,
            total_hours=_wages(120_000),
            premium_wage=_wages(3_600_000),
        ),
        Employer(
            id=EmployerId("B"),
            sector=Sector.MARKET,
            premium_wage=_wages(350_000),
            small_employer=dict.fromkeys(range(2025, 2031), True),
        ),
    )
    names = ("P1", "P2", "P3", "W", "K1", "K2", "Z", "Q", "V", "T")
    people = tuple(Person.registered(n, ground=Ground.WAJONG, since="2026-01-01") for n in names)
    both = (2028, 2029)
    placements = (
        _placement("g-p1", "P1", "G", 520, years=both),
        _placement("g-p2", "P2", "G", g_p2_hours, years=both),
        _placement("g-p3", "P3", "G", 1040, years=both),
        _placement("s-w", "W", "S", 1300, kind=PlacementKind.WSW_SECONDED, hirer=EmployerId("G")),
        _placement("s-v", "V", "S", 1200, kind=PlacementKind.WSW_INTERNAL),
        _placement("g-t", "T", "G", 900, kind=PlacementKind.SHELTERED_WORK),
        _placement("c-k1", "K1", "C", 1040, contract=ContractId("cleaning")),
        _placement("c-k2", "K2", "C", 1040, contract=ContractId("cleaning")),
        _placement(
            "u-z",
            "Z",
            "U",
            1560,
            kind=PlacementKind.AGENCY,
            hirer=EmployerId("F"),
            credited_to_hirer=True,
        ),
        _placement("b-q", "Q", "B", 520),
    )
    contract = ProcurementContract(
        id=ContractId("cleaning"),
        buyer=EmployerId("G"),
        supplier=EmployerId("C"),
        period=Period.of("2026-01-01", "2030-12-31"),
    )
    return Scenario(
        name="spec §7 actors",
        employers=employers,
        people=people,
        placements=placements,
        contracts=(contract,),
    )


def _count(scenario: Scenario | None = None, **params: object) -> JobCount:
    return count_jobs(scenario or actors(), rules=RULES, year=YEAR, parameters=params or None)


def _quotum(
    scenario: Scenario | None = None, *, year: int = YEAR, params: dict[str, object] | None = None
) -> QuotumReport[NationalInstrument]:
    merged = {**ACTIVATED, **(params or {})}
    return assess_quotum(scenario or actors(), rules=RULES, year=year, parameters=merged)


def _credited_to(count: JobCount, placement: str) -> set[str | None]:
    return {a.credited_to for a in count.for_placement(placement)}


# -- 7.1: per person, where does it count and how much ------------------------------------------


def test_a_part_timer_counts_pro_rata_in_the_one_national_pool() -> None:
    """P1, 10 h/week = 520 h, is 520/1,331 job, national, at G (art. 4(1),(2)).

    The spec's 0.392 is the weekly view (10 / 25.5); the annual view gives 0.391.
    """
    count = _count()
    (attribution,) = count.for_placement("g-p1")
    assert attribution.pool is Pool.NATIONAL
    assert attribution.credited_to == "G"
    assert attribution.jobs == Fraction(520, 1331)
    assert round(attribution.jobs, 3) == Fraction(391, 1000)
    assert count.pools.keys() == {Pool.NATIONAL}


def test_lkv_and_bonus_per_person_follow_the_formal_employer() -> None:
    """Spec §7.1: LKV EUR 1.01/h and bonus EUR 3.76/h go to the formal employer (Wtl 2.10)."""
    report = _quotum()
    assert report["G"].lkv == Decimal("1.01") * (520 + 1560 + 1040)  # 525.20 + 1,575.60 + 1,050.40
    assert report["S"].lkv == Decimal("1313.00")  # W, seconded: the SW-bedrijf
    assert report["C"].lkv == Decimal("2100.80")  # K1 and K2, 1,050.40 each
    assert report["U"].lkv == Decimal("1575.60")  # Z: the agency, not the hirer
    assert report["F"].lkv == 0
    assert report["B"].lkv == Decimal("525.20")
    assert report["S"].bonus == Decimal("4888.00")  # 1,300 h x 3.76
    assert report["U"].bonus == Decimal("5865.60")  # 5,866 in the spec's table
    assert report["F"].bonus == 0
    # the bonus is the quotumregeling's raise of the LKV (art. 1); Wtl 2.13(2) has no text yet
    (bonus,) = (r for r in report["S"].reasons if r.code == "W25-BONUS")
    assert (bonus.reference.law, bonus.reference.article) == ("Wet banenafspraak", "1")


def test_a_40_hour_week_counts_as_more_than_one_job_but_the_lkv_is_capped() -> None:
    """Spec §7.1 note: 2,080 h is 1.56 jobs, but the LKV stops at EUR 2,000 (Wtl 2.13)."""
    scenario = actors(g_p2_hours=2080)
    (attribution,) = _count(scenario).for_placement("g-p2")
    assert attribution.jobs == Fraction(2080, 1331)
    assert _quotum(scenario)["G"].lkv == Decimal(2000) + Decimal("1.01") * (520 + 1040)


def test_internal_wsw_work_and_beschut_werk_count_nowhere() -> None:
    """Art. 4(3): Wsw only while seconded; art. 2: beschut werk is outside the doelgroep."""
    count = _count()
    (internal,) = count.for_placement("s-v")
    (beschut,) = count.for_placement("g-t")
    assert internal.pool is None
    assert internal.excluded_because is not None
    assert internal.excluded_because.code == "W25-WSW-INTERNAL"
    assert beschut.excluded_because is not None
    assert beschut.excluded_because.code == "W25-BESCHUT"
    assert count.input_hours == count.counted_hours + count.excluded_hours
    assert count.excluded_hours == 1200 + 900


def test_an_unregistered_person_counts_nowhere() -> None:
    scenario = actors()
    late = scenario.evolve(
        people=tuple(
            Person.registered("Q", ground=Ground.WAJONG, since="2030-01-01") if p.id == "Q" else p
            for p in scenario.people
        )
    )
    (attribution,) = _count(late).for_placement("b-q")
    assert attribution.excluded_because is not None
    assert attribution.excluded_because.code == "NOT-REG"
    assert _quotum(late)["B"].lkv == 0


# -- 7.2 / 7.3: the municipality ----------------------------------------------------------------


def test_worked_example_7_3_municipality_pays_the_surcharge_and_gets_the_bonus() -> None:
    """Spec §7.3: opslag 0.346 %, surcharge EUR 31,133, bonus EUR 11,731, net about -19,402.

    Net-zero calibration: 3.76 x 2.76 % / 30 = 0.34592 %; 0.34592 % x EUR 9,000,000 =
    EUR 31,132.80; bonus 3,120 h x EUR 3.76 = EUR 11,731.20 (art. 6(1),(6); Wtl 2.13(2)).
    """
    g = _quotum()["G"]
    assert g.active
    assert g.liable
    assert g.small_employer is False
    assert g.surcharge_rate == Decimal("0.34592")
    assert round(g.surcharge_rate, 3) == Decimal("0.346")
    assert g.surcharge_base == Decimal(9_000_000)
    assert g.surcharge == Decimal("31132.80")
    assert g.credited_hours == 3120
    assert g.bonus == Decimal("11731.20")
    assert g.net_effect == Decimal("-19401.60")
    assert (round(g.surcharge), round(g.bonus), round(g.net_effect)) == (31133, 11731, -19402)
    codes = [r.code for r in g.reasons]
    assert codes[:2] == ["W25-ACTIVE", "W25-NOT-SMALL"]
    assert "W25-RATE-CALIBRATED" in codes
    assert codes[-1] == "W25-NET"


def test_the_seconded_wsw_worker_no_longer_helps_the_municipality() -> None:
    """Spec §7.3: W counts at S, never at G (art. 4(3); no inleen credit in the 2025 law)."""
    count = _count()
    assert _credited_to(count, "s-w") == {"S"}
    (attribution,) = count.for_placement("s-w")
    assert [r.code for r in attribution.reasons][-1] == "W25-WSW-SECONDED"


def test_a_rate_set_by_regulation_replaces_the_calibration() -> None:
    """Art. 6(6): the minister sets the percentage; the parameter takes it."""
    g = _quotum(params={"wet2025.surcharge_rate": "0.5"})["G"]
    assert g.surcharge_rate == Decimal("0.5")
    assert g.surcharge == Decimal(45_000)
    assert "W25-RATE-SET" in [r.code for r in g.reasons]
    rate, why = surcharge_rate(default_parameters(), YEAR)
    assert (rate, why.code) == (Decimal("0.34592"), "W25-RATE-CALIBRATED")


# -- 7.4: agency and hirer ----------------------------------------------------------------------


def test_worked_example_7_4_an_uitzendkracht_counts_at_the_agency_not_the_hirer() -> None:
    """Spec §7.4: Z counts at U, whatever U and F agreed; F gets nothing for Z (art. 1, 4, 6)."""
    count = _count()
    assert _credited_to(count, "u-z") == {"U"}
    assert "F" not in count.employers
    report = _quotum()
    # U pays the surcharge only on the wages of its own staff, not of the lent-out workers.
    assert report["U"].surcharge_base == Decimal(1_000_000)
    assert report["U"].exempt_wage == Decimal(7_000_000)
    assert report["U"].surcharge == Decimal("3459.20")
    # F pays on its whole payroll and gets no bonus for Z.
    assert report["F"].surcharge == Decimal("0.0034592") * 3_600_000
    assert report["F"].net_effect == -report["F"].surcharge


# -- 7.5: the cleaning contract -----------------------------------------------------------------


def test_worked_example_7_5_cleaners_on_a_contract_count_at_the_cleaning_company() -> None:
    """Spec §7.5: K1 and K2 count at C, not at the buyer G (the 2018 plan was not adopted)."""
    count = _count()
    for placement in ("c-k1", "c-k2"):
        assert _credited_to(count, placement) == {"C"}
        (attribution,) = count.for_placement(placement)
        assert "W25-PROCUREMENT" in [r.code for r in attribution.reasons]
    assert count.employers[EmployerId("C")].hours == 2080


# -- 7.6: the bakery ----------------------------------------------------------------------------


def test_worked_example_7_6_the_bakery_pays_no_surcharge_but_gets_lkv_and_bonus() -> None:
    """Spec §7.6: B is small for the Aof (art. 6(3)); LKV EUR 525.20 without a time limit."""
    b = _quotum()["B"]
    assert b.small_employer is True
    assert not b.liable
    assert b.surcharge == 0
    assert b.lkv == Decimal("525.20")
    assert b.bonus == Decimal("1955.20")  # eligibility of small employers: unverified (U)
    assert "W25-SMALL" in [r.code for r in b.reasons]
    assert "W25-LKV-UNLIMITED" in [r.code for r in b.reasons]


# -- activation and the surcharge start ---------------------------------------------------------


@pytest.mark.parametrize(
    ("decided", "year", "active"),
    [
        ("2027-03-01", 2028, False),
        ("2027-03-01", 2029, True),
        ("2027-12-31", 2028, False),
        ("2027-12-31", 2029, True),
        ("2028-01-01", 2029, False),
    ],
)
def test_the_surcharge_is_due_from_1_january_of_the_second_year_after_the_decision(
    *, decided: str, year: int, active: bool
) -> None:
    """Art. 6(1): decided in 2027, due from 1 January 2029."""
    g = _quotum(year=year, params={"wet2025.activation_decided_on": decided})["G"]
    assert g.active is active
    assert g.surcharge is not None
    assert (g.surcharge > 0) is active
    assert (g.bonus > 0) is active
    code = "W25-ACTIVE" if active else "W25-NOT-YET-DUE"
    assert g.reasons[0].code == code


def test_without_activation_there_is_no_surcharge_and_no_bonus_but_still_lkv() -> None:
    """Art. 5: no activation decided; the LKV (Wtl 2.10) is paid anyway."""
    report = assess_quotum(actors(), rules=RULES, year=YEAR)
    g = report["G"]
    assert not g.active
    assert not g.liable
    assert (g.surcharge, g.bonus, g.net_effect) == (Decimal(0), Decimal(0), Decimal(0))
    assert g.surcharge_rate is None
    assert g.lkv == Decimal("3151.20")
    assert g.reasons[0].code == "W25-NOT-ACTIVATED"
    assert surcharge_start(default_parameters(), YEAR) is None


# -- the small employer (Besluit Wfsv 2.19d) ----------------------------------------------------


@pytest.mark.parametrize(
    ("wage_two_years_before", "small"),
    [(999_999, True), (1_000_000, True), (1_000_001, False)],
)
def test_small_employer_by_the_premium_wage_of_two_years_before(
    *, wage_two_years_before: int, small: bool
) -> None:
    """Art. 6(3),(5): small if the premium wage of t-2 is at most the threshold (EUR 1 million)."""
    wages = {YEAR: 5_000_000, YEAR - 2: wage_two_years_before}
    scenario = actors()
    employers = tuple(
        Employer(id=e.id, sector=e.sector, premium_wage=wages) if e.id == "F" else e
        for e in scenario.employers
    )
    f = _quotum(scenario.evolve(employers=employers))["F"]
    assert f.small_employer is small
    assert f.liable is not small
    assert (f.surcharge == 0) is small


def _without_wage_of_t_minus_2(year: int = YEAR) -> QuotumReport[NationalInstrument]:
    """The actors, F without its premium wage of t-2 (nor a small-employer status)."""
    scenario = actors()
    employers = tuple(
        Employer(id=e.id, sector=e.sector, premium_wage={year: 5_000_000}) if e.id == "F" else e
        for e in scenario.employers
    )
    return _quotum(scenario.evolve(employers=employers), year=year)


def test_a_missing_premium_wage_of_t_minus_2_is_named_not_read_as_small() -> None:
    """Besluit Wfsv 2.19d(1),(4) (text of 2022-01-01 to 2026): without the premium wage of t-2
    the status is unknown, not "small"; the result says so in a reason and a warning.
    """
    report = _without_wage_of_t_minus_2()
    f = report["F"]
    assert f.small_employer is None
    assert "W25-SMALL-UNKNOWN" in {r.code for r in f.reasons}
    (warning,) = f.warnings
    assert f"premium wage of {YEAR - 2} not given" in warning
    assert f"an employer since {YEAR - 1} or later is small" in warning  # art. 2.19d(4)
    assert warning in report.warnings


def test_an_unknown_small_employer_status_leaves_liability_and_surcharge_unknown_art_6_3() -> None:
    """Wet banenafspraak art. 6(3) (text of 2026-07-01): the surcharge is not due from a small
    employer (Wfsv 36; Besluit Wfsv 2.19d). Whether F is small is unknown, so whether it owes
    the surcharge is unknown too: ``liable``, ``surcharge`` and ``net_effect`` are ``None``, in
    the result, its JSON, its frame and its text, never "no" and 0. A total leaves F out and
    says so; the bonus, owed whatever the size, is still paid.
    """
    report = _without_wage_of_t_minus_2()
    f = report["F"]
    assert f.active
    assert (f.liable, f.surcharge, f.net_effect) == (None, None, None)
    assert f.surcharge_status == "unknown: small employer?"
    assert f.bonus == report["F"].bonus_hours * Decimal("3.76")
    assert report["G"].liable is True
    # JSON: null, not false and "0"
    document = report.to_dict()["employers"]["F"]
    assert (document["liable"], document["surcharge"], document["net_effect"]) == (None,) * 3
    # a frame: empty cells
    row = report.to_polars().filter(employer="F").row(0, named=True)
    assert (row["liable"], row["surcharge"], row["net_effect"]) == (None, None, None)
    # text: "unknown", not "no" and 0.00
    (line,) = (x for x in quotum_table(report).splitlines() if x.startswith("F "))
    assert line.split()[1] == "unknown"
    assert line.count("unknown") >= 4  # liable, small employer, surcharge, net effect
    assert "F" not in {a.employer for a in report.liable()}
    # totals: F is named as left out, never added as 0
    total = report.total("surcharge")
    assert total.unknown == ("F",)
    assert total.included == len(report) - 1
    assert total.amount == sum(
        (a.surcharge for a in report.assessments if a.surcharge is not None), Decimal(0)
    )
    assert "1 employer(s) unknown, not included" in str(total)
    net = report.total()
    assert net.unknown == ("F",)
    assert "(1 employer unknown, not included)" in repr(report)
    assert ", 1 unknown;" in repr(report)


def test_an_unknown_small_employer_is_not_liable_only_while_the_quotum_is_not_active() -> None:
    """Art. 5, 6(1): before the surcharge is due nobody is liable, whatever the size: decided in
    2027, nothing is due in 2028, and F's unknown status changes nothing there.
    """
    early = _without_wage_of_t_minus_2(YEAR - 1)["F"]
    assert early.small_employer is None
    assert not early.active
    assert early.liable is False
    assert (early.surcharge, early.net_effect) == (Decimal(0), Decimal(0))
    assert not early.warnings


@pytest.mark.parametrize(
    ("year", "average", "version"),
    [(2022, 35_300, "2022-01-01"), (2023, 36_200, "2023-01-01")],
)
def test_the_aof_small_employer_is_at_most_25_times_the_average_premium_wage_of_t_minus_2(
    *, year: int, average: int, version: str
) -> None:
    """Besluit Wfsv 2.19d(1), in the text of the year: 25 x the average premium wage of t-2.

    The average per employee is set by UWV (art. 2.5(2)): EUR 35,300 for 2020, EUR 36,200 for
    2021. An employer whose premium wage of t-2 is exactly the threshold is small; a euro more
    is not, and the reason cites the text in force in the year.
    """
    params = default_parameters()
    row = params["wet2025.small_employer_wage_threshold"].row_for_year(year)
    assert row.value == 25 * average
    assert row.tag is Tag.SECONDARY
    threshold = 25 * average
    at = Employer(id="E", sector="market", premium_wage={year - 2: threshold})
    above = Employer(id="E", sector="market", premium_wage={year - 2: threshold + 1})
    assert small_employer(at, year, params)[0] is True
    small, why = small_employer(above, year, params)
    assert small is False
    assert why.code == "W25-NOT-SMALL"
    assert str(why.reference.version) == version
    assert f"threshold EUR {threshold}" in why.detail


def test_the_aof_small_employer_before_2022_reads_the_first_amount_of_art_2_19d() -> None:
    """Art. 2.19d enters the Besluit on 2022-01-01: an earlier year reads its first amount (D)."""
    rows = default_parameters()["wet2025.small_employer_wage_threshold"]
    first, before = rows.row_for_year(2022), rows.row_for_year(2019)
    assert before.value == first.value == Decimal(882_500)
    assert before.tag is Tag.DERIVED
    assert str(before.reference.version) == str(first.reference.version) == "2022-01-01"
    wage = {2017: 890_000}  # above EUR 882,500: not small in 2019
    small, why = small_employer(
        Employer(id="E", sector="market", premium_wage=wage), 2019, default_parameters()
    )
    assert small is False
    assert str(why.reference.version) == "2022-01-01"


def test_an_overridden_aof_threshold_is_read_and_its_reason_cites_no_version() -> None:
    """A user's amount is no text of the Besluit: the reason names the article, no version."""
    params = default_parameters().with_overrides({"wet2025.small_employer_wage_threshold": 500})
    employer = Employer(id="E", sector="market", premium_wage={YEAR - 2: 501})
    small, why = small_employer(employer, YEAR, params)
    assert small is False
    assert why.reference.article == "2.19d(1)"
    assert why.reference.version is None


def test_exempt_wage_above_the_premium_wage_leaves_a_zero_base() -> None:
    scenario = actors()
    employers = tuple(
        Employer(
            id=e.id,
            sector=e.sector,
            premium_wage=_wages(2_000_000),
            exempt_wage=_wages(3_000_000),
        )
        if e.id == "C"
        else e
        for e in scenario.employers
    )
    c = _quotum(scenario.evolve(employers=employers))["C"]
    assert (c.surcharge_base, c.exempt_wage, c.surcharge) == (
        Decimal(0),
        Decimal(2_000_000),
        Decimal(0),
    )


# -- the LKV: three years and a declaration before 2026, none after -----------------------------


def _lkv_scenario(first_day: str) -> Scenario:
    placement = Placement(
        id=PlacementId("f-x"),
        person="X",
        employer=EmployerId("F"),
        employment_start=first_day,
        hours=PayPeriod.months(2024, 100) + PayPeriod.months(2026, 100),
    )
    return Scenario(
        name="lkv",
        employers=(Employer(id=EmployerId("F"), sector=Sector.MARKET),),
        people=(Person.registered("X", ground=Ground.WAJONG, since="2015-01-01"),),
        placements=(placement,),
    )


def test_before_2026_the_lkv_runs_three_years_from_the_start_of_employment() -> None:
    """Wtl 2.12(1): started 1 July 2021, so in 2024 only January-June (600 h) qualify.

    The limit is the first text's (2018-01-01), unchanged up to 2025.
    """
    report = assess_quotum(_lkv_scenario("2021-07-01"), rules=RULES, year=2024)
    assert report["F"].lkv == Decimal("606.00")
    (why,) = (r for r in report["F"].reasons if r.code == "W25-LKV-3Y")
    assert (why.reference.article, str(why.reference.version)) == ("2.12(1)", "2018-01-01")
    # still counted in the national pool: the limit is the LKV's, not the job's
    count = count_jobs(_lkv_scenario("2021-07-01"), rules=RULES, year=2024)
    assert count.counted_hours == 1200


def test_from_2026_the_lkv_has_no_time_limit() -> None:
    """Wtl 2.10(1), 2.12(1) (2026): the LKV runs as long as the employment, 1,200 h x 1.01."""
    report = assess_quotum(_lkv_scenario("2015-07-01"), rules=RULES, year=2026)
    assert report["F"].lkv == Decimal("1212.00")
    (why,) = (r for r in report["F"].reasons if r.code == "W25-LKV-UNLIMITED")
    assert (why.reference.article, str(why.reference.version)) == ("2.10(1), 2.12(1)", "2026-01-01")


def test_before_2026_no_doelgroepverklaring_means_no_lkv() -> None:
    """Wtl 2.10(1)(c), 2.11: the declaration is needed before 2026; the library assumes it.

    The 2026-01-01 text tests the pay period's registration instead, and repeals 2.11.
    """
    scenario = _lkv_scenario("2023-01-01")
    held = assess_quotum(scenario, rules=RULES, year=2024)
    missing = assess_quotum(
        scenario, rules=RULES, year=2024, parameters={"lkv.declaration_held": False}
    )
    after = assess_quotum(
        scenario, rules=RULES, year=2026, parameters={"lkv.declaration_held": False}
    )
    assert held["F"].lkv == Decimal("1212.00")
    assert missing["F"].lkv == 0
    (why,) = (r for r in missing["F"].reasons if r.code == "W25-LKV-DECLARATION")
    assert (why.reference.article, str(why.reference.version)) == ("2.10(1)(c), 2.11", "2018-01-01")
    assert after["F"].lkv == Decimal("1212.00")


# -- the 38b(2) group ---------------------------------------------------------------------------


def _seconded_wsw_scenario() -> Scenario:
    """A Wsw art. 2 worker of the SW-bedrijf S, seconded to G, 1,000 h in 2025 and in 2026."""
    return Scenario(
        name="seconded wsw",
        employers=(
            Employer(id=EmployerId("S"), sector=Sector.GOVERNMENT, kind="sheltered_workshop"),
            Employer(id=EmployerId("G"), sector=Sector.GOVERNMENT),
        ),
        people=(Person.registered("W", ground=Ground.WAJONG, since="2015-01-01"),),
        placements=(
            _placement(
                "s-w",
                "W",
                "S",
                1000,
                years=(2025, 2026),
                kind=PlacementKind.WSW_SECONDED,
                hirer=EmployerId("G"),
            ),
        ),
    )


def test_before_2026_a_seconded_wsw_worker_gives_no_lkv_wtl_2_10_2_b() -> None:
    """Wtl 2.10(2)(b), 2025-01-01 text: no LKV for work in a Wsw art. 2 dienstbetrekking,
    seconded or not. The hours still count in the national pool, at the SW-bedrijf.
    """
    scenario = _seconded_wsw_scenario()
    report = assess_quotum(scenario, rules=RULES, year=2025)
    assert report["S"].lkv == 0
    reasons = {r.code: r for r in report["S"].reasons}
    assert reasons["W25-LKV-WSW"].detail == "person(s) W"
    assert reasons["W25-LKV-WSW"].reference.version == pendulum.date(2025, 1, 1)
    assert count_jobs(scenario, rules=RULES, year=2025).counted_hours == 1000
    tables = batch.Tables.from_scenario(scenario)
    assert batch.assess_quotum(tables, rules=RULES, year=2025).assessments == report.assessments


def test_from_2026_a_seconded_wsw_worker_gives_lkv_to_the_sw_bedrijf() -> None:
    """Wtl 2.10(2)(b), 2026-01-01 text: only Wsw work without secondment is left out, so the
    SW-bedrijf (the formal employer) gets 1,000 h x EUR 1.01.
    """
    scenario = _seconded_wsw_scenario()
    report = assess_quotum(scenario, rules=RULES, year=2026)
    assert report["S"].lkv == Decimal("1010.00")
    assert report["G"].lkv == 0
    assert "W25-LKV-WSW" not in [r.code for r in report["S"].reasons]
    tables = batch.Tables.from_scenario(scenario)
    assert batch.assess_quotum(tables, rules=RULES, year=2026).assessments == report.assessments


def test_the_lkv_leaves_out_wsw_work_as_the_parameter_of_the_year_says() -> None:
    """``lkv.excludes_seconded_wsw`` holds the version of Wtl 2.10(2)(b): overridden, 2026 is
    judged by the 2025 text (a what-if), with the reason of that text.
    """
    report = assess_quotum(
        _seconded_wsw_scenario(),
        rules=RULES,
        year=2026,
        parameters={"lkv.excludes_seconded_wsw": True},
    )
    assert report["S"].lkv == 0
    assert "W25-LKV-WSW" in [r.code for r in report["S"].reasons]


def test_young_disabled_with_a_provision_count_unless_the_parameter_says_otherwise() -> None:
    """Art. 2(1)(f): such a person is an arbeidsbeperkte; art. 4(2) counts every one's jobs."""
    scenario = Scenario(
        name="38b(2)",
        employers=(Employer(id=EmployerId("F"), sector=Sector.MARKET),),
        people=(
            Person.registered("J", ground=Ground.YOUNG_DISABLED_WITH_PROVISION, since="2015-01-01"),
        ),
        placements=(_placement("f-j", "J", "F", 1331),),
    )
    counted = _count(scenario)
    assert counted.pools[Pool.NATIONAL].jobs == 1
    (why,) = (r for r in counted.attributions[0].reasons if r.code == "W25-38B2")
    assert (why.reference.article, why.tag) == ("2(1)(f), 4(2)", Tag.VERIFIED)
    left_out = _count(scenario, **{"wet2025.young_disabled_counts": False})
    assert left_out.pools[Pool.NATIONAL].jobs == 0
    assert left_out.excluded_hours == 1331


# -- the national target, the government report, the date of art. 2 -----------------------------


def test_the_national_target_is_the_sum_of_the_former_sector_targets() -> None:
    params = default_parameters()
    assert WET_2025.targets(2021, params) == {Pool.NATIONAL: Decimal(80_000)}
    assert WET_2025.targets(2017, params) == {Pool.NATIONAL: Decimal(33_000)}


def test_the_yearly_report_on_government_employers_compares_with_the_year_before() -> None:
    """Art. 4(4): the BZK report of extra jobs at government employers, beside one pool."""
    scenario = actors()
    report = government_report(scenario, year=YEAR)
    # G's own staff in both years; W counts at S (government) in 2029 only.
    assert report.previous_jobs == Fraction(3120, 1331)
    assert report.jobs == Fraction(3120 + 1300, 1331)
    assert report.extra_jobs == Fraction(1300, 1331)
    assert report.by_subsector[Subsector.GEMEENTEN] == Fraction(3120, 1331)
    assert report.by_subsector[None] == Fraction(1300, 1331)
    assert report.reason.reference.article == "4(4)"


def test_years_before_article_2_are_judged_by_the_2015_rules() -> None:
    """Art. 12: chapter I applies from the date of art. 2 (default 2027-01-01, a parameter)."""
    assert rule_set_in_force("2026-12-31").name == "wbqa-2015"
    assert rule_set_in_force(pendulum.Date(2027, 1, 1)).name == RULES
    later = default_parameters().with_overrides({"wet2025.article_2_in_force": "2028-07-01"})
    assert rule_set_in_force("2028-06-30", parameters=later).name == "wbqa-2015"
    assert rule_set_in_force("2028-07-01", parameters=later).name == RULES


def test_the_rule_set_cites_the_law_it_encodes() -> None:
    rules = rule_set(RULES)
    assert rules.pools == (Pool.NATIONAL,)
    assert {r.bwb_id for r in rules.references} >= {"BWBR0051018", "BWBR0037522"}
    versions = {str(r.version) for r in rules.references if r.bwb_id == "BWBR0051018"}
    assert versions == {"2026-01-01", "2026-07-01"}


def test_the_quotum_table_shows_the_2025_instrument() -> None:
    table = quotum_table(_quotum())
    header = table.splitlines()[0]
    assert "surcharge (EUR)" in header
    assert "levy (EUR)" not in header
    g_row = next(line for line in table.splitlines() if line.startswith("G "))
    assert " 0.34592 " in g_row
    assert "31,132.80" in g_row
    assert "-19,401.60" in g_row


_BORN_1962 = pendulum.Date(1962, 1, 15)
"""Reaches the AOW age of 2029 (67 years and 3 months) on 15 April 2029."""


def _reaches_aow_age_in_2029() -> Scenario:
    """One registered worker, 100 h in each monthly pay period of 2029, born 15 January 1962."""
    return Scenario(
        employers=(Employer(id="E", sector="market"),),
        people=(
            Person(
                id="old",
                date_of_birth=_BORN_1962,
                registrations=(Registration(ground="wajong", start="2015-01-01"),),
            ),
        ),
        placements=(
            Placement(
                id="job",
                person="old",
                employer="E",
                hours=tuple(
                    PayPeriod(
                        start=Period.month(YEAR, m).start, end=Period.month(YEAR, m).end, hours=100
                    )
                    for m in range(1, 13)
                ),
            ),
        ),
    )


def _months_before_aow_age() -> int:
    reached = aow_age_reached(Person(id="x", date_of_birth=_BORN_1962))
    assert reached == pendulum.Date(YEAR, 4, 15)
    return sum(1 for m in range(1, 13) if pendulum.Date(YEAR, m, 1) < reached)


def test_the_lkv_ends_when_the_employee_reaches_the_aow_age_wtl_2_10_2_a() -> None:
    """Wtl 2.10(2)(a), text of 2026-01-01: no LKV for pay periods from the AOW age on.

    Born 15 January 1962, the AOW age of 2029 (67 years and 3 months) is reached on 15 April 2029:
    the monthly pay periods that start before that day (January to April) give LKV, May to
    December do not.
    """
    months = _months_before_aow_age()
    assert months == 4
    result = _quotum(_reaches_aow_age_in_2029())["E"]
    assert result.lkv == Decimal("1.01") * 100 * months
    (why,) = (r for r in result.reasons if r.code == "W25-LKV-AOW")
    assert (why.reference.article, str(why.reference.version)) == ("2.10(2)(a)", "2026-01-01")
    assert result.credited_hours == 1200  # the hours still count in the national monitoring


def test_no_banenafspraakbonus_is_paid_on_hours_past_the_aow_age_wba_1_wtl_2_10_2_a() -> None:
    """Wet banenafspraak art. 1 (text of 2026-07-01): the quotumregeling is the LKV of Wtl 2.10
    "verhoogd met de banenafspraakbonus"; the LKV is not paid from the AOW age on (Wtl
    2.10(2)(a), text of 2026-01-01), so there is no LKV hour for the bonus to raise.

    The worker stays registered and his 1,200 hours still count, but the bonus is paid on the 400
    hours of the pay periods of January to April only (April's starts before 15 April, the day he
    reaches the AOW age): EUR 3.76 x 400 = EUR 1,504. The LKV's cap does not limit the bonus
    hours (2.13 caps the LKV's amount). The rule is derived: Wtl 2.13(2) is in no text yet.
    """
    months = _months_before_aow_age()
    result = _quotum(_reaches_aow_age_in_2029())["E"]
    assert result.active
    assert result.credited_hours == 1200
    assert result.bonus_hours == 100 * months == 400
    assert result.bonus == Decimal("3.76") * 400 == Decimal("1504.00")
    (bonus,) = (r for r in result.reasons if r.code == "W25-BONUS")
    assert (bonus.reference.law, bonus.reference.article) == ("Wet banenafspraak", "1")
    assert str(bonus.reference.version) == "2026-07-01"
    assert bonus.tag is Tag.DERIVED
    assert bonus.detail == "EUR 3.76 x 400 h"
    # the LKV's cap per employee caps its amount, not the hours the bonus is paid on
    capped = _quotum(_reaches_aow_age_in_2029(), params={"lkv.cap_per_employee_year": "100"})
    assert capped["E"].lkv == 100
    assert capped["E"].bonus_hours == 400


def test_the_lkv_reason_reads_its_amounts_from_the_parameters_in_force() -> None:
    """Wtl 2.13: EUR 1.01 per hour, at most EUR 2,000; an override shows in the reason's detail,
    and the reason's text names no amount that could go stale.
    """
    report = _quotum(params={"lkv.rate_per_hour": "1.50"})
    lkv = next(r for r in report["G"].reasons if r.code == "W25-LKV")
    assert lkv.detail == "EUR 1.50 per hour, at most EUR 2000"
    assert "1.01" not in lkv.text
    assert "2,000" not in lkv.text


_HOURS = st.fractions(min_value=0, max_value=5000, max_denominator=10_000)
_AMOUNTS = st.decimals(min_value=0, max_value=10, places=2)


@given(
    people=st.lists(st.lists(_HOURS, min_size=1, max_size=3), max_size=8),
    rate=_AMOUNTS,
    cap=st.decimals(min_value=0, max_value=3000, places=2),
)
def test_the_lkv_of_an_employer_is_each_persons_capped_amount_added_up(
    people: list[list[Fraction]], rate: Decimal, cap: Decimal
) -> None:
    """Wtl 2.13: per person min(rate x hours, cap), added up; also with a rate of 0. From 2026
    no limit of years (Wtl 2.12, 6.2): a person's hours in every year of employment add up.
    """
    formal = {
        EmployerId("G"): {
            f"p{i}": {Stage(years): h for years, h in enumerate(stages)}
            for i, stages in enumerate(people)
        }
    }
    ledger = Ledger.build(2026, {}, {}, formal)
    params = default_parameters().with_overrides(
        {"lkv.rate_per_hour": rate, "lkv.cap_per_employee_year": cap}
    )
    amount, _ = lkv_amount(Employer(id=EmployerId("G"), sector="market"), ledger, params)
    each = (min(Fraction(rate) * sum(stages, Fraction(0)), Fraction(cap)) for stages in people)
    assert amount == sum(each, Fraction(0))


@pytest.mark.parametrize(("year", "version"), [(2024, "2018-01-01"), (2026, "2026-01-01")])
def test_the_lkv_cites_the_text_of_wtl_2_13_in_force_in_the_year(year: int, version: str) -> None:
    """The amounts are the same in every text (EUR 1.01 per hour, at most EUR 2,000); the
    reason cites the version of the year: the first text (2018-01-01) up to 2025, then the
    2026-01-01 text.
    """
    report = assess_quotum(_lkv_scenario("2023-01-01"), rules=RULES, year=year)
    lkv = next(r for r in report["F"].reasons if r.code == "W25-LKV")
    assert str(lkv.reference.version) == version
    assert lkv.detail == "EUR 1.01 per hour, at most EUR 2000"


def test_the_start_of_the_wet_banenafspraak_is_an_assumed_date_wet_banenafspraak_13_1() -> None:
    """Wet banenafspraak art. 13(1), 2026-01-01 text: the law takes effect on a date set by royal
    decree, which was not found. 2027-01-01 is the library's assumption: the parameter
    ``wet2025.article_2_in_force`` (tag U, citing art. 13(1)), and setting it moves the start of
    the rule set, the choice by date and the end of the 2015 rules (art. 12) alike.
    """
    parameters = default_parameters()
    (row,) = parameters["wet2025.article_2_in_force"].rows
    assert (row.value, row.tag.value) == (pendulum.Date(2027, 1, 1), "U")
    assert (row.reference.article, str(row.reference.version)) == ("13(1)", "2026-01-01")
    assert WET_2025.starts(parameters) == pendulum.Date(2027, 1, 1)
    earlier = parameters.with_overrides({"wet2025.article_2_in_force": "2026-07-01"})
    assert WET_2025.starts(earlier) == pendulum.Date(2026, 7, 1)
    assert rule_set_in_force("2026-06-30", parameters=earlier).name == "wbqa-2015"
    assert rule_set_in_force("2026-07-01", parameters=earlier).name == RULES
    assert WBQA_2015.ends(earlier) == pendulum.Date(2026, 7, 1)


@pytest.mark.parametrize("decided", ["2026-05-01", "2026-12-31"])
def test_an_activation_decided_before_article_2_applies_is_warned_of_art_12_1(
    decided: str,
) -> None:
    """Wet banenafspraak art. 12(1), text of 2026-07-01: arts. 1-6 (the activation of art. 5
    among them) do not apply to calendar years before the date art. 2 takes effect (the
    parameter ``wet2025.article_2_in_force``, 2027-01-01 by default, tag U). An activation
    decided in 2026 is applied as given (the surcharge is due from 2028, art. 6(1)), and the
    report says that this is assumed: once, though every employer's result carries it.
    """
    report = _quotum(year=2028, params={"wet2025.activation_decided_on": decided})
    assert report["G"].active
    (warning,) = (w for w in report.warnings if "activation" in w)
    assert f"decided on {decided}" in warning
    assert "2027-01-01" in warning
    assert "wet2025.article_2_in_force [U]" in warning
    assert "art. 12(1)" in warning
    assert all(warning in result.warnings for result in report.assessments)


@pytest.mark.parametrize(
    ("decided", "in_force"),
    [("2027-03-01", None), ("2027-01-01", None), ("2026-05-01", "2026-01-01")],
)
def test_an_activation_decided_once_article_2_applies_gives_no_warning(
    decided: str, in_force: str | None
) -> None:
    """Art. 12(1): from the day art. 2 takes effect, art. 5 applies; the day itself included."""
    params: dict[str, object] = {"wet2025.activation_decided_on": decided}
    if in_force is not None:
        params["wet2025.article_2_in_force"] = in_force
    report = _quotum(year=2029, params=params)
    assert not [w for w in report.warnings if "activation" in w]


def _old_and_capped() -> tuple[Scenario, JobCount, QuotumReport[NationalInstrument]]:
    """E employs "old" (reaches the AOW age on 15 April 2029) and "full" (200 h a month)."""
    scenario = _reaches_aow_age_in_2029()
    full = Placement(id="job2", person="full", employer="E", hours=PayPeriod.months(YEAR, 200))
    scenario = scenario.evolve(
        people=(
            *scenario.people,
            Person.registered("full", ground=Ground.WAJONG, since="2015-01-01"),
        ),
        placements=(*scenario.placements, full),
    )
    count = count_jobs(scenario, rules=RULES, year=YEAR, parameters=ACTIVATED)
    report = assess_quotum(scenario, rules=RULES, year=YEAR, parameters=ACTIVATED, count=count)
    return scenario, count, report


def test_explaining_the_lkv_shows_each_persons_hours_cuts_and_cap_wtl_2_10_to_2_13() -> None:
    """Wtl 2.10(2)(a), 2.12(2), 2.13 (text of 2026-01-01): per person the counted hours, the pay
    periods cut and why (from the AOW age: May to December, whole pay periods), the hours that
    give the LKV, EUR 1.01 x hours before the cap and the amount after it (at most EUR 2,000).
    """
    _, count, report = _old_and_capped()
    e = report["E"]
    params = default_parameters().with_overrides(ACTIVATED)
    people = lkv_per_person("E", ledger_of(count, params), params)
    assert sum((p.amount for p in people), Fraction(0)) == e.lkv
    full, old = people  # in the order of ids
    assert (old.person, old.counted_hours, old.eligible_hours) == (
        "old",
        Fraction(1200),
        Fraction(400),
    )
    ((why, hours),) = old.cut
    assert (why.code, why.reference.article, hours) == ("W25-LKV-AOW", "2.10(2)(a)", Fraction(800))
    assert (old.before_cap, old.amount, old.capped) == (Fraction(404), Fraction(404), False)
    assert (full.eligible_hours, full.before_cap, full.amount, full.capped) == (
        Fraction(2400),
        Fraction(2424),
        Fraction(2000),
        True,
    )
    text = explain_quotum(e, count=count, parameters=ACTIVATED)
    assert "old: 1,200.00 h counted" in text
    assert "800.00 h give no LKV [W25-LKV-AOW] (Wtl art. 2.10(2)(a)" in text
    assert "8 pay periods: 2029-05-01 to 2029-05-31, 2029-06-01 to 2029-06-30, ..." in text
    assert "400.00 h give the LKV: EUR 1.01 x 400.00 h = EUR 404.00; under the cap" in text
    assert (
        "2,400.00 h give the LKV: EUR 1.01 x 2,400.00 h = EUR 2,424.00; capped at EUR 2,000.00"
        in text
    )
    assert f"LKV of E: EUR {e.lkv:,.2f}" in text
    assert text.index("LKV per person") > text.index("W25-LKV-AOW")  # after the reasons


def test_explaining_the_lkv_before_2026_shows_the_pay_periods_past_three_years_wtl_2_12() -> None:
    """Wtl 2.12(1),(2), text of 2018-01-01 (read up to 2025): employed from 1 July 2021, the
    pay periods from July 2024 on start three whole years later and give no LKV.
    """
    scenario = _lkv_scenario("2021-07-01")
    count = count_jobs(scenario, rules=RULES, year=2024)
    text = explain_quotum(assess_quotum(scenario, rules=RULES, year=2024)["F"], count=count)
    assert (
        "600.00 h give no LKV [W25-LKV-3Y] (Wtl art. 2.12(1) (BWBR0037522, version 2018-01-01"
        in text
    )
    assert (
        "6 pay periods: 2024-07-01 to 2024-07-31, 2024-08-01 to 2024-08-31, ..., 2024-12-01" in text
    )
    assert "600.00 h give the LKV: EUR 1.01 x 600.00 h = EUR 606.00; under the cap" in text


def test_explaining_the_lkv_needs_the_count_of_the_same_rules_and_year() -> None:
    """The LKV per person is read from the count the result rests on, never another one."""
    scenario, _, report = _old_and_capped()
    other = count_jobs(scenario, rules="wbqa-2015", year=YEAR - 3)
    with pytest.raises(InvalidValueError, match="the count is of wbqa-2015 over 2026"):
        explain_quotum(report["E"], count=other)
